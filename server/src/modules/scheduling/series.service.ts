// Recurring visits: every N weeks, or monthly on the same weekday of the month. Each
// occurrence is an ordinary appointment, checked and stored exactly as a single booking
// (same locks, same unique indexes, same live events and audit rows).
import { DateTime } from 'luxon';
import { z } from 'zod';
import { requireViewer } from '../../auth';
import { clock } from '../../clock';
import type { Context } from '../../context';
import { BadInputError, HmsError, InvalidTransitionError, NotFoundError } from '../../errors';
import { optionalText, parseId, validate } from '../../shared/validation';
import { diff, recordAudit } from '../audit/audit.service';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Role, User } from '../identity/user.entity';
import type { OutboxEvent } from '../live/outbox-event.entity';
import { publishScheduleChanges, recordScheduleChange } from '../live/schedule-events';
import { afterHoldsReleased, leaveWaitlistOnBooking, offerFreedTime } from '../waitlist/waitlist.service';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { AppointmentSeries } from './appointment-series.entity';
import { AppointmentService, snapshot } from './appointment.service';
import { sql, withDeadlockRetry } from './scheduling.db';
import { localDay } from './slots';

export const MAX_SERIES_COUNT = 12;

export enum SeriesMode {
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  BOOK_WHAT_FITS = 'BOOK_WHAT_FITS',
}

export enum SeriesRepeat {
  WEEKLY = 'WEEKLY',
  MONTHLY_WEEKDAY = 'MONTHLY_WEEKDAY',
}

export interface SeriesInput {
  doctorId: string;
  startsAt: Date;
  everyWeeks?: number | null;
  repeat?: SeriesRepeat | null;
  count?: number | null;
  until?: string | null;
  mode: SeriesMode;
  patientId?: string | null;
  reason?: string | null;
}

export interface SeriesClash { startsAt: Date; code: string; message: string }

export interface SeriesResult { seriesId: string | null; booked: Appointment[]; skipped: SeriesClash[] }

/**
 * The occurrences of a rule, in hospital wall time (a visit at 09:00 stays at 09:00 across a
 * daylight-saving change). Monthly: the same weekday of the same week of the month (the 2nd
 * Tuesday), so a start in a month's fifth week has no monthly repeat.
 */
export function occurrences(start: Date, zone: string, repeat: SeriesRepeat, everyWeeks: number, count: number | null, until: DateTime | null): Date[] {
  const first = DateTime.fromJSDate(start, { zone });
  const nth = Math.ceil(first.day / 7);
  const out: Date[] = [];
  for (let i = 0; out.length < (count ?? MAX_SERIES_COUNT + 1); i += 1) {
    let at: DateTime;
    if (repeat === SeriesRepeat.WEEKLY) {
      at = first.plus({ weeks: i * everyWeeks });
    } else {
      const month = first.startOf('month').plus({ months: i });
      const offset = (first.weekday - month.weekday + 7) % 7;
      at = month.set({ day: 1 + offset + (nth - 1) * 7, hour: first.hour, minute: first.minute, second: 0, millisecond: 0 });
    }
    if (until && at.startOf('day') > until) break;
    out.push(at.toJSDate());
  }
  return out;
}

export class SeriesService {
  private readonly appointments: AppointmentService;

  constructor(private readonly ctx: Context) {
    this.appointments = new AppointmentService(ctx);
  }

  private get config() { return this.ctx.deps.config; }

  async book(input: SeriesInput): Promise<SeriesResult> {
    const viewer = requireViewer(this.ctx);
    const doctorId = parseId(input.doctorId, 'doctorId');
    const patientId = this.appointments.bookingPatientId(viewer, input.patientId);
    const data = validate(z.object({ reason: optionalText(500) }), { reason: input.reason });
    const startsAt = this.appointments.startOf(input.startsAt);
    const zone = this.config.timezone;
    const repeat = input.repeat ?? SeriesRepeat.WEEKLY;
    const fields: Record<string, string> = {};
    const everyWeeks = input.everyWeeks ?? 1;
    if (repeat === SeriesRepeat.WEEKLY && (!Number.isInteger(everyWeeks) || everyWeeks < 1 || everyWeeks > 12)) fields.everyWeeks = 'From 1 to 12';
    if (repeat === SeriesRepeat.MONTHLY_WEEKDAY && input.everyWeeks != null) fields.everyWeeks = 'Not used with a monthly repeat';
    if (repeat === SeriesRepeat.MONTHLY_WEEKDAY && Math.ceil(DateTime.fromJSDate(startsAt, { zone }).day / 7) > 4) {
      fields.startsAt = 'A monthly series starts in the first four weeks of a month (the 5th weekday does not come every month)';
    }
    if ((input.count == null) === (input.until == null)) fields[input.count == null ? 'count' : 'until'] = 'Give either a count or an end date';
    if (input.count != null && (!Number.isInteger(input.count) || input.count < 2 || input.count > MAX_SERIES_COUNT)) fields.count = `From 2 to ${MAX_SERIES_COUNT}`;
    let until: DateTime | null = null;
    const lastDay = DateTime.fromJSDate(clock.now(), { zone }).startOf('day').plus({ days: this.config.seriesWindowDays });
    if (input.until != null) {
      until = localDay(input.until, zone);
      if (!until) fields.until = 'Use YYYY-MM-DD';
      else if (until > lastDay) fields.until = `At most ${this.config.seriesWindowDays} days ahead (HMS_SERIES_WINDOW_DAYS)`;
    }
    if (!Object.values(SeriesMode).includes(input.mode)) fields.mode = 'Unknown mode';
    if (Object.keys(fields).length) throw new BadInputError(`Invalid series: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, fields);
    const dates = occurrences(startsAt, zone, repeat, everyWeeks, input.count ?? null, until);
    if (dates.length < 2) throw new BadInputError('The series has fewer than two visits', { until: 'Leaves fewer than two visits' });
    if (dates.length > MAX_SERIES_COUNT) throw new BadInputError(`At most ${MAX_SERIES_COUNT} visits`, { until: `Leaves more than ${MAX_SERIES_COUNT} visits` });
    const last = DateTime.fromJSDate(dates[dates.length - 1], { zone }).startOf('day');
    if (last >= lastDay) {
      throw new BadInputError(`The series reaches beyond ${this.config.seriesWindowDays} days ahead (HMS_SERIES_WINDOW_DAYS)`, { count: 'Reaches beyond the series window' });
    }

    const events: OutboxEvent[] = [];
    let leftOffers: number[] = [];
    try {
      const result = await withDeadlockRetry(this.ctx.em, async (em) => {
        events.length = 0;
        leftOffers = [];
        // One lock for the whole series: the checks below see every booking committed before.
        await this.appointments.lockDoctorAndPatient(em, doctorId, patientId, true);
        const fits: Array<{ startsAt: Date; endsAt: Date }> = [];
        const skipped: SeriesClash[] = [];
        for (const at of dates) {
          try {
            const slot = await this.appointments.planSlot(em, doctorId, patientId, at, null, this.config.seriesWindowDays);
            await this.appointments.assertNoClash(em, doctorId, patientId, slot, null);
            fits.push(slot);
          } catch (error) {
            if (!(error instanceof HmsError) || error instanceof NotFoundError) throw error;
            skipped.push({ startsAt: at, code: String(error.extensions.code), message: error.message });
          }
        }
        if (!fits.length || (input.mode === SeriesMode.ALL_OR_NOTHING && skipped.length)) {
          return { seriesId: null, booked: [], skipped };
        }
        const series = em.create(AppointmentSeries, {
          patient: em.getReference(Patient, patientId),
          doctor: em.getReference(Doctor, doctorId),
          rule: repeat,
          everyWeeks: repeat === SeriesRepeat.WEEKLY ? everyWeeks : null,
          createdBy: em.getReference(User, viewer.userId),
          createdAt: clock.now(),
        });
        const booked = fits.map((slot) => em.create(Appointment, {
          doctor: em.getReference(Doctor, doctorId),
          patient: em.getReference(Patient, patientId),
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          status: AppointmentStatus.SCHEDULED,
          reason: data.reason,
          createdBy: em.getReference(User, viewer.userId),
          series,
        }));
        await em.persist([series, ...booked]).flush();
        recordAudit(em, this.ctx, {
          action: 'appointment_series.book', entityType: 'appointment_series', entityId: series.id, subjectPatientId: patientId,
          changes: diff({}, { doctorId, patientId, rule: repeat, everyWeeks: series.everyWeeks ?? null, mode: input.mode, booked: booked.length, skipped: skipped.length }),
        });
        for (const appointment of booked) {
          recordAudit(em, this.ctx, { action: 'appointment.book', entityType: 'appointment', entityId: appointment.id, changes: diff({}, snapshot(appointment)) });
          events.push(recordScheduleChange(em, { kind: 'BOOKED', appointment }, this.ctx));
          leftOffers.push(...await leaveWaitlistOnBooking(em, this.ctx, patientId, doctorId, appointment.startsAt));
        }
        return { seriesId: String(series.id), booked, skipped };
      });
      await publishScheduleChanges(this.ctx, events);
      await afterHoldsReleased(this.ctx.deps, [...new Set(leftOffers)]);
      if (!result.booked.length) return result;
      const ids = result.booked.map((a) => a.id);
      const loaded = await this.ctx.em.find(Appointment, { id: { $in: ids } }, { populate: ['doctor', 'patient'], orderBy: { startsAt: 'asc' } });
      return { ...result, booked: loaded };
    } catch (error) {
      throw this.appointments.slotError(error);
    }
  }

  /**
   * Cancels the series' SCHEDULED visits that have not started: all of them, or those from
   * one occurrence on. Who may: as cancelling one visit (the patient, the doctor, an admin).
   */
  async cancel(seriesIdArg: string, fromAppointmentId: string | null | undefined, reason: string | null | undefined): Promise<Appointment[]> {
    const viewer = requireViewer(this.ctx);
    const data = validate(z.object({ reason: optionalText(500) }), { reason });
    const seriesId = parseId(seriesIdArg, 'seriesId');
    const [series] = await sql<{ patient_id: number; doctor_id: number }>(this.ctx.em, 'select patient_id, doctor_id from appointment_series where id = ?', [seriesId]);
    const visible = series && (viewer.role === Role.ADMIN ||
      (viewer.role === Role.PATIENT && viewer.patientId === Number(series.patient_id)) ||
      (viewer.role === Role.DOCTOR && viewer.doctorId === Number(series.doctor_id)));
    if (!visible) throw new NotFoundError('Series');
    const doctorId = Number(series.doctor_id);
    const patientId = Number(series.patient_id);
    let from = clock.now();
    if (fromAppointmentId) {
      const [occurrence] = await sql<{ starts_at: Date | string; series_id: number | null }>(this.ctx.em,
        'select starts_at, series_id from appointment where id = ?', [parseId(fromAppointmentId, 'fromAppointmentId')]);
      if (!occurrence || Number(occurrence.series_id) !== seriesId) {
        throw new BadInputError('That appointment is not part of this series', { fromAppointmentId: 'Not an occurrence of this series' });
      }
      const at = occurrence.starts_at instanceof Date ? occurrence.starts_at : new Date(`${occurrence.starts_at.replace(' ', 'T')}Z`);
      if (at > from) from = at;
    }
    const events: OutboxEvent[] = [];
    const cancelled = await withDeadlockRetry(this.ctx.em, async (em) => {
      events.length = 0;
      await this.appointments.lockDoctorAndPatient(em, doctorId, patientId, false);
      const list = await em.find(Appointment, { series: seriesId, status: AppointmentStatus.SCHEDULED, startsAt: { $gte: from } }, { orderBy: { startsAt: 'asc' } });
      const now = clock.now();
      for (const appointment of list) {
        if (appointment.startsAt <= now) continue;
        appointment.status = AppointmentStatus.CANCELLED;
        appointment.cancelReason = data.reason;
        appointment.cancelledAt = now;
        appointment.version += 1;
        recordAudit(em, this.ctx, {
          action: 'appointment.cancel', entityType: 'appointment', entityId: appointment.id,
          changes: diff({ status: AppointmentStatus.SCHEDULED, cancelReason: null }, { status: AppointmentStatus.CANCELLED, cancelReason: data.reason, seriesId }),
        });
        events.push(recordScheduleChange(em, { kind: 'CANCELLED', appointment }, this.ctx));
      }
      await em.flush();
      return list.filter((a) => a.status === AppointmentStatus.CANCELLED);
    });
    if (!cancelled.length) {
      const [left] = await sql(this.ctx.em, "select id from appointment where series_id = ? and status = 'SCHEDULED' and starts_at >= ? limit 1", [seriesId, from]);
      if (!left) throw new InvalidTransitionError('No upcoming visit of this series is left to cancel');
    }
    await publishScheduleChanges(this.ctx, events);
    for (const a of cancelled) await offerFreedTime(this.ctx.deps, doctorId, a.startsAt, a.endsAt);
    return this.ctx.em.find(Appointment, { id: { $in: cancelled.map((a) => a.id) } }, { populate: ['doctor', 'patient'], orderBy: { startsAt: 'asc' }, refresh: true });
  }

  /** The visits of a series, by start (its patient, its doctor, an admin). */
  async visits(seriesIdArg: string): Promise<Appointment[]> {
    const viewer = requireViewer(this.ctx);
    const seriesId = parseId(seriesIdArg, 'seriesId');
    const series = await this.ctx.em.findOne(AppointmentSeries, seriesId);
    const visible = series && (viewer.role === Role.ADMIN ||
      (viewer.role === Role.PATIENT && viewer.patientId === series.patient.id) ||
      (viewer.role === Role.DOCTOR && viewer.doctorId === series.doctor.id));
    if (!visible) throw new NotFoundError('Series');
    return this.ctx.em.find(Appointment, { series: seriesId }, { populate: ['doctor', 'patient'], orderBy: { startsAt: 'asc' } });
  }
}

