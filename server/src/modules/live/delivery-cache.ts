import type { Appointment } from '../scheduling/appointment.entity';

/**
 * The appointment of each recent schedule event, shared by every subscriber of this process
 * that receives it: one load per event, not per socket. The process that made the change
 * primes it with the committed entity (no read at all); others load it once with a fresh fork.
 */
const cache = new Map<string, { at: number; value: Promise<Appointment | null> }>();
const TTL_MS = 5_000;
const MAX = 1_000;

export function cachedAppointment(cursor: string, load: () => Promise<Appointment | null>): Promise<Appointment | null> {
  const now = Date.now();
  const hit = cache.get(cursor);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = load();
  remember(cursor, value, now);
  value.catch(() => cache.delete(cursor));
  return value;
}

export function primeAppointment(cursor: string, appointment: Appointment): void {
  remember(cursor, Promise.resolve(appointment), Date.now());
}

function remember(cursor: string, value: Promise<Appointment | null>, now: number): void {
  // Re-inserted at the end, so the Map stays oldest first and expired entries leave from the front.
  // Each entry holds an entity and through it its request's EntityManager fork: keeping them past
  // their TTL (until MAX were reached) held up to MAX whole request forks for good.
  cache.delete(cursor);
  cache.set(cursor, { at: now, value });
  for (const [key, entry] of cache) {
    if (cache.size <= MAX && now - entry.at < TTL_MS) break;
    cache.delete(key);
  }
}

/** Entries held right now (for tests). */
export function cachedAppointmentCount(): number {
  return cache.size;
}
