import DataLoader from 'dataloader';
import { clock } from '../../clock';
import type { AppDeps, Context } from '../../context';
import { BadInputError, ConflictError, NotFoundError } from '../../errors';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/pagination';
import { parseId } from '../../shared/validation';
import { onScheduleChangeFlush, onScheduleChangesPublished } from '../live/schedule-events';
import { Role } from '../identity/user.entity';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from './message.entity';
import { kickMessages } from './messages.jobs';
import type { AppointmentReminder, JobQueueStatus, MessageFilter, OutboxMessage } from './messages.types';
import { configurePlanner, planRemindersForPatient, planScheduleMessages } from './planner';
import { closeTransports, transportsOf } from './sender';
import nodemailer from 'nodemailer';
import { nodemailerReportMailer, reportMailer, setReportMailer } from '../reports/monthly-mail';

/** Called by createApp: ledger rows in every schedule change's transaction, a wake-up after its commit. */
export function startMessages(deps: AppDeps): { stop(): void } {
  configurePlanner(deps.config);
  onScheduleChangeFlush(planScheduleMessages);
  onScheduleChangesPublished(kickMessages);
  // The 1st-of-month reports go over the same SMTP server (their PDFs and XLSX are attachments,
  // which the ledger's templates do not carry). Without SMTP they wait until one is configured.
  const reportTransport = deps.config.smtpUrl && !reportMailer() ? nodemailer.createTransport(deps.config.smtpUrl) : null;
  if (reportTransport) setReportMailer(nodemailerReportMailer(reportTransport, deps.config.mailFrom));
  return {
    stop: () => {
      closeTransports(deps);
      if (reportTransport) { reportTransport.close(); setReportMailer(null); }
    },
  };
}

interface LedgerRow {
  id: string | number; kind: string; channel: string; status: string; address: string | null; patient_id: number | null; patient_name: string | null;
  appointment_id: number | null; due_at: Date; sent_at: Date | null; attempts: number; last_error: string | null; provider_id: string | null; created_at: Date;
}

const remindersByAppointment = new WeakMap<Context, DataLoader<number, AppointmentReminder[]>>();

export class MessagesService {
  constructor(private readonly ctx: Context) {}

  /** ADMIN: the ledger, newest first, filtered by patient, kind and status. */
  async list(filter: MessageFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<{ items: OutboxMessage[]; nextCursor: string | null; totalCount: number }> {
    const size = pageSize(first, 50);
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter?.patientId) { where.push('m.patient_id = ?'); params.push(parseId(filter.patientId, 'patientId')); }
    if (filter?.kind) {
      if (!(MESSAGE_KINDS as readonly string[]).includes(filter.kind)) throw new BadInputError(`kind must be one of ${MESSAGE_KINDS.join(', ')}`, { kind: 'Unknown kind' });
      where.push('m.kind = ?'); params.push(filter.kind);
    }
    if (filter?.status) {
      if (!(MESSAGE_STATUSES as readonly string[]).includes(filter.status)) throw new BadInputError(`status must be one of ${MESSAGE_STATUSES.join(', ')}`, { status: 'Unknown status' });
      where.push('m.status = ?'); params.push(filter.status);
    }
    const countWhere = where.length ? `where ${where.join(' and ')}` : '';
    const cursor = decodeCursor<{ id: string }>(after);
    if (after && !cursor) throw new BadInputError('after is not a cursor of this list', { after: 'Invalid cursor' });
    if (cursor) { where.push('m.id < ?'); params.push(cursor.id); }
    const conn = this.ctx.em.getConnection();
    const rows = await conn.execute<LedgerRow[]>(
      'select m.id, m.kind, m.channel, m.status, m.address, m.patient_id, p.full_name as patient_name, m.appointment_id, m.due_at, m.sent_at, m.attempts, m.last_error, m.provider_id, m.created_at ' +
        `from message m left join patient p on p.id = m.patient_id ${where.length ? `where ${where.join(' and ')}` : ''} order by m.id desc limit ?`,
      [...params, size + 1],
    );
    const [{ total }] = await conn.execute<Array<{ total: number }>>(`select count(*) as total from message m ${countWhere}`, params.slice(0, params.length - (cursor ? 1 : 0)));
    const items = rows.slice(0, size).map((r: LedgerRow) => ({
      id: String(r.id), kind: r.kind, channel: r.channel, status: r.status, address: r.address, patientId: r.patient_id ? String(r.patient_id) : null, patientName: r.patient_name,
      appointmentId: r.appointment_id ? String(r.appointment_id) : null, dueAt: new Date(r.due_at), sentAt: r.sent_at ? new Date(r.sent_at) : null, attempts: r.attempts,
      lastError: r.last_error, providerId: r.provider_id, createdAt: new Date(r.created_at),
    }));
    return { items, nextCursor: rows.length > size ? encodeCursor({ id: items[items.length - 1].id }) : null, totalCount: Number(total) };
  }

  /** ADMIN: a FAILED message goes back to PENDING with fresh tries, due now. */
  async retry(idArg: string): Promise<OutboxMessage> {
    const id = parseId(idArg, 'id');
    const conn = this.ctx.em.getConnection();
    const result = await conn.execute<{ affectedRows: number }>(
      "update message set status = 'PENDING', attempts = 0, not_before = null, due_at = ?, updated_at = ? where id = ? and status = 'FAILED'",
      [clock.now(), clock.now(), id], 'run');
    if (result.affectedRows !== 1) {
      const [exists] = await conn.execute<Array<{ status: string }>>('select status from message where id = ?', [id]);
      if (!exists) throw new NotFoundError('Message');
      throw new ConflictError(`Only a FAILED message can be retried; this one is ${exists.status}`);
    }
    kickMessages(this.ctx.deps);
    const page = await this.list(null, 1, encodeCursor({ id: String(BigInt(id) + 1n) }));
    return page.items[0];
  }

  async jobStatus(): Promise<JobQueueStatus> {
    const stats = await this.ctx.deps.jobs.stats();
    const transports = transportsOf(this.ctx.deps);
    const now = clock.now();
    const [counts] = await this.ctx.em.getConnection().execute<Array<{ due: number; failed: number }>>(
      "select (select count(*) from message where status = 'PENDING' and due_at <= ?) as due, (select count(*) from message where status = 'FAILED') as failed", [now]);
    return { ...stats, emailLive: transports.emailLive, smsLive: transports.smsLive, messagesDue: Number(counts.due), messagesFailed: Number(counts.failed) };
  }

  /** The reminders of a visit, for its patient (others: none), batched per request. */
  reminders(appointmentId: number, patientId: number): Promise<AppointmentReminder[]> {
    const viewer = this.ctx.viewer;
    if (!viewer || viewer.role !== Role.PATIENT || viewer.patientId !== patientId) return Promise.resolve([]);
    let loader = remindersByAppointment.get(this.ctx);
    if (!loader) {
      const em = this.ctx.em;
      loader = new DataLoader(async (ids: readonly number[]) => {
        type Row = { appointment_id: number; channel: string; status: string; due_at: Date; sent_at: Date | null };
        const rows: Row[] = await em.getConnection().execute<Row[]>(
          `select m.appointment_id, m.channel, m.status, m.due_at, m.sent_at from message m join appointment a on a.id = m.appointment_id
            where m.appointment_id in (${ids.map(() => '?').join(',')}) and m.kind = 'REMINDER' and m.appointment_starts_at = a.starts_at order by m.channel`,
          [...ids]);
        return ids.map((id) => rows.filter((r) => r.appointment_id === id).map((r) => ({
          channel: r.channel, status: r.status, dueAt: new Date(r.due_at), sentAt: r.sent_at ? new Date(r.sent_at) : null,
        })));
      });
      remindersByAppointment.set(this.ctx, loader);
    }
    return loader.load(appointmentId);
  }

  /** DOCTOR: switch the e-mail of every new booking on or off. */
  async setBookingNotices(enabled: boolean): Promise<boolean> {
    const doctorId = this.ctx.viewer?.doctorId;
    if (!doctorId) throw new NotFoundError('Doctor profile');
    await this.ctx.em.getConnection().execute('update doctor set booking_notices = ? where id = ?', [enabled, doctorId], 'run');
    return enabled;
  }

  /** After a patient switched a reminder channel on: plan reminders of their upcoming visits. */
  static async channelsChanged(ctx: Context, patientId: number): Promise<void> {
    await ctx.em.transactional((em) => planRemindersForPatient(em, patientId));
    kickMessages(ctx.deps);
  }
}
