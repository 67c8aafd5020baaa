import { failurePoint } from '../../test-hooks';
import { clock } from '../../clock';
import { type EntityManager, LockMode } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { requireViewer } from '../../auth';
import type { Context, Viewer } from '../../context';
import { BadInputError, ForbiddenError, InvalidTransitionError, NotFoundError, SlotUnavailableError } from '../../errors';
import { decodeCursor, encodeCursor, pageSize, type TotalCount, withTotalCount } from '../../shared/pagination';
import { optionalText, parseId, validate } from '../../shared/validation';
import { diff, recordAudit } from '../audit/audit.service';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Role, User } from '../identity/user.entity';
import type { OutboxEvent } from '../live/outbox-event.entity';
import { publishScheduleChanges, recordScheduleChange, SCHEDULE_PEOPLE_COLUMNS, type ScheduleChangePeople, schedulePeopleOf, type SchedulePeopleRow } from '../live/schedule-events';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { doctorDayRows } from './appointment.rows';
import { onQueueStatusChange } from '../frontdesk/queue.service';
import { clashQuery, earliestOverlappingStart, isDuplicateKey, sql, sqlTime, withDeadlockRetry } from './scheduling.db';
import type { AppointmentFilter, BookAppointmentInput } from './scheduling.types';
import { bookingWindow, dayBounds, hospitalDayBounds, type Interval, slotStartingAt } from './slots';
import { afterHoldsReleased, leaveWaitlistOnBooking, offerFreedTime, type ReleasedHold } from '../waitlist/waitlist.service';

const IDEMPOTENCY_INDEX = 'appointment_idempotency_unique';
const CHECK_IN_EARLY_MS = 60 * 60_000;

const bookSchema = z.object({
  reason: optionalText(500),
  idempotencyKey: z.string().trim().min(1, 'Must not be empty').max(100, 'At most 100 characters').nullish(),
});

/** Allowed status changes; anything else is INVALID_TRANSITION. */
const TRANSITIONS: Record<AppointmentStatus, AppointmentStatus[]> = {
  [AppointmentStatus.SCHEDULED]: [AppointmentStatus.CHECKED_IN, AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED],
  [AppointmentStatus.CHECKED_IN]: [AppointmentStatus.IN_CONSULTATION, AppointmentStatus.COMPLETED, AppointmentStatus.CANCELLED],
  // With the doctor: the visit can only end.
  [AppointmentStatus.IN_CONSULTATION]: [AppointmentStatus.COMPLETED],
  [AppointmentStatus.COMPLETED]: [],
  [AppointmentStatus.CANCELLED]: [],
  [AppointmentStatus.NO_SHOW]: [],
  // Waitlist holds change only through the waitlist (accept, decline, expiry).
  [AppointmentStatus.HELD]: [],
  [AppointmentStatus.RELEASED]: [],
};

export interface AppointmentPageResult {
  items: Appointment[];
  nextCursor: string | null;
  totalCount: TotalCount;
}

export function snapshot(a: Appointment): Record<string, unknown> {
  return {
    doctorId: a.doctor.id,
    patientId: a.patient.id,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    reason: a.reason ?? null,
    cancelReason: a.cancelReason ?? null,
    ...(a.urgent ? { urgent: true, urgentReason: a.urgentReason ?? null } : {}),
    ...(a.series ? { seriesId: a.series.id } : {}),
  };
}

/** Booking, moving, cancelling and reading appointments. */
export class AppointmentService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager { return this.ctx.em; }

  private get config() { return this.ctx.deps.config; }

  // ---- writes -------------------------------------------------------------

  /**
   * First come, first served: every check runs under a lock on the doctor and
   * the patient rows, and the unique indexes of `appointment` are the last word.
   */
  async book(input: BookAppointmentInput): Promise<Appointment> {
    const viewer = requireViewer(this.ctx);
    const doctorId = parseId(input.doctorId, 'doctorId');
    const patientId = this.bookingPatientId(viewer, input.patientId);
    const data = validate(bookSchema, { reason: input.reason, idempotencyKey: input.idempotencyKey });
    const key = data.idempotencyKey ?? null;
    const startsAt = this.startOf(input.startsAt);
    if (key) {
      const existing = await this.findByKey(this.em, viewer.userId, key);
      if (existing) return existing;
    }

    // Cheap refusals first, outside any transaction and lock: the grid, the
    // clock, and a slot already taken before we arrived (most race losers).
    const events: OutboxEvent[] = [];
    let released: ReleasedHold[] = [];
    try {
      const slot = await this.planSlot(this.em, doctorId, patientId, startsAt, null);
      const appointment = await withDeadlockRetry(this.em, async (em) => {
        events.length = 0;
        const people = await this.lockDoctorAndPatient(em, doctorId, patientId, true);
        // A concurrent retry with the same key that got here first has committed by now.
        if (key) {
          const existing = await this.findByKey(em, viewer.userId, key);
          if (existing) return existing;
        }
        await this.assertNoClash(em, doctorId, patientId, slot, null);
        const created = em.create(Appointment, {
          doctor: em.getReference(Doctor, doctorId),
          patient: em.getReference(Patient, patientId),
          startsAt,
          endsAt: slot.endsAt,
          status: AppointmentStatus.SCHEDULED,
          reason: data.reason,
          createdBy: em.getReference(User, viewer.userId),
          idempotencyKey: key,
          // What the database's generated columns will hold for a new, non-urgent SCHEDULED visit: the ORM
          // reads back only the generated columns it has no value for, so this saves a read under the locks.
          activeStartsAt: startsAt,
          slotStartsAt: startsAt,
        });
        await em.persist(created).flush();
        recordAudit(em, this.ctx, { action: 'appointment.book', entityType: 'appointment', entityId: created.id, changes: diff({}, snapshot(created)) });
        events.push(recordScheduleChange(em, { kind: 'BOOKED', appointment: created, people }, this.ctx));
        released = await leaveWaitlistOnBooking(em, this.ctx, patientId, doctorId, startsAt);
        await failurePoint('appointment.book', em);
        return created;
      });
      await publishScheduleChanges(this.ctx, events);
      await afterHoldsReleased(this.ctx.deps, released);
      return appointment;
    } catch (error) {
      // A concurrent twin with the same key may have won meanwhile (its slot then
      // looks taken, or its key collides): the retry gets the twin's appointment.
      if (key && (isDuplicateKey(error) || error instanceof SlotUnavailableError)) {
        const existing = await this.findByKey(this.em.fork(), viewer.userId, key);
        if (existing) return existing;
      }
      throw this.slotError(error);
    }
  }

  /** Moves an appointment to another free slot of the same doctor, atomically. */
  async reschedule(id: string, newStart: Date): Promise<Appointment> {
    const viewer = requireViewer(this.ctx);
    const appointmentId = parseId(id);
    const startsAt = this.startOf(newStart, 'startsAt');
    const current = await this.findVisible(appointmentId);
    this.assertMayChange(viewer, current, 'reschedule');
    const events: OutboxEvent[] = [];
    let freed: { doctorId: number; startsAt: Date; endsAt: Date } | null = null;
    try {
      const appointment = await withDeadlockRetry(this.em, async (em) => {
        events.length = 0;
        await this.lockDoctorAndPatient(em, current.doctor.id, current.patient.id, false);
        const appointment = await em.findOneOrFail(Appointment, appointmentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (appointment.status !== AppointmentStatus.SCHEDULED) {
          throw new InvalidTransitionError(`A ${appointment.status} appointment cannot be rescheduled`);
        }
        if (viewer.role === Role.PATIENT && appointment.startsAt.getTime() <= clock.nowMs()) {
          throw new InvalidTransitionError('This appointment has already started; ask the front desk');
        }
        if (appointment.startsAt.getTime() === startsAt.getTime()) return appointment;
        const doctor = await em.findOneOrFail(Doctor, appointment.doctor.id);
        if (!doctor.active) throw new SlotUnavailableError('This doctor is not taking bookings');
        const windowDays = appointment.series ? this.config.seriesWindowDays : undefined;
        const slot = await this.planSlot(em, doctor.id, appointment.patient.id, startsAt, appointment.id, windowDays);
        await this.assertNoClash(em, doctor.id, appointment.patient.id, slot, appointment.id);
        const endsAt = slot.endsAt;
        const before = { startsAt: appointment.startsAt, endsAt: appointment.endsAt };
        appointment.startsAt = startsAt;
        appointment.endsAt = endsAt;
        appointment.version += 1;
        await em.flush();
        recordAudit(em, this.ctx, {
          action: 'appointment.reschedule',
          entityType: 'appointment',
          entityId: appointment.id,
          changes: diff(before, { startsAt, endsAt }),
        });
        events.push(recordScheduleChange(em, { kind: 'RESCHEDULED', appointment, previousStartsAt: before.startsAt }, this.ctx));
        freed = { doctorId: doctor.id, startsAt: before.startsAt, endsAt: before.endsAt };
        await failurePoint('appointment.reschedule', em);
        return appointment;
      });
      await publishScheduleChanges(this.ctx, events);
      const old = freed as { doctorId: number; startsAt: Date; endsAt: Date } | null;
      if (old) await offerFreedTime(this.ctx.deps, old.doctorId, old.startsAt, old.endsAt);
      return appointment;
    } catch (error) {
      throw this.slotError(error);
    }
  }

  async cancel(id: string, reason: string | null | undefined): Promise<Appointment> {
    const viewer = requireViewer(this.ctx);
    const data = validate(z.object({ reason: optionalText(500) }), { reason });
    const appointmentId = parseId(id);
    const current = await this.findVisible(appointmentId);
    this.assertMayChange(viewer, current, 'cancel');
    return this.changeStatus(current, AppointmentStatus.CANCELLED, data.reason);
  }

  async setStatus(id: string, status: AppointmentStatus): Promise<Appointment> {
    const viewer = requireViewer(this.ctx);
    const appointmentId = parseId(id);
    const current = await this.findVisible(appointmentId);
    if (!(viewer.role === Role.ADMIN || (viewer.role === Role.DOCTOR && viewer.doctorId === current.doctor.id))) {
      throw new ForbiddenError('Only the appointment\'s doctor or an admin may change its status');
    }
    return this.changeStatus(current, status, null);
  }

  async changeStatus(current: Appointment, status: AppointmentStatus, cancelReason: string | null): Promise<Appointment> {
    const viewer = requireViewer(this.ctx);
    const events: OutboxEvent[] = [];
    const appointment = await withDeadlockRetry(this.em, async (em) => {
      events.length = 0;
      // The same lock order as booking and moves: per doctor, outbox cursors then follow commit order,
      // so a subscriber resuming from a cursor can never skip a change that committed later.
      await this.lockDoctorAndPatient(em, current.doctor.id, current.patient.id, false);
      const appointment = await em.findOneOrFail(Appointment, current.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const from = appointment.status as AppointmentStatus;
      if (!TRANSITIONS[from].includes(status)) {
        throw new InvalidTransitionError(`An appointment cannot go from ${from} to ${status}`);
      }
      const now = clock.now();
      if (status === AppointmentStatus.CHECKED_IN) {
        const opens = appointment.startsAt.getTime() - CHECK_IN_EARLY_MS;
        const day = DateTime.fromJSDate(appointment.startsAt, { zone: this.config.timezone });
        const closes = dayBounds(day).endsAt.getTime();
        if (now.getTime() < opens || now.getTime() >= closes) {
          throw new InvalidTransitionError('Check-in opens one hour before the start and closes at the end of that day');
        }
        appointment.checkedInAt = now;
      }
      if (status === AppointmentStatus.NO_SHOW && now.getTime() < appointment.startsAt.getTime()) {
        throw new InvalidTransitionError('A patient can only be marked as a no-show once the appointment has started');
      }
      if (status === AppointmentStatus.CANCELLED) {
        if (viewer.role === Role.PATIENT && appointment.startsAt.getTime() <= now.getTime()) {
          throw new InvalidTransitionError('This appointment has already started; ask the front desk to cancel it');
        }
        appointment.cancelReason = cancelReason;
        appointment.cancelledAt = now;
      }
      // Queue numbers at check-in, the call-in stamp (frontdesk/queue.service.ts), in this transaction.
      await onQueueStatusChange(em, appointment, status, now, this.config.timezone);
      appointment.status = status;
      appointment.version += 1;
      recordAudit(em, this.ctx, {
        action: status === AppointmentStatus.CANCELLED ? 'appointment.cancel' : 'appointment.status',
        entityType: 'appointment',
        entityId: appointment.id,
        changes: diff(
          { status: from, ...(status === AppointmentStatus.CANCELLED ? { cancelReason: null } : {}) },
          { status, ...(status === AppointmentStatus.CANCELLED ? { cancelReason } : {}) },
        ),
      });
      events.push(recordScheduleChange(em, { kind: status === AppointmentStatus.CANCELLED ? 'CANCELLED' : 'STATUS_CHANGED', appointment }, this.ctx));
      await failurePoint('appointment.status', em);
      return appointment;
    });
    await publishScheduleChanges(this.ctx, events);
    if (status === AppointmentStatus.CANCELLED) await offerFreedTime(this.ctx.deps, appointment.doctor.id, appointment.startsAt, appointment.endsAt);
    return appointment;
  }

  // ---- reads --------------------------------------------------------------

  /**
   * The doctor's appointments of one hospital day: one statement with patients, however
   * full the day, answered from plain rows (nothing here is written back).
   */
  async doctorDay(doctorId: string, date: string, includeCancelled: boolean): Promise<Appointment[]> {
    const viewer = requireViewer(this.ctx);
    const id = parseId(doctorId, 'doctorId');
    if (!(viewer.role === Role.ADMIN || (viewer.role === Role.DOCTOR && viewer.doctorId === id))) {
      throw new ForbiddenError('Only this doctor or an admin may see this day');
    }
    const bounds = hospitalDayBounds(date, this.config.timezone);
    if (!bounds) throw new BadInputError('date must be YYYY-MM-DD', { date: 'Use YYYY-MM-DD' });
    const appointments = await doctorDayRows(this.em, id, bounds.startsAt, bounds.endsAt, includeCancelled);
    if (!appointments) throw new NotFoundError('Doctor');
    return appointments;
  }

  /** Patient: own; doctor: on their schedule; admin: any. Everyone else: NOT_FOUND. */
  async get(id: string): Promise<Appointment> {
    requireViewer(this.ctx);
    return this.findVisible(parseId(id));
  }

  /** The signed-in patient's appointments: upcoming soonest first, past latest first. */
  async mine(upcoming: boolean | null | undefined, status: AppointmentStatus | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<AppointmentPageResult> {
    const viewer = requireViewer(this.ctx);
    if (!viewer.patientId) throw new ForbiddenError('Only patients have appointments of their own');
    const where: string[] = ['a.patient_id = ?', "a.status not in ('HELD','RELEASED')"];
    const params: unknown[] = [viewer.patientId];
    const now = sqlTime(clock.now());
    if (upcoming === true) { where.push('a.ends_at > ?'); params.push(now); }
    if (upcoming === false) { where.push('a.ends_at <= ?'); params.push(now); }
    if (status) { where.push('a.status = ?'); params.push(status); }
    return this.page(where, params, upcoming === true ? 'asc' : 'desc', first, after);
  }

  /** ADMIN: every appointment; DOCTOR: their own schedule. Soonest first. */
  async list(filter: AppointmentFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<AppointmentPageResult> {
    const viewer = requireViewer(this.ctx);
    const where: string[] = [];
    const params: unknown[] = [];
    const f = filter ?? {};
    let doctorId = f.doctorId ? parseId(f.doctorId, 'doctorId') : null;
    if (viewer.role === Role.DOCTOR) {
      if (doctorId && doctorId !== viewer.doctorId) throw new ForbiddenError('Doctors list their own appointments only');
      doctorId = viewer.doctorId ?? 0;
    } else if (viewer.role !== Role.ADMIN) {
      throw new ForbiddenError();
    }
    if (f.from && f.to && f.from >= f.to) throw new BadInputError('to must be after from', { to: 'Must be after from' });
    if (doctorId) { where.push('a.doctor_id = ?'); params.push(doctorId); }
    if (f.patientId) { where.push('a.patient_id = ?'); params.push(parseId(f.patientId, 'patientId')); }
    // A join, not `doctor_id in (select ...)`: MariaDB would read every visit of the department's doctors and sort them.
    if (f.departmentId) { where.push('d.department_id = ?'); params.push(parseId(f.departmentId, 'departmentId')); }
    if (f.status) { where.push('a.status = ?'); params.push(f.status); } else where.push("a.status <> 'RELEASED'");
    // A voided invoice no longer bills the visit (it may be billed again).
    if (f.unbilled != null) {
      where.push(`${f.unbilled ? 'not ' : ''}exists (select 1 from invoice i where i.appointment_id = a.id and i.status <> 'VOID')`);
    }
    if (f.from) { where.push('a.starts_at >= ?'); params.push(sqlTime(f.from)); }
    if (f.to) { where.push('a.starts_at < ?'); params.push(sqlTime(f.to)); }
    return this.page(where, params, 'asc', first, after, Boolean(f.departmentId));
  }

  /** Keyset paging over (starts_at, id): stable while rows are added. */
  private async page(where: string[], params: unknown[], direction: 'asc' | 'desc', first: number | null | undefined, after: string | null | undefined, joinDoctor = false): Promise<AppointmentPageResult> {
    const limit = pageSize(first);
    const cursor = decodeCursor<{ s: string; id: number }>(after);
    if (cursor && (typeof cursor.s !== 'string' || !Number.isInteger(cursor.id) || Number.isNaN(Date.parse(cursor.s)))) {
      throw new BadInputError('after is not a cursor from this list', { after: 'Invalid cursor' });
    }
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    // STRAIGHT_JOIN: read appointments in (starts_at, id) order through the index that fits the
    // filters and stop at the page's end; the doctor (only for a department filter) is one lookup each.
    const from = joinDoctor ? 'appointment a straight_join doctor d on d.id = a.doctor_id' : 'appointment a';
    const pageWhere = [...where];
    const pageParams = [...params];
    if (cursor) {
      const op = direction === 'asc' ? '>' : '<';
      const s = sqlTime(new Date(cursor.s));
      pageWhere.push(`(a.starts_at ${op} ? or (a.starts_at = ? and a.id ${op} ?))`);
      pageParams.push(s, s, cursor.id);
    }
    const rows = await sql<{ id: number }>(this.em,
      `select a.id from ${from} ${pageWhere.length ? `where ${pageWhere.join(' and ')}` : ''} ` +
        `order by a.starts_at ${direction}, a.id ${direction} limit ?`,
      [...pageParams, limit + 1]);
    const ids = rows.slice(0, limit).map((r) => Number(r.id));
    const found = ids.length ? await this.em.find(Appointment, { id: { $in: ids } }) : [];
    const byId = new Map(found.map((a) => [a.id, a]));
    const items = ids.map((i) => byId.get(i)!).filter(Boolean);
    const last = items[items.length - 1];
    const page = { items, nextCursor: rows.length > limit && last ? encodeCursor({ s: last.startsAt.toISOString(), id: last.id }) : null };
    const em = this.em;
    // The count has no order to keep: a department becomes its doctors' index ranges (doctor_id, status, starts_at).
    const countFilter = filter.replace('d.department_id = ?', 'a.doctor_id in (select d.id from doctor d where d.department_id = ?)');
    return withTotalCount(page, !cursor, items.length, rows.length > limit, async () =>
      Number((await sql<{ total: number }>(em, `select count(*) as total from appointment a ${countFilter}`, params))[0].total));
  }

  // ---- rules --------------------------------------------------------------

  bookingPatientId(viewer: Viewer, requested: string | null | undefined): number {
    if (viewer.role === Role.PATIENT) {
      if (!viewer.patientId) throw new ForbiddenError('This account has no patient profile');
      if (requested && parseId(requested, 'patientId') !== viewer.patientId) {
        throw new ForbiddenError('Patients can only book for themselves');
      }
      return viewer.patientId;
    }
    if (viewer.role === Role.ADMIN) {
      if (!requested) throw new BadInputError('patientId is required when booking for a patient', { patientId: 'Required' });
      return parseId(requested, 'patientId');
    }
    throw new ForbiddenError('Doctors cannot book appointments; patients and the front desk do');
  }

  startOf(value: Date, field = 'startsAt'): Date {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new BadInputError(`${field} is not a valid instant`, { [field]: 'Not a valid instant' });
    return value;
  }

  /**
   * Locks the doctor and the patient rows, in that order, in one statement.
   * Every booking and move of this doctor or this patient queues here, so the
   * checks that follow see every appointment committed before. The same statement
   * reads what the change's notices need (names, notice settings), so nothing
   * else reads these rows while they are locked.
   */
  async lockDoctorAndPatient(em: EntityManager, doctorId: number, patientId: number, requireActive: boolean): Promise<ScheduleChangePeople> {
    const rows = await sql<{ active: number; patient_active: number } & SchedulePeopleRow>(em,
      `select d.active, p.active as patient_active, ${SCHEDULE_PEOPLE_COLUMNS} from doctor d, patient p where d.id = ? and p.id = ? for update`, [doctorId, patientId]);
    if (!rows.length) {
      const [doctor] = await sql(em, 'select id from doctor where id = ?', [doctorId]);
      throw new NotFoundError(doctor ? 'Patient' : 'Doctor');
    }
    if (requireActive && !Number(rows[0].active)) throw new SlotUnavailableError('This doctor is not taking bookings');
    // A deactivated (or merged) patient record takes no new bookings; the front desk reactivates it.
    if (requireActive && !Number(rows[0].patient_active)) throw new ForbiddenError('This patient record is deactivated');
    return schedulePeopleOf(rows[0]);
  }

  /**
   * The rules that need no lock: in the future, inside the booking window, on
   * the doctor's weekly grid. Also refuses early (without locking) a slot that
   * is already blocked or taken; `assertNoClash` repeats that under the locks.
   */
  async planSlot(em: EntityManager, doctorId: number, patientId: number, startsAt: Date, excludeId: number | null, windowDays = this.config.bookingWindowDays): Promise<Interval> {
    const now = clock.now();
    if (startsAt.getTime() <= now.getTime()) throw new SlotUnavailableError('This time is in the past');
    const window = bookingWindow(now, this.config.timezone, windowDays);
    if (startsAt.getTime() >= window.endsAt.getTime()) {
      throw new SlotUnavailableError(`Bookings open ${windowDays} days ahead; this time is beyond that`);
    }
    // One statement: the doctor with their weekly rules, plus (as a fast path, without
    // locks) whatever already blocks or holds the start instant; the slot's end is not
    // known yet, and assertNoClash repeats the full check under the locks.
    const at = sqlTime(startsAt);
    const earliest = sqlTime(earliestOverlappingStart(startsAt));
    const exclude = excludeId ?? 0;
    const rows = await sql<{ what: string; active: number; weekday: number | null; start_minute: number; end_minute: number; slot_minutes: number }>(em,
      `(select 'rule' as what, d.active, r.weekday, r.start_minute, r.end_minute, r.slot_minutes from doctor d ` +
        `left join availability_rule r on r.doctor_id = d.id where d.id = ?) union all ` +
        `(select 'block', null, null, null, null, null from availability_block where doctor_id = ? and starts_at <= ? and ends_at > ? limit 1) union all ` +
        `(select 'doctor', null, null, null, null, null from appointment where doctor_id = ? and active_starts_at > ? and active_starts_at <= ? and ends_at > ? and id <> ? limit 1) union all ` +
        `(select 'patient', null, null, null, null, null from appointment where patient_id = ? and active_starts_at > ? and active_starts_at <= ? and ends_at > ? and id <> ? limit 1)`,
      [doctorId, at, at, doctorId, earliest, at, at, exclude, patientId, earliest, at, at, exclude]);
    const doctorRows = rows.filter((r) => r.what === 'rule');
    if (!doctorRows.length) throw new NotFoundError('Doctor');
    if (!Number(doctorRows[0].active)) throw new SlotUnavailableError('This doctor is not taking bookings');
    const what = new Set(rows.map((r) => r.what));
    if (what.has('block')) throw new SlotUnavailableError('The doctor is not available at this time');
    if (what.has('doctor')) throw new SlotUnavailableError('This slot has just been taken');
    if (what.has('patient')) throw new SlotUnavailableError('The patient already has an appointment at this time');
    const ranges = doctorRows.filter((r) => r.weekday !== null).map((r) => ({
      weekday: Number(r.weekday), startMinute: Number(r.start_minute), endMinute: Number(r.end_minute), slotMinutes: Number(r.slot_minutes),
    }));
    const slot = slotStartingAt(startsAt, this.config.timezone, ranges);
    if (!slot) throw new SlotUnavailableError('This time is not one of the doctor\'s slots');
    return slot;
  }

  /** Blocked, taken, or overlapping the patient's other active appointments: SLOT_UNAVAILABLE. */
  async assertNoClash(em: EntityManager, doctorId: number, patientId: number, slot: Interval, excludeId: number | null): Promise<void> {
    const query = clashQuery(doctorId, patientId, slot, excludeId);
    const clashes = await sql<{ what: string }>(em, query.sql, query.params);
    const what = new Set(clashes.map((c) => c.what));
    if (what.has('block')) throw new SlotUnavailableError('The doctor is not available at this time');
    if (what.has('doctor')) throw new SlotUnavailableError('This slot has just been taken');
    if (what.has('patient')) throw new SlotUnavailableError('The patient already has an appointment at this time');
  }

  /** Duplicate active slot (doctor or patient) from the unique indexes: the race was lost. */
  slotError(error: unknown): unknown {
    if (isDuplicateKey(error) && !isDuplicateKey(error, IDEMPOTENCY_INDEX)) return new SlotUnavailableError('This slot has just been taken');
    return error;
  }

  private async findByKey(em: EntityManager, userId: number, key: string): Promise<Appointment | null> {
    return em.findOne(Appointment, { createdBy: userId, idempotencyKey: key }, { populate: ['doctor', 'patient'] });
  }

  async findVisible(id: number): Promise<Appointment> {
    const viewer = requireViewer(this.ctx);
    const appointment = await this.em.findOne(Appointment, id);
    if (!appointment) throw new NotFoundError('Appointment');
    const visible = viewer.role === Role.ADMIN ||
      (viewer.role === Role.PATIENT && viewer.patientId === appointment.patient.id) ||
      (viewer.role === Role.DOCTOR && viewer.doctorId === appointment.doctor.id);
    if (!visible) throw new NotFoundError('Appointment');
    return appointment;
  }

  assertMayChange(viewer: Viewer, appointment: Appointment, what: 'reschedule' | 'cancel'): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.PATIENT && viewer.patientId === appointment.patient.id) return;
    if (what === 'cancel' && viewer.role === Role.DOCTOR && viewer.doctorId === appointment.doctor.id) return;
    throw new ForbiddenError(`You may not ${what} this appointment`);
  }
}
