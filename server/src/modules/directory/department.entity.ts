import { Collection, Entity, OneToMany, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Doctor } from './doctor.entity';
import { clock } from '../../clock';

@ObjectType({ description: 'A department of the hospital, e.g. Cardiology.' })
@Entity({ tableName: 'department' })
export class Department {
  @Field(() => ID, { description: 'Stable id.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'Unique name.' })
  @Property({ type: 'string', length: 120, unique: true })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the department does.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Boolean, { description: 'Inactive departments are hidden from booking.' })
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @OneToMany({ entity: () => Doctor, mappedBy: 'department' })
  doctors = new Collection<Doctor>(this);

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}
