// `npm run migration:create [-- name]`: writes a migration with the difference
// between the entities and a scratch database migrated to the latest committed state.
import { MikroORM } from '@mikro-orm/core';
import { ensureDatabase, ormOptions } from './orm';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/hms_migration_scratch';
  const orm = await MikroORM.init(ormOptions(url, await ensureDatabase(url)));
  try {
    await orm.schema.dropSchema({ dropMigrationsTable: true });
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(undefined, false, false, process.argv[2]);
    console.log(result.fileName ? `wrote migrations/${result.fileName}` : 'no changes: entities match the migrations');
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
