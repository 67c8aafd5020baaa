import type { AppDeps } from '../context';
import { clock } from '../clock';
import { logger } from '../logger';
import type { EnqueueOptions, JobContext, JobHandle, SweepHandle } from './define';
import { MemoryEngine } from './memory';
import { RedisEngine } from './redis';

/** One queue's figures, for the admin page. */
export interface QueueStats {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/** A job that used up its attempts (kept for the admin page; the newest first). */
export interface FailedJob {
  queue: string;
  jobId: string;
  error: string;
  attempts: number;
  failedAt: Date;
}

export interface JobStats {
  backend: 'redis' | 'memory';
  /** Whether this process runs the handlers (HMS_WORKERS and HMS_BACKGROUND_JOBS). */
  workers: boolean;
  queues: QueueStats[];
  recentFailures: FailedJob[];
}

/** The running engine of one process (AppDeps.jobs). */
export interface JobEngine {
  readonly backend: 'redis' | 'memory';
  readonly workers: boolean;
  /** Adds a job; with `jobId`, a second add of the same id is dropped. Rejects when Redis cannot take it within 3 s. */
  enqueue<T>(handle: JobHandle<T>, data: T, options?: EnqueueOptions): Promise<void>;
  /**
   * Tests and scripts: runs every sweep once now (skipping the interval), then, without Redis,
   * every job that is due until none is left (retries that fall due meanwhile included). With
   * Redis only the sweeps run here; the workers of whichever process has them take the jobs.
   */
  runDueNow(): Promise<void>;
  stats(): Promise<JobStats>;
  /** Stops the timers, lets running handlers finish, closes connections. */
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Run handlers and sweeps in this process (default: config.backgroundJobs && config.workers). */
  workers?: boolean;
  /** Redis URL; default config.redisUrl; null forces the in-process engine. */
  redisUrl?: string | null;
  /** Redis key prefix; default config.jobsPrefix. */
  prefix?: string;
}

/** BullMQ on Redis when there is a REDIS_URL, the same handlers on in-process timers otherwise. */
export function createJobEngine(deps: AppDeps, options: EngineOptions = {}): JobEngine {
  const workers = options.workers ?? (deps.config.backgroundJobs && deps.config.workers);
  const redisUrl = options.redisUrl === undefined ? deps.config.redisUrl : options.redisUrl ?? undefined;
  const prefix = options.prefix ?? deps.config.jobsPrefix;
  return redisUrl ? new RedisEngine(deps, redisUrl, prefix, workers) : new MemoryEngine(deps, workers);
}

/** The context of one handler run: a fresh fork, so no identity map is shared between jobs. */
export function jobContext(deps: AppDeps, engine: JobEngine, attempt: number, attempts: number): JobContext {
  return {
    em: deps.orm.em.fork(),
    config: deps.config,
    deps,
    log: logger,
    now: () => clock.now(),
    attempt,
    attempts,
    enqueue: (handle, data, options) => engine.enqueue(handle, data, options),
  };
}

/** Runs a sweep's handler and logs (never throws): a failing sweep must not stop its timer. */
export async function runSweep(deps: AppDeps, engine: JobEngine, sweep: SweepHandle): Promise<void> {
  try {
    await sweep.handler(jobContext(deps, engine, 1, 1));
  } catch (error) {
    logger.warn(`sweep ${sweep.name} failed`, { error: error instanceof Error ? error.message : String(error) });
  }
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}
