import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

// What a proxy or client may name a request with: short and free of anything a log or SQL column would choke on.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's X-Request-Id when it is at most 64 safe characters, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
