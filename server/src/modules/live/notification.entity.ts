import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../identity/user.entity';
import { clock } from '../../clock';

/** A message for one user (a booking for a doctor, a cancellation for a patient). */
@ObjectType({ description: 'A message for the signed-in person, e.g. a new booking for a doctor or a cancelled visit for a patient.' })
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_recipient_idx', properties: ['recipient', 'readAt', 'id'] })
// The relay's "not yet published" scan (see relay.ts).
@Index({ name: 'notification_unpublished_idx', properties: ['publishedAt', 'id'] })
export class Notification {
  @Field(() => ID, { description: 'Stable id.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  recipient!: User;

  /** APPOINTMENT_BOOKED, APPOINTMENT_RESCHEDULED, APPOINTMENT_CANCELLED, ... */
  @Field(() => String, { description: 'What happened: APPOINTMENT_BOOKED, APPOINTMENT_RESCHEDULED or APPOINTMENT_CANCELLED.' })
  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Field(() => String, { description: 'The message, with names and times (hospital time zone), ready to show.' })
  @Property({ type: 'string', length: 500 })
  message!: string;

  @Property({ type: 'json', nullable: true })
  payload?: Record<string, unknown> | null;

  @Field(() => Date, { nullable: true, description: 'When it was marked read; null while unread.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  readAt?: Date | null;

  @Field(() => Date, { description: 'When it was written.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();

  /** Set by the relay once it reached the fan-out (Redis); null until then. Not exposed. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  publishedAt?: Date | null;
}
