// The job engine against real Redis (two engines sharing one prefix stand for two processes) and
// in-process without it: retries, dedup, delays, limits, one sweep runner, stats, clean shutdown.
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { defineJob, defineSweep, undefine, type JobHandle } from './define';
import { loadConfig } from '../config';
import { createJobEngine, type JobEngine } from './engine';

const REDIS_URL = process.env.HMS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let t: TestApp;
const engines: JobEngine[] = [];
const defined: string[] = [];

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => {
  await Promise.allSettled(engines.map((engine) => engine.close()));
  for (const name of defined) undefine(name);
  // The shared Redis keeps nothing of ours.
  const redis = new Redis(REDIS_URL);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  }
  redis.disconnect();
  await t.close();
});

function name(label: string): string {
  const n = `test.${label}-${randomUUID().slice(0, 8)}`;
  defined.push(n);
  return n;
}
const prefixes = new Set<string>();
function engine(options: { redis: boolean; workers: boolean; prefix?: string }): JobEngine {
  const prefix = options.prefix ?? `hms-test-${randomUUID()}`;
  prefixes.add(prefix);
  const e = createJobEngine(t.app.deps, { workers: options.workers, redisUrl: options.redis ? REDIS_URL : null, prefix });
  engines.push(e);
  return e;
}
async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

for (const redis of [false, true]) {
  describe(redis ? 'with Redis (BullMQ)' : 'in process (no REDIS_URL)', () => {
    it('runs a job with a fresh EntityManager fork, the config and the server clock', async () => {
      const seen: Array<{ value: number; rows: unknown; forked: boolean }> = [];
      const handle = defineJob<{ value: number }>(name('ctx'), async (data, ctx) => {
        const rows = await ctx.em.getConnection().execute('select 1 as one');
        seen.push({ value: data.value, rows: rows[0].one, forked: ctx.em !== t.app.deps.orm.em && ctx.config === t.app.deps.config && ctx.now() instanceof Date });
      });
      const e = engine({ redis, workers: true });
      await e.enqueue(handle, { value: 7 });
      await until(() => seen.length === 1);
      expect(seen).toEqual([{ value: 7, rows: 1, forked: true }]);
    });

    it('retries with backoff, then succeeds; a job that keeps failing is listed with its error', async () => {
      const attempts: number[] = [];
      const flaky = defineJob<{ ok: boolean }>(name('flaky'), async (data, ctx) => {
        attempts.push(ctx.attempt);
        if (!data.ok || ctx.attempt < 3) throw new Error(`boom ${ctx.attempt} of ${ctx.attempts}`);
      }, { attempts: 3, backoffMs: 50 });
      const e = engine({ redis, workers: true });
      await e.enqueue(flaky, { ok: true }, { jobId: 'eventually' });
      await e.enqueue(flaky, { ok: false }, { jobId: 'never' });
      await until(async () => (await e.stats()).recentFailures.length === 1 && attempts.length === 6);
      expect(attempts.sort()).toEqual([1, 1, 2, 2, 3, 3]);
      const stats = await e.stats();
      expect(stats.backend).toBe(redis ? 'redis' : 'memory');
      expect(stats.recentFailures[0]).toMatchObject({ queue: flaky.name, jobId: 'never', error: 'boom 3 of 3', attempts: 3 });
      expect(stats.queues.find((q) => q.name === flaky.name)).toMatchObject({ failed: 1, active: 0, waiting: 0 });
    });

    it('drops a second enqueue with the same jobId while the first waits; delays hold a job back', async () => {
      const ran: string[] = [];
      const handle = defineJob<{ tag: string }>(name('dedup'), async (data) => { ran.push(data.tag); });
      const e = engine({ redis, workers: true });
      await e.enqueue(handle, { tag: 'later' }, { delayMs: 1_500, jobId: 'one' });
      await e.enqueue(handle, { tag: 'duplicate' }, { jobId: 'one' });
      const queued = await e.stats();
      expect(queued.queues.find((q) => q.name === handle.name)).toMatchObject({ delayed: 1, waiting: 0 });
      await e.enqueue(handle, { tag: 'now' });
      await until(() => ran.length === 2);
      expect(ran).toEqual(['now', 'later']);
    });

    it('keeps to the concurrency and the rate limit of a job kind', async () => {
      let running = 0;
      let most = 0;
      const starts: number[] = [];
      const handle = defineJob<{ i: number }>(name('limited'), async () => {
        starts.push(Date.now());
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running--;
      }, { concurrency: 2, limiter: { max: 4, durationMs: 400 } });
      const e = engine({ redis, workers: true });
      for (let i = 0; i < 12; i++) await e.enqueue(handle, { i });
      await until(() => starts.length === 12);
      expect(most).toBeLessThanOrEqual(2);
      // 12 jobs at 4 per 400 ms window need three windows: the last starts ~800 ms after the
      // first (we allow 550: BullMQ counts in Redis, we at handler entry; unlimited, all 12 take ~200 ms). BullMQ's window is fixed, not sliding,
      // so a burst can straddle two windows: never more than 8 starts inside any 400 ms.
      expect(starts[11] - starts[0]).toBeGreaterThanOrEqual(550);
      for (let i = 0; i + 8 < starts.length; i++) expect(starts[i + 8] - starts[i]).toBeGreaterThanOrEqual(350);
    });

    it('without workers it only enqueues; runDueNow runs the sweeps (and, in process, the due jobs)', async () => {
      const ran: number[] = [];
      let swept = 0;
      const handle = defineJob<{ i: number }>(name('manual'), async (data) => { ran.push(data.i); });
      defineSweep(name('manual-sweep'), 60_000, async (ctx) => {
        swept++;
        await ctx.enqueue(handle, { i: 2 });
      });
      const e = engine({ redis, workers: false });
      await e.enqueue(handle, { i: 1 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ran).toEqual([]);
      await e.runDueNow();
      expect(swept).toBe(1);
      if (!redis) expect(ran.sort()).toEqual([1, 2]);
      else expect((await e.stats()).queues.find((q) => q.name === handle.name)?.waiting).toBe(2);
    });

    it('close lets a running job finish and starts nothing after', async () => {
      let finished = 0;
      let started = 0;
      const handle = defineJob<{ i: number }>(name('slow'), async () => {
        started++;
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished++;
      }, { concurrency: 1 });
      const e = engine({ redis, workers: true });
      await e.enqueue(handle, { i: 1 });
      await e.enqueue(handle, { i: 2 }, { delayMs: 5_000 });
      await until(() => started === 1);
      await e.close();
      expect(finished).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(started).toBe(1);
      await expect(e.enqueue(handle, { i: 3 })).rejects.toThrow(/closed/);
    });
  });
}

describe('across processes (two engines sharing Redis)', () => {
  it('each of 300 jobs runs exactly once over two workers', async () => {
    const prefix = `hms-test-${randomUUID()}`;
    const seen = new Map<number, number>();
    const current: JobHandle<{ i: number }> = defineJob<{ i: number }>(name('shared'), async (data) => {
      seen.set(data.i, (seen.get(data.i) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }, { concurrency: 4 });
    const producer = engine({ redis: true, workers: false, prefix });
    await Promise.all(Array.from({ length: 300 }, (_, i) => producer.enqueue(current, { i }, { jobId: `job-${i}` })));
    // While they wait, a second enqueue of an id is dropped (once done and removed, the id is free again).
    await Promise.all(Array.from({ length: 30 }, (_, i) => producer.enqueue(current, { i: i * 10 }, { jobId: `job-${i * 10}` })));
    engine({ redis: true, workers: true, prefix });
    engine({ redis: true, workers: true, prefix });
    await until(() => seen.size === 300);
    await until(async () => (await producer.stats()).queues.every((q) => q.waiting + q.active === 0));
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
  });

  it('a sweep never runs in two processes at once, and about once per interval across them', async () => {
    const prefix = `hms-test-${randomUUID()}`;
    let running = 0;
    let overlap = 0;
    let runs = 0;
    let firstRun = 0;
    defineSweep(name('single'), 200, async () => {
      running++;
      if (running > 1) overlap++;
      runs++;
      firstRun ||= Date.now();
      await new Promise((resolve) => setTimeout(resolve, 120));
      running--;
    });
    const engs = [engine({ redis: true, workers: true, prefix }), engine({ redis: true, workers: true, prefix }), engine({ redis: true, workers: true, prefix })];
    // Counted from the first run, for ~2 s of runs: a loaded machine may take seconds to start three engines.
    const deadline = Date.now() + 30_000;
    while ((!firstRun || Date.now() - firstRun < 2_000) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all(engs.map((e) => e.close()));
    const intervals = (Date.now() - firstRun) / 200;
    expect(overlap).toBe(0);
    expect(runs).toBeGreaterThan(2);
    // Three processes with a 200 ms timer each would run ~30 times without the shared marker.
    expect(runs).toBeLessThanOrEqual(Math.ceil(intervals) + 2);
  });
});

describe('configuration', () => {
  it('HMS_WORKERS is on or off; the key prefix follows the database unless HMS_JOBS_PREFIX says', () => {
    expect(loadConfig({}).workers).toBe(true);
    expect(loadConfig({ HMS_WORKERS: 'off' }).workers).toBe(false);
    expect(() => loadConfig({ HMS_WORKERS: 'no' })).toThrow('HMS_WORKERS');
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/clinic_a' }).jobsPrefix).toBe('hms-clinic_a');
    expect(loadConfig({ HMS_JOBS_PREFIX: 'site-2' }).jobsPrefix).toBe('site-2');
    expect(() => loadConfig({ HMS_JOBS_PREFIX: 'a b' })).toThrow('HMS_JOBS_PREFIX');
  });
});
