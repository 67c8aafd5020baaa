// Process entry: config, database (create + migrate), first admin, listen, graceful shutdown.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/orm';
import { createApp } from './app';
import { logger } from './logger';
import { bootstrapAdmin } from './modules/identity/identity.service';
import { applyTestNow } from './test-clock';
import { seedDemoOnStart } from './demo/seed-demo';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`HMS cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  applyTestNow(config);
  const orm = await openDatabase(config, {
    retrySeconds: config.databaseWaitSeconds,
    underLock: async (opened) => {
      await bootstrapAdmin(opened.em.fork(), config);
      // Under the start-up lock: of N processes started with HMS_DEMO=true, one seeds.
      if (config.demo) await seedDemoOnStart(opened, config);
    },
  });
  const app = await createApp(config, orm);
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, resolve));
  // The bound port, not the asked one: PORT=0 picks a free one (tests read it from this line).
  const { port } = app.httpServer.address() as AddressInfo;
  logger.info(`HMS listening on http://localhost:${port} (GraphQL at /graphql)`, { port });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests and shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app.close();
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
  console.error(`HMS cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
