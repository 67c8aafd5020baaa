import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../identity/user.entity';
import { LocalDateScalar } from '../../shared/scalars';
import { Treatment, VisitType } from './treatment.entity';

@ObjectType({ description: 'One prescribed medicine.' })
export class Medicine {
  @Field(() => String, { description: 'Medicine name, e.g. Amoxicillin.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Dose, e.g. 500 mg.' })
  dose!: string | null;

  @Field(() => String, { nullable: true, description: 'How often, e.g. three times a day.' })
  frequency!: string | null;

  @Field(() => String, { nullable: true, description: 'For how long, e.g. 7 days.' })
  duration!: string | null;

  @Field(() => String, { nullable: true, description: 'Extra instructions, e.g. after meals.' })
  instructions!: string | null;
}

@InputType({ description: 'One prescribed medicine.' })
export class MedicineInput {
  @Field(() => String, { description: 'Medicine name (required, at most 200 characters).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Dose, e.g. 500 mg (at most 100 characters).' })
  dose?: string | null;

  @Field(() => String, { nullable: true, description: 'How often, e.g. three times a day (at most 100 characters).' })
  frequency?: string | null;

  @Field(() => String, { nullable: true, description: 'For how long, e.g. 7 days (at most 100 characters).' })
  duration?: string | null;

  @Field(() => String, { nullable: true, description: 'Extra instructions (at most 1,000 characters).' })
  instructions?: string | null;
}

@InputType({ description: 'A new treatment entry. Clinical text is stored encrypted.' })
export class TreatmentInput {
  @Field(() => String, { description: 'What was found (required, at most 5,000 characters).' })
  diagnosis!: string;

  @Field(() => String, { nullable: true, description: 'Prescription as free text (at most 5,000 characters).' })
  prescription?: string | null;

  @Field(() => String, { nullable: true, description: 'Private clinical notes, only clinicians see them, never the patient (at most 20,000 characters).' })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes for the patient: shown in their history and exports (at most 20,000 characters).' })
  patientNotes?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the patient should come back; today or later (hospital calendar).' })
  followUpDate?: string | null;

  @Field(() => String, { nullable: true, description: 'ICD-10 code of the diagnosis, e.g. A00, A00.0 or J45.909.' })
  icdCode?: string | null;

  @Field(() => [MedicineInput], { nullable: true, description: 'Structured medicines (at most 50).' })
  medicines?: MedicineInput[] | null;

  @Field(() => String, { nullable: true, description: 'Tests ordered, e.g. blood count, chest X-ray (at most 5,000 characters).' })
  testsOrdered?: string | null;

  @Field(() => String, { nullable: true, description: 'Precautions and advice for the patient (at most 5,000 characters).' })
  precautions?: string | null;

  @Field(() => VisitType, { nullable: true, description: 'What kind of visit; CONSULTATION when omitted.' })
  visitType?: VisitType | null;
}

@InputType({ description: 'An edit of a treatment entry: only the fields sent change (null clears an optional field).' })
export class UpdateTreatmentInput {
  @Field(() => String, { nullable: true, description: 'What was found (cannot be cleared, at most 5,000 characters).' })
  diagnosis?: string | null;

  @Field(() => String, { nullable: true, description: 'Prescription as free text.' })
  prescription?: string | null;

  @Field(() => String, { nullable: true, description: 'Private clinical notes (clinicians only).' })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes for the patient.' })
  patientNotes?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the patient should come back; today or later when changed.' })
  followUpDate?: string | null;

  @Field(() => String, { nullable: true, description: 'ICD-10 code of the diagnosis.' })
  icdCode?: string | null;

  @Field(() => [MedicineInput], { nullable: true, description: 'Replaces the whole medicines list.' })
  medicines?: MedicineInput[] | null;

  @Field(() => String, { nullable: true, description: 'Tests ordered.' })
  testsOrdered?: string | null;

  @Field(() => String, { nullable: true, description: 'Precautions and advice.' })
  precautions?: string | null;

  @Field(() => VisitType, { nullable: true, description: 'What kind of visit.' })
  visitType?: VisitType | null;

  @Field(() => Int, { nullable: true, description: 'The version you edited; a different current version is CONFLICT (someone else edited first).' })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'Values of a treatment\'s fields before an edit; only the fields the edit changed are set.' })
export class TreatmentSnapshot {
  @Field(() => String, { nullable: true, description: 'Diagnosis before the edit.' })
  diagnosis?: string | null;

  @Field(() => String, { nullable: true, description: 'ICD-10 code before the edit.' })
  icdCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Prescription before the edit.' })
  prescription?: string | null;

  @Field(() => [Medicine], { nullable: true, description: 'Medicines before the edit.' })
  medicines?: Medicine[] | null;

  @Field(() => String, { nullable: true, description: 'Tests ordered before the edit.' })
  testsOrdered?: string | null;

  @Field(() => String, { nullable: true, description: 'Precautions before the edit.' })
  precautions?: string | null;

  @Field(() => String, { nullable: true, description: 'Private clinical notes before the edit.' })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes for the patient before the edit.' })
  patientNotes?: string | null;

  @Field(() => VisitType, { nullable: true, description: 'Visit type before the edit.' })
  visitType?: VisitType | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Follow-up date before the edit.' })
  followUpDate?: string | null;
}

@ObjectType('TreatmentRevision', { description: 'One edit of a treatment entry: who, when, which fields changed and their previous values.' })
export class TreatmentRevisionView {
  @Field(() => ID, { description: 'Stable id.' })
  id!: number;

  @Field(() => ID, { description: 'The treatment entry edited.' })
  treatmentId!: number;

  @Field(() => String, { description: 'Name of who edited (the author doctor).' })
  editedBy!: string;

  @Field(() => Date, { description: 'When the edit was made.' })
  editedAt!: Date;

  @Field(() => [String], { description: 'Names of the fields the edit changed, e.g. ["diagnosis", "medicines"].' })
  changedFields!: string[];

  @Field(() => TreatmentSnapshot, { description: 'The changed fields\' values before the edit.' })
  previous!: TreatmentSnapshot;
}

@ObjectType({ description: 'That a patient has medical records, without any clinical content (for admins and operations).' })
export class PatientRecordSummary {
  @Field(() => ID, { description: 'The patient.' })
  patientId!: number;

  @Field(() => Int, { description: 'Number of treatment entries.' })
  treatmentCount!: number;

  @Field(() => Date, { nullable: true, description: 'Start of the latest visit with a treatment entry; null when none.' })
  lastVisitAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the latest treatment entry was recorded; null when none.' })
  lastRecordedAt!: Date | null;
}

@ObjectType({ description: 'The signed-in patient\'s medical records at a glance, for their dashboard.' })
export class MyRecordSummary {
  @Field(() => Int, { description: 'Number of treatment entries.' })
  treatmentCount!: number;

  @Field(() => Date, { nullable: true, description: 'Start of the latest visit with a treatment entry; null when none.' })
  lastVisitAt!: Date | null;

  @Field(() => Treatment, { nullable: true, description: 'The newest treatment entry; null when none.' })
  latest!: Treatment | null;
}

/** What part of a patient's clinical records was opened. */
export enum RecordAccessKind {
  HISTORY = 'HISTORY',
  TREATMENT = 'TREATMENT',
  REVISIONS = 'REVISIONS',
  VISIT_ENTRIES = 'VISIT_ENTRIES',
  CSV_EXPORT = 'CSV_EXPORT',
  PDF_EXPORT = 'PDF_EXPORT',
}

registerEnumType(RecordAccessKind, {
  name: 'RecordAccessKind',
  description: 'What part of a patient\'s clinical records was opened.',
  valuesConfig: {
    HISTORY: { description: 'The whole treatment history (patientHistory).' },
    TREATMENT: { description: 'One treatment entry.' },
    REVISIONS: { description: 'The earlier versions of one treatment entry.' },
    VISIT_ENTRIES: { description: 'The treatment entries of visits, shown with the appointments.' },
    CSV_EXPORT: { description: 'The history downloaded as CSV.' },
    PDF_EXPORT: { description: 'The history downloaded as PDF.' },
  },
});

@ObjectType({ description: 'One opening of a patient\'s clinical records, or an attempt that was refused: who, what, when.' })
export class RecordAccess {
  @Field(() => ID, { description: 'Stable id; larger is later.' })
  id!: string;

  @Field(() => String, {
    description: 'Who: the doctor\'s name, "Hospital administrator" for an admin, "Another patient" for a patient (their name is theirs).',
  })
  readerName!: string;

  @Field(() => Role, { nullable: true, description: 'The reader\'s role; null when the account no longer exists.' })
  readerRole!: Role | null;

  @Field(() => RecordAccessKind, { description: 'What was opened.' })
  kind!: RecordAccessKind;

  @Field(() => ID, { nullable: true, description: 'The treatment entry opened, for TREATMENT and REVISIONS.' })
  treatmentId!: string | null;

  @Field(() => Boolean, { description: 'False when the attempt was refused (FORBIDDEN): nothing was shown.' })
  granted!: boolean;

  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Id of the request, to quote when asking the hospital about it.' })
  requestId!: string | null;
}
