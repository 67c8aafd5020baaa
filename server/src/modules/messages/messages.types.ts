import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import { Page } from '../../shared/pagination';

@ObjectType({ description: 'One entry of the message ledger: something the hospital must send (or sent) to a person. ADMIN only.' })
export class OutboxMessage {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'BOOKING_CONFIRMATION, RESCHEDULE_NOTICE, CANCEL_NOTICE, REMINDER, PASSWORD_RESET, DOCTOR_INVITATION, DOCTOR_BOOKING_NOTICE or WAITLIST_OFFER.' })
  kind!: string;

  @Field(() => String, { description: 'EMAIL or SMS.' })
  channel!: string;

  @Field(() => String, { description: 'PENDING (to be sent, or being retried), SENT, FAILED (every try failed; can be retried) or CANCELLED (no longer due: visit cancelled or moved, channel switched off, no address).' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The address it went to (known once a send was tried).' })
  address!: string | null;

  @Field(() => ID, { nullable: true, description: 'The patient it concerns, if any.' })
  patientId!: string | null;

  @Field(() => String, { nullable: true, description: 'That patient\'s name.' })
  patientName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The appointment it concerns, if any.' })
  appointmentId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it is (or was) due to go out.' })
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it went out.' })
  sentAt!: Date | null;

  @Field(() => Int, { description: 'Sending tries so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last try failed, or why it was cancelled.' })
  lastError!: string | null;

  @Field(() => String, { nullable: true, description: 'The provider\'s id of the sent message (SMTP Message-ID, gateway id; `log:` when only logged).' })
  providerId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was planned.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A page of the message ledger, newest first.' })
export class OutboxMessagePage extends Page(OutboxMessage) {}

@InputType({ description: 'Filters of the admin Messages page; all optional.' })
export class MessageFilter {
  @Field(() => ID, { nullable: true, description: 'Only messages about this patient.' })
  patientId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this kind (see OutboxMessage.kind).' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this status.' })
  status?: string | null;
}

@ObjectType({ description: 'One job queue\'s figures.' })
export class JobQueueFigures {
  @Field(() => String, { description: 'The job kind, e.g. messages.email.' })
  name!: string;

  @Field(() => Int, { description: 'Jobs ready to run.' })
  waiting!: number;

  @Field(() => Int, { description: 'Jobs running now.' })
  active!: number;

  @Field(() => Int, { description: 'Jobs waiting for their time (delays, retries).' })
  delayed!: number;

  @Field(() => Int, { description: 'Jobs that used up their attempts (the newest are kept).' })
  failed!: number;
}

@ObjectType({ description: 'A job that used up its attempts.' })
export class FailedJobInfo {
  @Field(() => String, { description: 'Its queue.' })
  queue!: string;

  @Field(() => String, { description: 'Its id.' })
  jobId!: string;

  @Field(() => String, { description: 'The last error.' })
  error!: string;

  @Field(() => Int, { description: 'Runs made.' })
  attempts!: number;

  @Field(() => DateTimeScalar, { description: 'When it failed for the last time.' })
  failedAt!: Date;
}

@ObjectType({ description: 'The background job engine as this process sees it. ADMIN only.' })
export class JobQueueStatus {
  @Field(() => String, { description: 'redis (BullMQ, shared by every process) or memory (this process only).' })
  backend!: string;

  @Field(() => Boolean, { description: 'Whether this process runs handlers (HMS_WORKERS, HMS_BACKGROUND_JOBS).' })
  workers!: boolean;

  @Field(() => Boolean, { description: 'Whether e-mail really leaves (HMS_SMTP_URL set); otherwise it only reaches the log and this Outbox.' })
  emailLive!: boolean;

  @Field(() => Boolean, { description: 'Whether SMS really leave (HMS_SMS_URL set).' })
  smsLive!: boolean;

  @Field(() => [JobQueueFigures], { description: 'Each queue\'s figures.' })
  queues!: JobQueueFigures[];

  @Field(() => [FailedJobInfo], { description: 'The newest failed jobs.' })
  recentFailures!: FailedJobInfo[];

  @Field(() => Int, { description: 'Ledger messages PENDING and due now (waiting to be sent).' })
  messagesDue!: number;

  @Field(() => Int, { description: 'Ledger messages FAILED.' })
  messagesFailed!: number;
}

@ObjectType({ description: 'The reminder of an appointment, as its patient sees it.' })
export class AppointmentReminder {
  @Field(() => String, { description: 'EMAIL or SMS.' })
  channel!: string;

  @Field(() => String, { description: 'PENDING (due at dueAt), SENT (at sentAt), FAILED or CANCELLED.' })
  status!: string;

  @Field(() => DateTimeScalar, { description: 'When it is due.' })
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was sent.' })
  sentAt!: Date | null;
}
