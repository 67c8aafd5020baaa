import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A committed schedule change, written in the same transaction as the change.
 * `id` is the cursor a reconnecting subscriber passes to catch up. Holds no
 * clinical text. Pruned after a retention period.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ name: 'outbox_event_doctor_idx', properties: ['doctorId', 'id'] })
export class OutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** BOOKED, RESCHEDULED, CANCELLED, STATUS_CHANGED */
  @Property({ type: 'string', length: 32 })
  kind!: string;

  @Property({ type: 'integer' })
  doctorId!: number;

  @Property({ type: 'integer' })
  appointmentId!: number;

  @Property({ type: 'datetime', length: 3, nullable: true })
  previousStartsAt?: Date | null;

  @Property({ type: 'datetime', length: 3, index: true })
  createdAt: Opt<Date> = new Date();
}
