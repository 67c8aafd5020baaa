// The waitlist: patients waiting for a doctor or a department get freed slots offered
// in turn. An offer holds its slot with a HELD appointment row, which takes its place in
// the same unique indexes as a booking, so nobody else can book a held slot.
import { type EntityManager, LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/mysql';
import { DateTime } from 'luxon';
import { requireViewer } from '../../auth';
import { clock } from '../../clock';
import type { AppDeps, Context, Viewer } from '../../context';
import { BadInputError, ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../../errors';
import { logger } from '../../logger';
import { parseId } from '../../shared/validation';
import { diff, recordAudit } from '../audit/audit.service';
import { Department } from '../directory/department.entity';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Role, User } from '../identity/user.entity';
import { Notification } from '../live/notification.entity';
import type { OutboxEvent } from '../live/outbox-event.entity';
import { publishScheduleChanges, recordScheduleChange } from '../live/schedule-events';
import { kickMessages } from '../messages/messages.jobs';
import { planOfferMessages } from '../messages/planner';
import { Appointment, AppointmentStatus } from '../scheduling/appointment.entity';
import { clashQuery, earliestOverlappingStart, isDuplicateKey, sql, sqlTime, weeklyRanges, withDeadlockRetry } from '../scheduling/scheduling.db';
import { bookingWindow, type ComputedSlot, dayBounds, freeSlots, type Interval, localDateOf, localDay } from '../scheduling/slots';
import { OfferStatus, WaitlistOffer } from './waitlist-offer.entity';
import { WaitlistEntry, WaitlistStatus } from './waitlist-entry.entity';

const PERIODS = ['MORNING', 'AFTERNOON', 'EVENING'] as const;
/** How many waiters one freed slot is tried with (each refusal is a patient busy at that time). */
const CANDIDATES_PER_SLOT = 20;

/** Who acts: a request's Context, or a sweep (no viewer). */
type Actor = Pick<Context, 'deps' | 'viewer' | 'requestId' | 'clientIp'>;

function systemActor(deps: AppDeps, what: string): Actor {
  return { deps, viewer: null, requestId: `sweep:${what}`, clientIp: '' };
}

export interface JoinWaitlistData {
  doctorId?: string | null;
  departmentId?: string | null;
  from: string;
  to: string;
  periods?: string[] | null;
  patientId?: string | null;
}

export interface EntryRow {
  id: number;
  patient_id: number;
  patient_name: string;
  doctor_id: number | null;
  doctor_name: string | null;
  department_id: number | null;
  department_name: string | null;
  from_day: string;
  to_day: string;
  periods: string;
  status: WaitlistStatus;
  created_at: Date | string;
  offer_id: number | null;
  offer_doctor_id: number | null;
  offer_doctor_name: string | null;
  offer_starts_at: Date | string | null;
  offer_ends_at: Date | string | null;
  offer_expires_at: Date | string | null;
}

const ENTRY_SELECT =
  "select e.id, e.patient_id, p.full_name as patient_name, e.doctor_id, dd.full_name as doctor_name, e.department_id, " +
  "coalesce(dep.name, ddep.name) as department_name, date_format(e.from_day, '%Y-%m-%d') as from_day, date_format(e.to_day, '%Y-%m-%d') as to_day, " +
  'e.periods, e.status, e.created_at, o.id as offer_id, o.doctor_id as offer_doctor_id, od.full_name as offer_doctor_name, ' +
  'o.starts_at as offer_starts_at, o.ends_at as offer_ends_at, o.expires_at as offer_expires_at ' +
  'from waitlist_entry e join patient p on p.id = e.patient_id ' +
  'left join doctor dd on dd.id = e.doctor_id left join department ddep on ddep.id = dd.department_id ' +
  'left join department dep on dep.id = e.department_id ' +
  "left join waitlist_offer o on o.entry_id = e.id and o.status = 'OPEN' left join doctor od on od.id = o.doctor_id ";

/** DATETIME(3) values may arrive as UTC strings (the pool's dateStrings). */
export function instant(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

// ---- requests -------------------------------------------------------------

export class WaitlistService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager { return this.ctx.em; }

  private get config() { return this.ctx.deps.config; }

  async join(input: JoinWaitlistData): Promise<EntryRow> {
    const viewer = requireViewer(this.ctx);
    const patientId = waitlistPatientId(viewer, input.patientId);
    const fields: Record<string, string> = {};
    const zone = this.config.timezone;
    const from = localDay(input.from, zone);
    const to = localDay(input.to, zone);
    if (!from) fields.from = 'Use YYYY-MM-DD';
    if (!to) fields.to = 'Use YYYY-MM-DD';
    const today = DateTime.fromJSDate(clock.now(), { zone }).startOf('day');
    if (from && from < today) fields.from = 'Must be today or later';
    if (from && to && to < from) fields.to = 'Must not be before from';
    if (to && to > today.plus({ days: this.config.seriesWindowDays })) fields.to = `At most ${this.config.seriesWindowDays} days ahead`;
    if (Boolean(input.doctorId) === Boolean(input.departmentId)) {
      fields[input.doctorId ? 'departmentId' : 'doctorId'] = 'Give either a doctor or a department';
    }
    const periods = [...new Set(input.periods ?? [])];
    if (periods.some((p) => !(PERIODS as readonly string[]).includes(p))) fields.periods = 'Unknown period';
    if (Object.keys(fields).length) throw new BadInputError(`Invalid waitlist entry: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, fields);
    const doctorId = input.doctorId ? parseId(input.doctorId, 'doctorId') : null;
    const departmentId = input.departmentId ? parseId(input.departmentId, 'departmentId') : null;
    // Every period is the same as none: any time of day.
    const stored = periods.length === PERIODS.length ? '' : PERIODS.filter((p) => periods.includes(p)).join(',');

    const id = await this.em.fork().transactional(async (em) => {
      // The patient row lock serialises this patient's joins (no duplicate entry by a double click).
      const [patient] = await sql<{ id: number }>(em, 'select id from patient where id = ? for update', [patientId]);
      if (!patient) throw new NotFoundError('Patient');
      if (doctorId) {
        const [doctor] = await sql<{ active: number }>(em, 'select active from doctor where id = ?', [doctorId]);
        if (!doctor || !Number(doctor.active)) throw new NotFoundError('Doctor');
      } else {
        const [department] = await sql(em, 'select id from department where id = ?', [departmentId]);
        if (!department) throw new NotFoundError('Department');
      }
      const [duplicate] = await sql(em,
        "select id from waitlist_entry where patient_id = ? and status in ('WAITING','OFFERED') and doctor_id <=> ? and department_id <=> ? " +
          'and from_day = ? and to_day = ? and periods = ?',
        [patientId, doctorId, departmentId, from!.toISODate(), to!.toISODate(), stored]);
      if (duplicate) throw new ConflictError('You are already on this waitlist');
      const entry = em.create(WaitlistEntry, {
        patient: em.getReference(Patient, patientId),
        doctor: doctorId ? em.getReference(Doctor, doctorId) : null,
        department: departmentId ? em.getReference(Department, departmentId) : null,
        fromDay: from!.toISODate()!,
        toDay: to!.toISODate()!,
        periods: stored,
        createdBy: em.getReference(User, viewer.userId),
        createdAt: clock.now(),
      });
      await em.persist(entry).flush();
      recordAudit(em, this.ctx, {
        action: 'waitlist.join', entityType: 'waitlist_entry', entityId: entry.id, subjectPatientId: patientId,
        changes: diff({}, { patientId, doctorId, departmentId, from: entry.fromDay, to: entry.toDay, periods: stored || 'ANY' }),
      });
      return entry.id;
    });
    return (await this.rows('e.id = ?', [id]))[0];
  }

  /** PATIENT: own entries (not the closed ones), newest first. */
  async mine(): Promise<EntryRow[]> {
    const viewer = requireViewer(this.ctx);
    if (!viewer.patientId) throw new ForbiddenError('Only patients have a waitlist of their own');
    return this.rows("e.patient_id = ? and e.status <> 'CLOSED' order by e.id desc limit 50", [viewer.patientId]);
  }

  /** ADMIN: who is waiting (and holding offers), first in line first. */
  async list(doctorId: string | null | undefined, patientId: string | null | undefined): Promise<EntryRow[]> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role !== Role.ADMIN) throw new ForbiddenError();
    const where = ["e.status in ('WAITING','OFFERED')"];
    const params: unknown[] = [];
    if (doctorId) {
      const id = parseId(doctorId, 'doctorId');
      where.push('(e.doctor_id = ? or e.department_id = (select department_id from doctor where id = ?))');
      params.push(id, id);
    }
    if (patientId) { where.push('e.patient_id = ?'); params.push(parseId(patientId, 'patientId')); }
    return this.rows(`${where.join(' and ')} order by e.id limit 200`, params);
  }

  async leave(entryId: string): Promise<EntryRow> {
    const entry = await this.findVisibleEntry(entryId);
    const released = await this.em.fork().transactional(async (em) => {
      const [row] = await sql<{ status: string }>(em, 'select status from waitlist_entry where id = ? for update', [entry.id]);
      if (row.status === WaitlistStatus.CLOSED || row.status === WaitlistStatus.BOOKED) return [];
      await sql(em, "update waitlist_entry set status = 'CLOSED', closed_at = ? where id = ?", [sqlTime(clock.now()), entry.id]);
      recordAudit(em, this.ctx, { action: 'waitlist.leave', entityType: 'waitlist_entry', entityId: entry.id, subjectPatientId: entry.patient_id, changes: diff({ status: row.status }, { status: 'CLOSED' }) });
      return (await sql<{ id: number }>(em, "select id from waitlist_offer where entry_id = ? and status = 'OPEN'", [entry.id])).map((o) => Number(o.id));
    });
    for (const offerId of released) await releaseOffer(this.ctx, offerId, OfferStatus.DECLINED);
    return (await this.rows('e.id = ?', [entry.id]))[0];
  }

  /** The waiter (or an admin) takes the held slot: the HELD row becomes a SCHEDULED visit. Accepting again returns it. */
  async accept(offerId: string): Promise<Appointment> {
    const viewer = requireViewer(this.ctx);
    const offer = await this.findVisibleOffer(offerId);
    const events: OutboxEvent[] = [];
    let leftOffers: number[] = [];
    const appointmentId = await withDeadlockRetry(this.em, async (em) => {
      events.length = 0;
      await lockDoctorAndPatient(em, offer.doctor_id, offer.patient_id);
      const current = await em.findOneOrFail(WaitlistOffer, offer.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (current.status === OfferStatus.ACCEPTED) return current.appointment.id;
      if (current.status !== OfferStatus.OPEN) throw new InvalidTransitionError(`This offer was ${current.status.toLowerCase()}`);
      const now = clock.now();
      if (current.expiresAt.getTime() <= now.getTime()) throw new InvalidTransitionError('This offer has expired');
      const appointment = await em.findOneOrFail(Appointment, current.appointment.id, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['doctor', 'patient'] });
      appointment.status = AppointmentStatus.SCHEDULED;
      appointment.createdBy = em.getReference(User, viewer.userId);
      appointment.version += 1;
      current.status = OfferStatus.ACCEPTED;
      current.decidedAt = now;
      await em.flush();
      await sql(em, "update waitlist_entry set status = 'BOOKED', closed_at = ? where id = ?", [sqlTime(now), offer.entry_id]);
      recordAudit(em, this.ctx, {
        action: 'waitlist.accept', entityType: 'appointment', entityId: appointment.id, subjectPatientId: offer.patient_id,
        changes: diff({ status: AppointmentStatus.HELD }, { status: AppointmentStatus.SCHEDULED, offerId: offer.id }),
      });
      events.push(recordScheduleChange(em, { kind: 'BOOKED', appointment }, this.ctx));
      leftOffers = await leaveWaitlistOnBooking(em, this.ctx, offer.patient_id, offer.doctor_id, appointment.startsAt);
      return appointment.id;
    });
    await publishScheduleChanges(this.ctx, events);
    await afterHoldsReleased(this.ctx.deps, leftOffers);
    return this.em.findOneOrFail(Appointment, appointmentId, { populate: ['doctor', 'patient'], refresh: true });
  }

  /** The waiter passes: the slot goes to the next waiter; the entry stays in line for other slots. */
  async decline(offerId: string): Promise<EntryRow> {
    const offer = await this.findVisibleOffer(offerId);
    const [status] = await sql<{ status: string }>(this.em, 'select status from waitlist_offer where id = ?', [offer.id]);
    if (status.status !== OfferStatus.OPEN && status.status !== OfferStatus.DECLINED) {
      throw new InvalidTransitionError(`This offer was ${status.status.toLowerCase()}`);
    }
    await releaseOffer(this.ctx, offer.id, OfferStatus.DECLINED);
    return (await this.rows('e.id = ?', [offer.entry_id]))[0];
  }

  private async rows(where: string, params: unknown[]): Promise<EntryRow[]> {
    return sql<EntryRow>(this.em, `${ENTRY_SELECT} where ${where}`, params);
  }

  private async findVisibleEntry(id: string): Promise<{ id: number; patient_id: number }> {
    const viewer = requireViewer(this.ctx);
    const [entry] = await sql<{ id: number; patient_id: number }>(this.em, 'select id, patient_id from waitlist_entry where id = ?', [parseId(id)]);
    if (!entry || !(viewer.role === Role.ADMIN || (viewer.role === Role.PATIENT && viewer.patientId === Number(entry.patient_id)))) {
      throw new NotFoundError('Waitlist entry');
    }
    return { id: Number(entry.id), patient_id: Number(entry.patient_id) };
  }

  private async findVisibleOffer(id: string): Promise<{ id: number; entry_id: number; patient_id: number; doctor_id: number }> {
    const viewer = requireViewer(this.ctx);
    const [offer] = await sql<{ id: number; entry_id: number; patient_id: number; doctor_id: number }>(this.em,
      'select o.id, o.entry_id, e.patient_id, o.doctor_id from waitlist_offer o join waitlist_entry e on e.id = o.entry_id where o.id = ?', [parseId(id, 'offerId')]);
    if (!offer || !(viewer.role === Role.ADMIN || (viewer.role === Role.PATIENT && viewer.patientId === Number(offer.patient_id)))) {
      throw new NotFoundError('Offer');
    }
    return { id: Number(offer.id), entry_id: Number(offer.entry_id), patient_id: Number(offer.patient_id), doctor_id: Number(offer.doctor_id) };
  }
}

function waitlistPatientId(viewer: Viewer, requested: string | null | undefined): number {
  if (viewer.role === Role.PATIENT) {
    if (!viewer.patientId) throw new ForbiddenError('This account has no patient profile');
    if (requested && parseId(requested, 'patientId') !== viewer.patientId) throw new ForbiddenError('Patients join the waitlist for themselves only');
    return viewer.patientId;
  }
  if (viewer.role === Role.ADMIN) {
    if (!requested) throw new BadInputError('patientId is required when the front desk adds a patient', { patientId: 'Required' });
    return parseId(requested, 'patientId');
  }
  throw new ForbiddenError('Patients and the front desk use the waitlist');
}

/** The same lock order as booking: doctor row, then patient row. */
async function lockDoctorAndPatient(em: EntityManager, doctorId: number, patientId: number): Promise<boolean> {
  const rows = await sql<{ active: number }>(em, 'select d.active from doctor d, patient p where d.id = ? and p.id = ? for update', [doctorId, patientId]);
  return rows.length > 0 && Boolean(Number(rows[0].active));
}

// ---- the engine: booking, freeing and sweeps call these ------------------------------

/**
 * Inside a booking's transaction: the patient booked with this doctor (or one of that
 * department) on a day some of their entries wait for, so those entries leave the list.
 * Returns their open offers, to be released after the commit (`afterHoldsReleased`).
 */
export async function leaveWaitlistOnBooking(em: EntityManager, ctx: Actor, patientId: number, doctorId: number, startsAt: Date): Promise<number[]> {
  const day = localDateOf(startsAt, ctx.deps.config.timezone);
  const entries = await sql<{ id: number; status: string }>(em,
    "select e.id, e.status from waitlist_entry e where e.patient_id = ? and e.status in ('WAITING','OFFERED') and e.from_day <= ? and e.to_day >= ? " +
      'and (e.doctor_id = ? or e.department_id = (select department_id from doctor where id = ?)) for update',
    [patientId, day, day, doctorId, doctorId]);
  if (!entries.length) return [];
  const ids = entries.map((e) => Number(e.id));
  await sql(em, `update waitlist_entry set status = 'BOOKED', closed_at = ? where id in (${ids.map(() => '?').join(',')})`, [sqlTime(clock.now()), ...ids]);
  for (const entry of entries) {
    recordAudit(em, ctx, { action: 'waitlist.booked_elsewhere', entityType: 'waitlist_entry', entityId: entry.id, subjectPatientId: patientId, changes: diff({ status: entry.status }, { status: 'BOOKED' }) });
  }
  const offers = await sql<{ id: number }>(em, `select id from waitlist_offer where status = 'OPEN' and entry_id in (${ids.map(() => '?').join(',')})`, ids);
  return offers.map((o) => Number(o.id));
}

/** After a booking committed: the holds its patient no longer needs go to the next waiters. */
export async function afterHoldsReleased(deps: AppDeps, offerIds: number[]): Promise<void> {
  for (const id of offerIds) await releaseOffer(systemActor(deps, 'booked-elsewhere'), id, OfferStatus.DECLINED).catch(logFailure('releasing a hold'));
}

export type ReleasedHold = number;

function logFailure(what: string) {
  return (error: unknown) => { logger.warn(`waitlist: ${what} failed`, { error: (error as Error).message }); };
}

/**
 * Time of a doctor came free (a cancellation, a move, new hours, a removed block): each
 * free slot in it, soonest first, is offered to the first waiter in line who fits. After
 * the change committed; never throws (a failure leaves the slot simply free).
 */
export async function offerFreedTime(deps: AppDeps, doctorId: number, from: Date, to: Date, freedAt: Date = clock.now()): Promise<number> {
  try {
    const em = deps.orm.em.fork();
    const now = clock.now();
    const zone = deps.config.timezone;
    const window = bookingWindow(now, zone, deps.config.bookingWindowDays);
    const start = new Date(Math.max(from.getTime(), now.getTime()));
    const end = new Date(Math.min(to.getTime(), window.endsAt.getTime()));
    if (start >= end) return 0;
    // Nobody waiting for this doctor: nothing to compute (the common case, one indexed read).
    const waiting = await sql<{ from_day: string; to_day: string; periods: string }>(em,
      "select date_format(from_day, '%Y-%m-%d') as from_day, date_format(to_day, '%Y-%m-%d') as to_day, periods from waitlist_entry " +
        "where status = 'WAITING' and (doctor_id = ? or department_id = (select department_id from doctor where id = ?)) and to_day >= ? and from_day <= ? limit 1000",
      [doctorId, doctorId, localDateOf(start, zone), localDateOf(end, zone)]);
    if (!waiting.length) return 0;
    // Only slots someone waits for are tried (new hours free a whole window at once).
    const wanted = (slot: ComputedSlot) => {
      const day = localDateOf(slot.startsAt, zone);
      return waiting.some((w) => w.from_day <= day && w.to_day >= day && (!w.periods || w.periods.split(',').includes(slot.period)));
    };
    const slots = (await freeSlotsBetween(em, deps, doctorId, start, end)).filter(wanted);
    let offered = 0;
    for (const slot of slots) {
      if (await offerSlot(deps, doctorId, slot, freedAt)) offered += 1;
    }
    return offered;
  } catch (error) {
    logFailure('offering freed time')(error);
    return 0;
  }
}

async function freeSlotsBetween(em: EntityManager, deps: AppDeps, doctorId: number, from: Date, to: Date): Promise<ComputedSlot[]> {
  const zone = deps.config.timezone;
  const [ranges, taken, blocks] = await Promise.all([
    weeklyRanges(em, doctorId),
    intervals(em, 'select starts_at, ends_at from appointment where doctor_id = ? and active_starts_at > ? and active_starts_at < ? and ends_at > ?',
      [doctorId, sqlTime(earliestOverlappingStart(from)), sqlTime(to), sqlTime(from)]),
    intervals(em, 'select starts_at, ends_at from availability_block where doctor_id = ? and starts_at < ? and ends_at > ?', [doctorId, sqlTime(to), sqlTime(from)]),
  ]);
  const out: ComputedSlot[] = [];
  let day = DateTime.fromJSDate(from, { zone }).startOf('day');
  const now = clock.now();
  while (day.toJSDate() < to) {
    for (const slot of freeSlots({ day, ranges, taken, blocks, now, windowDays: deps.config.bookingWindowDays, zone })) {
      if (slot.startsAt >= from && slot.startsAt < to) out.push(slot);
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return out;
}

async function intervals(em: EntityManager, query: string, params: unknown[]): Promise<Interval[]> {
  const rows = await sql<{ starts_at: Date | string; ends_at: Date | string }>(em, query, params);
  return rows.map((r) => ({ startsAt: instant(r.starts_at), endsAt: instant(r.ends_at) }));
}

/** Offers one free slot to the first waiter who fits; true when a hold was made. */
async function offerSlot(deps: AppDeps, doctorId: number, slot: ComputedSlot, freedAt: Date): Promise<boolean> {
  const zone = deps.config.timezone;
  const day = localDateOf(slot.startsAt, zone);
  const em = deps.orm.em.fork();
  const candidates = await sql<{ id: number; patient_id: number; user_id: number | null }>(em,
    "select e.id, e.patient_id, p.user_id from waitlist_entry e join patient p on p.id = e.patient_id where e.status = 'WAITING' " +
      'and (e.doctor_id = ? or e.department_id = (select department_id from doctor where id = ?)) ' +
      "and e.from_day <= ? and e.to_day >= ? and (e.periods = '' or find_in_set(?, e.periods) > 0) " +
      'and not exists (select 1 from waitlist_offer o where o.doctor_id = ? and o.starts_at = ? and o.entry_id = e.id) ' +
      `order by e.id limit ${CANDIDATES_PER_SLOT}`,
    [doctorId, doctorId, day, day, slot.period, doctorId, sqlTime(slot.startsAt)]);
  const actor = systemActor(deps, 'waitlist-offer');
  for (const candidate of candidates) {
    const events: OutboxEvent[] = [];
    let notification: Notification | null = null;
    let messages = false;
    try {
      const made = await withDeadlockRetry(em, async (tx) => {
        events.length = 0;
        notification = null;
        messages = false;
        if (!(await lockDoctorAndPatient(tx, doctorId, Number(candidate.patient_id)))) return 'stop' as const;
        const query = clashQuery(doctorId, Number(candidate.patient_id), slot, null);
        const what = new Set((await sql<{ what: string }>(tx, query.sql, query.params)).map((c) => c.what));
        if (what.has('block') || what.has('doctor')) return 'stop' as const;
        if (what.has('patient')) return 'next' as const;
        // Claiming the entry last (nothing written before it): a concurrent freeing in another
        // process may have offered this waiter another slot meanwhile.
        const claimed = await (tx as unknown as SqlEntityManager).execute<{ affectedRows: number }>(
          "update waitlist_entry set status = 'OFFERED' where id = ? and status = 'WAITING'", [candidate.id], 'run');
        if (!claimed.affectedRows) return 'next' as const;
        const now = clock.now();
        const held = tx.create(Appointment, {
          doctor: tx.getReference(Doctor, doctorId),
          patient: tx.getReference(Patient, Number(candidate.patient_id)),
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          status: AppointmentStatus.HELD,
          reason: 'Held for the waitlist',
        });
        await tx.persist(held).flush();
        const offer = tx.create(WaitlistOffer, {
          entry: tx.getReference(WaitlistEntry, Number(candidate.id)),
          appointment: held,
          doctor: tx.getReference(Doctor, doctorId),
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          freedAt,
          expiresAt: new Date(now.getTime() + deps.config.waitlistHoldMinutes * 60_000),
          createdAt: now,
        });
        tx.persist(offer);
        await tx.flush();
        recordAudit(tx, actor, {
          action: 'waitlist.offer', entityType: 'waitlist_offer', entityId: offer.id, subjectPatientId: Number(candidate.patient_id),
          changes: diff({}, { entryId: Number(candidate.id), appointmentId: held.id, doctorId, startsAt: slot.startsAt, expiresAt: offer.expiresAt }),
        });
        events.push(recordScheduleChange(tx, { kind: 'BOOKED', appointment: held }, null));
        // E-mail/SMS in the offer's transaction (ledger rows): no offer without them, none without an offer.
        messages = await planOfferMessages(tx, { id: offer.id, appointmentId: held.id, patientId: Number(candidate.patient_id), startsAt: slot.startsAt });
        if (candidate.user_id != null) {
          const [doctor] = await sql<{ full_name: string }>(tx, 'select full_name from doctor where id = ?', [doctorId]);
          const when = DateTime.fromJSDate(slot.startsAt, { zone }).toFormat('ccc d LLL yyyy, HH:mm');
          const until = DateTime.fromJSDate(offer.expiresAt, { zone }).toFormat('HH:mm');
          notification = tx.create(Notification, {
            recipient: tx.getReference(User, Number(candidate.user_id)),
            kind: 'WAITLIST_OFFER',
            message: `A slot with ${doctor?.full_name ?? 'your doctor'} on ${when} is held for you until ${until}. Accept it on your waitlist page.`,
            payload: { offerId: offer.id, doctorId, startsAt: slot.startsAt.toISOString(), expiresAt: offer.expiresAt.toISOString() },
          });
          tx.persist(notification);
        }
        return 'made' as const;
      });
      if (made === 'next') continue;
      if (made === 'stop') return false;
      await publishScheduleChanges({ deps }, events);
      if (messages) kickMessages(deps);
      const sent = notification as Notification | null;
      if (sent) {
        try { deps.pubsub.publish('NOTIFICATION_ADDED', { recipientUserId: Number(candidate.user_id), notificationId: sent.id }); } catch { /* in the table; the client reloads */ }
      }
      return true;
    } catch (error) {
      // The unique index: someone booked the slot a moment ago. Nothing to hold.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
  return false;
}

/**
 * Ends an open offer (declined, expired, or its waiter booked elsewhere): the HELD row
 * becomes RELEASED and the slot goes to the next waiter, keeping the time it was first freed.
 */
export async function releaseOffer(ctx: Actor, offerId: number, outcome: OfferStatus.DECLINED | OfferStatus.EXPIRED): Promise<boolean> {
  const { deps } = ctx;
  const em = deps.orm.em.fork();
  const [offer] = await sql<{ doctor_id: number; patient_id: number }>(em,
    'select o.doctor_id, e.patient_id from waitlist_offer o join waitlist_entry e on e.id = o.entry_id where o.id = ?', [offerId]);
  if (!offer) return false;
  const events: OutboxEvent[] = [];
  const released = await withDeadlockRetry(em, async (tx) => {
    events.length = 0;
    await lockDoctorAndPatient(tx, Number(offer.doctor_id), Number(offer.patient_id));
    const current = await tx.findOneOrFail(WaitlistOffer, offerId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (current.status !== OfferStatus.OPEN) return null;
    const now = clock.now();
    current.status = outcome;
    current.decidedAt = now;
    const held = await tx.findOneOrFail(Appointment, current.appointment.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    held.status = AppointmentStatus.RELEASED;
    held.version += 1;
    await tx.flush();
    await sql(tx, "update waitlist_entry set status = 'WAITING' where id = ? and status = 'OFFERED'", [current.entry.id]);
    recordAudit(tx, ctx, {
      action: outcome === OfferStatus.EXPIRED ? 'waitlist.expire' : 'waitlist.decline', entityType: 'waitlist_offer', entityId: current.id,
      subjectPatientId: Number(offer.patient_id), changes: diff({ status: OfferStatus.OPEN }, { status: outcome }),
    });
    events.push(recordScheduleChange(tx, { kind: 'CANCELLED', appointment: held }, null));
    return { startsAt: current.startsAt, endsAt: current.endsAt, freedAt: current.freedAt };
  });
  if (!released) return false;
  await publishScheduleChanges({ deps }, events);
  await offerFreedTime(deps, Number(offer.doctor_id), released.startsAt, released.endsAt, released.freedAt);
  return true;
}

/** The sweep: open offers whose hold ran out pass to the next waiter. Returns how many ended. */
export async function expireOffers(deps: AppDeps, now: Date = clock.now()): Promise<number> {
  const rows = await sql<{ id: number }>(deps.orm.em.fork(),
    "select id from waitlist_offer where status = 'OPEN' and expires_at <= ? order by expires_at limit 500", [sqlTime(now)]);
  let count = 0;
  const actor = systemActor(deps, 'waitlist-expiry');
  for (const row of rows) {
    if (await releaseOffer(actor, Number(row.id), OfferStatus.EXPIRED).catch((error) => { logFailure('expiring an offer')(error); return false; })) count += 1;
  }
  // Entries whose last day has passed leave the list.
  const today = DateTime.fromJSDate(now, { zone: deps.config.timezone }).toISODate();
  await sql(deps.orm.em.fork(), "update waitlist_entry set status = 'CLOSED', closed_at = ? where status = 'WAITING' and to_day < ?", [sqlTime(now), today]);
  return count;
}

/** For the day bounds of a LocalDate range (used by stats). */
export function rangeBounds(from: string, to: string, zone: string): Interval {
  const a = localDay(from, zone);
  const b = localDay(to, zone);
  if (!a || !b) throw new BadInputError('Use YYYY-MM-DD', { ...(a ? {} : { from: 'Use YYYY-MM-DD' }), ...(b ? {} : { to: 'Use YYYY-MM-DD' }) });
  if (b < a) throw new BadInputError('to must not be before from', { to: 'Must not be before from' });
  if (b.diff(a, 'days').days > 366) throw new BadInputError('At most 366 days', { to: 'At most 366 days after from' });
  return { startsAt: dayBounds(a).startsAt, endsAt: dayBounds(b).endsAt };
}
