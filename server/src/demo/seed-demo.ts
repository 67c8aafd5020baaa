// `npm run seed:demo`: creates + migrates the database in DATABASE_URL (as `npm start` does, first
// admin included), then seeds the demo hospital into it once. Exit 0 when seeded or already
// seeded; exit 1 (nothing written) when the database holds other data.
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import { ConfigError, loadConfig, type Config } from '../config';
import { openDatabase } from '../db/orm';
import { logger } from '../logger';
import { bootstrapAdmin } from '../modules/identity/identity.service';
import { applyTestNow } from '../test-clock';
import { DemoRefusedError, describeSeed, seedDemo } from './demo-seed';

// PORT=0 (tests, screenshots): the port is only known once listening, on the "HMS listening on" line.
const address = (config: Config) => (config.port === 0 && !process.env.HMS_PUBLIC_URL ? null : config.publicUrl);

/** HMS_DEMO=true npm start: seeds an empty database, says so and goes on; a non-demo database is left alone. */
export async function seedDemoOnStart(orm: MikroORM, config: Config): Promise<void> {
  try {
    const result = await seedDemo(orm, config);
    for (const line of describeSeed(result, address(config))) logger.info(`[demo] ${line}`);
  } catch (error) {
    if (!(error instanceof DemoRefusedError)) throw error;
    logger.warn(`[demo] HMS_DEMO=true: not seeding: ${error.message}`);
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  applyTestNow(config);
  let result;
  const orm = await openDatabase(config, {
    retrySeconds: 30,
    underLock: async (opened) => {
      await bootstrapAdmin(opened.em.fork(), config);
      result = await seedDemo(opened, config);
    },
  });
  await orm.close();
  for (const line of describeSeed(result!, address(config))) console.log(line);
}

if (require.main === module) {
  main().catch((error) => {
    if (error instanceof DemoRefusedError || error instanceof ConfigError) {
      console.error(`seed:demo refused: ${error.message}`);
    } else {
      console.error('seed:demo failed:', error);
    }
    process.exit(1);
  });
}
