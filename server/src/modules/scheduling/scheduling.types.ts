import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Page } from '../../shared/pagination';
import { LocalDateScalar } from '../../shared/scalars';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { BlockReason } from './availability-block.entity';

export enum DayPeriod {
  MORNING = 'MORNING',
  AFTERNOON = 'AFTERNOON',
  EVENING = 'EVENING',
}

registerEnumType(DayPeriod, {
  name: 'DayPeriod',
  description: 'Part of the hospital day a slot starts in (hospital time).',
  valuesConfig: {
    MORNING: { description: 'Before 12:00.' },
    AFTERNOON: { description: 'From 12:00, before 17:00.' },
    EVENING: { description: 'From 17:00.' },
  },
});

registerEnumType(BlockReason, {
  name: 'BlockReason',
  description: 'Why a doctor is not bookable for a while.',
  valuesConfig: {
    LEAVE: { description: 'Leave: holiday, sickness, training.' },
    SURGERY: { description: 'In surgery.' },
    BLOCKED_SLOT: { description: 'A single slot or short time blocked for any other reason.' },
  },
});

@ObjectType('AvailabilityRule', { description: 'One weekly range of a doctor\'s hours, in hospital time (HMS_TIMEZONE).' })
export class AvailabilityRuleView {
  @Field(() => ID, { description: 'Stable id (rules are replaced as a whole by setWeeklyAvailability).' })
  id!: string;

  @Field(() => Int, { description: 'ISO weekday: 1 = Monday .. 7 = Sunday.' })
  weekday!: number;

  @Field(() => String, { description: 'Start, "HH:MM" hospital time.' })
  startTime!: string;

  @Field(() => String, { description: 'End (exclusive), "HH:MM" hospital time; "24:00" is midnight.' })
  endTime!: string;

  @Field(() => Int, { description: 'Length of one slot in minutes; divides the range.' })
  slotMinutes!: number;
}

@InputType({ description: 'One weekly range of hours. Several per weekday are allowed if they do not overlap.' })
export class AvailabilityRuleInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday .. 7 = Sunday.' })
  weekday!: number;

  @Field(() => String, { description: 'Start, "HH:MM" hospital time.' })
  startTime!: string;

  @Field(() => String, { description: 'End, "HH:MM" hospital time, after the start; "24:00" is midnight.' })
  endTime!: string;

  @Field(() => Int, { description: 'Slot length in minutes, 5 to 240, dividing the range into whole slots.' })
  slotMinutes!: number;
}

@ObjectType({ description: 'A bookable time with one doctor.' })
export class Slot {
  @Field(() => Date, { description: 'Start (UTC); pass it as BookAppointmentInput.startsAt.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End (UTC).' })
  endsAt!: Date;

  @Field(() => DayPeriod, { description: 'Morning, afternoon or evening, in hospital time.' })
  period!: DayPeriod;
}

@ObjectType({ description: 'How many free slots a doctor has on one hospital day.' })
export class DayAvailability {
  @Field(() => LocalDateScalar, { description: 'The hospital day.' })
  date!: string;

  @Field(() => Int, { description: 'Number of free slots that day (0 when none or outside the booking window).' })
  freeSlots!: number;
}

@ObjectType('AvailabilityBlock', { description: 'A time a doctor is not bookable although inside their weekly hours.' })
export class AvailabilityBlockView {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => ID, { description: 'The doctor.' })
  doctorId!: string;

  @Field(() => Date, { description: 'Start (UTC).' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End (UTC, exclusive).' })
  endsAt!: Date;

  @Field(() => BlockReason, { description: 'Why.' })
  reason!: BlockReason;

  @Field(() => String, { nullable: true, description: 'A note for the schedule.' })
  note!: string | null;

  @Field(() => Date, { description: 'When it was added.' })
  createdAt!: Date;
}

@InputType({ description: 'A new block of a doctor\'s time.' })
export class AddAvailabilityBlockInput {
  @Field(() => ID, { description: 'The doctor.' })
  doctorId!: string;

  @Field(() => Date, { description: 'Start (UTC instant).' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End (UTC instant), after the start; at most 366 days later.' })
  endsAt!: Date;

  @Field(() => BlockReason, { description: 'Why.' })
  reason!: BlockReason;

  @Field(() => String, { nullable: true, description: 'A note, at most 500 characters.' })
  note?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'ADMIN only: cancel the active appointments inside the block in the same change (otherwise a block over them is CONFLICT).',
  })
  cancelAppointments!: boolean;
}

@InputType({ description: 'A booking request.' })
export class BookAppointmentInput {
  @Field(() => ID, { description: 'The doctor.' })
  doctorId!: string;

  @Field(() => Date, { description: 'Start of a free slot, as listed by availableSlots.' })
  startsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why the patient is coming, at most 500 characters.' })
  reason?: string | null;

  @Field(() => ID, { nullable: true, description: 'ADMIN: the patient (required). PATIENT: omit it or pass your own id.' })
  patientId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Up to 100 characters chosen by the caller; a retry with the same key returns the first booking instead of booking again.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Filters of the admin appointment list; all optional and combined with AND.' })
export class AppointmentFilter {
  @Field(() => Date, { nullable: true, description: 'Starting at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Starting before this instant.' })
  to?: Date | null;

  @Field(() => AppointmentStatus, { nullable: true, description: 'Only this status.' })
  status?: AppointmentStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only this doctor.' })
  doctorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only doctors of this department.' })
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this patient.' })
  patientId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only visits without a live (non-VOID) invoice, for "Bill a visit"; false: only billed ones.' })
  unbilled?: boolean | null;
}

@ObjectType({ description: 'A page of appointments.' })
export class AppointmentPage extends Page(Appointment) {}
