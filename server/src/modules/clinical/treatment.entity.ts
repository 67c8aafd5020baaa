import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Appointment } from '../scheduling/appointment.entity';

export enum VisitType {
  CONSULTATION = 'CONSULTATION',
  FOLLOW_UP = 'FOLLOW_UP',
  EMERGENCY = 'EMERGENCY',
  PROCEDURE = 'PROCEDURE',
}

/**
 * One treatment entry of a visit. Clinical free text columns hold ciphertext
 * (`<keyId>:<base64 iv|tag|data>`), never plain text: see clinical/crypto.ts.
 */
@Entity({ tableName: 'treatment' })
@Index({ name: 'treatment_patient_created_idx', properties: ['patient', 'createdAt'] })
export class Treatment {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Appointment, deleteRule: 'restrict' })
  appointment!: Appointment;

  /** Denormalised from the appointment so history reads need no join. */
  @ManyToOne({ entity: () => Patient, deleteRule: 'restrict' })
  patient!: Patient;

  /** The author. */
  @ManyToOne({ entity: () => Doctor, deleteRule: 'restrict' })
  doctor!: Doctor;

  @Property({ type: 'text' })
  diagnosisEnc!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  icdCode?: string | null;

  @Property({ type: 'text', nullable: true })
  prescriptionEnc?: string | null;

  /** Encrypted JSON array of { name, dose, frequency, duration, instructions }. */
  @Property({ type: 'text', nullable: true })
  medicinesEnc?: string | null;

  @Property({ type: 'text', nullable: true })
  testsOrderedEnc?: string | null;

  @Property({ type: 'text', nullable: true })
  precautionsEnc?: string | null;

  @Property({ type: 'text', nullable: true })
  notesEnc?: string | null;

  @Property({ type: 'string', length: 16, default: 'CONSULTATION' })
  visitType: Opt<VisitType> = VisitType.CONSULTATION;

  @Property({ type: 'date', nullable: true })
  followUpDate?: string | null;

  @Property({ type: 'integer', default: 1 })
  version: Opt<number> = 1;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', length: 3, onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
