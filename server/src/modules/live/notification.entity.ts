import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../identity/user.entity';

/** A message for one user (a booking for a doctor, a cancellation for a patient). */
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_recipient_idx', properties: ['recipient', 'readAt', 'id'] })
export class Notification {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  recipient!: User;

  /** APPOINTMENT_BOOKED, APPOINTMENT_RESCHEDULED, APPOINTMENT_CANCELLED, ... */
  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Property({ type: 'string', length: 500 })
  message!: string;

  @Property({ type: 'json', nullable: true })
  payload?: Record<string, unknown> | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  readAt?: Date | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();
}
