import { IANAZone } from 'luxon';
import { compileTrustProxy, type TrustProxy } from './client-ip';
import { parseRateLimitSettings, type RateLimitSettings } from './rate-limit';
import { passwordSchema } from './shared/validation';

/** Every environment variable HMS reads, parsed and validated once at start-up. */
export interface Config {
  port: number;
  databaseUrl: string;
  redisUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  timezone: string;
  bookingWindowDays: number;
  /** How long a freed slot is held for the waiter it is offered to (HMS_WAITLIST_HOLD_MINUTES). */
  waitlistHoldMinutes: number;
  /** How far ahead a recurring series may reach (HMS_SERIES_WINDOW_DAYS). */
  seriesWindowDays: number;
  /** Visits still SCHEDULED when their hospital day ends become NO_SHOW (HMS_AUTO_NO_SHOW=off turns it off). */
  autoNoShow: boolean;
  /** undefined in development: a per-database secret is generated and kept. */
  jwtSecret: string | undefined;
  /** undefined in development: a per-database key is generated and kept. */
  dataKey: Buffer | undefined;
  /** Earlier data keys (HMS_DATA_KEY_PREVIOUS), still accepted for reading while `npm run rotate-data-key` re-encrypts. */
  previousDataKeys: Buffer[];
  /** Shown on exported documents (HMS_HOSPITAL_NAME). */
  hospitalName: string;
  currency: string;
  /** Minor digits of `currency` (2 for USD, 0 for JPY). */
  currencyDigits: number;
  production: boolean;
  /** Serve the GraphQL sandbox and allow introspection (default: not in production). */
  introspection: boolean;
  /** How long a JWT lives, in seconds. */
  tokenTtlSeconds: number;
  /** Directory with the built client; served at `/` when it exists. */
  clientDist: string | undefined;
  logLevel: 'silent' | 'info';
  /** How long start-up keeps retrying an unreachable MySQL before giving up. */
  databaseWaitSeconds: number;
  /** The address people reach HMS at (HMS_PUBLIC_URL), without a trailing slash: links in e-mails, feeds, webhooks. */
  publicUrl: string;
  /** Which proxies' X-Forwarded-For is believed (HMS_TRUST_PROXY, as Express's `trust proxy`); default: none. */
  trustProxy: TrustProxy;
  /** Per-IP and per-account request budgets (HMS_RATE_LIMIT_*; see rate-limit.ts). */
  rateLimits: RateLimitSettings;
  /** Cost budget of one operation (HMS_QUERY_COST_ANONYMOUS / HMS_QUERY_COST_SIGNED_IN; see query-limits.ts). */
  queryCost: { anonymous: number; signedIn: number };
  /** Wall-clock cap of one database statement in ms (HMS_DB_STATEMENT_TIMEOUT_MS); 0 = none. */
  statementTimeoutMs: number;
  /** How long a request waits for a pooled connection before SERVICE_UNAVAILABLE (HMS_DB_ACQUIRE_TIMEOUT_MS). */
  acquireTimeoutMs: number;
  /** Timers that run on their own (outbox/notification pruning, session sweeps); HMS_BACKGROUND_JOBS=off for tests. */
  backgroundJobs: boolean;
  /** HMS_WORKERS=off: this API process enqueues jobs but runs no handlers or sweeps (`npm run worker` does). */
  workers: boolean;
  /** Redis key prefix of the job queues (HMS_JOBS_PREFIX; default `hms-<database name>`, so databases sharing a Redis never share jobs). */
  jobsPrefix: string;
  /** SMTP server for e-mail (HMS_SMTP_URL, e.g. smtps://user:pass@smtp.example.org:465); unset: e-mails go to the log and the admin Outbox. */
  smtpUrl: string | undefined;
  /** The From of every e-mail (HMS_MAIL_FROM); default `"<hospital name>" <no-reply@<public host>>`. */
  mailFrom: string;
  /** SMS gateway (HMS_SMS_URL): POST JSON { to, body } with `Authorization: Bearer HMS_SMS_TOKEN`; unset: SMS go to the log. */
  smsUrl: string | undefined;
  smsToken: string | undefined;
  /** Hours before a visit its reminder goes out (HMS_REMINDER_LEAD_HOURS, default 24). */
  reminderLeadHours: number;
  /** Sending tries per message before FAILED (HMS_MESSAGE_ATTEMPTS, default 5). */
  messageAttempts: number;
  /** First retry delay of a message in ms, doubling each try (HMS_MESSAGE_RETRY_MS, default 30,000). */
  messageRetryMs: number;
  /** HMS_TEST_CLOCK=1: `POST /__test/clock` may move the server's clock (tests only; refused in production). */
  testClock: boolean;
  /** HMS_DEMO=true: start-up seeds the demo hospital into an empty database (see src/demo/demo-seed.ts). */
  demo: boolean;
  /**
   * HMS_TEST_NOW (only with HMS_TEST_CLOCK=1): the instant the clock starts at, so a test's child
   * process runs on the same pinned "now" as the test (time keeps running from there).
   */
  testNow: Date | undefined;
  /**
   * Namespace of every Redis key and channel (pub/sub topics, rate-limit buckets, the relay lease):
   * HMS_REDIS_PREFIX, by default the database name, so two hospitals (or two test runs) sharing one
   * Redis never see each other's events or counters. Processes of one hospital must agree on it.
   */
  redisPrefix: string;
  /** HMS_WEBHOOK_ALLOW_PRIVATE=true: webhooks may target loopback/private addresses (development, tests). */
  webhookAllowPrivate: boolean;
  /** Reports and exports (modules/reports): how long a download link works (HMS_EXPORT_LINK_MINUTES), how long a finished export is kept (HMS_EXPORT_RETENTION_HOURS). */
  exports: { linkMinutes: number; retentionHours: number };
  /** HMS_DASHBOARD_CACHE_SECONDS (default 5, 0 = off): how long an admin dashboard answer is reused across requests (reports/dashboard-cache.ts). */
  dashboardCacheSeconds: number;
}

/** A bad environment value: its message is one line naming the variable. */
export class ConfigError extends Error {}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'on' && raw !== 'off') throw new ConfigError(`${name} must be on or off, got "${raw}"`);
  return raw === 'on';
}

function demoFlag(raw: string | undefined): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (['', 'false', 'off', '0'].includes(value)) return false;
  if (['true', 'on', '1'].includes(value)) return true;
  throw new ConfigError(`HMS_DEMO must be true or false, got "${raw}"`);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return false;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

function currencyDigits(code: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new ConfigError(`HMS_CURRENCY must be an ISO 4217 code such as USD, got "${code}"`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';

  const databaseUrl = env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/hms';
  let parsed: URL;
  try {
    parsed = new URL(databaseUrl);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a URL: "${maskUrl(databaseUrl)}"`);
  }
  if (!['mysql:', 'mariadb:'].includes(parsed.protocol) || parsed.pathname.length < 2) {
    throw new ConfigError(`DATABASE_URL must look like mysql://user:password@host:3306/database, got "${maskUrl(databaseUrl)}"`);
  }

  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${maskUrl(redisUrl)}"`);
  }

  const timezone = env.HMS_TIMEZONE || 'UTC';
  if (!IANAZone.isValidZone(timezone)) {
    throw new ConfigError(`HMS_TIMEZONE must be an IANA time zone such as Europe/London, got "${timezone}"`);
  }

  const adminEmail = env.HMS_ADMIN_EMAIL || undefined;
  const adminPassword = env.HMS_ADMIN_PASSWORD || undefined;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new ConfigError('HMS_ADMIN_EMAIL and HMS_ADMIN_PASSWORD must be set together');
  }

  if (production && adminPassword && !passwordSchema.safeParse(adminPassword).success) {
    throw new ConfigError('HMS_ADMIN_PASSWORD fails the password policy: at least 10 characters mixing two of lower-case, upper-case, digits, symbols');
  }

  const jwtSecret = env.HMS_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('HMS_JWT_SECRET must be at least 32 characters');
  }
  if (production && !jwtSecret) throw new ConfigError('HMS_JWT_SECRET is required when NODE_ENV=production');
  if (production && jwtSecret && !looksRandom(Buffer.from(jwtSecret, 'utf8'), 8, 80)) {
    throw new ConfigError('HMS_JWT_SECRET looks guessable (repeated or few distinct characters); use e.g. openssl rand -base64 48');
  }

  let dataKey: Buffer | undefined;
  if (env.HMS_DATA_KEY) {
    dataKey = Buffer.from(env.HMS_DATA_KEY, 'base64');
    if (dataKey.length !== 32) throw new ConfigError('HMS_DATA_KEY must be 32 bytes encoded as base64 (openssl rand -base64 32)');
    if (production && !looksRandom(dataKey, 16, 120)) {
      throw new ConfigError('HMS_DATA_KEY looks guessable (repeated bytes or few distinct values); use openssl rand -base64 32');
    }
  } else if (production) {
    throw new ConfigError('HMS_DATA_KEY is required when NODE_ENV=production (openssl rand -base64 32)');
  }

  const previousDataKeys = (env.HMS_DATA_KEY_PREVIOUS || '').split(',').map((k) => k.trim()).filter(Boolean).map((k, i) => {
    const key = Buffer.from(k, 'base64');
    if (key.length !== 32) throw new ConfigError(`HMS_DATA_KEY_PREVIOUS entry ${i + 1} must be 32 bytes encoded as base64 (comma-separated list)`);
    return key;
  });

  const currency = (env.HMS_CURRENCY || 'USD').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ConfigError(`HMS_CURRENCY must be an ISO 4217 code such as USD, got "${currency}"`);

  const introspectionRaw = env.HMS_INTROSPECTION;
  if (introspectionRaw && !['true', 'false'].includes(introspectionRaw)) {
    throw new ConfigError(`HMS_INTROSPECTION must be true or false, got "${introspectionRaw}"`);
  }

  const port = int(env, 'PORT', 4000, 0, 65535);
  const publicUrl = (env.HMS_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(publicUrl)) {
    throw new ConfigError(`HMS_PUBLIC_URL must be an http:// or https:// address, got "${publicUrl}"`);
  }
  let trustProxy: TrustProxy;
  try {
    trustProxy = compileTrustProxy(env.HMS_TRUST_PROXY?.trim());
  } catch {
    throw new ConfigError(`HMS_TRUST_PROXY must be true, a hop count, or a list of addresses/subnets, got "${env.HMS_TRUST_PROXY}"`);
  }

  const backgroundRaw = env.HMS_BACKGROUND_JOBS;
  if (backgroundRaw && !['on', 'off'].includes(backgroundRaw)) {
    throw new ConfigError(`HMS_BACKGROUND_JOBS must be on or off, got "${backgroundRaw}"`);
  }
  const workersRaw = env.HMS_WORKERS;
  if (workersRaw && !['on', 'off'].includes(workersRaw)) throw new ConfigError(`HMS_WORKERS must be on or off, got "${workersRaw}"`);
  const jobsPrefix = env.HMS_JOBS_PREFIX || `hms-${decodeURIComponent(parsed.pathname.slice(1))}`;
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(jobsPrefix)) throw new ConfigError(`HMS_JOBS_PREFIX must be letters, digits, '.', '_' or '-', got "${jobsPrefix}"`);
  const smtpUrl = env.HMS_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) throw new ConfigError(`HMS_SMTP_URL must look like smtp://user:password@host:587 or smtps://…:465, got "${maskUrl(smtpUrl)}"`);
  const smsUrl = env.HMS_SMS_URL || undefined;
  if (smsUrl && !/^https?:\/\/[^/\s]+/.test(smsUrl)) throw new ConfigError(`HMS_SMS_URL must be an http:// or https:// address, got "${maskUrl(smsUrl)}"`);
  const hospitalNameForMail = (env.HMS_HOSPITAL_NAME || '').trim() || 'HMS Hospital';
  const mailFrom = (env.HMS_MAIL_FROM || '').trim() || `"${hospitalNameForMail.replace(/["\\]/g, '')}" <no-reply@${new URL(publicUrl).hostname}>`;
  const testClockRaw = env.HMS_TEST_CLOCK;
  if (testClockRaw && !['0', '1'].includes(testClockRaw)) throw new ConfigError(`HMS_TEST_CLOCK must be 0 or 1, got "${testClockRaw}"`);
  // A movable clock would let anyone book in the past or skip windows: never in production.
  if (testClockRaw === '1' && production) throw new ConfigError('HMS_TEST_CLOCK=1 is refused when NODE_ENV=production');
  // Read only on a test clock: a stray HMS_TEST_NOW in a real deployment must not move its time.
  let testNow: Date | undefined;
  if (testClockRaw === '1' && env.HMS_TEST_NOW) {
    testNow = new Date(env.HMS_TEST_NOW);
    if (Number.isNaN(testNow.getTime())) throw new ConfigError(`HMS_TEST_NOW must be an ISO instant, got "${env.HMS_TEST_NOW}"`);
  }
  const redisPrefix = (env.HMS_REDIS_PREFIX ?? '').trim() || decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'hms';
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(redisPrefix)) {
    throw new ConfigError(`HMS_REDIS_PREFIX must be 1-100 letters, digits, _ . : or -, got "${redisPrefix}"`);
  }

  return {
    port,
    databaseUrl,
    redisUrl,
    adminEmail: adminEmail?.trim().toLowerCase(),
    adminPassword,
    timezone,
    bookingWindowDays: int(env, 'HMS_BOOKING_WINDOW_DAYS', 7, 1, 365),
    waitlistHoldMinutes: int(env, 'HMS_WAITLIST_HOLD_MINUTES', 15, 1, 24 * 60),
    seriesWindowDays: int(env, 'HMS_SERIES_WINDOW_DAYS', 180, 1, 730),
    autoNoShow: onOff(env, 'HMS_AUTO_NO_SHOW', true),
    jwtSecret,
    dataKey,
    previousDataKeys,
    hospitalName: (env.HMS_HOSPITAL_NAME || '').trim() || 'HMS Hospital',
    currency,
    currencyDigits: currencyDigits(currency),
    production,
    introspection: introspectionRaw ? introspectionRaw === 'true' : !production,
    tokenTtlSeconds: int(env, 'HMS_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    clientDist: env.HMS_CLIENT_DIST || undefined,
    logLevel: env.HMS_LOG === 'silent' ? 'silent' : 'info',
    databaseWaitSeconds: int(env, 'HMS_DB_WAIT_SECONDS', 60, 0, 3600),
    publicUrl,
    trustProxy,
    rateLimits: parseRateLimitSettings(env, (message) => { throw new ConfigError(message); }),
    queryCost: {
      anonymous: int(env, 'HMS_QUERY_COST_ANONYMOUS', 2_000, 10, 10_000_000),
      signedIn: int(env, 'HMS_QUERY_COST_SIGNED_IN', 10_000, 10, 10_000_000),
    },
    statementTimeoutMs: int(env, 'HMS_DB_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000),
    acquireTimeoutMs: int(env, 'HMS_DB_ACQUIRE_TIMEOUT_MS', 3_000, 100, 600_000),
    backgroundJobs: backgroundRaw !== 'off',
    workers: workersRaw !== 'off',
    smtpUrl,
    mailFrom,
    smsUrl,
    smsToken: env.HMS_SMS_TOKEN || undefined,
    reminderLeadHours: int(env, 'HMS_REMINDER_LEAD_HOURS', 24, 1, 24 * 14),
    messageAttempts: int(env, 'HMS_MESSAGE_ATTEMPTS', 5, 1, 50),
    messageRetryMs: int(env, 'HMS_MESSAGE_RETRY_MS', 30_000, 10, 24 * 3600_000),
    jobsPrefix,
    testClock: testClockRaw === '1',
    demo: demoFlag(env.HMS_DEMO),
    testNow,
    redisPrefix,
    webhookAllowPrivate: bool(env, 'HMS_WEBHOOK_ALLOW_PRIVATE'),
    exports: {
      linkMinutes: int(env, 'HMS_EXPORT_LINK_MINUTES', 15, 1, 7 * 24 * 60),
      retentionHours: int(env, 'HMS_EXPORT_RETENTION_HOURS', 24, 1, 24 * 90),
    },
    dashboardCacheSeconds: int(env, 'HMS_DASHBOARD_CACHE_SECONDS', 5, 0, 300),
  };
}

/**
 * A cheap guard against placeholder secrets (all zeros, 32 x "a", "abab..."):
 * at least `minDistinct` distinct bytes and an estimated (Shannon) entropy of
 * `minBits` over the whole value. Random keys pass with a wide margin.
 */
export function looksRandom(value: Buffer, minDistinct: number, minBits: number): boolean {
  const counts = new Map<number, number>();
  for (const byte of value) counts.set(byte, (counts.get(byte) ?? 0) + 1);
  if (counts.size < minDistinct) return false;
  let bitsPerByte = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bitsPerByte -= p * Math.log2(p);
  }
  return bitsPerByte * value.length >= minBits;
}

/** A URL with its password replaced, safe to print. */
export function maskUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1****@');
}
