import type { Express, Request, Response } from 'express';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { requireViewer } from '../../auth';
import { clock } from '../../clock';
import { contextForUser, type AppDeps, type Context } from '../../context';
import { BadInputError, ForbiddenError, HmsError, NotFoundError } from '../../errors';
import { logger } from '../../logger';
import { parseId } from '../../shared/validation';
import { ClinicalService } from '../clinical/clinical.service';
import { writeHistoryCsv, writeHistoryPdf } from '../clinical/exports';
import { RecordAccessKind } from '../clinical/clinical.types';
import { Role, User } from '../identity/user.entity';
import { ExportFormat, ExportJob, ExportKind, ExportStatus } from './export-job.entity';
import type { ExportJobView, StartExportInput } from './export-jobs.types';
import { hospitalDays } from './hospital-days';
import { toCsv, toXlsx } from './reports.exports';
import { speech, type Speech } from '../../shared/i18n';
import { languagesOf } from '../identity/identity.service';
import { ReportsService } from './reports.service';

/** Formats each kind can be written in. */
const FORMATS: Record<ExportKind, ExportFormat[]> = {
  [ExportKind.DASHBOARD]: [ExportFormat.CSV, ExportFormat.XLSX],
  [ExportKind.PATIENT_HISTORY]: [ExportFormat.CSV, ExportFormat.PDF],
};
const CONTENT_TYPES: Record<ExportFormat, string> = {
  [ExportFormat.CSV]: 'text/csv; charset=utf-8',
  [ExportFormat.XLSX]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [ExportFormat.PDF]: 'application/pdf',
};
/** Jobs a person may have queued or running at once: exports are heavy, one person should not fill the workers. */
const MAX_OPEN_JOBS = 3;

/**
 * How a started job reaches a worker. Until the shared job engine (server/src/jobs)
 * is on main this runs the job in this process right after the start commits; a job
 * left QUEUED by a crash is picked up by `sweepExportJobs`. The claim in
 * `runExportJob` makes a second runner of the same job a no-op either way.
 */
export let dispatchExportJob = (deps: AppDeps, id: string): void => {
  setImmediate(() => {
    runExportJob(deps, id).catch((error) => logger.error(`export job ${id} failed to run`, error));
  });
};
/** Lets the job engine (or a test) take over dispatching. */
export function setExportJobDispatcher(dispatch: (deps: AppDeps, id: string) => void): void {
  dispatchExportJob = dispatch;
}

/** The GraphQL side: start, read, list. Every job belongs to the person who started it. */
export class ExportJobService {
  constructor(private readonly ctx: Context) {}

  async start(input: StartExportInput): Promise<ExportJobView> {
    const viewer = requireViewer(this.ctx);
    if (!FORMATS[input.kind].includes(input.format)) {
      throw new BadInputError(`${input.kind} exports come as ${FORMATS[input.kind].join(' or ')}`, { format: `One of ${FORMATS[input.kind].join(', ')}` });
    }
    const params = await this.checkedParams(input);
    const em = this.ctx.em;
    const now = clock.now();
    const id = randomUUID();
    await em.transactional(async (tx) => {
      // Lock the owner's row: concurrent starts of one person count each other.
      await tx.getConnection().execute('select id from `user` where id = ? for update', [viewer.userId], 'all', tx.getTransactionContext());
      const [{ n }] = await tx.getConnection().execute<Array<{ n: number }>>(
        "select count(*) as n from export_job where owner_id = ? and status in ('QUEUED', 'RUNNING')", [viewer.userId], 'all', tx.getTransactionContext());
      if (Number(n) >= MAX_OPEN_JOBS) {
        throw new BadInputError(`At most ${MAX_OPEN_JOBS} exports can run at once; wait for one to finish`, { kind: 'Too many exports running' });
      }
      tx.create(ExportJob, {
        id, owner: tx.getReference(User, viewer.userId), kind: input.kind, format: input.format, params, createdAt: now,
      });
    });
    dispatchExportJob(this.ctx.deps, id);
    return this.get(id);
  }

  /** NOT_FOUND for another person's job, as for one that does not exist. */
  async get(idRaw: string): Promise<ExportJobView> {
    const viewer = requireViewer(this.ctx);
    const job = /^[0-9a-f-]{36}$/i.test(idRaw) ? await this.ctx.em.fork().findOne(ExportJob, { id: idRaw, owner: viewer.userId }) : null;
    if (!job) throw new NotFoundError('Export');
    return view(this.ctx.deps, job);
  }

  /** The viewer's 20 most recent exports, newest first. */
  async mine(): Promise<ExportJobView[]> {
    const viewer = requireViewer(this.ctx);
    const jobs = await this.ctx.em.fork().find(ExportJob, { owner: viewer.userId }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 20 });
    return jobs.map((job) => view(this.ctx.deps, job));
  }

  /** The rules each kind is started under; the job checks them again when it runs (rights may change meanwhile). */
  private async checkedParams(input: StartExportInput): Promise<Record<string, string | null>> {
    const viewer = requireViewer(this.ctx);
    if (input.kind === ExportKind.DASHBOARD) {
      if (viewer.role === Role.PATIENT) throw new ForbiddenError('Patients have no dashboard to export');
      if (!input.from || !input.to) throw new BadInputError('from and to are required', { from: 'Required', to: 'Required' });
      hospitalDays(input.from, input.to, this.ctx.deps.config.timezone);
      if (viewer.role === Role.DOCTOR) {
        if ((input.doctorId && parseId(input.doctorId, 'doctorId') !== viewer.doctorId) || input.departmentId) {
          throw new ForbiddenError('Doctors export their own figures only');
        }
        return { from: input.from, to: input.to, departmentId: null, doctorId: String(viewer.doctorId) };
      }
      if (input.departmentId) parseId(input.departmentId, 'departmentId');
      if (input.doctorId) parseId(input.doctorId, 'doctorId');
      return { from: input.from, to: input.to, departmentId: input.departmentId ?? null, doctorId: input.doctorId ?? null };
    }
    const patientId = input.patientId ? parseId(input.patientId, 'patientId') : viewer.patientId;
    if (!patientId) throw new BadInputError('patientId is required', { patientId: 'Required' });
    const clinical = new ClinicalService(this.ctx);
    if (!(await clinical.canReadHistory(patientId))) {
      // Refused now, and recorded like a refused download (the patient sees who tried).
      const kind = input.format === ExportFormat.PDF ? RecordAccessKind.PDF_EXPORT : RecordAccessKind.CSV_EXPORT;
      await clinical.assertCanReadHistory(patientId, { kind });
    }
    return { patientId: String(patientId) };
  }
}

/** The job as its owner sees it, with a fresh signed link when it is DONE. */
function view(deps: AppDeps, job: ExportJob): ExportJobView {
  const link = job.status === ExportStatus.DONE ? signedLink(deps, job.id) : null;
  return {
    id: job.id,
    kind: job.kind,
    format: job.format,
    status: job.status,
    progress: job.progress,
    stage: job.stage ?? null,
    fileName: job.status === ExportStatus.DONE ? job.fileName ?? null : null,
    size: job.status === ExportStatus.DONE ? job.size ?? null : null,
    downloadUrl: link?.url ?? null,
    downloadUrlExpiresAt: link?.expiresAt ?? null,
    expiresAt: job.expiresAt ?? null,
    error: job.error ?? null,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? null,
  };
}

// ---- signed links ----------------------------------------------------------------------------

function linkKey(deps: AppDeps): Buffer {
  // A key of its own, derived from the server secret: a link signature is never a token signature.
  return createHmac('sha256', deps.secrets.jwtSecret).update('hms export download link v1').digest();
}

function signature(deps: AppDeps, id: string, expires: number): string {
  return createHmac('sha256', linkKey(deps)).update(`${id}.${expires}`).digest('base64url');
}

/** `HMS_PUBLIC_URL/exports/jobs/<id>/file?expires=<unix s>&signature=<HMAC>`, valid HMS_EXPORT_LINK_MINUTES. */
export function signedLink(deps: AppDeps, id: string): { url: string; expiresAt: Date } {
  const expires = Math.floor(clock.nowMs() / 1000) + deps.config.exports.linkMinutes * 60;
  const url = `${deps.config.publicUrl}/exports/jobs/${id}/file?expires=${expires}&signature=${signature(deps, id, expires)}`;
  return { url, expiresAt: new Date(expires * 1000) };
}

/**
 * GET /exports/jobs/:id/file?expires=&signature=  — the finished file. The link
 * is the credential (it can be opened by a browser tab or handed to a download
 * manager), so it is short-lived and bound to one job: 403 for a wrong
 * signature, 410 once it or the file has expired.
 */
export function registerExportJobDownloads(app: Express, deps: AppDeps): void {
  app.get('/exports/jobs/:id/file', (req, res) => void serveJobFile(deps, req, res));
}

async function serveJobFile(deps: AppDeps, req: Request, res: Response): Promise<void> {
  const fail = (status: number, code: string, message: string) => { res.status(status).json({ error: { code, message } }); };
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const id = String(req.params.id);
  const expires = Number(req.query.expires);
  const given = typeof req.query.signature === 'string' ? Buffer.from(req.query.signature) : Buffer.alloc(0);
  const expected = Buffer.from(/^[0-9a-f-]{36}$/i.test(id) && Number.isInteger(expires) ? signature(deps, id, expires) : '');
  if (!expected.length || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    fail(403, 'FORBIDDEN', 'This download link is not valid');
    return;
  }
  if (expires * 1000 <= clock.nowMs()) {
    fail(410, 'NOT_FOUND', 'This download link has expired; open the export again for a fresh link');
    return;
  }
  try {
    const em = deps.orm.em.fork();
    const job = await em.findOne(ExportJob, { id }, { populate: ['data'] });
    if (!job || job.status !== ExportStatus.DONE || !job.data || (job.expiresAt && job.expiresAt <= clock.now())) {
      fail(410, 'NOT_FOUND', 'This export is no longer available; start a new one');
      return;
    }
    res.setHeader('Content-Type', job.contentType ?? 'application/octet-stream');
    res.setHeader('Content-Disposition', `attachment; filename="${job.fileName ?? 'export'}"`);
    res.send(job.data);
  } catch (error) {
    const errorId = randomUUID();
    logger.error(`export download failed ${errorId}`, error);
    fail(500, 'INTERNAL_SERVER_ERROR', `Internal error (id ${errorId})`);
  }
}

// ---- the work ----------------------------------------------------------------------------------

export type ProgressListener = (progress: number, stage: string) => void;

/**
 * Runs one job: claims it (QUEUED → RUNNING in one conditional UPDATE, so two
 * workers never both run it), makes the file under the owner's rights as they
 * are now, stores it and marks it DONE, or FAILED with a message for people.
 * Progress is written to the row as it goes; `onProgress` sees the same steps.
 */
export async function runExportJob(deps: AppDeps, id: string, onProgress?: ProgressListener): Promise<ExportStatus | null> {
  const connection = deps.orm.em.getConnection();
  const claimed = await connection.execute<{ affectedRows: number }>(
    "update export_job set status = 'RUNNING', started_at = ?, attempts = attempts + 1, progress = 0, stage = 'Starting' where id = ? and status = 'QUEUED'",
    [clock.now(), id],
  );
  if (!claimed.affectedRows) return null;
  const job = await deps.orm.em.fork().findOneOrFail(ExportJob, { id }, { populate: ['owner'] });
  const progress = async (value: number, stage: string) => {
    await connection.execute('update export_job set progress = ?, stage = ? where id = ?', [value, stage, id]);
    onProgress?.(value, stage);
  };
  try {
    const ctx = await contextForUser(deps, job.owner.id, `export-${id}`);
    requireViewer(ctx);
    await progress(5, 'Starting');
    // No request to ask: the file speaks the owner's stored language (setMyLanguage), English by default.
    const words = speech((await languagesOf(ctx.em, [job.owner.id])).get(job.owner.id));
    const file = job.kind === ExportKind.DASHBOARD ? await dashboardFile(ctx, job, progress, words) : await historyFile(ctx, job, progress, words);
    await progress(95, 'Saving the file');
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + deps.config.exports.retentionHours * 3600_000);
    await connection.execute(
      "update export_job set status = 'DONE', progress = 100, stage = 'Done', data = ?, size = ?, file_name = ?, content_type = ?, finished_at = ?, expires_at = ? where id = ?",
      [file.data, file.data.length, file.fileName, CONTENT_TYPES[job.format], now, expiresAt, id],
    );
    onProgress?.(100, 'Done');
    return ExportStatus.DONE;
  } catch (error) {
    const message = error instanceof HmsError ? error.message : 'The export could not be made; try again later';
    if (!(error instanceof HmsError)) logger.error(`export job ${id} failed`, error);
    await connection.execute("update export_job set status = 'FAILED', stage = null, error = ?, finished_at = ? where id = ?", [message.slice(0, 500), clock.now(), id]);
    return ExportStatus.FAILED;
  }
}

type Progress = (value: number, stage: string) => Promise<void>;

async function dashboardFile(ctx: Context, job: ExportJob, progress: Progress, words: Speech): Promise<{ data: Buffer; fileName: string }> {
  const p = job.params;
  await progress(10, 'Reading visits, invoices and payments');
  const dashboard = await new ReportsService(ctx).dashboard(
    { from: p.from ?? '', to: p.to ?? '', departmentId: p.departmentId, doctorId: p.doctorId }, { doctorMayReadOwn: true });
  await progress(60, 'Writing the file');
  const name = `hms-dashboard-${dashboard.from}-to-${dashboard.to}`;
  if (job.format === ExportFormat.CSV) return { data: Buffer.from(toCsv(dashboard, words), 'utf8'), fileName: `${name}.csv` };
  return { data: Buffer.from((await toXlsx(dashboard, words).xlsx.writeBuffer()) as ArrayBuffer), fileName: `${name}.xlsx` };
}

async function historyFile(ctx: Context, job: ExportJob, progress: Progress, words: Speech): Promise<{ data: Buffer; fileName: string }> {
  await progress(10, 'Reading the history');
  // historyForExport checks the care relationship as it is now and records the read for the patient.
  const history = await new ClinicalService(ctx).historyForExport(Number(job.params.patientId), job.format === ExportFormat.PDF ? 'pdf' : 'csv');
  await progress(50, `Writing ${history.entries.length} entries`);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => { out.on('end', resolve); out.on('error', reject); });
  if (job.format === ExportFormat.PDF) writeHistoryPdf(ctx.deps, history.patient, history.entries, out, words);
  else writeHistoryCsv(ctx.deps, history.entries, out, ctx.viewer?.role === Role.DOCTOR, words);
  await finished;
  const extension = job.format === ExportFormat.PDF ? 'pdf' : 'csv';
  return { data: Buffer.concat(chunks), fileName: `medical-history-${history.patient.medicalRecordNumber}.${extension}` };
}

/**
 * The sweep (every minute with background jobs on): drops files past their
 * retention (EXPIRED), runs jobs left QUEUED for a minute (their process died
 * before dispatching), and fails jobs RUNNING for an hour (their worker died).
 */
export async function sweepExportJobs(deps: AppDeps): Promise<{ expired: number; requeued: number; abandoned: number }> {
  const connection = deps.orm.em.getConnection();
  const now = clock.now();
  const expired = await connection.execute<{ affectedRows: number }>(
    "update export_job set status = 'EXPIRED', data = null where status = 'DONE' and expires_at <= ?", [now]);
  const abandoned = await connection.execute<{ affectedRows: number }>(
    "update export_job set status = 'FAILED', error = 'The export stopped; start it again', finished_at = ? where status = 'RUNNING' and started_at < ?",
    [now, new Date(now.getTime() - 3600_000)]);
  const stale = await connection.execute<Array<{ id: string }>>(
    "select id from export_job where status = 'QUEUED' and created_at < ? order by created_at limit 20", [new Date(now.getTime() - 60_000)]);
  for (const row of stale) dispatchExportJob(deps, row.id);
  return { expired: expired.affectedRows, requeued: stale.length, abandoned: abandoned.affectedRows };
}
