import { createHash } from 'node:crypto';
import type { AppDeps } from '../../context';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from './identity.service';

/**
 * `triesLeft` on a wrong password, for the sign-in page's "2 tries left". An unknown e-mail counts
 * down the same way (a counter per e-mail, in Redis when shared, else in this process), so the
 * number never tells whether an account exists.
 */
const local = new Map<string, { count: number; expires: number }>();

export async function unknownAccountTriesLeft(deps: Pick<AppDeps, 'pubsubHandle'>, email: string): Promise<number> {
  const key = `hms:login-unknown:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;
  const ttl = LOCK_MINUTES * 60_000;
  let count: number;
  const redis = deps.pubsubHandle.redis;
  try {
    if (!redis) throw new Error('no redis');
    const [[, incremented]] = (await redis.multi().incr(key).pexpire(key, ttl, 'NX').exec()) as Array<[Error | null, number]>;
    count = Number(incremented);
  } catch {
    const now = Date.now();
    const entry = local.get(key);
    count = entry && entry.expires > now ? entry.count + 1 : 1;
    local.set(key, { count, expires: entry && entry.expires > now ? entry.expires : now + ttl });
    if (local.size > 10_000) for (const [k, v] of local) if (v.expires <= now) local.delete(k);
  }
  return Math.max(0, MAX_FAILED_LOGINS - count);
}
