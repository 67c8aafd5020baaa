import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { clock } from '../../clock';

/**
 * A committed change, written in the same transaction as the change: schedule changes
 * (SCHEDULE_KINDS, what the live subscribers get) and the billing/clinical facts that only
 * webhooks carry (INVOICE_ISSUED, PAYMENT_RECORDED, TREATMENT_RECORDED; the live relay and
 * catch-up reads skip them). `id` is the cursor a reconnecting subscriber passes to catch up.
 * Holds ids and times only, never clinical text. Pruned after a retention period.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ name: 'outbox_event_doctor_idx', properties: ['doctorId', 'id'] })
// The relay's "not yet published" scan (see relay.ts).
@Index({ name: 'outbox_event_unpublished_idx', properties: ['publishedAt', 'id'] })
export class OutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** BOOKED, RESCHEDULED, CANCELLED, STATUS_CHANGED; INVOICE_ISSUED, PAYMENT_RECORDED, TREATMENT_RECORDED */
  @Property({ type: 'string', length: 32 })
  kind!: string;

  @Property({ type: 'integer' })
  doctorId!: number;

  @Property({ type: 'integer' })
  appointmentId!: number;

  /** The invoice, payment or treatment of a non-schedule kind (null for schedule changes). */
  @Property({ type: 'integer', nullable: true })
  subjectId?: number | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  previousStartsAt?: Date | null;

  /** The appointment's slot and status right after the change, so slot watchers can be told from the row alone. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  startsAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  endsAt?: Date | null;

  @Property({ type: 'string', length: 16, nullable: true })
  status?: string | null;

  @Property({ type: 'datetime', length: 3, index: true })
  createdAt: Opt<Date> = clock.now();

  /** Set by the relay once the event reached the fan-out (Redis); null until then. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  publishedAt?: Date | null;
}

/** The kinds the live subscribers (doctorScheduleChanged, slot watchers) are told of. */
export const SCHEDULE_KINDS = ['BOOKED', 'RESCHEDULED', 'CANCELLED', 'STATUS_CHANGED'] as const;

/** Outbox kinds only webhooks deliver. */
export type WebhookOnlyKind = 'INVOICE_ISSUED' | 'PAYMENT_RECORDED' | 'TREATMENT_RECORDED';
