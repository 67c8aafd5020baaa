import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { User } from '../identity/user.entity';
import { clock } from '../../clock';
import { AppointmentSeries } from './appointment-series.entity';

export enum AppointmentStatus {
  SCHEDULED = 'SCHEDULED',
  CHECKED_IN = 'CHECKED_IN',
  IN_CONSULTATION = 'IN_CONSULTATION',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
  HELD = 'HELD',
  RELEASED = 'RELEASED',
}

registerEnumType(AppointmentStatus, {
  name: 'AppointmentStatus',
  description: 'Where an appointment is in the visit: SCHEDULED -> CHECKED_IN -> IN_CONSULTATION -> COMPLETED (IN_CONSULTATION may be skipped), or CANCELLED / NO_SHOW.',
  valuesConfig: {
    SCHEDULED: { description: 'Booked and holding its slot.' },
    CHECKED_IN: { description: 'The patient has arrived (from one hour before the start until the end of that hospital day).' },
    IN_CONSULTATION: { description: 'Called in: the patient is with the doctor now (from "call next patient" or a status change).' },
    COMPLETED: { description: 'The visit is over.' },
    CANCELLED: { description: 'Cancelled by the patient, the doctor or an admin; the slot is free again.' },
    NO_SHOW: { description: 'The patient did not come; the slot is free again.' },
    HELD: { description: 'A freed slot held for a waiter on the waitlist until their offer is accepted (then SCHEDULED) or ends; nobody else can book it meanwhile.' },
    RELEASED: { description: 'A waitlist hold that was declined or expired; the slot was passed on.' },
  },
});

/** Statuses that hold their slot; the others free it. */
export const ACTIVE_STATUSES = [AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_CONSULTATION, AppointmentStatus.COMPLETED, AppointmentStatus.HELD];

/** Rows that are waitlist machinery, not visits: lists of visits leave them out. */
export const HOLD_STATUSES = [AppointmentStatus.HELD, AppointmentStatus.RELEASED];

@ObjectType({ description: 'A booked visit of one patient with one doctor.' })
@Entity({ tableName: 'appointment' })
// Double booking is impossible in the database: `active_starts_at` is NULL once an
// appointment stops holding its slot, and NULLs never collide in a unique index.
// A waitlist hold (HELD) holds its slot like a booking. An urgent visit is squeezed in
// over a taken slot, so it stays out of the doctor's index (`slot_starts_at` is NULL for
// it) but keeps its place in the patient's; ordinary bookings still see it as taken (the
// clash checks read `active_starts_at`) and urgent bookings take the same doctor lock.
@Unique({ name: 'appointment_doctor_active_slot_unique', properties: ['doctor', 'slotStartsAt'] })
@Unique({ name: 'appointment_patient_active_slot_unique', properties: ['patient', 'activeStartsAt'] })
// The clash checks and free-slot reads walk this range (urgent visits included).
@Index({ name: 'appointment_doctor_active_idx', properties: ['doctor', 'activeStartsAt'] })
@Unique({ name: 'appointment_idempotency_unique', properties: ['createdBy', 'idempotencyKey'] })
@Index({ name: 'appointment_doctor_starts_idx', properties: ['doctor', 'startsAt'] })
@Index({ name: 'appointment_patient_starts_idx', properties: ['patient', 'startsAt'] })
// Covers the dashboard's scans of a date range (no row lookups); also every read by time alone.
@Index({ name: 'appointment_report_idx', properties: ['startsAt', 'doctor', 'status', 'patient'] })
// Admin lists filtered by status walk this index in time order and stop at the page's end;
// the count of a doctor's or a department's visits by status reads index ranges only.
@Index({ name: 'appointment_status_starts_idx', properties: ['status', 'startsAt'] })
@Index({ name: 'appointment_doctor_status_starts_idx', properties: ['doctor', 'status', 'startsAt'] })
@Check({ name: 'appointment_range_check', expression: 'starts_at < ends_at' })
// No visit is longer than the longest slot (MAX_SLOT_MINUTES): clash checks rely on it to bound their reads.
@Check({ name: 'appointment_length_check', expression: 'ends_at <= starts_at + interval 240 minute' })
@Check({ name: 'appointment_status_check', expression: "status in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED','CANCELLED','NO_SHOW','HELD','RELEASED')" })
@Index({ name: 'appointment_series_idx', properties: ['series', 'startsAt'] })
export class Appointment {
  @Field(() => ID, { description: 'Stable id.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Patient, deleteRule: 'restrict' })
  patient!: Patient;

  @ManyToOne({ entity: () => Doctor, deleteRule: 'restrict' })
  doctor!: Doctor;

  @Field(() => Date, { description: 'Start of the slot (UTC).' })
  @Property({ type: 'datetime', length: 3 })
  startsAt!: Date;

  @Field(() => Date, { description: 'End of the slot (UTC).' })
  @Property({ type: 'datetime', length: 3 })
  endsAt!: Date;

  @Field(() => AppointmentStatus, { description: 'Current status.' })
  @Property({ type: 'string', length: 16, default: 'SCHEDULED' })
  status: Opt<AppointmentStatus> = AppointmentStatus.SCHEDULED;

  /** Maintained by the database; see the unique indexes above. */
  @Property({
    type: 'datetime',
    length: 3,
    generated: "(if(`status` in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED','HELD'),`starts_at`,NULL)) stored",
  })
  activeStartsAt?: Date | null;

  /** Maintained by the database: as `activeStartsAt`, but NULL for urgent visits (the doctor's unique index). */
  @Property({
    type: 'datetime',
    length: 3,
    generated: "(if(`status` in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED','HELD') and `urgent` = 0,`starts_at`,NULL)) stored",
  })
  slotStartsAt?: Date | null;

  @Field(() => Boolean, { description: 'An urgent visit booked by the front desk over a taken slot or outside hours.' })
  @Property({ type: 'boolean', default: false })
  urgent: Opt<boolean> = false;

  /** Shown through a field resolver (not to patients). */
  @Property({ type: 'string', length: 500, nullable: true })
  urgentReason?: string | null;

  /** The recurring series this visit belongs to, if any. */
  @ManyToOne({ entity: () => AppointmentSeries, nullable: true, deleteRule: 'set null' })
  series?: AppointmentSeries | null;

  @Field(() => String, { nullable: true, description: 'Why the patient is coming, in their words.' })
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled, when it was.' })
  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason?: string | null;

  /** Who booked it; with `idempotencyKey` makes retries return the first booking. */
  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the patient was checked in.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  checkedInAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  cancelledAt?: Date | null;

  /** Bumped by every change, so clients can tell stale copies apart. */
  @Field(() => Int, { description: 'Bumped by every change.' })
  @Property({ type: 'integer', default: 1 })
  version: Opt<number> = 1;

  @Field(() => Date, { description: 'When it was booked.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();

  @Field(() => Date, { description: 'When it last changed.' })
  @Property({ type: 'datetime', length: 3, onUpdate: () => clock.now() })
  updatedAt: Opt<Date> = clock.now();
}
