// The scheduling sweeps on the shared job engine (server/src/jobs): waitlist offers whose hold
// ran out pass to the next waiter; visits still SCHEDULED after their hospital day become
// NO_SHOW (HMS_AUTO_NO_SHOW=off turns that off). Both are idempotent (row locks, conditional
// updates), so a run that dies midway is simply finished by the next one.
import { defineSweep } from '../../jobs';
import { expireOffers } from '../waitlist/waitlist.service';
import { markNoShows } from './no-shows';

export const waitlistExpirySweep = defineSweep('waitlist.expire-offers', 30_000, async (ctx) => {
  const ended = await expireOffers(ctx.deps, ctx.now());
  if (ended) ctx.log.info('waitlist offers expired', { ended });
});

export const noShowSweep = defineSweep('scheduling.no-shows', 5 * 60_000, async (ctx) => {
  if (!ctx.config.autoNoShow) return;
  const marked = await markNoShows(ctx.deps, ctx.now());
  if (marked) ctx.log.info('visits marked as no-show', { marked });
});
