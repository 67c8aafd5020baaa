import { DateTime } from 'luxon';
import { requireViewer } from '../../auth';
import type { Context } from '../../context';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors';
import { parseId } from '../../shared/validation';
import { Role } from '../identity/user.entity';
import { AppointmentStatus } from '../scheduling/appointment.entity';
import { hospitalMonth } from './hospital-days';
import type { DoctorMonthlyReport } from './reports.types';

/** Visit statuses; slot holds of the waitlist (HELD, RELEASED) are not visits and are not reported. */
const VISIT_STATUSES = [
  AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED, AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW,
];

const sqlTime = (date: Date) => DateTime.fromJSDate(date, { zone: 'utc' }).toFormat('yyyy-MM-dd HH:mm:ss.SSS');

/**
 * The doctor's monthly report: counts only (statuses, ICD-10 codes, dates),
 * never the encrypted free text, so it needs no care check and records no
 * clinical read. A doctor gets their own; an admin any doctor's.
 */
export class DoctorReportService {
  constructor(private readonly ctx: Context) {}

  /** Whose report the viewer may read: their own (doctors) or `doctorIdRaw` (admins, required). */
  resolveDoctor(doctorIdRaw: string | null | undefined): number {
    const viewer = requireViewer(this.ctx);
    if (viewer.role === Role.DOCTOR && viewer.doctorId) {
      if (doctorIdRaw && parseId(doctorIdRaw, 'doctorId') !== viewer.doctorId) throw new ForbiddenError('Doctors see their own monthly report only');
      return viewer.doctorId;
    }
    if (viewer.role === Role.ADMIN) {
      if (!doctorIdRaw) throw new BadInputError('doctorId is required', { doctorId: 'Pick a doctor' });
      return parseId(doctorIdRaw, 'doctorId');
    }
    throw new ForbiddenError('Only doctors and admins see monthly reports');
  }

  async monthly(monthRaw: string, doctorIdRaw?: string | null): Promise<DoctorMonthlyReport> {
    const doctorId = this.resolveDoctor(doctorIdRaw);
    return monthlyFigures(this.ctx, doctorId, monthRaw);
  }
}

/** The figures, for a doctor already authorised (the monthly mail job calls this for each doctor). */
export async function monthlyFigures(ctx: Pick<Context, 'em' | 'deps'>, doctorId: number, monthRaw: string): Promise<DoctorMonthlyReport> {
  const zone = ctx.deps.config.timezone;
  const m = hospitalMonth(monthRaw, zone);
  const next = hospitalMonth(DateTime.fromISO(m.from).plus({ months: 1 }).toFormat('yyyy-MM'), zone);
  const connection = ctx.em.getConnection();
  const run = <T>(sql: string, params: unknown[]): Promise<T[]> => connection.execute<T[]>(sql, params);
  const range = [doctorId, sqlTime(m.start), sqlTime(m.end)];
  const [doctor] = await run<{ full_name: string; department: string }>(
    'select d.full_name, dep.name as department from doctor d join department dep on dep.id = d.department_id where d.id = ?', [doctorId]);
  if (!doctor) throw new NotFoundError('Doctor');
  const [statuses, seen, codes, followUps] = await Promise.all([
    run<{ status: string; n: number }>(
      'select a.status, count(*) as n from appointment a where a.doctor_id = ? and a.starts_at >= ? and a.starts_at < ? group by a.status', range),
    run<{ n: number }>(
      `select count(distinct a.patient_id) as n from appointment a
       where a.doctor_id = ? and a.starts_at >= ? and a.starts_at < ? and a.status in ('CHECKED_IN', 'COMPLETED')`, range),
    // A visit counts once per code, however many entries it has; uncoded visits are those with entries but no code at all.
    run<{ code: string | null; n: number }>(
      `select t.icd_code as code, count(distinct t.appointment_id) as n from treatment t join appointment a on a.id = t.appointment_id
       where a.doctor_id = ? and a.starts_at >= ? and a.starts_at < ? group by t.icd_code`, range),
    run<{ due: number; due_next: number }>(
      `select sum(t.follow_up_date between ? and ?) as due, sum(t.follow_up_date between ? and ?) as due_next
       from treatment t where t.doctor_id = ? and t.follow_up_date between ? and ?`,
      [m.from, m.to, next.from, next.to, doctorId, m.from, next.to]),
  ]);
  const byStatus = new Map(statuses.map((r) => [r.status, Number(r.n)]));
  const coded = codes.filter((c) => c.code).map((c) => ({ code: c.code!, visits: Number(c.n) }))
    .sort((a, b) => b.visits - a.visits || a.code.localeCompare(b.code));
  const uncoded = await run<{ n: number }>(
    `select count(distinct t.appointment_id) as n from treatment t join appointment a on a.id = t.appointment_id
     where a.doctor_id = ? and a.starts_at >= ? and a.starts_at < ?
       and not exists (select 1 from treatment c where c.appointment_id = t.appointment_id and c.icd_code is not null)`, range);
  return {
    month: m.month,
    from: m.from,
    to: m.to,
    timezone: zone,
    doctorId: String(doctorId),
    doctorName: doctor.full_name,
    departmentName: doctor.department,
    visits: VISIT_STATUSES.reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0),
    visitsByStatus: VISIT_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    patientsSeen: Number(seen[0]?.n ?? 0),
    noShows: byStatus.get(AppointmentStatus.NO_SHOW) ?? 0,
    followUpsDue: Number(followUps[0]?.due ?? 0),
    followUpsDueNextMonth: Number(followUps[0]?.due_next ?? 0),
    byIcdCode: coded,
    uncodedVisits: Number(uncoded[0]?.n ?? 0),
  };
}
