// The dashboard's scheduling numbers: urgent visits, no-shows, and how well the waitlist refills freed slots.
import { requireViewer } from '../../auth';
import type { Context } from '../../context';
import { ForbiddenError } from '../../errors';
import { parseId } from '../../shared/validation';
import { Role } from '../identity/user.entity';
import { rangeBounds } from '../waitlist/waitlist.service';
import { sql, sqlTime } from './scheduling.db';
import { NoShowCount, SchedulingStats } from './series.types';

export async function schedulingStats(ctx: Context, from: string, to: string): Promise<SchedulingStats> {
  const viewer = requireViewer(ctx);
  if (viewer.role !== Role.ADMIN) throw new ForbiddenError();
  const range = rangeBounds(from, to, ctx.deps.config.timezone);
  const params = [sqlTime(range.startsAt), sqlTime(range.endsAt)];
  const [counts, byDoctor, chains] = await Promise.all([
    sql<{ urgent: number; no_shows: number }>(ctx.em,
      "select coalesce(sum(urgent = 1 and status not in ('CANCELLED','HELD','RELEASED')), 0) as urgent, coalesce(sum(status = 'NO_SHOW'), 0) as no_shows " +
        'from appointment where starts_at >= ? and starts_at < ?', params),
    sql<{ id: number; name: string; department_id: number; department_name: string; no_shows: number; visits: number }>(ctx.em,
      'select d.id, d.full_name as name, dep.id as department_id, dep.name as department_name, ' +
        "sum(a.status = 'NO_SHOW') as no_shows, count(*) as visits from appointment a join doctor d on d.id = a.doctor_id " +
        "join department dep on dep.id = d.department_id where a.starts_at >= ? and a.starts_at < ? and a.status in ('NO_SHOW','COMPLETED') " +
        'group by d.id, d.full_name, dep.id, dep.name', params),
    // A chain: the offers of one freeing of one slot (same doctor, start and freed time).
    sql<{ accepted_at: Date | string | null; freed_at: Date | string }>(ctx.em,
      "select max(case when status = 'ACCEPTED' then decided_at end) as accepted_at, freed_at from waitlist_offer " +
        'where freed_at >= ? and freed_at < ? group by doctor_id, starts_at, freed_at', params),
  ]);
  const doctors = byDoctor.map((r) => Object.assign(new NoShowCount(), { id: String(r.id), name: r.name, noShows: Number(r.no_shows), visits: Number(r.visits) }));
  const departments = new Map<string, NoShowCount>();
  for (const r of byDoctor) {
    const key = String(r.department_id);
    const d = departments.get(key) ?? Object.assign(new NoShowCount(), { id: key, name: r.department_name, noShows: 0, visits: 0 });
    d.noShows += Number(r.no_shows);
    d.visits += Number(r.visits);
    departments.set(key, d);
  }
  const time = (v: Date | string) => (v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`)).getTime();
  const refills = chains.filter((c) => c.accepted_at != null).map((c) => (time(c.accepted_at!) - time(c.freed_at)) / 60_000).sort((a, b) => a - b);
  const median = refills.length ? (refills.length % 2 ? refills[(refills.length - 1) / 2] : (refills[refills.length / 2 - 1] + refills[refills.length / 2]) / 2) : null;
  const byMost = (a: NoShowCount, b: NoShowCount) => b.noShows - a.noShows || a.name.localeCompare(b.name);
  return Object.assign(new SchedulingStats(), {
    urgentVisits: Number(counts[0]?.urgent ?? 0),
    noShows: Number(counts[0]?.no_shows ?? 0),
    noShowsByDoctor: doctors.filter((d) => d.noShows > 0).sort(byMost),
    noShowsByDepartment: [...departments.values()].filter((d) => d.noShows > 0).sort(byMost),
    freedSlots: chains.length,
    refilledSlots: refills.length,
    fillRate: chains.length ? refills.length / chains.length : null,
    medianMinutesToRefill: median === null ? null : Math.round(median * 10) / 10,
  });
}

/** ADMIN: how often this patient did not come (shown when booking for them). */
export async function patientNoShowCount(ctx: Context, patientIdArg: string): Promise<number> {
  const viewer = requireViewer(ctx);
  if (viewer.role !== Role.ADMIN) throw new ForbiddenError();
  const [row] = await sql<{ n: number }>(ctx.em, "select count(*) as n from appointment where patient_id = ? and status = 'NO_SHOW'", [parseId(patientIdArg, 'patientId')]);
  return Number(row?.n ?? 0);
}
