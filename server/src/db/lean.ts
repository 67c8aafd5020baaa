// A read straight on a pooled driver connection, for the per-request hot reads (the
// viewer lookup, the day view): MikroORM's execute() inlines the parameters into the
// SQL text, hands it to knex to build a raw query and wraps it in its logger, about
// 0.1 ms of CPU per statement more than the driver itself (measured with bench:dayview).
// Only for reads outside a transaction; writes keep the EntityManager.
import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';

interface DriverConnection {
  query(options: { sql: string }, values: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

interface KnexClient {
  acquireConnection(): Promise<DriverConnection>;
  releaseConnection(connection: DriverConnection): Promise<void>;
}

/** Rows of one read-only statement, on the same pool (and connection settings) as the ORM. */
export async function leanQuery<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const connection = em.getConnection() as unknown as AbstractSqlConnection;
  const client = connection.getKnex().client as unknown as KnexClient;
  const started = Date.now();
  const driver = await client.acquireConnection().catch((error: Error) => {
    throw em.getDriver().convertException(error);
  });
  try {
    return await new Promise<T[]>((resolve, reject) => {
      // Errors become MikroORM's exceptions, as from execute(), so the same handling applies.
      driver.query({ sql }, params, (error, rows) => (error ? reject(em.getDriver().convertException(error)) : resolve(rows as T[])));
    });
  } finally {
    await client.releaseConnection(driver);
    // Still logged like every other statement (the SQL-count tests read this).
    (connection as unknown as { logQuery(query: string, context: object): void }).logQuery(sql, { took: Date.now() - started });
  }
}
