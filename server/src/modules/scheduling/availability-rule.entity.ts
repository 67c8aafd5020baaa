import { Check, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Doctor } from '../directory/doctor.entity';

/** One weekly range of a doctor's hours, in hospital time (HMS_TIMEZONE). */
@Entity({ tableName: 'availability_rule' })
@Check({ name: 'availability_rule_weekday_check', expression: 'weekday between 1 and 7' })
@Check({ name: 'availability_rule_range_check', expression: 'start_minute < end_minute and slot_minutes > 0' })
export class AvailabilityRule {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Doctor, deleteRule: 'cascade' })
  doctor!: Doctor;

  /** ISO weekday: 1 = Monday .. 7 = Sunday. */
  @Property({ type: 'tinyint' })
  weekday!: number;

  /** Minutes after local midnight. */
  @Property({ type: 'smallint' })
  startMinute!: number;

  @Property({ type: 'smallint' })
  endMinute!: number;

  @Property({ type: 'smallint' })
  slotMinutes!: number;
}
