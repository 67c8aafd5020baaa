import { Entity, ManyToOne, OneToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../identity/user.entity';
import { Department } from './department.entity';
import { clock } from '../../clock';

@ObjectType({ description: 'A doctor who sees patients in one department.' })
@Entity({ tableName: 'doctor' })
export class Doctor {
  @Field(() => ID, { description: 'Stable id (of the doctor profile, not the user account).' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @OneToOne({ entity: () => User, owner: true, unique: true, deleteRule: 'restrict' })
  user!: User;

  @ManyToOne({ entity: () => Department, deleteRule: 'restrict' })
  department!: Department;

  @Field(() => String, { description: 'Full name as shown to patients.' })
  @Property({ type: 'string', length: 120 })
  fullName!: string;

  @Field(() => String, { description: 'Specialization, e.g. Interventional cardiology.' })
  @Property({ type: 'string', length: 120 })
  specialization!: string;

  /** Minor units of HMS_CURRENCY; exposed as Money by the resolver. */
  @Property({ type: 'integer', default: 0 })
  consultationFeeMinor: Opt<number> = 0;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  @Property({ type: 'string', length: 32, nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender.' })
  @Property({ type: 'string', length: 32, nullable: true })
  gender?: string | null;

  @Field(() => Int, { nullable: true, description: 'Years of experience.' })
  @Property({ type: 'integer', nullable: true })
  experienceYears?: number | null;

  @Field(() => String, { nullable: true, description: 'A short profile for patients.' })
  @Property({ type: 'text', nullable: true })
  about?: string | null;

  @Field(() => Boolean, { description: 'Inactive doctors cannot be booked and are hidden from patients.' })
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  /** The doctor wants an e-mail for every new booking (set by the doctor; not shown to others). */
  @Property({ type: 'boolean', default: false })
  bookingNotices: Opt<boolean> = false;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}
