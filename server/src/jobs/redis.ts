import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../context';
import { logger } from '../logger';
import { definitions, type EnqueueOptions, type JobHandle, type SweepHandle } from './define';
import { errorText, jobContext, runSweep, type JobEngine, type JobStats } from './engine';

const ENQUEUE_TIMEOUT_MS = 3_000;
/** How long a sweep's lock lives without being renewed (a crashed runner frees it after this). */
const SWEEP_LEASE_MS = 30_000;

// Keeps "done" for the rest of the interval when the runner still owns the key, else lets go.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  if tonumber(ARGV[2]) > 0 then redis.call('set', KEYS[1], 'done', 'PX', ARGV[2]) else redis.call('del', KEYS[1]) end
  return 1 end return 0`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;

/**
 * BullMQ on Redis: a queue per job kind (so concurrency and rate limits are per kind), workers in
 * every process that has them on, retries with exponential backoff. Sweeps are timers in each
 * worker process guarded by a Redis lock rather than BullMQ repeatable jobs: our Redis keeps nothing
 * on disk, and a lock needs no state that a restart could lose.
 */
export class RedisEngine implements JobEngine {
  readonly backend = 'redis' as const;
  /** Commands (queues, locks); BullMQ wants maxRetriesPerRequest: null on every link it uses. */
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly workerList: Worker[] = [];
  private readonly sweepTimers: NodeJS.Timeout[] = [];
  private readonly sweepRuns = new Set<Promise<void>>();
  private closed = false;
  private down = false;

  constructor(private readonly deps: AppDeps, redisUrl: string, private readonly prefix: string, readonly workers: boolean) {
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null, connectionName: `hms-jobs-${process.pid}` });
    this.connection.on('error', (error: Error) => {
      if (!this.down) logger.warn(`Redis (jobs) is unreachable: ${error.message}; jobs wait, the ledger sweeps catch up`);
      this.down = true;
    });
    this.connection.on('ready', () => { this.down = false; });
    for (const handle of definitions().jobs) this.queue(handle);
    if (!workers) return;
    for (const sweep of definitions().sweeps) this.startSweep(sweep);
  }

  private queue(handle: JobHandle<any>): Queue {
    let queue = this.queues.get(handle.name);
    if (queue) return queue;
    queue = new Queue(handle.name, {
      connection: this.connection,
      prefix: this.prefix,
      defaultJobOptions: {
        attempts: handle.options.attempts,
        backoff: { type: 'exponential', delay: handle.options.backoffMs },
        removeOnComplete: true,
        removeOnFail: { count: 200 },
      },
    });
    queue.on('error', (error: Error) => logger.warn(`job queue ${handle.name}: ${error.message}`));
    this.queues.set(handle.name, queue);
    if (this.workers) this.startWorker(handle);
    return queue;
  }

  private startWorker(handle: JobHandle<any>): void {
    const worker = new Worker(
      handle.name,
      async (job: Job) => {
        await handle.handler(job.data, jobContext(this.deps, this, job.attemptsMade + 1, handle.options.attempts));
      },
      {
        connection: this.connection,
        prefix: this.prefix,
        concurrency: handle.options.concurrency,
        ...(handle.options.limiter ? { limiter: { max: handle.options.limiter.max, duration: handle.options.limiter.durationMs } } : {}),
      },
    );
    worker.on('error', (error: Error) => logger.warn(`job worker ${handle.name}: ${error.message}`));
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= handle.options.attempts) {
        logger.warn(`job ${handle.name} ${job.id} failed after ${job.attemptsMade} attempts`, { error: errorText(error) });
      }
    });
    this.workerList.push(worker);
  }

  private startSweep(sweep: SweepHandle): void {
    const key = `${this.prefix}:sweep:${sweep.name}`;
    const tick = async () => {
      if (this.closed) return;
      const run = this.sweepOnce(sweep, key);
      this.sweepRuns.add(run);
      await run.finally(() => this.sweepRuns.delete(run));
    };
    const timer = setInterval(() => void tick(), sweep.everyMs);
    timer.unref();
    this.sweepTimers.push(timer);
    // Processes started together would otherwise all try at the same instant.
    const first = setTimeout(() => void tick(), Math.floor(Math.random() * Math.min(sweep.everyMs, 1_000)));
    first.unref();
    this.sweepTimers.push(first);
  }

  /** At most one runner across processes; a finished run keeps the key for the rest of its interval. */
  private async sweepOnce(sweep: SweepHandle, key: string): Promise<void> {
    const token = randomUUID();
    let acquired: string | null;
    try {
      acquired = await withTimeout(this.connection.set(key, token, 'PX', SWEEP_LEASE_MS, 'NX'), ENQUEUE_TIMEOUT_MS);
    } catch {
      return; // Redis away: the next tick tries again
    }
    if (acquired !== 'OK') return;
    const started = Date.now();
    const renew = setInterval(() => {
      this.connection.eval(RENEW, 1, key, token, String(SWEEP_LEASE_MS)).catch(() => undefined);
    }, SWEEP_LEASE_MS / 3);
    renew.unref();
    try {
      await runSweep(this.deps, this, sweep);
    } finally {
      clearInterval(renew);
      const rest = sweep.everyMs - (Date.now() - started) - 20;
      await withTimeout(this.connection.eval(RELEASE, 1, key, token, String(Math.max(0, Math.floor(rest)))), ENQUEUE_TIMEOUT_MS).catch(() => undefined);
    }
  }

  async enqueue<T>(handle: JobHandle<T>, data: T, options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('the job engine is closed');
    const queue = this.queue(handle);
    // BullMQ refuses ':' in custom ids (its key separator).
    const jobId = options.jobId?.replace(/:/g, '_');
    await withTimeout(queue.add(handle.name, data, { delay: options.delayMs, jobId }), ENQUEUE_TIMEOUT_MS);
  }

  async runDueNow(): Promise<void> {
    for (const sweep of definitions().sweeps) await runSweep(this.deps, this, sweep);
  }

  async stats(): Promise<JobStats> {
    const queues = [];
    const recentFailures = [];
    for (const [name, queue] of this.queues) {
      const counts = await withTimeout(queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'), ENQUEUE_TIMEOUT_MS);
      queues.push({ name, waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0), active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 });
      const failed = await withTimeout(queue.getFailed(0, 19), ENQUEUE_TIMEOUT_MS);
      for (const job of failed) {
        if (!job) continue;
        recentFailures.push({ queue: name, jobId: String(job.id), error: String(job.failedReason ?? ''), attempts: job.attemptsMade, failedAt: new Date(job.finishedOn ?? job.timestamp) });
      }
    }
    recentFailures.sort((a, b) => b.failedAt.getTime() - a.failedAt.getTime());
    return { backend: 'redis', workers: this.workers, queues, recentFailures: recentFailures.slice(0, 50) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.sweepTimers) clearTimeout(timer);
    // Workers finish their running jobs first (BullMQ's close waits for them).
    await Promise.allSettled(this.workerList.map((worker) => worker.close()));
    await Promise.allSettled([...this.sweepRuns]);
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
