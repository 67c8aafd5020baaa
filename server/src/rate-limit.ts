import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors';
import type { Context } from './context';
import { logger } from './logger';

/**
 * Per-client budgets (rate-limiter-flexible): in Redis when REDIS_URL is set,
 * so every API process shares the counters, else in this process's memory.
 *
 * Each named limit has a per-IP budget and, where the operation names an
 * account (login, password reset), a per-account one. Both are counted on
 * every attempt, before any password is checked.
 */
export const RATE_LIMIT_NAMES = ['graphql', 'login', 'register', 'passwordReset', 'tokenFree', 'apiKey'] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

/** `points` requests per `seconds`; null = no limit. */
export interface RateRule { points: number; seconds: number }
export type RateLimitSettings = Record<`${RateLimitName}Ip` | `${RateLimitName}Account`, RateRule | null>;

/**
 * Defaults: generous for a hospital whose front desk shares one address
 * behind NAT, tight enough that guessing passwords or mass sign-ups stalls.
 * Env: HMS_RATE_LIMIT_<NAME>_IP / _ACCOUNT = "points/seconds" or "off".
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  graphqlIp: { points: 1200, seconds: 60 },
  graphqlAccount: null,
  loginIp: { points: 30, seconds: 60 },
  loginAccount: { points: 10, seconds: 300 },
  registerIp: { points: 20, seconds: 3600 },
  registerAccount: null,
  passwordResetIp: { points: 10, seconds: 3600 },
  passwordResetAccount: { points: 3, seconds: 3600 },
  tokenFreeIp: { points: 120, seconds: 60 },
  tokenFreeAccount: null,
  // Each API key has a budget of its own (the "account" is the key), whatever address it comes from.
  apiKeyIp: null,
  apiKeyAccount: { points: 600, seconds: 60 },
};

/** The environment variable of one setting: loginIp -> HMS_RATE_LIMIT_LOGIN_IP. */
export function rateLimitEnvName(setting: keyof RateLimitSettings): string {
  return `HMS_RATE_LIMIT_${setting.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

export interface RateLimits {
  /**
   * Counts one attempt of `name` from `ip` (and for `account`, when given);
   * over either budget throws RateLimitedError (RATE_LIMITED, HTTP 429).
   */
  consume(name: RateLimitName, ip: string, account?: string | null): Promise<void>;
  close(): Promise<void>;
}

export function createRateLimits(settings: RateLimitSettings, redisUrl: string | undefined, keyPrefix = 'hms:rl'): RateLimits {
  const redis = redisUrl
    ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'hms-rate-limits', lazyConnect: false })
    : null;
  redis?.on('error', (error) => logger.warn('rate-limit redis error', { message: error.message }));

  const limiters = new Map<string, RateLimiterAbstract>();
  for (const [setting, rule] of Object.entries(settings) as Array<[keyof RateLimitSettings, RateRule | null]>) {
    if (!rule) continue;
    const options = { keyPrefix: `${keyPrefix}:${setting}`, points: rule.points, duration: rule.seconds };
    // With Redis down, each process falls back to its own memory rather than refusing everyone.
    limiters.set(setting, redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options));
  }

  async function take(setting: string, key: string): Promise<void> {
    const limiter = limiters.get(setting);
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(error.msBeforeNext / 1000);
      throw error;
    }
  }

  return {
    async consume(name, ip, account) {
      await take(`${name}Ip`, ip);
      if (account) await take(`${name}Account`, account.trim().toLowerCase());
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Parses the HMS_RATE_LIMIT_* variables over the defaults; a bad value names its variable. */
export function parseRateLimitSettings(env: NodeJS.ProcessEnv, fail: (message: string) => never): RateLimitSettings {
  const settings = { ...DEFAULT_RATE_LIMITS };
  for (const setting of Object.keys(settings) as Array<keyof RateLimitSettings>) {
    const name = rateLimitEnvName(setting);
    const raw = env[name]?.trim();
    if (!raw) continue;
    if (raw === 'off') {
      settings[setting] = null;
      continue;
    }
    const match = /^(\d{1,9})\/(\d{1,7})$/.exec(raw);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) fail(`${name} must be "points/seconds" (e.g. 30/60) or "off", got "${raw}"`);
    settings[setting] = { points: Number(match[1]), seconds: Number(match[2]) };
  }
  return settings;
}

/**
 * The one call a resolver or service makes: `await consumeRateLimit(ctx, 'passwordReset', email)`
 * counts the caller's address (ctx.clientIp) and, when given, the account.
 */
export function consumeRateLimit(ctx: Pick<Context, 'deps' | 'clientIp'>, name: RateLimitName, account?: string | null): Promise<void> {
  return ctx.deps.rateLimits.consume(name, ctx.clientIp, account);
}
