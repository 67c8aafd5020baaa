import type { WebSocket } from 'ws';
import type { AppDeps, Viewer } from '../../context';
import { logger } from '../../logger';
import { checkLiveSessions } from '../live/live.service';

/** graphql-ws's "Unauthorized" close code: its client does not retry on it. */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/**
 * Tells every API process (through the pub/sub: in-process, or Redis when REDIS_URL is set)
 * that this account's sessions may have ended. Call it after the change is committed.
 */
export function publishAccountRevoked(deps: Pick<AppDeps, 'pubsub'>, userId: number): void {
  deps.pubsub.publish('ACCOUNT_REVOKED', { userId });
}

interface OpenSocket {
  socket: WebSocket;
  tokenVersion: number;
}

/**
 * The signed-in WebSockets of this process, by account. On a revocation event it re-reads the
 * account and closes the sockets whose token no longer holds (inactive account, newer token
 * version), after ending their live subscriptions with UNAUTHENTICATED.
 */
export class SocketRegistry {
  private readonly byUser = new Map<number, Set<OpenSocket>>();
  private stopped = false;

  constructor(private readonly deps: Pick<AppDeps, 'orm' | 'pubsub' | 'pubsubHandle'>) {}

  private listening: { stop(): void } | null = null;

  /**
   * Listens from the first tracked socket on: a Redis SUBSCRIBE sent while the link is still
   * connecting at start-up was seen to be lost, and a process without sockets has nothing to close.
   */
  private listen(): void {
    if (this.listening || this.stopped) return;
    const events = this.deps.pubsub.subscribe('ACCOUNT_REVOKED');
    void (async () => {
      for await (const event of events) {
        if (this.byUser.has(event.userId)) await this.recheck([event.userId]);
      }
    })().catch((error: Error) => logger.warn('the revocation listener stopped', { error: error.message }));
    // Events published while Redis was down are lost: look at every open socket once it is back.
    const off = this.deps.pubsubHandle.onReconnect(() => { void this.recheck([...this.byUser.keys()]); });
    this.listening = { stop: () => { off(); void events.return?.(); } };
  }

  stop(): void {
    this.stopped = true;
    this.listening?.stop();
  }

  /** Remembers a socket signed in as `viewer` until it closes. */
  track(viewer: Viewer, socket: WebSocket): void {
    this.listen();
    const entry: OpenSocket = { socket, tokenVersion: viewer.tokenVersion };
    let set = this.byUser.get(viewer.userId);
    if (!set) this.byUser.set(viewer.userId, (set = new Set()));
    set.add(entry);
    socket.once('close', () => {
      set.delete(entry);
      if (set.size === 0 && this.byUser.get(viewer.userId) === set) this.byUser.delete(viewer.userId);
    });
  }

  async recheck(userIds: number[]): Promise<void> {
    if (this.stopped || userIds.length === 0) return;
    try {
      type AccountRow = { id: number; active: number | boolean; token_version: number };
      const rows = (await this.deps.orm.em.getConnection().execute(
        `select id, active, token_version from \`user\` where id in (${userIds.map(() => '?').join(',')})`, userIds)) as AccountRow[];
      const byId = new Map<number, AccountRow>(rows.map((row) => [Number(row.id), row]));
      const ending: WebSocket[] = [];
      for (const userId of userIds) {
        const row = byId.get(userId);
        for (const entry of this.byUser.get(userId) ?? []) {
          if (!row || !row.active || Number(row.token_version) !== entry.tokenVersion) ending.push(entry.socket);
        }
      }
      if (ending.length === 0) return;
      // Subscriptions first, so clients get a GraphQL error they can show, then the sockets.
      await checkLiveSessions(this.deps, userIds);
      setTimeout(() => {
        for (const socket of ending) socket.close(SESSION_ENDED_CLOSE_CODE, 'Your session has ended; sign in again');
      }, 50).unref();
    } catch (error) {
      logger.warn("checking revoked sessions failed", { error: (error as Error).message });
    }
  }
}
