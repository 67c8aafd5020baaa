import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

// The dashboard's daily roll-up (see rollup.ts). Only the database writes these rows:
// triggers on `appointment` keep `appointment_daily` exact in the transaction of every
// change; the application fills `hospital_utc_offset` for the configured time zone and rebuilds
// the roll-up when that zone changes. Entities only so the schema diff knows the tables.

/** From `startsAt` (UTC) until the next row, the hospital zone's offset from UTC in minutes. */
@Entity({ tableName: 'hospital_utc_offset' })
export class HospitalUtcOffset {
  @PrimaryKey({ type: 'datetime', length: 3, autoincrement: false })
  startsAt!: Date;

  @Property({ type: 'integer' })
  offsetMinutes!: number;
}

/** Appointments starting on one hospital day with one doctor, by status (every status, cancelled included). */
@Entity({ tableName: 'appointment_daily' })
export class AppointmentDaily {
  @PrimaryKey({ type: 'date', autoincrement: false })
  day!: string;

  @PrimaryKey({ type: 'integer', unsigned: true, autoincrement: false })
  doctorId!: number;

  @Property({ type: 'integer', default: 0 })
  appointments!: number;

  @Property({ type: 'integer', default: 0 })
  scheduled!: number;

  @Property({ type: 'integer', default: 0 })
  checkedIn!: number;

  @Property({ type: 'integer', default: 0 })
  inConsultation!: number;

  @Property({ type: 'integer', default: 0 })
  completed!: number;

  @Property({ type: 'integer', default: 0 })
  cancelled!: number;

  @Property({ type: 'integer', default: 0 })
  noShow!: number;
}

/** Which time zone `hospital_utc_offset` and `appointment_daily` were built for (one row, id 1). */
@Entity({ tableName: 'report_rollup_state' })
export class ReportRollupState {
  @PrimaryKey({ type: 'tinyint', unsigned: true, autoincrement: false })
  id!: number;

  @Property({ type: 'string', length: 64 })
  timezone!: string;

  @Property({ type: 'datetime', length: 3 })
  builtAt!: Date;
}
