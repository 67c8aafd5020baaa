import { defineSweep } from '../../jobs';
import { deliverDueWebhooks, fanOutWebhooks } from './webhooks.service';

/**
 * Every second, on one worker at a time: outbox rows become deliveries, and due deliveries are
 * sent (retries are rows with a later next_attempt_at, so they survive restarts and Redis loss).
 */
export const webhookSweep = defineSweep('webhooks.deliver', 1_000, async (ctx) => {
  await fanOutWebhooks(ctx.deps);
  await deliverDueWebhooks(ctx.deps);
});
