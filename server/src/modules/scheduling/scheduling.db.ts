// Small SQL helpers shared by the scheduling services: raw statements run in
// the EntityManager's transaction (if any), plus the retry/duplicate-key rules.
import { DeadlockException, type EntityManager, IsolationLevel, LockWaitTimeoutException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/mysql';
import { ConflictError } from '../../errors';
import { type Interval, MAX_SLOT_MINUTES, type WeeklyRange } from './slots';

/** Runs `query` on `em`'s connection, inside its transaction when it has one. */
export function sql<T = Record<string, unknown>>(em: EntityManager, query: string, params: unknown[] = []): Promise<T[]> {
  return (em as unknown as SqlEntityManager).execute<T[]>(query, params);
}

/** A Date as a DATETIME(3) literal in UTC, the way every column stores it. */
export function sqlTime(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ');
}

/** Statuses that hold their slot (as in appointment.entity's ACTIVE_STATUSES), for raw SQL. */
export const ACTIVE_STATUSES_SQL = "('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED','HELD')";

/**
 * The earliest start an active appointment overlapping `instant` can have. No
 * appointment lasts longer than MAX_SLOT_MINUTES (the `appointment_length_check`
 * constraint), so clash checks and slot reads can bound `active_starts_at` on
 * both sides and read a handful of index entries instead of the doctor's whole
 * history. `active_starts_at` is NULL for cancelled and no-show visits, so the
 * same index range also carries the active filter.
 */
export function earliestOverlappingStart(instant: Date): Date {
  return new Date(instant.getTime() - MAX_SLOT_MINUTES * 60_000);
}

/**
 * What blocks or holds any part of `slot` for this doctor or patient: one row per
 * kind ('block', 'doctor', 'patient'). Each appointment branch reads the
 * (doctor|patient, active_starts_at) unique index between the earliest start that
 * could still overlap and the slot's end.
 */
export function clashQuery(doctorId: number, patientId: number, slot: Interval, excludeId: number | null): { sql: string; params: unknown[] } {
  const end = sqlTime(slot.endsAt);
  const start = sqlTime(slot.startsAt);
  const earliest = sqlTime(earliestOverlappingStart(slot.startsAt));
  const exclude = excludeId ?? 0;
  return {
    sql: '(select \'block\' as what from availability_block where doctor_id = ? and starts_at < ? and ends_at > ? limit 1) union all ' +
      '(select \'doctor\' from appointment where doctor_id = ? and active_starts_at > ? and active_starts_at < ? and ends_at > ? and id <> ? limit 1) union all ' +
      '(select \'patient\' from appointment where patient_id = ? and active_starts_at > ? and active_starts_at < ? and ends_at > ? and id <> ? limit 1)',
    params: [doctorId, end, start, doctorId, earliest, end, start, exclude, patientId, earliest, end, start, exclude],
  };
}

/** The doctor's active appointments touching [from, to), for the free-slot lists; bounded on both sides like clashQuery. */
export function activeIntervalsQuery(doctorId: number, from: Date, to: Date): { sql: string; params: unknown[] } {
  return {
    sql: 'select starts_at, ends_at from appointment where doctor_id = ? and active_starts_at > ? and active_starts_at < ? and ends_at > ?',
    params: [doctorId, sqlTime(earliestOverlappingStart(from)), sqlTime(to), sqlTime(from)],
  };
}

export function isDuplicateKey(error: unknown, key?: string): boolean {
  if (!(error instanceof UniqueConstraintViolationException)) return false;
  return key ? error.message.includes(key) : true;
}

/**
 * Runs a transaction, retrying it when InnoDB picks it as a deadlock victim
 * (which can happen when many bookings race on the same index ranges). Each
 * attempt gets a fresh fork, so nothing of a failed attempt leaks into the next.
 */
export async function withDeadlockRetry<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await em.fork().transactional(work, { isolationLevel: IsolationLevel.READ_COMMITTED });
    } catch (error) {
      const retriable = error instanceof DeadlockException || error instanceof LockWaitTimeoutException;
      if (!retriable) throw error;
      if (attempt >= attempts) throw new ConflictError('The schedule is busy right now; try again');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

interface RuleRow { weekday: number; start_minute: number; end_minute: number; slot_minutes: number }

export async function weeklyRanges(em: EntityManager, doctorId: number): Promise<WeeklyRange[]> {
  const rows = await sql<RuleRow>(em,
    'select weekday, start_minute, end_minute, slot_minutes from availability_rule where doctor_id = ? order by weekday, start_minute', [doctorId]);
  return rows.map((r) => ({ weekday: Number(r.weekday), startMinute: Number(r.start_minute), endMinute: Number(r.end_minute), slotMinutes: Number(r.slot_minutes) }));
}
