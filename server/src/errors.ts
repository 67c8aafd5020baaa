import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { retryHttpExtension } from './http-status';
import { logger } from './logger';
import { isUnreachable } from './unreachable';

/** The contract's error codes (API-CONTRACT.md, "Errors"). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'ACCOUNT_LOCKED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'SLOT_UNAVAILABLE'
  | 'INVALID_TRANSITION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE';

/** Base of every error a client may see; anything else is masked by `formatError`. */
export class HmsError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class UnauthenticatedError extends HmsError {
  constructor(message = 'Sign in first', extra: Record<string, unknown> = {}) { super('UNAUTHENTICATED', message, extra); }
}
export class AccountLockedError extends HmsError {
  constructor(retryAfterSeconds: number) {
    super('ACCOUNT_LOCKED', 'Too many failed sign-ins; try again later', { retryAfterSeconds });
  }
}
export class ForbiddenError extends HmsError {
  constructor(message = 'You may not do this') { super('FORBIDDEN', message); }
}
/** `fields` maps each bad input field to a message, for forms. */
export class BadInputError extends HmsError {
  constructor(message: string, fields?: Record<string, string>) {
    super('BAD_USER_INPUT', message, fields ? { fields } : {});
  }
}
export class NotFoundError extends HmsError {
  constructor(what = 'Item') { super('NOT_FOUND', `${what} not found`); }
}
export class SlotUnavailableError extends HmsError {
  constructor(message = 'This slot is not available') { super('SLOT_UNAVAILABLE', message); }
}
export class InvalidTransitionError extends HmsError {
  constructor(message: string) { super('INVALID_TRANSITION', message); }
}
export class ConflictError extends HmsError {
  constructor(message: string, fields?: Record<string, string>) {
    super('CONFLICT', message, fields ? { fields } : {});
  }
}

/** Too many requests from this client, account or API key; HTTP 429. */
export class RateLimitedError extends HmsError {
  constructor(retryAfterSeconds: number, message = 'Too many requests; try again later') {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super('RATE_LIMITED', message, { retryAfterSeconds: seconds, http: retryHttpExtension('RATE_LIMITED', seconds) });
  }
}
/** The database (or another dependency) cannot be reached; HTTP 503, safe to retry. */
export class ServiceUnavailableError extends HmsError {
  constructor(retryAfterSeconds = 5, message = 'The hospital system is briefly unavailable; try again shortly') {
    super('SERVICE_UNAVAILABLE', message, { retryAfterSeconds, http: retryHttpExtension('SERVICE_UNAVAILABLE', retryAfterSeconds) });
  }
}

/** No pooled connection came free in time, or a statement ran past its cap. */
export class DatabaseBusyError extends ServiceUnavailableError {
  constructor() { super(2, 'The hospital system is busy; try again shortly'); }
}

/**
 * The one place that decides what a client sees of an error: contract errors
 * pass through, GraphQL validation errors become BAD_USER_INPUT, everything
 * else becomes a generic message logged with an id (never a stack or SQL).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrap(error);
  if (original instanceof HmsError) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: clientExtensions(original) };
  }
  // The database (or the pool) could not be reached: safe to retry, not a bug; counted and logged
  // once per outage by outage.ts, never a stack per request.
  if (isUnreachable(original)) {
    const unavailable = new ServiceUnavailableError();
    return { message: unavailable.message, path: formatted.path, extensions: clientExtensions(unavailable) };
  }
  if (isDatabaseBusy(original)) {
    logger.warn(`database busy at ${formatted.path?.join('.') ?? '-'}: ${(original as Error).message}`);
    const busy = new DatabaseBusyError();
    return { message: busy.message, path: formatted.path, extensions: clientExtensions(busy) };
  }
  // Automatic persisted queries: clients (Apollo's link) resend the full query on this code.
  const apq = formatted.extensions?.code;
  if (apq === 'PERSISTED_QUERY_NOT_FOUND' || apq === 'PERSISTED_QUERY_HASH_MISMATCH') {
    return { message: formatted.message, extensions: { code: apq } };
  }
  // graphql-js's own parse, validation and variable-coercion errors carry no original error.
  if (original instanceof GraphQLError) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const errorId = randomUUID();
  logger.error(`unexpected error ${errorId} at ${formatted.path?.join('.') ?? '-'}`, original);
  return { message: `Internal error (id ${errorId})`, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } };
}

/** What a client sees of a contract error's extensions: `http` (status and headers for Apollo) stays on the server. */
export function clientExtensions(error: HmsError): Record<string, unknown> {
  const { http: _http, ...extensions } = error.extensions;
  return extensions;
}

/** graphql-js's "Did you mean ...?" names fields and types of the schema: cut where the schema is hidden. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*\?\s*$/s, '');
}

/** The pool had no free connection in time, or a statement ran past its cap: safe to retry later. */
export function isDatabaseBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const errno = (error as { errno?: number }).errno;
  // MikroORM wraps driver errors (DriverException) but keeps their message and errno.
  return error.name === 'KnexTimeoutError' || errno === 1969 || errno === 3024
    || /Timeout acquiring a connection|max_statement_time exceeded|maximum statement execution time exceeded/i.test(error.message);
}

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) {
    current = current.originalError;
  }
  return current;
}
