import { DateTime } from 'luxon';
import { requireViewer } from '../../auth';
import type { Context } from '../../context';
import { ForbiddenError, NotFoundError } from '../../errors';
import { money } from '../../shared/money';
import { parseId } from '../../shared/validation';
import { Role } from '../identity/user.entity';
import { AppointmentStatus } from '../scheduling/appointment.entity';
import { type HospitalDay, hospitalDays } from './hospital-days';
import type { Dashboard, DepartmentFigures, DoctorFigures, Figures } from './reports.types';

export interface DashboardArgs {
  from: string;
  to: string;
  departmentId?: string | null;
  doctorId?: string | null;
}

/** What each grouping query returns per key, in minor units. */
interface RawFigures {
  appointments: number;
  completed: number;
  cancelled: number;
  noShow: number;
  patients: number;
  invoiceCount: number;
  invoicedMinor: number;
  collectedMinor: number;
  outstandingMinor: number;
}

const EMPTY: RawFigures = {
  appointments: 0, completed: 0, cancelled: 0, noShow: 0, patients: 0, invoiceCount: 0, invoicedMinor: 0, collectedMinor: 0, outstandingMinor: 0,
};

/** How rows are grouped: the SQL key expression (over appointment a, doctor d, days dd). */
type Grouping = 'total' | 'day' | 'doctor' | 'department';
const KEY: Record<Grouping, string> = { total: "'all'", day: 'dd.day', doctor: 'a.doctor_id', department: 'd.department_id' };

const sqlTime = (date: Date) => DateTime.fromJSDate(date, { zone: 'utc' }).toFormat('yyyy-MM-dd HH:mm:ss.SSS');

/**
 * The admin dashboard. Every figure is aggregated in SQL (GROUP BY per day,
 * doctor or department); JavaScript only lays the grouped rows side by side.
 * Days are hospital days (HMS_TIMEZONE), each with its own UTC bounds, so
 * days around a DST change are counted right.
 */
export class ReportsService {
  constructor(private readonly ctx: Context) {}

  private get config() { return this.ctx.deps.config; }

  async dashboard(args: DashboardArgs): Promise<Dashboard> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role !== Role.ADMIN) throw new ForbiddenError('Only admins see the hospital\'s figures');
    const days = hospitalDays(args.from, args.to, this.config.timezone);
    const filter = await this.filter(args);
    const range = { start: days[0].start, end: days[days.length - 1].end };
    const q = new FigureQueries(this.ctx, range, days, filter);

    // One grouping at a time (each runs its three queries at once) keeps the pool free for others.
    const total = await q.grouped('total');
    const daily = await q.grouped('day');
    const doctors = await q.grouped('doctor');
    const departments = await q.grouped('department');
    const [byStatus, extra] = await Promise.all([q.byStatus(), q.counts()]);
    const toFigures = (raw: RawFigures): Figures => ({
      appointments: raw.appointments,
      completed: raw.completed,
      cancelled: raw.cancelled,
      noShow: raw.noShow,
      patients: raw.patients,
      invoiceCount: raw.invoiceCount,
      invoiced: this.money(raw.invoicedMinor),
      collected: this.money(raw.collectedMinor),
      outstanding: this.money(raw.outstandingMinor),
    });

    const names = await q.names([...doctors.keys()].map(Number), [...departments.keys()].map(Number));
    const byDoctor: DoctorFigures[] = [...doctors].map(([id, raw]) => {
      const doctor = names.doctors.get(Number(id))!;
      return { ...toFigures(raw), doctorId: id, doctorName: doctor.name, departmentId: String(doctor.departmentId), departmentName: doctor.departmentName };
    }).sort((a, b) => a.doctorName.localeCompare(b.doctorName) || Number(a.doctorId) - Number(b.doctorId));
    const byDepartment: DepartmentFigures[] = [...departments].map(([id, raw]) => (
      { ...toFigures(raw), departmentId: id, departmentName: names.departments.get(Number(id)) ?? '' }
    )).sort((a, b) => a.departmentName.localeCompare(b.departmentName));

    return {
      from: days[0].day,
      to: days[days.length - 1].day,
      timezone: this.config.timezone,
      currency: this.config.currency,
      totals: {
        ...toFigures(total.get('all') ?? EMPTY),
        doctors: extra.doctors,
        newPatients: extra.newPatients,
        appointmentsByStatus: Object.values(AppointmentStatus).map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
      },
      daily: days.map((d) => ({ ...toFigures(daily.get(d.day) ?? EMPTY), date: d.day })),
      byDoctor,
      byDepartment,
    };
  }

  private money(minor: number) {
    return money(minor, this.config.currency, this.config.currencyDigits);
  }

  /** The department/doctor filter as SQL over doctor `d`; unknown ids are NOT_FOUND. */
  private async filter(args: DashboardArgs): Promise<{ sql: string; params: unknown[] }> {
    const parts: string[] = [];
    const params: unknown[] = [];
    const connection = this.ctx.em.getConnection();
    if (args.departmentId) {
      const id = parseId(args.departmentId, 'departmentId');
      if (!(await connection.execute('select 1 from department where id = ?', [id])).length) throw new NotFoundError('Department');
      parts.push('d.department_id = ?');
      params.push(id);
    }
    if (args.doctorId) {
      const id = parseId(args.doctorId, 'doctorId');
      if (!(await connection.execute('select 1 from doctor where id = ?', [id])).length) throw new NotFoundError('Doctor');
      parts.push('d.id = ?');
      params.push(id);
    }
    return { sql: parts.map((p) => ` and ${p}`).join(''), params };
  }
}

/** The SQL behind the dashboard, one GROUP BY query per measure and grouping. */
class FigureQueries {
  constructor(
    private readonly ctx: Context,
    private readonly range: { start: Date; end: Date },
    private readonly days: HospitalDay[],
    private readonly filter: { sql: string; params: unknown[] },
  ) {}

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.ctx.em.getConnection().execute<T[]>(sql, params);
  }

  /** A derived table of the range's days with their UTC bounds, joined on `column` (only when grouping by day). */
  private daysJoin(grouping: Grouping, column: string): { sql: string; params: unknown[] } {
    if (grouping !== 'day') return { sql: '', params: [] };
    const rows = this.days.map((_, i) => (i === 0
      ? 'select ? as day, cast(? as datetime(3)) as s, cast(? as datetime(3)) as e'
      : 'select ?, cast(? as datetime(3)), cast(? as datetime(3))'));
    return {
      sql: ` join (${rows.join(' union all ')}) dd on ${column} >= dd.s and ${column} < dd.e`,
      params: this.days.flatMap((d) => [d.day, sqlTime(d.start), sqlTime(d.end)]),
    };
  }

  async grouped(grouping: Grouping): Promise<Map<string, RawFigures>> {
    const key = KEY[grouping];
    const bounds = [sqlTime(this.range.start), sqlTime(this.range.end)];
    const visitsDays = this.daysJoin(grouping, 'a.starts_at');
    const invoiceDays = this.daysJoin(grouping, 'i.issued_at');
    const paymentDays = this.daysJoin(grouping, 'p.created_at');
    const [visits, invoices, payments] = await Promise.all([
      this.run<Record<string, unknown>>(
        `select ${key} as k, count(*) as appointments,
           sum(a.status = 'COMPLETED') as completed, sum(a.status = 'CANCELLED') as cancelled, sum(a.status = 'NO_SHOW') as no_show,
           count(distinct a.patient_id) as patients
         from appointment a join doctor d on d.id = a.doctor_id${visitsDays.sql}
         where a.starts_at >= ? and a.starts_at < ?${this.filter.sql}
         group by k`,
        [...visitsDays.params, ...bounds, ...this.filter.params],
      ),
      this.run<Record<string, unknown>>(
        `select ${key} as k, count(*) as invoice_count, sum(i.total_minor) as invoiced,
           sum(case when i.status = 'ISSUED' then i.total_minor - i.paid_minor else 0 end) as outstanding
         from invoice i join appointment a on a.id = i.appointment_id join doctor d on d.id = a.doctor_id${invoiceDays.sql}
         where i.status in ('ISSUED', 'PAID') and i.issued_at >= ? and i.issued_at < ?${this.filter.sql}
         group by k`,
        [...invoiceDays.params, ...bounds, ...this.filter.params],
      ),
      this.run<Record<string, unknown>>(
        `select ${key} as k, sum(p.amount_minor) as collected
         from payment p join invoice i on i.id = p.invoice_id join appointment a on a.id = i.appointment_id
           join doctor d on d.id = a.doctor_id${paymentDays.sql}
         where p.created_at >= ? and p.created_at < ?${this.filter.sql}
         group by k`,
        [...paymentDays.params, ...bounds, ...this.filter.params],
      ),
    ]);
    const result = new Map<string, RawFigures>();
    const entry = (k: unknown) => {
      const id = String(k);
      if (!result.has(id)) result.set(id, { ...EMPTY });
      return result.get(id)!;
    };
    for (const r of visits) {
      Object.assign(entry(r.k), {
        appointments: Number(r.appointments), completed: Number(r.completed ?? 0), cancelled: Number(r.cancelled ?? 0),
        noShow: Number(r.no_show ?? 0), patients: Number(r.patients),
      });
    }
    for (const r of invoices) {
      Object.assign(entry(r.k), { invoiceCount: Number(r.invoice_count), invoicedMinor: Number(r.invoiced ?? 0), outstandingMinor: Number(r.outstanding ?? 0) });
    }
    for (const r of payments) entry(r.k).collectedMinor = Number(r.collected ?? 0);
    return result;
  }

  async byStatus(): Promise<Map<string, number>> {
    const rows = await this.run<{ status: string; n: number }>(
      `select a.status, count(*) as n from appointment a join doctor d on d.id = a.doctor_id
       where a.starts_at >= ? and a.starts_at < ?${this.filter.sql} group by a.status`,
      [sqlTime(this.range.start), sqlTime(this.range.end), ...this.filter.params],
    );
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  }

  async counts(): Promise<{ doctors: number; newPatients: number }> {
    const [doctors, patients] = await Promise.all([
      this.run<{ n: number }>(`select count(*) as n from doctor d where d.active = 1${this.filter.sql}`, this.filter.params),
      this.run<{ n: number }>('select count(*) as n from patient where created_at >= ? and created_at < ?',
        [sqlTime(this.range.start), sqlTime(this.range.end)]),
    ]);
    return { doctors: Number(doctors[0].n), newPatients: Number(patients[0].n) };
  }

  async names(doctorIds: number[], departmentIds: number[]) {
    const [doctors, departments] = await Promise.all([
      doctorIds.length
        ? this.run<{ id: number; full_name: string; department_id: number; department_name: string }>(
          `select d.id, d.full_name, d.department_id, dep.name as department_name from doctor d join department dep on dep.id = d.department_id
           where d.id in (${doctorIds.map(() => '?').join(',')})`, doctorIds)
        : [],
      departmentIds.length
        ? this.run<{ id: number; name: string }>(`select id, name from department where id in (${departmentIds.map(() => '?').join(',')})`, departmentIds)
        : [],
    ]);
    return {
      doctors: new Map(doctors.map((d) => [Number(d.id), { name: d.full_name, departmentId: Number(d.department_id), departmentName: d.department_name }])),
      departments: new Map(departments.map((d) => [Number(d.id), d.name])),
    };
  }
}
