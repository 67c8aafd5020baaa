import type { EntityManager } from '@mikro-orm/core';
import type { Config } from '../config';
import type { AppDeps } from '../context';
import type { logger } from '../logger';

/** What a handler gets: a fresh EntityManager fork per run, the config, a logger and the server's "now". */
export interface JobContext {
  em: EntityManager;
  config: Config;
  deps: AppDeps;
  log: typeof logger;
  now(): Date;
  /** 1 on the first run, 2 on the first retry... */
  attempt: number;
  /** The job's total attempts (the last run is `attempt === attempts`); 1 for sweeps. */
  attempts: number;
  /** Enqueue a follow-up job on the same engine. */
  enqueue<T>(handle: JobHandle<T>, data: T, options?: EnqueueOptions): Promise<void>;
}

export interface JobOptions {
  /** Runs in total before the job counts as failed (default 5). */
  attempts?: number;
  /** First retry delay; doubles each retry (default 2,000 ms). */
  backoffMs?: number;
  /** Jobs of this kind run at once per process (default 4). */
  concurrency?: number;
  /** At most `max` starts per `durationMs` per process in memory, per site with Redis (e.g. an SMS gateway's limit). */
  limiter?: { max: number; durationMs: number };
}

export interface EnqueueOptions {
  delayMs?: number;
  /** A second enqueue with the same id is dropped while the first is waiting, delayed, running or kept as failed. */
  jobId?: string;
}

export interface JobHandle<T> {
  readonly kind: 'job';
  readonly name: string;
  readonly handler: (data: T, ctx: JobContext) => Promise<void>;
  readonly options: Required<Omit<JobOptions, 'limiter'>> & Pick<JobOptions, 'limiter'>;
}

export interface SweepHandle {
  readonly kind: 'sweep';
  readonly name: string;
  readonly everyMs: number;
  readonly handler: (ctx: JobContext) => Promise<void>;
}

const jobs = new Map<string, JobHandle<any>>();
const sweeps = new Map<string, SweepHandle>();
const NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

/** Declares a kind of job (call at module load, in `modules/<feature>/<feature>.jobs.ts`). */
export function defineJob<T>(name: string, handler: (data: T, ctx: JobContext) => Promise<void>, options: JobOptions = {}): JobHandle<T> {
  if (!NAME.test(name)) throw new Error(`job name "${name}": lower-case words, dots and dashes`);
  if (jobs.has(name) || sweeps.has(name)) throw new Error(`job "${name}" is defined twice`);
  const handle: JobHandle<T> = {
    kind: 'job',
    name,
    handler,
    options: {
      attempts: options.attempts ?? 5,
      backoffMs: options.backoffMs ?? 2_000,
      concurrency: options.concurrency ?? 4,
      limiter: options.limiter,
    },
  };
  jobs.set(name, handle);
  return handle;
}

/** Declares work that runs every `everyMs`, by at most one process at a time (and about once per interval across them). */
export function defineSweep(name: string, everyMs: number, handler: (ctx: JobContext) => Promise<void>): SweepHandle {
  if (!NAME.test(name)) throw new Error(`sweep name "${name}": lower-case words, dots and dashes`);
  if (jobs.has(name) || sweeps.has(name)) throw new Error(`sweep "${name}" is defined twice`);
  if (!(everyMs >= 50)) throw new Error(`sweep "${name}": everyMs must be at least 50`);
  const handle: SweepHandle = { kind: 'sweep', name, everyMs, handler };
  sweeps.set(name, handle);
  return handle;
}

/** Every job and sweep defined so far (registry.ts imports the modules that define them). */
export function definitions(): { jobs: JobHandle<any>[]; sweeps: SweepHandle[] } {
  return { jobs: [...jobs.values()], sweeps: [...sweeps.values()] };
}

/** Test-only: forget a definition made by a test file. */
export function undefine(name: string): void {
  jobs.delete(name);
  sweeps.delete(name);
}
