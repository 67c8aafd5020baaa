import { Check, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { User } from '../identity/user.entity';

/**
 * A recurring visit: the rule it was booked with. Each occurrence is an ordinary
 * `appointment` row pointing here, with every guarantee of a single booking.
 */
@Entity({ tableName: 'appointment_series' })
@Check({ name: 'appointment_series_rule_check', expression: "rule in ('WEEKLY','MONTHLY_WEEKDAY')" })
export class AppointmentSeries {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Patient, deleteRule: 'restrict' })
  patient!: Patient;

  @ManyToOne({ entity: () => Doctor, deleteRule: 'restrict' })
  doctor!: Doctor;

  /** WEEKLY (every `everyWeeks` weeks) or MONTHLY_WEEKDAY (the same weekday of the month, e.g. 2nd Tuesday). */
  @Property({ type: 'string', length: 20 })
  rule!: string;

  @Property({ type: 'integer', nullable: true })
  everyWeeks?: number | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();
}
