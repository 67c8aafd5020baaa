import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/scalars';
import { Department } from '../directory/department.entity';
import { Appointment, AppointmentStatus } from '../scheduling/appointment.entity';

@ObjectType({ description: 'One visit on the front desk\'s flow board: where the patient is in the visit, and how long they waited.' })
export class FlowBoardEntry {
  @Field(() => Appointment, { description: 'The visit (doctor, patient, slot).' })
  appointment!: Appointment;

  @Field(() => AppointmentStatus, { description: 'SCHEDULED = booked, CHECKED_IN = arrived and waiting, IN_CONSULTATION = with the doctor, COMPLETED = done, or NO_SHOW.' })
  status!: AppointmentStatus;

  @Field(() => Int, { nullable: true, description: 'The queue number issued at check-in (per doctor per hospital day); null before check-in.' })
  queueNumber!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the patient checked in.' })
  arrivedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the doctor called the patient in.' })
  calledAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Whole minutes from arrival until called in, or until now while still waiting; null before arrival.' })
  minutesWaited!: number | null;
}

@ObjectType({ description: 'Every doctor\'s visits of one hospital day, for the front desk.' })
export class FlowBoard {
  @Field(() => LocalDateScalar, { description: 'The hospital day shown.' })
  date!: string;

  @Field(() => [FlowBoardEntry], { description: 'Visits in time order (cancelled ones left out).' })
  entries!: FlowBoardEntry[];

  @Field(() => Date, { description: 'The server time minutesWaited was computed at.' })
  generatedAt!: Date;
}

@ObjectType({ description: 'A change that may move the flow board: refetch it (or the one entry).' })
export class FlowBoardChange {
  @Field(() => String, { description: 'BOOKED, RESCHEDULED, CANCELLED or STATUS_CHANGED.' })
  kind!: string;

  @Field(() => ID, { description: 'The appointment that changed.' })
  appointmentId!: string;

  @Field(() => ID, { description: 'Its doctor.' })
  doctorId!: string;
}

@ObjectType({ description: 'A lobby screen\'s credential (the secret itself is shown once, at creation or rotation).' })
export class DisplayTokenView {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Where the screen hangs, e.g. "Ground floor lobby".' })
  name!: string;

  @Field(() => Department, { nullable: true, description: 'The one department the screen shows; null = every department.' })
  department!: Department | null;

  @Field(() => Boolean, { description: 'False once revoked.' })
  active!: boolean;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When its secret was last replaced.' })
  rotatedAt!: Date | null;
}

@ObjectType({ description: 'A display token with its secret, returned once.' })
export class CreatedDisplayToken {
  @Field(() => DisplayTokenView, { description: 'The token.' })
  displayToken!: DisplayTokenView;

  @Field(() => String, { description: 'The secret, starting with "hmsd_": open /display/queue#token=<secret> on the screen. Not shown again.' })
  secret!: string;
}

@InputType({ description: 'A new lobby screen.' })
export class CreateDisplayTokenInput {
  @Field(() => String, { description: 'Where the screen hangs (1-100 characters).' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Show only this department\'s doctors; omit for every department.' })
  departmentId?: string | null;
}

@ObjectType({ description: 'What a lobby screen shows for one doctor: numbers only, never patient names.' })
export class LobbyDoctor {
  @Field(() => ID, { description: 'The doctor.' })
  doctorId!: string;

  @Field(() => String, { description: 'The doctor\'s name, as on the door.' })
  doctorName!: string;

  @Field(() => String, { description: 'The doctor\'s department.' })
  departmentName!: string;

  @Field(() => Int, { nullable: true, description: 'The queue number called in last today; null before the first call.' })
  nowCalling!: number | null;

  @Field(() => Int, { description: 'How many checked-in patients still wait.' })
  waiting!: number;
}

@ObjectType({ description: 'The lobby screen of one hospital day: "now calling" per doctor.' })
export class LobbyQueue {
  @Field(() => LocalDateScalar, { description: 'Today, in hospital time.' })
  date!: string;

  @Field(() => String, { description: 'The screen\'s heading: its department, or "All departments".' })
  title!: string;

  @Field(() => [LobbyDoctor], { description: 'Doctors with visits today (of the screen\'s department), by name.' })
  doctors!: LobbyDoctor[];
}
