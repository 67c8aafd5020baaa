import { Check, Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { clock } from '../../clock';

export const MESSAGE_KINDS = [
  'BOOKING_CONFIRMATION', 'RESCHEDULE_NOTICE', 'CANCEL_NOTICE', 'REMINDER', 'PASSWORD_RESET', 'DOCTOR_INVITATION', 'DOCTOR_BOOKING_NOTICE', 'WAITLIST_OFFER',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_CHANNELS = ['EMAIL', 'SMS'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export const MESSAGE_STATUSES = ['PENDING', 'SENT', 'FAILED', 'CANCELLED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

/**
 * The ledger of what must be sent: one row per (kind, subject, channel), written in the transaction
 * of the change that causes it. Redis only carries the work; the sweep re-enqueues anything due and
 * unsent, and the sender claims a row before sending, so nothing goes out twice.
 */
@Entity({ tableName: 'message' })
@Unique({ name: 'message_kind_subject_channel_uniq', properties: ['kind', 'subject', 'channel'] })
@Index({ name: 'message_status_due_idx', properties: ['status', 'dueAt'] })
@Index({ name: 'message_patient_idx', properties: ['patientId', 'createdAt'] })
@Index({ name: 'message_appointment_idx', properties: ['appointmentId', 'kind'] })
@Index({ name: 'message_created_idx', properties: ['createdAt'] })
@Check({ name: 'message_kind_check', expression: `kind in (${list(MESSAGE_KINDS)})` })
@Check({ name: 'message_channel_check', expression: `channel in (${list(MESSAGE_CHANNELS)})` })
@Check({ name: 'message_status_check', expression: `status in (${list(MESSAGE_STATUSES)})` })
export class Message {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 32 })
  kind!: MessageKind;

  /** What it is about, e.g. `appointment:12`, `appointment:12@2026-12-02T09:00:00.000Z` (reminders follow the start), `reset:5`. */
  @Property({ type: 'string', length: 160 })
  subject!: string;

  @Property({ type: 'string', length: 8 })
  channel!: MessageChannel;

  @Property({ type: 'string', length: 16 })
  status: Opt<MessageStatus> = 'PENDING';

  /** The person it goes to (a user; null for a walk-in patient without an account). */
  @Property({ type: 'integer', nullable: true })
  recipientUserId?: number | null;

  @Property({ type: 'integer', nullable: true })
  patientId?: number | null;

  @Property({ type: 'integer', nullable: true })
  appointmentId?: number | null;

  /** The appointment's start this message was planned for: a moved visit's old rows no longer match. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  appointmentStartsAt?: Date | null;

  /** The address it went to (filled at send time, from the profile as it is then). */
  @Property({ type: 'string', length: 255, nullable: true })
  address?: string | null;

  /** Secret parts of the body (a reset or invitation link), sealed with the data key; cleared once sent. */
  @Property({ type: 'text', nullable: true, lazy: true })
  sealedPayload?: string | null;

  @Property({ type: 'datetime', length: 3 })
  dueAt!: Date;

  /** A claim while sending, or the next retry's time. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  notBefore?: Date | null;

  @Property({ type: 'integer' })
  attempts: Opt<number> = 0;

  @Property({ type: 'string', length: 1000, nullable: true })
  lastError?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  providerId?: string | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Opt<Date> = clock.now();
}
