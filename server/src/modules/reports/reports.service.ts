import { DateTime } from 'luxon';
import { requireViewer } from '../../auth';
import type { Context } from '../../context';
import { ForbiddenError, NotFoundError } from '../../errors';
import { money } from '../../shared/money';
import { parseId } from '../../shared/validation';
import { Role } from '../identity/user.entity';
import { AppointmentStatus, HOLD_STATUSES } from '../scheduling/appointment.entity';
import { type HospitalDay, hospitalDays } from './hospital-days';
import { rollupZone } from './rollup';
import type { Dashboard, DepartmentFigures, DoctorFigures, Figures } from './reports.types';

export interface DashboardArgs {
  from: string;
  to: string;
  departmentId?: string | null;
  doctorId?: string | null;
  /** Whether `daily[].patients` was asked for: distinct patients per day cannot be rolled up, so they cost a scan. */
  dailyPatients?: boolean;
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


/** TO_DAYS of a YYYY-MM-DD day, and back: days since year 0 (TO_DAYS('1970-01-01') = 719528). */
const EPOCH_DAYS = 719528;
const toDays = (day: string) => EPOCH_DAYS + Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const dayOf = (days: unknown) => new Date((Number(days) - EPOCH_DAYS) * 86_400_000).toISOString().slice(0, 10);

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

  /**
   * ADMIN: any range and filter. With `doctorMayReadOwn` (the export jobs), a
   * doctor gets the dashboard of their own visits and invoices only.
   */
  async dashboard(argsIn: DashboardArgs, options: { doctorMayReadOwn?: boolean } = {}): Promise<Dashboard> {
    const viewer = requireViewer(this.ctx);
    let args = argsIn;
    if (viewer.role === Role.DOCTOR && options.doctorMayReadOwn && viewer.doctorId) {
      if (args.doctorId && parseId(args.doctorId, 'doctorId') !== viewer.doctorId) throw new ForbiddenError('Doctors export their own figures only');
      args = { ...args, departmentId: null, doctorId: String(viewer.doctorId) };
    } else if (viewer.role !== Role.ADMIN) throw new ForbiddenError('Only admins see the hospital\'s figures');
    const days = hospitalDays(args.from, args.to, this.config.timezone);
    const filter = await this.filter(args);
    const range = { start: days[0].start, end: days[days.length - 1].end };
    const rolledUp = (await rollupZone(this.ctx.em)) === this.config.timezone;
    const q = new FigureQueries(this.ctx, range, days, filter, rolledUp, args.dailyPatients ?? true);
    const [{ total, daily, doctors, departments, byStatus }, extra] = await Promise.all([q.figures(), q.counts()]);
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
        appointmentsByStatus: Object.values(AppointmentStatus).filter((status) => !HOLD_STATUSES.includes(status)).map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
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
    /** appointment_daily is exact for the configured zone (see rollup.ts). */
    private readonly rolledUp: boolean,
    private readonly dailyPatients: boolean,
  ) {}

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.ctx.em.getConnection().execute<T[]>(sql, params);
  }

  /**
   * The hospital day of `column` as SQL (a day number, as TO_DAYS), without joining
   * a list of days: on a run of days with one UTC offset the day is the shifted
   * instant's date; a day whose offset changes (DST) is named as a whole. `column`
   * is already bounded to the range, so each case only needs the upper end of its run.
   */
  private dayKey(column: string): { sql: string; params: unknown[] } {
    const zone = this.ctx.deps.config.timezone;
    const offsetAt = (instant: Date) => DateTime.fromJSDate(instant, { zone }).offset;
    const cases: string[] = [];
    const params: unknown[] = [];
    for (let i = 0; i < this.days.length;) {
      const offset = offsetAt(this.days[i].start);
      if (offset !== offsetAt(this.days[i].end)) {
        cases.push(`when ${column} < ? then ?`);
        params.push(sqlTime(this.days[i].end), toDays(this.days[i].day));
        i += 1;
        continue;
      }
      let j = i;
      while (j + 1 < this.days.length && offsetAt(this.days[j + 1].start) === offset && offsetAt(this.days[j + 1].end) === offset) j += 1;
      cases.push(`when ${column} < ? then to_days(${column} + interval ? minute)`);
      params.push(sqlTime(this.days[j].end), offset);
      i = j + 1;
    }
    return { sql: `case ${cases.join(' ')} end`, params };
  }

  /**
   * Every figure of the range in four date-bounded queries: visits, invoices and
   * payments grouped by (doctor, day), summed here into the totals, days, doctors
   * and departments; distinct patients (which cannot be summed) counted per day and
   * per department/doctor WITH ROLLUP. Visits are read from one covering index over
   * the range (appointment_report_idx); STRAIGHT_JOIN keeps MariaDB reading invoices
   * and payments by their time index instead of each doctor's whole history.
   */
  async figures() {
    const bounds = [sqlTime(this.range.start), sqlTime(this.range.end)];
    const f = this.filter;
    // The filter becomes a list of doctor ids, and each doctor's department a CASE: the
    // appointment scans then read one covering index and join nothing.
    const doctorRows = await this.run<{ id: number; department_id: number }>(`select d.id, d.department_id from doctor d where 1 = 1${f.sql}`, f.params);
    const departmentOf = new Map(doctorRows.map((d) => [String(d.id), String(d.department_id)]));
    const only = f.params.length ? (doctorRows.length ? ` and a.doctor_id in (${doctorRows.map(() => '?').join(',')})` : ' and 1 = 0') : '';
    const onlyParams = f.params.length ? doctorRows.map((d) => d.id) : [];
    const visitDay = this.dayKey('a.starts_at');
    const invoiceDay = this.dayKey('i.issued_at');
    const paymentDay = this.dayKey('p.created_at');
    type Row = Record<string, unknown>;
    const [visits, patientsByDoctor, invoices, payments] = await Promise.all([
      this.rolledUp ? this.rolledUpVisits(only, onlyParams) : this.run<Row>(
        // "Patients seen" counts only visits that happened (checked in, with the doctor or completed).
        // (day, doctor) rows carry the sums; the ROLLUP rows (day, NULL) and (NULL, NULL) the distinct patients of a day and of the range.
        `select ${visitDay.sql} as day, a.doctor_id as doctor, sum(a.status not in ('HELD','RELEASED')) as appointments,
           sum(a.status = 'COMPLETED') as completed, sum(a.status = 'CANCELLED') as cancelled, sum(a.status = 'NO_SHOW') as no_show,
           sum(a.status = 'SCHEDULED') as scheduled, sum(a.status = 'CHECKED_IN') as checked_in, sum(a.status = 'IN_CONSULTATION') as in_consultation, count(distinct case when a.status in ('CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED') then a.patient_id end) as patients
         from appointment a where a.starts_at >= ? and a.starts_at < ?${only}
         group by day, a.doctor_id with rollup`,
        [...visitDay.params, ...bounds, ...onlyParams],
      ),
      this.distinctPatients(only, onlyParams, departmentOf),
      this.run<Row>(
        `select a.doctor_id as doctor, ${invoiceDay.sql} as day, count(*) as invoice_count, sum(i.total_minor) as invoiced,
           sum(case when i.status = 'ISSUED' then i.total_minor - i.paid_minor else 0 end) as outstanding
         from invoice i straight_join appointment a on a.id = i.appointment_id
         where i.issued_at >= ? and i.issued_at < ? and i.status in ('ISSUED', 'PAID')${only}
         group by a.doctor_id, day`,
        [...invoiceDay.params, ...bounds, ...onlyParams],
      ),
      this.run<Row>(
        `select a.doctor_id as doctor, ${paymentDay.sql} as day, sum(p.amount_minor) as collected
         from payment p straight_join invoice i on i.id = p.invoice_id straight_join appointment a on a.id = i.appointment_id
         where p.created_at >= ? and p.created_at < ?${only}
         group by a.doctor_id, day`,
        [...paymentDay.params, ...bounds, ...onlyParams],
      ),
    ]);

    const total = new Map<string, RawFigures>();
    const daily = new Map<string, RawFigures>();
    const doctors = new Map<string, RawFigures>();
    const departments = new Map<string, RawFigures>();
    const entry = (map: Map<string, RawFigures>, key: unknown) => {
      const id = String(key);
      let found = map.get(id);
      if (!found) map.set(id, (found = { ...EMPTY }));
      return found;
    };
    // A year is ~18,000 (day, doctor) rows, each added to four places: no allocation per row.
    const dayNames = new Map<unknown, string>();
    const dayEntry = (day: unknown) => {
      let name = dayNames.get(day);
      if (name === undefined) dayNames.set(day, (name = dayOf(day)));
      return entry(daily, name);
    };
    const all = entry(total, 'all');
    const targets: RawFigures[] = [all, all, all, all];
    /** The total, the row's day, its doctor and its department, in `targets`. */
    const aim = (row: Row) => {
      targets[1] = dayEntry(row.day);
      targets[2] = entry(doctors, row.doctor);
      targets[3] = entry(departments, departmentOf.get(String(row.doctor)));
      return targets;
    };
    const byStatus = new Map<string, number>();
    const n = (value: unknown) => Number(value ?? 0);
    const statusCounts = [0, 0, 0, 0, 0, 0];
    for (const r of visits) {
      if (r.doctor == null && r.kind !== 'day') {
        if (r.day == null) all.patients = n(r.patients);
        else dayEntry(r.day).patients = n(r.patients);
        continue;
      }
      const appointments = n(r.appointments);
      const completed = n(r.completed);
      const cancelled = n(r.cancelled);
      const noShow = n(r.no_show);
      // Roll-up rows come summed per day ('day': that day only) and per doctor ('doctor': the total, the doctor and their department).
      const into = r.kind === 'day' ? [dayEntry(r.day)]
        : r.kind === 'doctor' ? [all, entry(doctors, r.doctor), entry(departments, departmentOf.get(String(r.doctor)))] : aim(r);
      for (const target of into) {
        target.appointments += appointments;
        target.completed += completed;
        target.cancelled += cancelled;
        target.noShow += noShow;
      }
      if (r.kind === 'day') continue;
      statusCounts[0] += n(r.scheduled);
      statusCounts[1] += n(r.checked_in);
      statusCounts[5] += n(r.in_consultation);
      statusCounts[2] += completed;
      statusCounts[3] += cancelled;
      statusCounts[4] += noShow;
    }
    [AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED, AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW, AppointmentStatus.IN_CONSULTATION]
      .forEach((status, i) => { if (statusCounts[i]) byStatus.set(status, statusCounts[i]); });
    /** Adds one (doctor, day) row's measures to the total, its day, its doctor and its department. */
    const add = (row: Row, measures: Partial<RawFigures>) => {
      for (const target of aim(row)) {
        for (const [name, value] of Object.entries(measures) as Array<[keyof RawFigures, number]>) target[name] += value;
      }
    };
    for (const r of invoices) add(r, { invoiceCount: n(r.invoice_count), invoicedMinor: n(r.invoiced), outstandingMinor: n(r.outstanding) });
    for (const r of payments) add(r, { collectedMinor: n(r.collected) });
    for (const r of patientsByDoctor) {
      if (r.department == null) {
        // The grand total.
        if (r.doctor == null) all.patients = n(r.patients);
        continue;
      }
      if (r.doctor == null) entry(departments, r.department).patients = n(r.patients);
      else entry(doctors, r.doctor).patients = n(r.patients);
    }
    return { total, daily, doctors, departments, byStatus };
  }

  /**
   * The visits' sums from the roll-up per day ('day' rows) and per doctor ('doctor' rows), plus (when
   * asked for) the distinct patients of each day as (day, NULL) rows: those alone still read the appointments.
   */
  private async rolledUpVisits(only: string, onlyParams: unknown[]): Promise<Array<Record<string, unknown>>> {
    const first = this.days[0].day;
    const last = this.days[this.days.length - 1].day;
    const onlyDaily = only.replace('a.doctor_id', 'r.doctor_id');
    // Summed in SQL per day and per doctor (365 + 50 rows for a year) rather than read as ~18,000
    // (day, doctor) rows: the API parsed and added those up on every request.
    const sums = 'sum(r.appointments) as appointments, sum(r.completed) as completed, sum(r.cancelled) as cancelled, sum(r.no_show) as no_show, '
      + 'sum(r.scheduled) as scheduled, sum(r.checked_in) as checked_in, sum(r.in_consultation) as in_consultation';
    const where = `from appointment_daily r where r.day >= ? and r.day <= ? and r.appointments > 0${onlyDaily}`;
    const [perDay, perDoctor, perDayPatients] = await Promise.all([
      this.run<Record<string, unknown>>(`select 'day' as kind, to_days(r.day) as day, ${sums} ${where} group by r.day`, [first, last, ...onlyParams]),
      this.run<Record<string, unknown>>(`select 'doctor' as kind, r.doctor_id as doctor, ${sums} ${where} group by r.doctor_id`, [first, last, ...onlyParams]),
      this.dailyPatients ? this.dailyDistinctPatients(only, onlyParams) : [],
    ]);
    return [...perDay, ...perDoctor, ...perDayPatients];
  }

  /**
   * Distinct patients per doctor, per department and in all, as (department, doctor) rows with NULL
   * for "all". One scan of the covering index de-duplicates (doctor, patient) pairs; the three counts
   * are taken from those pairs here. (Three parallel scans, one per grouping, cost three times the
   * database's CPU: on the grown data that was most of a year's dashboard.)
   */
  private async distinctPatients(only: string, onlyParams: unknown[], departmentOf: Map<string, string>): Promise<Array<Record<string, unknown>>> {
    // "Patients seen": only visits that happened.
    const pairs = await this.run<{ doctor: number; patient: number }>(
      `select distinct a.doctor_id as doctor, a.patient_id as patient from appointment a
       where a.starts_at >= ? and a.starts_at < ? and a.status in ('CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED')${only}`,
      [sqlTime(this.range.start), sqlTime(this.range.end), ...onlyParams],
    );
    const perDoctor = new Map<string, number>();
    const perDepartment = new Map<string, Set<number>>();
    const everyone = new Set<number>();
    for (const { doctor, patient } of pairs) {
      const id = String(doctor);
      perDoctor.set(id, (perDoctor.get(id) ?? 0) + 1);
      const department = departmentOf.get(id);
      if (department !== undefined) {
        let seen = perDepartment.get(department);
        if (!seen) perDepartment.set(department, (seen = new Set()));
        seen.add(Number(patient));
      }
      everyone.add(Number(patient));
    }
    return [
      ...[...perDoctor].map(([doctor, patients]) => ({ department: departmentOf.get(doctor) ?? null, doctor, patients })),
      ...[...perDepartment].map(([department, seen]) => ({ department, doctor: null, patients: seen.size })),
      { department: null, doctor: null, patients: everyone.size },
    ];
  }

  private dailyDistinctPatients(only: string, onlyParams: unknown[]): Promise<Array<Record<string, unknown>>> {
    const visitDay = this.dayKey('a.starts_at');
    return this.run(
      `select ${visitDay.sql} as day, null as doctor, count(distinct case when a.status in ('CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED') then a.patient_id end) as patients
       from appointment a where a.starts_at >= ? and a.starts_at < ?${only} group by day`,
      [...visitDay.params, sqlTime(this.range.start), sqlTime(this.range.end), ...onlyParams],
    );
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
