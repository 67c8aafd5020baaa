import type { AppDeps } from '../context';
import { logger } from '../logger';
import { definitions, type EnqueueOptions, type JobHandle, type SweepHandle } from './define';
import { errorText, jobContext, runSweep, type FailedJob, type JobEngine, type JobStats } from './engine';

interface MemoryJob {
  id: string;
  data: unknown;
  readyAt: number;
  attemptsMade: number;
}

interface MemoryQueue {
  handle: JobHandle<any>;
  waiting: MemoryJob[];
  active: number;
  /** Ids of jobs waiting, delayed, running or failed: a second enqueue of one is dropped. */
  ids: Set<string>;
  failed: FailedJob[];
  /** Start times inside the limiter's window. */
  starts: number[];
  wake?: NodeJS.Timeout;
}

const KEEP_FAILED = 200;

/**
 * Without REDIS_URL: the same handlers on timers inside this one process. Jobs live in memory
 * (a restart forgets them; the ledger sweeps put back whatever must still happen).
 */
export class MemoryEngine implements JobEngine {
  readonly backend = 'memory' as const;
  private readonly queues = new Map<string, MemoryQueue>();
  private readonly running = new Set<Promise<void>>();
  private readonly sweepTimers: NodeJS.Timeout[] = [];
  private readonly sweepsBusy = new Set<string>();
  private sequence = 0;
  private closed = false;

  constructor(private readonly deps: AppDeps, readonly workers: boolean) {
    if (!workers) return;
    for (const handle of definitions().jobs) this.queue(handle);
    for (const sweep of definitions().sweeps) this.startSweep(sweep);
  }

  private queue(handle: JobHandle<any>): MemoryQueue {
    let queue = this.queues.get(handle.name);
    if (!queue) {
      queue = { handle, waiting: [], active: 0, ids: new Set(), failed: [], starts: [] };
      this.queues.set(handle.name, queue);
    }
    return queue;
  }

  private startSweep(sweep: SweepHandle): void {
    const tick = async () => {
      if (this.closed || this.sweepsBusy.has(sweep.name)) return;
      this.sweepsBusy.add(sweep.name);
      const run = runSweep(this.deps, this, sweep).finally(() => this.sweepsBusy.delete(sweep.name));
      this.track(run);
      await run;
    };
    const timer = setInterval(() => void tick(), sweep.everyMs);
    timer.unref();
    this.sweepTimers.push(timer);
    const first = setTimeout(() => void tick(), Math.min(sweep.everyMs, 1_000));
    first.unref();
    this.sweepTimers.push(first);
  }

  async enqueue<T>(handle: JobHandle<T>, data: T, options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('the job engine is closed');
    const queue = this.queue(handle);
    const id = options.jobId ?? `auto-${++this.sequence}`;
    if (queue.ids.has(id)) return;
    queue.ids.add(id);
    // Round-tripped through JSON as Redis would: a handler never sees a Date where BullMQ gives a string.
    const job: MemoryJob = { id, data: JSON.parse(JSON.stringify(data ?? null)), readyAt: Date.now() + (options.delayMs ?? 0), attemptsMade: 0 };
    queue.waiting.push(job);
    if (this.workers) this.pump(queue, false);
  }

  /** Starts what may start now; sets a timer for the next delayed job or limiter window. */
  private pump(queue: MemoryQueue, force: boolean): void {
    if (this.closed || (!this.workers && !force)) return;
    const { handle } = queue;
    const now = Date.now();
    queue.waiting.sort((a, b) => a.readyAt - b.readyAt);
    let wakeAt = Infinity;
    while (queue.active < handle.options.concurrency && queue.waiting.length > 0) {
      const next = queue.waiting[0];
      if (next.readyAt > now) {
        wakeAt = next.readyAt;
        break;
      }
      const limiter = handle.options.limiter;
      if (limiter) {
        queue.starts = queue.starts.filter((at) => at > now - limiter.durationMs);
        if (queue.starts.length >= limiter.max) {
          wakeAt = queue.starts[0] + limiter.durationMs;
          break;
        }
        queue.starts.push(now);
      }
      queue.waiting.shift();
      this.track(this.run(queue, next));
    }
    if (queue.wake) clearTimeout(queue.wake);
    queue.wake = undefined;
    if (wakeAt !== Infinity && this.workers) {
      queue.wake = setTimeout(() => this.pump(queue, false), Math.max(1, wakeAt - Date.now()));
      queue.wake.unref();
    }
  }

  private track(promise: Promise<void>): void {
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }

  private async run(queue: MemoryQueue, job: MemoryJob): Promise<void> {
    const { handle } = queue;
    queue.active++;
    job.attemptsMade++;
    try {
      await handle.handler(job.data, jobContext(this.deps, this, job.attemptsMade, handle.options.attempts));
      queue.ids.delete(job.id);
    } catch (error) {
      if (job.attemptsMade < handle.options.attempts) {
        job.readyAt = Date.now() + handle.options.backoffMs * 2 ** (job.attemptsMade - 1);
        queue.waiting.push(job);
      } else {
        logger.warn(`job ${handle.name} ${job.id} failed after ${job.attemptsMade} attempts`, { error: errorText(error) });
        queue.failed.unshift({ queue: handle.name, jobId: job.id, error: errorText(error), attempts: job.attemptsMade, failedAt: new Date() });
        const dropped = queue.failed.splice(KEEP_FAILED);
        for (const old of dropped) queue.ids.delete(old.jobId);
      }
    } finally {
      queue.active--;
      this.pump(queue, false);
    }
  }

  async runDueNow(): Promise<void> {
    for (const sweep of definitions().sweeps) await runSweep(this.deps, this, sweep);
    for (;;) {
      for (const queue of this.queues.values()) this.pump(queue, true);
      if (this.running.size === 0) {
        const now = Date.now();
        const due = [...this.queues.values()].some((q) => q.waiting.some((job) => job.readyAt <= now));
        if (!due) return;
        continue;
      }
      await Promise.race(this.running);
    }
  }

  async stats(): Promise<JobStats> {
    const now = Date.now();
    const queues = [...this.queues.values()].map((q) => ({
      name: q.handle.name,
      waiting: q.waiting.filter((job) => job.readyAt <= now).length,
      active: q.active,
      delayed: q.waiting.filter((job) => job.readyAt > now).length,
      failed: q.failed.length,
    }));
    const recentFailures = [...this.queues.values()].flatMap((q) => q.failed).sort((a, b) => b.failedAt.getTime() - a.failedAt.getTime()).slice(0, 50);
    return { backend: 'memory', workers: this.workers, queues, recentFailures };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.sweepTimers) clearTimeout(timer);
    for (const queue of this.queues.values()) if (queue.wake) clearTimeout(queue.wake);
    await Promise.allSettled([...this.running]);
  }
}
