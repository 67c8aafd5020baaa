// `npm run worker`: the job handlers and sweeps without HTTP, for sites that run them apart from the
// API processes (which then set HMS_WORKERS=off). Needs REDIS_URL: in-memory jobs cannot cross processes.
import 'reflect-metadata';
import { clock } from './clock';
import { ConfigError, loadConfig } from './config';
import type { AppDeps } from './context';
import { openDatabase } from './db/orm';
import './jobs/registry';
import { createJobEngine } from './jobs/engine';
import { logger } from './logger';
import { loadSecrets } from './modules/identity/secrets';
import { createPubSubHandle } from './pubsub';
import { createRateLimits } from './rate-limit';
import { DashboardCache } from './modules/reports/dashboard-cache';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`HMS worker cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (!config.redisUrl) {
    console.error('HMS worker cannot start: REDIS_URL is required (without it the API process runs the jobs itself)');
    process.exit(1);
  }
  // Tests only (HMS_TEST_CLOCK=1 with HMS_TEST_NOW, refused in production): the worker has no HTTP
  // to move its clock later, so it starts at that instant, as test-clock.ts does for API processes.
  if (config.testClock && !config.production && config.testNow) clock.setOffsetMs(config.testNow.getTime() - Date.now());
  const orm = await openDatabase(config, { retrySeconds: config.databaseWaitSeconds });
  const pubsubHandle = createPubSubHandle(config.redisUrl);
  const rateLimits = createRateLimits(config.rateLimits, config.redisUrl);
  const deps = { config, orm, pubsub: pubsubHandle.pubsub, pubsubHandle, secrets: await loadSecrets(orm, config), rateLimits,
    dashboardCache: new DashboardCache(config.dashboardCacheSeconds * 1000) } as AppDeps;
  // HMS_WORKERS applies to API processes; this process exists to run them (HMS_BACKGROUND_JOBS=off still stops them).
  deps.jobs = createJobEngine(deps, { workers: config.backgroundJobs });
  logger.info('HMS worker running', { backgroundJobs: config.backgroundJobs, prefix: config.jobsPrefix });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: letting running jobs finish`);
    const force = setTimeout(() => process.exit(1), 30_000).unref();
    try {
      await deps.jobs.close();
      await pubsubHandle.close();
      await rateLimits.close();
      await orm.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(`HMS worker cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
