import type { AppDeps } from '../../context';
import { defineJob, defineSweep, type JobContext } from '../../jobs';
import { logger } from '../../logger';
import { dueMessages, sendMessage } from './sender';

const PAGE = 1000;

function sender(channel: 'EMAIL' | 'SMS') {
  return async (data: { id: string }, ctx: JobContext): Promise<void> => {
    const result = await sendMessage(ctx.deps, data.id, ctx.em);
    if (result.outcome !== 'RETRY' || result.retryInMs === undefined) return;
    // The ledger holds the retry time too: if this enqueue is lost (Redis away), the sweep sends it.
    await ctx.enqueue(channel === 'SMS' ? sendSms : sendEmail, data, { delayMs: result.retryInMs, jobId: `msg-${data.id}-${result.attempts}` })
      .catch((error: Error) => logger.warn('re-enqueueing a message failed; the sweep will', { error: error.message }));
  };
}

/** One e-mail per job; the per-channel limit protects the SMTP relay. */
export const sendEmail = defineJob<{ id: string }>('messages.email', sender('EMAIL'), { attempts: 1, concurrency: 16, limiter: { max: 500, durationMs: 1_000 } });
/** One SMS per job; gateways limit requests per second. */
export const sendSms = defineJob<{ id: string }>('messages.sms', sender('SMS'), { attempts: 1, concurrency: 4, limiter: { max: 20, durationMs: 1_000 } });

/** Puts every due, unsent, unclaimed row on its channel's queue (ids carry the try, so a retry is a new job). */
export async function enqueueDueMessages(ctx: Pick<JobContext, 'em' | 'enqueue'>): Promise<number> {
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const due = await dueMessages(ctx.em, after, PAGE);
    if (due.length === 0) return total;
    await Promise.all(due.map((m) => ctx.enqueue(m.channel === 'SMS' ? sendSms : sendEmail, { id: m.id }, { jobId: `msg-${m.id}-${m.attempts}` })));
    total += due.length;
    after = due[due.length - 1].id;
    if (due.length < PAGE) return total;
  }
}

/** Woken right after a commit that wrote messages. */
export const dispatchMessages = defineJob<Record<string, never>>('messages.dispatch', async (_data, ctx) => { await enqueueDueMessages(ctx); },
  { attempts: 3, backoffMs: 1_000, concurrency: 1 });

/** The safety net: whatever is due and not sent (a lost enqueue, a Redis restart, a retry time reached). */
export const messagesSweep = defineSweep('messages.sweep', 15_000, async (ctx) => { await enqueueDueMessages(ctx); });

const BUCKET_MS = 500;
/**
 * After a commit that wrote ledger rows: one dispatch per half second at most. The job of a bucket
 * runs after the bucket ends, so it sees every row committed before any kick of that bucket.
 */
export function kickMessages(deps: AppDeps): void {
  const now = Date.now();
  const bucket = Math.floor(now / BUCKET_MS);
  deps.jobs.enqueue(dispatchMessages, {}, { jobId: `dispatch-${bucket}`, delayMs: (bucket + 1) * BUCKET_MS - now + 20 })
    .catch((error: Error) => logger.warn('waking the message sender failed; the sweep will send', { error: error.message }));
}
