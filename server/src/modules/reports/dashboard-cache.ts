// The admin dashboard, remembered for a few seconds per (range, filter, zone) across requests and
// admins, and computed once when several ask at the same moment. A year's dashboard costs ~40 ms of
// API CPU and ~50 ms of database CPU (bench:scale); admins who keep reloading it would otherwise take
// those from bookings. Staleness: an answer may miss changes committed up to HMS_DASHBOARD_CACHE_SECONDS
// (default 5) before it was given, plus the time one computation takes; 0 turns the cache off. Each
// process keeps its own (at most MAX_ENTRIES answers, the oldest dropped first).
import { clock } from '../../clock';
import type { Dashboard } from './reports.types';

const MAX_ENTRIES = 32;

interface Entry { at: number; answer: Promise<Dashboard> }

export class DashboardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  /** The answer for `key`: a fresh enough one, the one being computed, or `compute()`'s (failures are not kept). */
  get(key: string, compute: () => Promise<Dashboard>): Promise<Dashboard> {
    if (this.ttlMs <= 0) return compute();
    const now = clock.nowMs();
    const known = this.entries.get(key);
    if (known && now - known.at < this.ttlMs) return known.answer;
    const answer = compute();
    this.entries.delete(key);
    this.entries.set(key, { at: now, answer });
    answer.catch(() => { if (this.entries.get(key)?.answer === answer) this.entries.delete(key); });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return answer;
  }
}
