import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/scalars';
import { DayPeriod } from '../scheduling/scheduling.types';

@InputType({ description: 'Join the waitlist for a doctor or for any doctor of a department.' })
export class JoinWaitlistInput {
  @Field(() => ID, { nullable: true, description: 'The doctor (give this or departmentId).' })
  doctorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The department: a slot of any of its doctors matches (give this or doctorId).' })
  departmentId?: string | null;

  @Field(() => LocalDateScalar, { description: 'First hospital day the patient could come, today or later.' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'Last hospital day, not before `from`, within HMS_SERIES_WINDOW_DAYS.' })
  to!: string;

  @Field(() => [DayPeriod], { nullable: true, description: 'Parts of the day that suit; omitted or empty = any time.' })
  periods?: DayPeriod[] | null;

  @Field(() => ID, { nullable: true, description: 'ADMIN: the patient (required). PATIENT: omit it or pass your own id.' })
  patientId?: string | null;
}

@ObjectType({ description: 'A freed slot held for one waiter until `expiresAt` (HMS_WAITLIST_HOLD_MINUTES).' })
export class WaitlistOffer {
  @Field(() => ID, { description: 'Pass it to acceptWaitlistOffer or declineWaitlistOffer.' })
  id!: string;

  @Field(() => Date, { description: 'Start of the held slot (UTC).' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End of the held slot (UTC).' })
  endsAt!: Date;

  @Field(() => Date, { description: 'The hold ends then and the slot goes to the next waiter.' })
  expiresAt!: Date;

  @Field(() => ID, { description: 'The doctor of the slot.' })
  doctorId!: string;

  @Field(() => String, { description: 'The doctor\'s name.' })
  doctorName!: string;
}

@ObjectType({ description: 'A patient waiting for a freed slot.' })
export class WaitlistEntry {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'WAITING (in line), OFFERED (holding an offer), BOOKED (took an offer or booked elsewhere in the range), CLOSED (left, or the range passed).' })
  status!: string;

  @Field(() => WaitlistOffer, { nullable: true, description: 'The open offer, if any.' })
  offer!: WaitlistOffer | null;

  @Field(() => ID, { description: 'The patient.' })
  patientId!: string;

  @Field(() => String, { description: 'The patient\'s name.' })
  patientName!: string;

  @Field(() => ID, { nullable: true, description: 'The doctor waited for (null for a department entry).' })
  doctorId!: string | null;

  @Field(() => String, { nullable: true, description: 'The doctor\'s name.' })
  doctorName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The department waited for (null for a doctor entry).' })
  departmentId!: string | null;

  @Field(() => String, { nullable: true, description: 'The department\'s name (of the doctor, for a doctor entry).' })
  departmentName!: string | null;

  @Field(() => LocalDateScalar, { description: 'First hospital day that suits.' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'Last hospital day that suits.' })
  to!: string;

  @Field(() => [DayPeriod], { description: 'Parts of the day that suit; empty = any.' })
  periods!: DayPeriod[];

  @Field(() => Date, { description: 'When the patient joined: first come, first served.' })
  createdAt!: Date;
}
