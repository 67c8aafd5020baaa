import { clock } from '../../clock';
import { Entity, Index, ManyToOne, OneToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/scalars';
import { User } from '../identity/user.entity';

/** A patient; `user` is null for a walk-in registered by the front desk. */
@ObjectType({ description: 'A patient of the hospital. Visible to the patient, their doctors and admins.' })
@Entity({ tableName: 'patient' })
// Search runs on indexes (see PatientService.search): words of the name and the record
// number through the full-text index, the phone's digits forwards and backwards.
@Index({ name: 'patient_search_ft', properties: ['fullName', 'medicalRecordNumber'], type: 'fulltext' })
@Index({ name: 'patient_name_idx', properties: ['fullName'] })
@Index({ name: 'patient_phone_digits_idx', properties: ['phoneDigits'] })
@Index({ name: 'patient_phone_reversed_idx', properties: ['phoneReversed'] })
@Index({ name: 'patient_created_idx', properties: ['createdAt'] })
export class Patient {
  @Field(() => ID, { description: 'Stable id (of the patient profile, not the user account).' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @OneToOne({ entity: () => User, owner: true, nullable: true, unique: true, deleteRule: 'restrict' })
  user?: User | null;

  @Field(() => String, { description: 'Full name.' })
  @Property({ type: 'string', length: 120 })
  fullName!: string;

  @Field(() => String, { description: 'Medical record number, e.g. MRN-7K2Q9X4M1B; unique.' })
  @Property({ type: 'string', length: 32, unique: true })
  medicalRecordNumber!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of birth.' })
  @Property({ type: 'date', nullable: true })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender.' })
  @Property({ type: 'string', length: 32, nullable: true })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  @Property({ type: 'string', length: 32, nullable: true, index: true })
  phone?: string | null;

  /** The phone's digits only, maintained by the database: prefix search. */
  @Property({ type: 'string', length: 32, generated: "(regexp_replace(`phone`,'[^0-9]','')) stored" })
  phoneDigits?: string | null;

  /** The phone's digits backwards: "ends with" search (the last digits people remember) as a prefix search. */
  @Property({ type: 'string', length: 32, generated: "(reverse(regexp_replace(`phone`,'[^0-9]',''))) stored" })
  phoneReversed?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  @Property({ type: 'string', length: 500, nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Blood group, e.g. O+.' })
  @Property({ type: 'string', length: 8, nullable: true })
  bloodGroup?: string | null;

  @Field(() => Int, { nullable: true, description: 'Height in centimetres.' })
  @Property({ type: 'integer', nullable: true })
  heightCm?: number | null;

  @Field(() => String, { nullable: true, description: 'Weight in kilograms, one decimal, e.g. "72.5".' })
  @Property({ type: 'decimal', precision: 5, scale: 1, nullable: true })
  weightKg?: string | null;

  @Field(() => String, { nullable: true, description: 'Known allergies.' })
  @Property({ type: 'string', length: 1000, nullable: true })
  allergies?: string | null;

  @Field(() => Boolean, { description: 'Whether the patient wants appointment reminders by e-mail.' })
  @Property({ type: 'boolean', default: false })
  reminderOptIn: Opt<boolean> = false;

  @Field(() => Boolean, { description: 'False once the front desk deactivated the record (or merged it into another): it cannot be booked.' })
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  /** Set when this walk-in record was merged into a registered patient's (see PatientAdminService.merge). */
  @ManyToOne({ entity: () => Patient, nullable: true, deleteRule: 'set null' })
  mergedInto?: Patient | null;
  @Field(() => Boolean, { description: 'Whether the patient wants appointment reminders by SMS (to their phone).' })
  @Property({ type: 'boolean', default: false })
  reminderSmsOptIn: Opt<boolean> = false;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}
