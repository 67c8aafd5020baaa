import { Entity, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Department } from '../directory/department.entity';
import { Doctor } from '../directory/doctor.entity';
import { Appointment } from '../scheduling/appointment.entity';

/**
 * The last queue number issued for one doctor on one hospital day. Check-in locks this row
 * (insert … on duplicate key update) inside its own transaction, so numbers are issued one
 * at a time and a rolled-back check-in gives its number back: 1..N without gaps.
 */
@Entity({ tableName: 'queue_counter' })
export class QueueCounter {
  @ManyToOne({ entity: () => Doctor, primary: true, deleteRule: 'cascade' })
  doctor!: Doctor;

  /** The hospital day (HMS_TIMEZONE) of the appointments it numbers. */
  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'integer' })
  lastNumber!: number;
}

/** The number a checked-in patient waits with, and when the doctor called them in. */
@Entity({ tableName: 'queue_ticket' })
// The database's last word: one number per doctor per day, one ticket per visit.
@Unique({ name: 'queue_ticket_number_unique', properties: ['doctor', 'day', 'number'] })
export class QueueTicket {
  @ManyToOne({ entity: () => Appointment, primary: true, deleteRule: 'cascade' })
  appointment!: Appointment;

  @ManyToOne({ entity: () => Doctor, deleteRule: 'cascade' })
  doctor!: Doctor;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'datetime', length: 3 })
  issuedAt!: Date;

  /** Set when the patient was called in (IN_CONSULTATION); the lobby shows the latest call per doctor. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  calledAt?: Date | null;
}

/**
 * A lobby screen's credential: it reads "now calling" numbers (of one department, or all) and
 * nothing else. Only the SHA-256 of the secret is stored; rotating replaces the hash.
 */
@Entity({ tableName: 'display_token' })
export class DisplayToken {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** hex SHA-256 of the secret. */
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  /** Null: every department. */
  @ManyToOne({ entity: () => Department, nullable: true, deleteRule: 'cascade' })
  department?: Department | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  rotatedAt?: Date | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt!: Date;

  @Property({ type: 'integer', default: 1 })
  version: Opt<number> = 1;
}
