import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from './src/db/orm';
import { loadConfig } from './src/config';
import { ReportsService } from './src/modules/reports/reports.service';
async function main() {
  const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, HMS_TIMEZONE: 'UTC', HMS_LOG: 'silent' } as any);
  const orm = await MikroORM.init(ormOptions(process.env.DATABASE_URL!, 'mariadb'));
  const logger = orm.config.getLogger();
  const log: string[] = [];
  logger.logQuery = (c: any) => { log.push(`${String(c.took).padStart(5)} ms ${c.query.replace(/\s+/g, ' ').slice(0, 110)}`); };
  for (let i = 0; i < 3; i++) {
    log.length = 0;
    const ctx: any = { deps: { config }, em: orm.em.fork(), viewer: { role: 'ADMIN', userId: 1 } };
    const t = performance.now();
    await new ReportsService(ctx).dashboard({ from: '2025-12-02', to: '2026-12-01', dailyPatients: false });
    console.log('total', (performance.now() - t).toFixed(0)); console.log(log.join('\n'));
  }
  await orm.close();
}
main();
