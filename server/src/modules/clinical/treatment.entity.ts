import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/scalars';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Appointment } from '../scheduling/appointment.entity';
import { clock } from '../../clock';

export enum VisitType {
  CONSULTATION = 'CONSULTATION',
  FOLLOW_UP = 'FOLLOW_UP',
  EMERGENCY = 'EMERGENCY',
  PROCEDURE = 'PROCEDURE',
}

registerEnumType(VisitType, {
  name: 'VisitType',
  description: 'What kind of visit a treatment entry records.',
  valuesConfig: {
    CONSULTATION: { description: 'A first or routine consultation.' },
    FOLLOW_UP: { description: 'A follow-up of an earlier visit.' },
    EMERGENCY: { description: 'An emergency visit.' },
    PROCEDURE: { description: 'A procedure (e.g. minor surgery, injection, dressing).' },
  },
});

/**
 * One treatment entry of a visit. Clinical free text columns hold ciphertext
 * (`<keyId>:<base64 iv|tag|data>`), never plain text: see clinical/crypto.ts.
 */
@ObjectType({
  description: 'One treatment entry of a visit, written by the visit\'s doctor. Readable by the patient and by doctors in their care (see patientHistory); never by admins.',
})
@Entity({ tableName: 'treatment' })
// The care-relationship check ("an entry this doctor wrote") is an index lookup.
@Index({ name: 'treatment_doctor_patient_idx', properties: ['doctor', 'patient'] })
@Index({ name: 'treatment_patient_created_idx', properties: ['patient', 'createdAt'] })
export class Treatment {
  @Field(() => ID, { description: 'Stable id.' })
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

  @Field(() => String, { nullable: true, description: 'ICD-10 code of the diagnosis, e.g. J45.909.' })
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

  /** Private clinical notes: clinicians only, never the patient's views or exports. */
  @Property({ type: 'text', nullable: true })
  notesEnc?: string | null;

  /** Notes written for the patient (shown in their history, CSV and PDF). */
  @Property({ type: 'text', nullable: true })
  patientNotesEnc?: string | null;

  @Field(() => VisitType, { description: 'What kind of visit this was.' })
  @Property({ type: 'string', length: 16, default: 'CONSULTATION' })
  visitType: Opt<VisitType> = VisitType.CONSULTATION;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the patient should come back (hospital calendar day).' })
  @Property({ type: 'date', nullable: true })
  followUpDate?: string | null;

  @Field(() => Int, { description: 'Bumped by every edit; pass it as expectedVersion to updateTreatment to refuse stale edits.' })
  @Property({ type: 'integer', default: 1 })
  version: Opt<number> = 1;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();

  @Field(() => Date, { description: 'When it was last edited (equals createdAt when never edited).' })
  @Property({ type: 'datetime', length: 3, onUpdate: () => clock.now() })
  updatedAt: Opt<Date> = clock.now();
}
