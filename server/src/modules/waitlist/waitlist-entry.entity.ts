import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Department } from '../directory/department.entity';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { User } from '../identity/user.entity';

export enum WaitlistStatus {
  /** In line for a freed slot. */
  WAITING = 'WAITING',
  /** Holding an open offer. */
  OFFERED = 'OFFERED',
  /** Booked: by accepting an offer, or elsewhere in the entry's window. */
  BOOKED = 'BOOKED',
  /** Left the list (the patient or the front desk), or its last day passed. */
  CLOSED = 'CLOSED',
}

/** One patient waiting for a doctor (or any doctor of a department) in a date range and day periods. */
@Entity({ tableName: 'waitlist_entry' })
@Check({ name: 'waitlist_entry_status_check', expression: "status in ('WAITING','OFFERED','BOOKED','CLOSED')" })
@Check({ name: 'waitlist_entry_range_check', expression: 'from_day <= to_day' })
// First come, first served: waiting entries in id order.
@Index({ name: 'waitlist_entry_status_idx', properties: ['status', 'id'] })
@Index({ name: 'waitlist_entry_patient_idx', properties: ['patient', 'status'] })
export class WaitlistEntry {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Patient, deleteRule: 'cascade' })
  patient!: Patient;

  @ManyToOne({ entity: () => Doctor, nullable: true, deleteRule: 'cascade' })
  doctor?: Doctor | null;

  @ManyToOne({ entity: () => Department, nullable: true, deleteRule: 'cascade' })
  department?: Department | null;

  /** First and last hospital day (YYYY-MM-DD, HMS_TIMEZONE) the patient could come. */
  @Property({ type: 'date' })
  fromDay!: string;

  @Property({ type: 'date' })
  toDay!: string;

  /** Comma-separated DayPeriod values; empty = any time of day. */
  @Property({ type: 'string', length: 40, default: '' })
  periods: Opt<string> = '';

  @Property({ type: 'string', length: 16, default: 'WAITING' })
  status: Opt<WaitlistStatus> = WaitlistStatus.WAITING;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  closedAt?: Date | null;
}
