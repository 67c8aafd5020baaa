import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { User } from '../identity/user.entity';

export enum ExportKind {
  DASHBOARD = 'DASHBOARD',
  PATIENT_HISTORY = 'PATIENT_HISTORY',
}

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
  PDF = 'PDF',
}

export enum ExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}

/**
 * A large export run as a job: who asked, what for, how far it got, and the
 * finished file. The file lives in the database so any API process can serve
 * the download; it is dropped (status EXPIRED) after HMS_EXPORT_RETENTION_HOURS.
 */
@Entity({ tableName: 'export_job' })
@Check({ name: 'export_job_kind_check', expression: "kind in ('DASHBOARD','PATIENT_HISTORY')" })
@Check({ name: 'export_job_format_check', expression: "format in ('CSV','XLSX','PDF')" })
@Check({ name: 'export_job_status_check', expression: "status in ('QUEUED','RUNNING','DONE','FAILED','EXPIRED')" })
@Check({ name: 'export_job_progress_check', expression: 'progress between 0 and 100' })
@Index({ name: 'export_job_owner_created_idx', properties: ['owner', 'createdAt'] })
@Index({ name: 'export_job_status_created_idx', properties: ['status', 'createdAt'] })
export class ExportJob {
  /** A random UUID: job ids are not guessable or countable. */
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  owner!: User;

  @Property({ type: 'string', length: 32 })
  kind!: ExportKind;

  @Property({ type: 'string', length: 8 })
  format!: ExportFormat;

  /** What to export (range, filters, patient), as given and checked when the job was started. */
  @Property({ type: 'json' })
  params!: Record<string, string | null>;

  @Property({ type: 'string', length: 16, default: 'QUEUED' })
  status: Opt<ExportStatus> = ExportStatus.QUEUED;

  @Property({ type: 'integer', default: 0 })
  progress: Opt<number> = 0;

  /** What the job is doing now, for people ("Reading visits", "Writing the file"). */
  @Property({ type: 'string', length: 100, nullable: true })
  stage?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  fileName?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  contentType?: string | null;

  @Property({ type: 'blob', nullable: true, lazy: true, columnType: 'longblob' })
  data?: Buffer | null;

  @Property({ type: 'integer', nullable: true })
  size?: number | null;

  /** A message for people when FAILED; never a stack trace. */
  @Property({ type: 'string', length: 500, nullable: true })
  error?: string | null;

  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'datetime', length: 3 })
  createdAt!: Date;

  @Property({ type: 'datetime', length: 3, nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  finishedAt?: Date | null;

  /** When the file is dropped. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  expiresAt?: Date | null;
}

export enum ReportKind {
  DOCTOR_MONTHLY = 'DOCTOR_MONTHLY',
  HOSPITAL_MONTHLY = 'HOSPITAL_MONTHLY',
}

/**
 * The ledger of monthly report e-mails: one row per (kind, month, recipient),
 * so a rerun of the 1st-of-month job (another process, a retry, a restart)
 * never mails a report twice.
 */
@Entity({ tableName: 'report_delivery' })
@Unique({ name: 'report_delivery_once', properties: ['kind', 'month', 'recipient'] })
@Check({ name: 'report_delivery_kind_check', expression: "kind in ('DOCTOR_MONTHLY','HOSPITAL_MONTHLY')" })
@Check({ name: 'report_delivery_status_check', expression: "status in ('PENDING','SENT','FAILED')" })
export class ReportDelivery {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 32 })
  kind!: ReportKind;

  /** The reported month, YYYY-MM in hospital time. */
  @Property({ type: 'string', length: 7 })
  month!: string;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  recipient!: User;

  @Property({ type: 'string', length: 16, default: 'PENDING' })
  status: Opt<'PENDING' | 'SENT' | 'FAILED'> = 'PENDING';

  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt!: Date;
}
