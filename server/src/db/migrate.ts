// `npm run migrate -w server`: creates the database in DATABASE_URL if missing and applies pending migrations.
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from './orm';

async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await openDatabase(config, { retrySeconds: 30 });
  const executed = await orm.getMigrator().getExecutedMigrations();
  console.log(`database migrated (${executed.length} migrations applied)`);
  await orm.close();
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `HMS cannot migrate: ${error.message}` : error);
  process.exit(1);
});
