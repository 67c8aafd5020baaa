import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { DateTime } from 'luxon';
import { requireViewer } from '../../auth';
import { clock } from '../../clock';
import type { Context } from '../../context';
import { BadInputError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../../errors';
import { parseId } from '../../shared/validation';
import { leanQuery } from '../../db/lean';
import { Role } from '../identity/user.entity';
import { Appointment, AppointmentStatus } from '../scheduling/appointment.entity';
import { AppointmentService } from '../scheduling/appointment.service';
import { sql, sqlTime } from '../scheduling/scheduling.db';
import { dayBounds, localDateOf, localDay } from '../scheduling/slots';
import type { FlowBoard, FlowBoardChange, FlowBoardEntry } from './frontdesk.types';
import { Repeater } from '@graphql-yoga/subscription';
import { signalLiveReady } from '../../test-hooks';

/**
 * Called by AppointmentService inside the status change's transaction, with the doctor's row
 * already locked. Check-in takes the next number of the doctor's hospital day; a call-in
 * stamps the ticket. A rollback of the status change takes the number back with it.
 */
export async function onQueueStatusChange(em: EntityManager, appointment: Appointment, status: AppointmentStatus, now: Date, timezone: string): Promise<void> {
  const doctorId = appointment.doctor.id;
  const day = localDateOf(appointment.startsAt, timezone);
  if (status === AppointmentStatus.CHECKED_IN) {
    // Locks the counter row (or creates it locked) until the check-in commits.
    await sql(em, 'insert into queue_counter (doctor_id, day, last_number) values (?, ?, 1) on duplicate key update last_number = last_number + 1', [doctorId, day]);
    const [{ last_number: number }] = await sql<{ last_number: number }>(em, 'select last_number from queue_counter where doctor_id = ? and day = ?', [doctorId, day]);
    await sql(em, 'insert into queue_ticket (appointment_id, doctor_id, day, number, issued_at) values (?, ?, ?, ?, ?)',
      [appointment.id, doctorId, day, number, sqlTime(now)]);
    queueNumbersSet.set(appointment, Number(number));
  }
  if (status === AppointmentStatus.IN_CONSULTATION) {
    // One patient with the doctor at a time (the doctor row is locked, so this holds under races).
    const busy = await sql(em, "select id from appointment where doctor_id = ? and status = 'IN_CONSULTATION' and id <> ? limit 1", [doctorId, appointment.id]);
    if (busy.length) throw new InvalidTransitionError('Another patient is with this doctor; complete that visit first');
    await sql(em, 'update queue_ticket set called_at = ? where appointment_id = ?', [sqlTime(now), appointment.id]);
  }
}

/** Numbers issued during this operation, so the mutation's answer needs no read. */
const queueNumbersSet = new WeakMap<object, number>();

const loaders = new WeakMap<Context, DataLoader<number, { number: number; calledAt: Date | null } | null>>();

/** Per operation: the tickets of every appointment asked for, in one statement. */
export function ticketLoader(ctx: Context): DataLoader<number, { number: number; calledAt: Date | null } | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await leanQuery<{ appointment_id: number; number: number; called_at: string | null }>(ctx.em,
        `select appointment_id, number, called_at from queue_ticket where appointment_id in (${ids.map(() => '?').join(',')})`, [...ids]);
      const byId = new Map(rows.map((r) => [Number(r.appointment_id), { number: Number(r.number), calledAt: instant(r.called_at) }]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

export async function queueNumberOf(ctx: Context, appointment: Appointment): Promise<number | null> {
  const set = queueNumbersSet.get(appointment);
  if (set !== undefined) return set;
  return (await ticketLoader(ctx).load(appointment.id))?.number ?? null;
}

function instant(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  return new Date(`${value.replace(' ', 'T')}Z`);
}

export class QueueService {
  constructor(private readonly ctx: Context) {}

  private get timezone(): string { return this.ctx.deps.config.timezone; }

  /** The hospital day today, or the given one. */
  day(date: string | null | undefined): DateTime {
    const day = date ? localDay(date, this.timezone) : DateTime.fromJSDate(clock.now(), { zone: this.timezone }).startOf('day');
    if (!day) throw new BadInputError('date must be YYYY-MM-DD', { date: 'Use YYYY-MM-DD' });
    return day;
  }

  /**
   * The doctor (or an admin) calls in the checked-in patient with the lowest number of today:
   * IN_CONSULTATION through the ordinary status change (same locks, audit and live events).
   * Null when nobody is waiting.
   */
  async callNext(doctorIdArg: string): Promise<Appointment | null> {
    const viewer = requireViewer(this.ctx);
    const doctorId = parseId(doctorIdArg, 'doctorId');
    if (!(viewer.role === Role.ADMIN || (viewer.role === Role.DOCTOR && viewer.doctorId === doctorId))) {
      throw new ForbiddenError('Only this doctor or an admin may call the next patient');
    }
    const [doctor] = await sql(this.ctx.em, 'select id from doctor where id = ?', [doctorId]);
    if (!doctor) throw new NotFoundError('Doctor');
    const busy = await sql(this.ctx.em, "select id from appointment where doctor_id = ? and status = 'IN_CONSULTATION' limit 1", [doctorId]);
    if (busy.length) throw new InvalidTransitionError('A patient is with this doctor; complete that visit first');
    const today = this.day(null).toISODate()!;
    const [next] = await sql<{ id: number }>(this.ctx.em,
      "select a.id from queue_ticket q join appointment a on a.id = q.appointment_id where q.doctor_id = ? and q.day = ? and a.status = 'CHECKED_IN' order by q.number limit 1",
      [doctorId, today]);
    if (!next) return null;
    return new AppointmentService(this.ctx).setStatus(String(next.id), AppointmentStatus.IN_CONSULTATION);
  }

  /** ADMIN: every doctor's visits of one hospital day (default today) except cancelled ones, in time order. */
  async flowBoard(date: string | null | undefined): Promise<FlowBoard> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role !== Role.ADMIN) throw new ForbiddenError('Only the front desk (admins) sees the flow board');
    const day = this.day(date);
    const bounds = dayBounds(day);
    const rows = await sql<{ id: number; number: number | null; called_at: string | Date | null }>(this.ctx.em,
      'select a.id, q.number, q.called_at from appointment a left join queue_ticket q on q.appointment_id = a.id ' +
        "where a.starts_at >= ? and a.starts_at < ? and a.status not in ('CANCELLED','HELD','RELEASED') order by a.starts_at, a.id",
      [sqlTime(bounds.startsAt), sqlTime(bounds.endsAt)]);
    const ids = rows.map((r) => Number(r.id));
    const found = ids.length ? await this.ctx.em.find(Appointment, { id: { $in: ids } }, { populate: ['patient', 'doctor'] }) : [];
    const byId = new Map(found.map((x) => [x.id, x]));
    const now = clock.nowMs();
    const entries: FlowBoardEntry[] = [];
    for (const row of rows) {
      const appointment = byId.get(Number(row.id));
      if (!appointment) continue;
      const calledAt = row.called_at == null ? null : new Date(row.called_at instanceof Date ? row.called_at : `${String(row.called_at).replace(' ', 'T')}Z`);
      const arrivedAt = appointment.checkedInAt ?? null;
      const status = appointment.status as AppointmentStatus;
      // Waited: from arrival until called in, or until now while still waiting.
      const until = calledAt ? calledAt.getTime() : status === AppointmentStatus.CHECKED_IN ? now : null;
      entries.push({
        appointment,
        status,
        queueNumber: row.number == null ? null : Number(row.number),
        arrivedAt,
        calledAt,
        minutesWaited: arrivedAt && until !== null ? Math.max(0, Math.floor((until - arrivedAt.getTime()) / 60_000)) : null,
      });
    }
    return { date: day.toISODate()!, entries, generatedAt: clock.now() };
  }
}

/**
 * ADMIN: a change to any visit of the hospital day `date` (default today), moved into or out of it
 * included. Straight from the pub/sub: every process gets every committed change (through Redis
 * when REDIS_URL is set). A client refetches the board on each event and after a reconnect.
 */
export function flowBoardStream(ctx: Context, date: string | null | undefined): AsyncIterable<FlowBoardChange> {
  const viewer = requireViewer(ctx);
  if (viewer.role !== Role.ADMIN) throw new ForbiddenError('Only the front desk (admins) sees the flow board');
  const bounds = dayBounds(new QueueService(ctx).day(date));
  const inDay = (iso: string | null | undefined) => {
    if (!iso) return false;
    const t = Date.parse(iso);
    return t >= bounds.startsAt.getTime() && t < bounds.endsAt.getTime();
  };
  const { deps } = ctx;
  return new Repeater<FlowBoardChange>(async (push, stop) => {
    const events = deps.pubsub.subscribe('SCHEDULE_CHANGED');
    void (async () => {
      for await (const event of events) {
        if (!inDay(event.startsAt) && !inDay(event.previousStartsAt)) continue;
        push({ kind: event.kind, appointmentId: String(event.appointmentId), doctorId: String(event.doctorId) }).catch(() => {});
      }
    })().catch((error: Error) => stop(error));
    signalLiveReady('flowBoardChanged', 0);
    await stop;
    await events.return?.();
  });
}
