// The dashboard's daily roll-up: appointment counts per (hospital day, doctor, status) in
// `appointment_daily`, kept exact by triggers on `appointment` in the transaction of every change
// (see migrations/*_dashboard_daily_rollup.ts). A year's dashboard then sums ~18,000 rows instead
// of grouping ~90,000 appointments. The triggers need the hospital zone's UTC offsets; they are
// written here, and the roll-up rebuilt from the appointments, whenever the configured zone is not
// the one the roll-up was built for (first start, or HMS_TIMEZONE changed).
import { DeadlockException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { IANAZone } from 'luxon';
import { clock } from '../../clock';

/** Offsets are found from 1970 to 2100, sampled every 3 days (no zone changes twice within 3 days). */
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2100, 0, 1);
const STEP = 3 * 86_400_000;
const offsetCache = new Map<string, Array<{ startsAt: Date; offsetMinutes: number }>>();

/** The zone's UTC offset (minutes) from each change on: the first row holds from 1970. */
export function utcOffsets(zone: string, from = FROM, to = TO): Array<{ startsAt: Date; offsetMinutes: number }> {
  const key = `${zone} ${from} ${to}`;
  const known = offsetCache.get(key);
  if (known) return known;
  const z = IANAZone.create(zone);
  let previous = z.offset(from);
  const changes = [{ startsAt: new Date(from), offsetMinutes: previous }];
  for (let t = from + STEP; t < to + STEP; t += STEP) {
    const offset = z.offset(t);
    if (offset === previous) continue;
    // The change lies in (t - STEP, t]: find its second.
    let lo = t - STEP;
    let hi = t;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (z.offset(mid) === previous) lo = mid;
      else hi = mid;
    }
    changes.push({ startsAt: new Date(hi), offsetMinutes: offset });
    previous = offset;
  }
  offsetCache.set(key, changes);
  return changes;
}

const sqlTime = (date: Date) => date.toISOString().slice(0, 23).replace('T', ' ');

/** The zone the roll-up is exact for, or null while it is being (or was never) built. */
export async function rollupZone(em: EntityManager): Promise<string | null> {
  const rows = await em.getConnection().execute<Array<{ timezone: string }>>('select timezone from report_rollup_state where id = 1');
  return rows[0]?.timezone ?? null;
}

/**
 * Makes the roll-up exact for `zone`: nothing to do when it already is (one read); otherwise
 * rewrites the offsets and recounts every appointment in one transaction. Changes made meanwhile
 * wait (their triggers read the offsets with a shared lock; the recount reads appointments with
 * shared locks), so none is lost or counted twice. Returns whether it rebuilt.
 */
export async function ensureDailyRollup(orm: MikroORM, zone: string): Promise<boolean> {
  // Processes starting together on a fresh database meet in the state row's gap lock: one is chosen
  // as the deadlock victim, tries again and finds the roll-up built.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await rebuildUnlessBuilt(orm, zone);
    } catch (error) {
      const deadlock = error instanceof DeadlockException || (error as { errno?: number }).errno === 1213;
      if (!deadlock || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 100));
    }
  }
}

async function rebuildUnlessBuilt(orm: MikroORM, zone: string): Promise<boolean> {
  const em = orm.em.fork();
  if ((await rollupZone(em)) === zone) return false;
  return em.transactional(async (tx) => {
    const run = (sql: string, params: unknown[] = []) => tx.getConnection().execute(sql, params, 'all', tx.getTransactionContext());
    // Two processes starting together: the second finds the work done.
    const [state] = await run('select timezone from report_rollup_state where id = 1 for update') as Array<{ timezone: string }>;
    if (state?.timezone === zone) return false;
    await run('delete from report_rollup_state');
    await run('delete from hospital_utc_offset');
    const offsets = utcOffsets(zone);
    for (let i = 0; i < offsets.length; i += 500) {
      const batch = offsets.slice(i, i + 500);
      await run(`insert into hospital_utc_offset (starts_at, offset_minutes) values ${batch.map(() => '(?, ?)').join(', ')}`,
        batch.flatMap((o) => [sqlTime(o.startsAt), o.offsetMinutes]));
    }
    await run('delete from appointment_daily');
    // One set-based recount per run of one offset that holds appointments, each a range scan of
    // the (starts_at, doctor, status, patient) covering index; a day split by a change is summed.
    const [span] = await run('select min(starts_at) as first, max(starts_at) as last from appointment') as Array<{ first: string | null; last: string | null }>;
    if (span?.first && span.last) {
      for (let i = 0; i < offsets.length; i += 1) {
        const start = sqlTime(offsets[i].startsAt);
        const end = i + 1 < offsets.length ? sqlTime(offsets[i + 1].startsAt) : '9999-12-31 00:00:00.000';
        if (end <= span.first || start > span.last) continue;
        await run(
          `insert into appointment_daily (day, doctor_id, appointments, scheduled, checked_in, in_consultation, completed, cancelled, no_show)
           select date(a.starts_at + interval ? minute) as d, a.doctor_id, sum(a.status not in ('HELD','RELEASED')) as n, sum(a.status = 'SCHEDULED') as s, sum(a.status = 'CHECKED_IN') as ci, sum(a.status = 'IN_CONSULTATION') as ic,
             sum(a.status = 'COMPLETED') as co, sum(a.status = 'CANCELLED') as ca, sum(a.status = 'NO_SHOW') as ns
           from appointment a where a.starts_at >= ? and a.starts_at < ? group by d, a.doctor_id
           on duplicate key update appointments = appointments + values(appointments), scheduled = scheduled + values(scheduled),
             checked_in = checked_in + values(checked_in), in_consultation = in_consultation + values(in_consultation), completed = completed + values(completed), cancelled = cancelled + values(cancelled),
             no_show = no_show + values(no_show)`,
          [offsets[i].offsetMinutes, start, end],
        );
      }
    }
    await run('insert into report_rollup_state (id, timezone, built_at) values (1, ?, ?)', [zone, sqlTime(clock.now())]);
    return true;
  });
}
