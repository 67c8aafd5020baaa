import { MikroORM, type Options } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { MySqlDriver } from '@mikro-orm/mysql';
import { Migrator } from '@mikro-orm/migrations';
import mysql from 'mysql2/promise';
import path from 'node:path';
import { maskUrl, type Config } from '../config';
import { logger } from '../logger';
import { entities } from './entities';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../migrations');

export type ServerFlavor = 'mysql' | 'mariadb';

/**
 * ORM options for one database. The driver matches the server: MikroORM's
 * MySQL schema diff misreads MariaDB's column metadata (and the reverse),
 * which would make every new migration re-emit unchanged columns.
 */
/** Per-connection guards, so one request cannot hold the pool (see README "Security"). */
export interface PoolLimits {
  /** Wall-clock cap of one statement in ms; 0 or unset = none (migrations run without). */
  statementTimeoutMs?: number;
  /** How long to wait for a free pooled connection before failing (knex's default is 60 s). */
  acquireTimeoutMs?: number;
}

/**
 * MariaDB's max_statement_time (seconds) caps every statement of the session; MySQL's
 * MAX_EXECUTION_TIME (ms) caps read-only SELECTs. Set once per pooled connection.
 */
function statementCapSql(flavor: ServerFlavor, ms: number): string {
  return flavor === 'mariadb' ? `SET SESSION max_statement_time = ${(ms / 1000).toFixed(3)}` : `SET SESSION MAX_EXECUTION_TIME = ${Math.round(ms)}`;
}

export function ormOptions(databaseUrl: string, flavor: ServerFlavor, limits: PoolLimits = {}): Options {
  const cap = limits.statementTimeoutMs ?? 0;
  return {
    driver: flavor === 'mariadb' ? MariaDbDriver : MySqlDriver,
    clientUrl: databaseUrl.replace(/^mariadb:/, 'mysql:'),
    entities,
    extensions: [Migrator],
    // Store and read every DATETIME as UTC, whatever the server's zone.
    timezone: '+00:00',
    forceUtcTimezone: true,
    // Nested relations load in batches instead of once per parent.
    dataloader: true,
    allowGlobalContext: false,
    debug: false,
    // A request waits at most HMS_DB_ACQUIRE_TIMEOUT_MS (3 s) for a pooled connection: with the database
    // down or the pool busy, clients are told SERVICE_UNAVAILABLE quickly instead of hanging for knex's default minute.
    pool: {
      min: 0,
      max: 20,
      acquireTimeoutMillis: limits.acquireTimeoutMs ?? 3_000,
      ...(cap > 0 ? {
        afterCreate: (connection: { query(sql: string, done: (error: Error | null) => void): void }, done: (error: Error | null, connection: unknown) => void) => {
          connection.query(statementCapSql(flavor, cap), (error) => done(error, connection));
        },
      } : {}),
    },
    // The mariadb connector gives up opening a connection after 1 s by default;
    // on a busy machine (a burst of bookings) that surfaced as 500s.
    driverOptions: {
      connection: { connectTimeout: 3_000 },
      acquireConnectionTimeout: limits.acquireTimeoutMs ?? 3_000,
    },
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: '!(*.d).{js,ts}',
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      tableName: 'mikro_orm_migrations',
    },
  };
}

/** A connection to the server of `databaseUrl`, no database selected (to create one, or hold a server-wide lock). */
function serverConnection(databaseUrl: string): Promise<mysql.Connection> {
  const url = new URL(databaseUrl);
  return mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    connectTimeout: 5000,
  });
}

/** Creates the database named in the URL if it is missing; tells which server answers. */
export async function ensureDatabase(databaseUrl: string): Promise<ServerFlavor> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[A-Za-z0-9_$-]+$/.test(name)) throw new Error(`database name "${name}" has characters HMS does not accept`);
  const connection = await serverConnection(databaseUrl);
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as Array<{ version: string }>)[0].version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/**
 * Connects (retrying while MySQL is unreachable), creates the database if
 * missing and applies pending migrations, under a lock shared by every starting process.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl'> & Partial<Pick<Config, 'statementTimeoutMs' | 'acquireTimeoutMs'>>,
  options: {
    retrySeconds?: number;
    /** Start-up work that must not race other starting processes (first admin, generated secrets). */
    underLock?: (orm: MikroORM) => Promise<void>;
  } = {},
): Promise<MikroORM> {
  const deadline = Date.now() + (options.retrySeconds ?? 60) * 1000;
  let warned = false;
  let flavor: ServerFlavor;
  for (;;) {
    try {
      flavor = await ensureDatabase(config.databaseUrl);
      break;
    } catch (error) {
      const code = (error as { code?: string }).code;
      const unreachable = ['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'PROTOCOL_CONNECTION_LOST'].includes(code ?? '');
      if (!unreachable || Date.now() > deadline) {
        throw new Error(`cannot reach MySQL at ${maskUrl(config.databaseUrl)} (${code ?? (error as Error).message}); ` +
          'start a local server, e.g. `sudo apt-get install -y mariadb-server && sudo service mariadb start`, or set DATABASE_URL');
      }
      if (!warned) {
        logger.warn(`MySQL at ${maskUrl(config.databaseUrl)} is not answering (${code}); retrying for up to ${options.retrySeconds ?? 60}s. ` +
          'Start a local server, e.g. `sudo service mariadb start`, or set DATABASE_URL.');
        warned = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  // One process at a time migrates (N replicas starting together on an empty or outdated
  // database): the others wait for the lock, then find nothing pending. Migrations (long ALTERs
  // on big tables) run on a pool of their own, without the statement cap the app's pool gets.
  await withStartupLock(config.databaseUrl, async () => {
    const orm = await MikroORM.init(ormOptions(config.databaseUrl, flavor));
    try {
      await orm.getMigrator().up();
      await options.underLock?.(orm);
    } finally {
      await orm.close();
    }
  });
  return MikroORM.init(ormOptions(config.databaseUrl, flavor, { statementTimeoutMs: config.statementTimeoutMs, acquireTimeoutMs: config.acquireTimeoutMs }));
}

/** How long a starting process waits for another one's migrations before giving up. */
const STARTUP_LOCK_SECONDS = 300;

/**
 * Runs `work` holding a server-wide named lock (GET_LOCK) for this database, on a connection of
 * its own: a crashed holder's lock goes with its connection, so nobody waits for a dead process.
 */
export async function withStartupLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const connection = await serverConnection(databaseUrl);
  try {
    // Lock names are at most 64 characters and shared by every database on the server.
    const lock = `hms:migrate:${name}`.slice(0, 64);
    const [rows] = await connection.query('SELECT GET_LOCK(?, ?) AS got', [lock, STARTUP_LOCK_SECONDS]);
    if (Number((rows as Array<{ got: number | null }>)[0]?.got) !== 1) {
      throw new Error(`another HMS process held the start-up lock of database "${name}" for over ${STARTUP_LOCK_SECONDS}s`);
    }
    try {
      return await work();
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [lock]).catch(() => {});
    }
  } finally {
    await connection.end().catch(() => {});
  }
}
