// Starts the real app on a random port against the migrated test database and
// talks to it over real HTTP and WebSocket.
import { MikroORM } from '@mikro-orm/core';
import { createClient, type Client } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import { clock } from '../src/clock';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { createApp, type App } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { ensureDatabase, ormOptions } from '../src/db/orm';
import { DEFAULT_RATE_LIMITS, rateLimitEnvName, type RateLimitSettings } from '../src/rate-limit';

/**
 * Every suite signs in and registers many times from 127.0.0.1: the per-client
 * limits are off unless a test sets them (security.test.ts proves them with small values).
 */
export const RATE_LIMITS_OFF: Record<string, string> = Object.fromEntries(
  (Object.keys(DEFAULT_RATE_LIMITS) as Array<keyof RateLimitSettings>).map((setting) => [rateLimitEnvName(setting), 'off']),
);

export interface GqlError {
  message: string;
  path?: string[];
  extensions?: { code?: string; fields?: Record<string, string>; [key: string]: unknown };
}

export interface GqlResult<T = any> {
  data?: T;
  errors?: GqlError[];
  status: number;
}

export interface TestApp {
  app: App;
  orm: MikroORM;
  config: Config;
  url: string;
  wsUrl: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** Like gql but throws when the response has errors; returns data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  wsClient(token?: string): Client;
  close(): Promise<void>;
}

/**
 * This test file's own database (a copy of the run's migrated template, made by test/setup.ts).
 * Use it instead of inject('databaseUrl'), which is the template every file is copied from.
 */
export function testDatabaseUrl(): string {
  const url = process.env.HMS_TEST_DATABASE_URL;
  if (!url) throw new Error('HMS_TEST_DATABASE_URL is unset: run the tests through vitest.config.mts (test/setup.ts makes it)');
  return url;
}

/**
 * The real app on port 0 against this file's database. Background timers (outbox and notification
 * pruning) are off unless `env` says HMS_BACKGROUND_JOBS: 'on'; tests call the prune functions themselves.
 * Dashboard answers are not reused across requests unless `env` sets HMS_DASHBOARD_CACHE_SECONDS.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { databaseUrl?: string; createDatabase?: boolean } = {},
): Promise<TestApp> {
  // `options.databaseUrl`: a database of the test's own (see privateDatabase; `createDatabase` makes
  // it when missing, e.g. a scratch database a test restores or re-keys), else this file's.
  const databaseUrl = options.databaseUrl ?? testDatabaseUrl();
  const config = loadConfig({ HMS_LOG: 'silent', HMS_BACKGROUND_JOBS: 'off', HMS_DASHBOARD_CACHE_SECONDS: '0', ...RATE_LIMITS_OFF, ...env, DATABASE_URL: databaseUrl, PORT: '0' } as NodeJS.ProcessEnv);
  const flavor = options.createDatabase ? await ensureDatabase(databaseUrl) : process.env.TEST_DB_FLAVOR === 'mysql' ? 'mysql' : 'mariadb';
  const orm = await MikroORM.init(ormOptions(databaseUrl, flavor, { statementTimeoutMs: config.statementTimeoutMs, acquireTimeoutMs: config.acquireTimeoutMs }));
  let app: App;
  try {
    app = await createApp(config, orm);
  } catch (error) {
    // e.g. a data key that does not open the database: the test expects the refusal, not a leaked pool.
    await orm.close();
    throw error;
  }
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const wsUrl = `ws://127.0.0.1:${port}/graphql`;
  const clients: Client[] = [];

  async function gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GqlResult<T>;
    return { ...body, status: response.status };
  }

  return {
    app,
    orm,
    config,
    url,
    wsUrl,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
      const result = await gql<T>(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    wsClient(token?: string): Client {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.close();
      await orm.close();
    },
  };
}

/** The error codes of a result, for `expect(codes(r)).toEqual(['FORBIDDEN'])`. */
export function codes(result: GqlResult): string[] {
  return (result.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
}

export const uid = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * A freshly migrated database for one test file, for checks that need the whole database to
 * themselves (e.g. "the last active admin"); dropped by the returned function.
 */
export async function privateDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { execFileSync } = await import('node:child_process');
  const path = await import('node:path');
  const mysql = (await import('mysql2/promise')).default;
  const base = new URL(inject('databaseUrl'));
  const database = `${base.pathname.slice(1)}_${name}`.slice(0, 64);
  const url = new URL(base);
  url.pathname = `/${database}`;
  execFileSync(process.execPath, [require.resolve('tsx/cli'), 'src/db/migrate.ts'], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, DATABASE_URL: url.toString(), HMS_LOG: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    url: url.toString(),
    async drop() {
      const connection = await mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username || 'root'), password: decodeURIComponent(base.password) });
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.end();
    },
  };
}

/**
 * Moves this process's server clock (src/clock.ts) so that "now" is `at`; time keeps running from there.
 * Returns a function that puts the previous clock back (test/setup.ts pins every file to midday UTC). Every app of the test file shares the clock.
 */
export function setClock(at: Date | string): () => void {
  const previous = clock.offsetMs();
  clock.setOffsetMs(new Date(at).getTime() - Date.now());
  return () => clock.setOffsetMs(previous);
}

/** Records the SQL statements the ORM of `t` runs while `fn` runs (background timers are off in tests). */
export async function recordStatements<T>(t: TestApp, fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const logger = t.orm.config.getLogger();
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (context) => { statements.push(context.query ?? ''); };
  try {
    const result = await fn();
    return { result, statements };
  } finally {
    logger.logQuery = original;
  }
}
