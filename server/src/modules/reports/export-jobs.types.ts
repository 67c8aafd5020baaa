import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/scalars';
import { ExportFormat, ExportKind, ExportStatus } from './export-job.entity';

registerEnumType(ExportKind, {
  name: 'ExportKind',
  description: 'What a large export holds.',
  valuesConfig: {
    DASHBOARD: { description: 'The dashboard\'s figures for a range of up to 366 hospital days (admins: any filter; doctors: their own). CSV or XLSX.' },
    PATIENT_HISTORY: { description: 'A patient\'s whole treatment history (the patient, or a doctor in their care; never admins). CSV or PDF.' },
  },
});

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'The file format of an export.',
  valuesConfig: {
    CSV: { description: 'Comma-separated values (UTF-8 with BOM for the history).' },
    XLSX: { description: 'An Excel workbook.' },
    PDF: { description: 'A PDF document.' },
  },
});

registerEnumType(ExportStatus, {
  name: 'ExportStatus',
  description: 'Where an export job is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Being made; see progress and stage.' },
    DONE: { description: 'Ready: downloadUrl holds a link that works until downloadUrlExpiresAt.' },
    FAILED: { description: 'It could not be made; see error.' },
    EXPIRED: { description: 'The file was dropped after the retention time; start a new export.' },
  },
});

@InputType({ description: 'What to export. DASHBOARD takes from/to (and admins departmentId/doctorId); PATIENT_HISTORY takes patientId.' })
export class StartExportInput {
  @Field(() => ExportKind, { description: 'What to export.' })
  kind!: ExportKind;

  @Field(() => ExportFormat, { description: 'The file format: CSV or XLSX for DASHBOARD, CSV or PDF for PATIENT_HISTORY.' })
  format!: ExportFormat;

  @Field(() => LocalDateScalar, { nullable: true, description: 'DASHBOARD: first hospital day.' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'DASHBOARD: last hospital day (at most 366 days after from).' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'DASHBOARD (admins): only this department.' })
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'DASHBOARD (admins): only this doctor. Doctors always get their own.' })
  doctorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'PATIENT_HISTORY: whose history (patients: their own, the default).' })
  patientId?: string | null;
}

@ObjectType('ExportJob', { description: 'A large export running as a job: start it, watch its progress, download the file when it is DONE.' })
export class ExportJobView {
  @Field(() => ID, { description: 'The job id (random, not guessable).' })
  id!: string;

  @Field(() => ExportKind, { description: 'What it exports.' })
  kind!: ExportKind;

  @Field(() => ExportFormat, { description: 'The file format.' })
  format!: ExportFormat;

  @Field(() => ExportStatus, { description: 'Where the job is.' })
  status!: ExportStatus;

  @Field(() => Int, { description: 'How far it got, 0 to 100.' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'What it is doing now, for people.' })
  stage!: string | null;

  @Field(() => String, { nullable: true, description: 'The file\'s name once DONE.' })
  fileName!: string | null;

  @Field(() => Int, { nullable: true, description: 'The file\'s size in bytes once DONE.' })
  size!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'When DONE: a signed link to the file that needs no token and stops working at downloadUrlExpiresAt (ask again for a fresh one).',
  })
  downloadUrl!: string | null;

  @Field(() => Date, { nullable: true, description: 'When downloadUrl stops working.' })
  downloadUrlExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the file is dropped (status EXPIRED after it).' })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it FAILED, for people.' })
  error!: string | null;

  @Field(() => Date, { description: 'When it was started.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it finished (DONE or FAILED).' })
  finishedAt!: Date | null;
}
