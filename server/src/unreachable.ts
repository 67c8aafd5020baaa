// No imports: errors.ts and outage.ts both use it.

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'ER_SOCKET_UNEXPECTED_CLOSE', 'ER_CONNECTION_TIMEOUT', 'ER_GET_CONNECTION_TIMEOUT',
  'ER_CONNECTION_ALREADY_CLOSED', 'ER_CMD_CONNECTION_CLOSED', 'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR',
]);
const UNREACHABLE_MESSAGE = /Timeout acquiring a connection|socket has unexpectedly been closed|Connection lost|connect ECONNREFUSED|Cannot add new command when connection is closed|ECONNRESET|server has gone away/i;

/**
 * True when `error` (or what it wraps) says the database could not be reached, as opposed to a
 * query it refused: SQLSTATE class 08 (connection exception), socket errors, pool timeouts.
 */
export function isUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6 && !seen.has(current); depth++) {
    seen.add(current);
    const e = current as { code?: unknown; sqlState?: unknown; message?: unknown; name?: unknown; cause?: unknown; previous?: unknown; originalError?: unknown };
    if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
    if (typeof e.sqlState === 'string' && e.sqlState.startsWith('08')) return true;
    if (e.name === 'KnexTimeoutError') return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGE.test(e.message)) return true;
    current = e.originalError ?? e.previous ?? e.cause;
  }
  return false;
}
