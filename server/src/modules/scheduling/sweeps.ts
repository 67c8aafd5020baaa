// The scheduling sweeps: waitlist offers whose hold ran out, and no-shows at the end of the
// hospital day. Until the shared job engine (server/src/jobs) is on this branch they run on
// timers of each process; both are safe to run in several processes at once (row locks,
// conditional updates).
import type { AppDeps } from '../../context';
import { logger } from '../../logger';
import { expireOffers } from '../waitlist/waitlist.service';
import { markNoShows } from './no-shows';

const OFFER_SWEEP_MS = 30_000;
const NO_SHOW_SWEEP_MS = 5 * 60_000;

export function startSchedulingSweeps(deps: AppDeps): { stop(): void } {
  if (!deps.config.backgroundJobs) return { stop() {} };
  const run = (what: string, work: () => Promise<unknown>) => () => {
    work().catch((error: Error) => logger.warn(`${what} failed`, { error: error.message }));
  };
  const timers = [setInterval(run('expiring waitlist offers', () => expireOffers(deps)), OFFER_SWEEP_MS)];
  if (deps.config.autoNoShow) timers.push(setInterval(run('marking no-shows', () => markNoShows(deps)), NO_SHOW_SWEEP_MS));
  for (const timer of timers) timer.unref();
  return { stop() { for (const timer of timers) clearInterval(timer); } };
}
