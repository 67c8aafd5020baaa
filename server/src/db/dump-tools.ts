// Shared by backup and restore: the database client tools and how to reach the server of a DATABASE_URL.
import { execFileSync } from 'node:child_process';

export interface ConnectionParts {
  host: string;
  port: number;
  user: string;
  password: string;
}

export function connectionOf(databaseUrl: string): ConnectionParts {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  };
}

export function databaseNameOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

/** A database name we are willing to put into SQL and on a command line. */
export function assertDatabaseName(name: string): string {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`"${name}" is not a database name (letters, digits and _ only)`);
  return name;
}

/** Host, port and user for the client tools; the password goes through MYSQL_PWD, never the command line. */
export function connectionArgs(databaseUrl: string): string[] {
  const c = connectionOf(databaseUrl);
  return [`--host=${c.host}`, `--port=${c.port}`, `--user=${c.user}`, '--protocol=tcp'];
}

/** The dump or client program: MariaDB's names first, MySQL's as the fallback. */
export function clientTool(kind: 'dump' | 'client'): string {
  const names = kind === 'dump' ? ['mariadb-dump', 'mysqldump'] : ['mariadb', 'mysql'];
  for (const name of names) {
    try {
      execFileSync(name, ['--version'], { stdio: 'ignore' });
      return name;
    } catch { /* try the next */ }
  }
  throw new Error(`neither ${names.join(' nor ')} is installed (apt-get install mariadb-client)`);
}
