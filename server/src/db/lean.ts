// A read for the per-request hot paths (the viewer lookup, the day view), through public APIs
// only: knex's `raw(sql, bindings)` on the ORM's own knex (`getKnex()`), so the statement runs on
// the same pool and connection settings, with the parameters bound by the driver. MikroORM's
// execute() would first inline every parameter into the SQL text (formatQuery) and build its
// own logging context, ~0.05 ms of CPU more per statement (bench:dayview). Only for reads outside
// a transaction; writes keep the EntityManager.
import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';

/** Rows of one read-only statement, on the same pool (and connection settings) as the ORM. */
export async function leanQuery<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const connection = em.getConnection() as unknown as AbstractSqlConnection;
  const started = Date.now();
  try {
    // The MySQL/MariaDB dialects answer [rows, fields].
    const [rows] = (await connection.getKnex().raw(sql, params as never[])) as unknown as [T[]];
    return rows;
  } catch (error) {
    // MikroORM's exceptions, as from execute(), so the same handling applies (outages, timeouts).
    throw em.getDriver().convertException(error as Error);
  } finally {
    // Logged like every other statement, through the ORM's public logger (the SQL-count tests read it).
    em.config.getLogger().logQuery({ level: 'info', query: sql, took: Date.now() - started });
  }
}
