import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Doctor } from '../directory/doctor.entity';
import { Appointment } from '../scheduling/appointment.entity';
import { WaitlistEntry } from './waitlist-entry.entity';

export enum OfferStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
}

/**
 * A freed slot offered to one waiter. The slot itself is held by `appointment` (status
 * HELD), which sits in the same unique index as every booking: nobody else can take it.
 */
@Entity({ tableName: 'waitlist_offer' })
@Check({ name: 'waitlist_offer_status_check', expression: "status in ('OPEN','ACCEPTED','DECLINED','EXPIRED')" })
// A waiter is offered one slot once; the next freeing of it goes to the next waiter.
@Index({ name: 'waitlist_offer_slot_idx', properties: ['doctor', 'startsAt', 'entry'] })
@Index({ name: 'waitlist_offer_open_idx', properties: ['status', 'expiresAt'] })
@Index({ name: 'waitlist_offer_freed_idx', properties: ['freedAt'] })
export class WaitlistOffer {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => WaitlistEntry, deleteRule: 'cascade' })
  entry!: WaitlistEntry;

  @ManyToOne({ entity: () => Appointment, deleteRule: 'cascade' })
  appointment!: Appointment;

  @ManyToOne({ entity: () => Doctor, deleteRule: 'cascade' })
  doctor!: Doctor;

  @Property({ type: 'datetime', length: 3 })
  startsAt!: Date;

  @Property({ type: 'datetime', length: 3 })
  endsAt!: Date;

  /** When the slot became free (the first freeing in a chain of offers): the dashboard's time to refill starts here. */
  @Property({ type: 'datetime', length: 3 })
  freedAt!: Date;

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  @Property({ type: 'string', length: 16, default: 'OPEN' })
  status: Opt<OfferStatus> = OfferStatus.OPEN;

  @Property({ type: 'datetime', length: 3, nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();
}
