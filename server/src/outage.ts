import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { logger } from './logger';
import { isUnreachable } from './unreachable';

export { isUnreachable };

/** What a client is told to wait before retrying while a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A WebSocket connection_init that needs the database while it is down is closed with 1013 (RFC 6455
 * "Try Again Later"; graphql-ws clients reconnect after it, unlike its 4500) and this reason.
 * A subscribe on an open socket gets an `error` frame with SERVICE_UNAVAILABLE instead.
 */
export const WS_UNAVAILABLE_CLOSE_CODE = 1013;
export const WS_UNAVAILABLE_CLOSE_REASON = `SERVICE_UNAVAILABLE: the hospital system is briefly unavailable; retry in ${RETRY_AFTER_SECONDS} s`;

/**
 * One warning when the database becomes unreachable and one line when it is back, with how many
 * requests were told SERVICE_UNAVAILABLE meanwhile: not a stack per request. While down, it probes
 * once a second, so recovery is logged even when no request comes.
 */
export class OutageMonitor {
  private down: { since: number; count: number; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly what: string, private readonly probe: () => Promise<unknown>) {}

  get isDown(): boolean {
    return this.down !== null;
  }

  /** A request failed because the dependency is unreachable. */
  failed(error: unknown): void {
    if (this.down) {
      this.down.count += 1;
      return;
    }
    const reason = describe(error);
    logger.warn(`the ${this.what} is unreachable (${reason}); answering SERVICE_UNAVAILABLE until it is back`);
    const timer = setInterval(() => { void this.check(); }, 1000);
    timer.unref();
    this.down = { since: Date.now(), count: 1, timer };
  }

  private async check(): Promise<void> {
    const down = this.down;
    if (!down) return;
    try {
      await this.probe();
    } catch {
      return;
    }
    if (this.down !== down) return;
    clearInterval(down.timer);
    this.down = null;
    logger.info(`the ${this.what} is reachable again after ${((Date.now() - down.since) / 1000).toFixed(1)}s; ` +
      `${down.count} requests were answered SERVICE_UNAVAILABLE meanwhile`);
  }

  stop(): void {
    if (this.down) clearInterval(this.down.timer);
    this.down = null;
  }
}

function describe(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e && typeof e.code === 'string') return e.code;
  const originals = error instanceof GraphQLError ? error.originalError : error;
  const message = (originals as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message.split('\n')[0].slice(0, 120) : 'unknown error';
}

/**
 * Apollo plugin: each request that met an unreachable database is counted once by the monitor.
 * The HTTP status (503) and Retry-After come from http-status.ts, the one code -> status mapping;
 * formatError turns the errors themselves into the contract code.
 */
export function outageCountPlugin(monitor: OutageMonitor): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          const unreachable = errors.find((error) => isUnreachable(error));
          if (unreachable) monitor.failed(unreachable.originalError ?? unreachable);
        },
      };
    },
  };
}
