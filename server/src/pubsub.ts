import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';
import { maskUrl } from './config';
import { logger } from './logger';

/** A committed change to one doctor's schedule; `cursor` is the outbox row id. */
export interface ScheduleChangedEvent {
  cursor: string;
  doctorId: number;
  appointmentId: number;
  kind: string;
  previousStartsAt: string | null;
  /** The appointment's slot and status right after the change (no patient data: slot watchers see these). */
  startsAt?: string;
  endsAt?: string;
  status?: string;
  /** When it was published, right after the commit (ISO); replayed events use the outbox row's time. */
  occurredAt?: string;
}

export interface NotificationAddedEvent {
  recipientUserId: number;
  notificationId: number;
}

/** An account's sessions ended (deactivated, password changed, signed out everywhere): every process closes its sockets. */
export interface AccountRevokedEvent {
  userId: number;
}

/** A lobby display token was rotated or revoked: every process ends the screens that used it. */
export interface DisplayTokenRevokedEvent {
  displayTokenId: number;
}

/** Every topic and its payload. Payloads are plain JSON so they cross Redis unchanged. */
export type Topics = {
  SCHEDULE_CHANGED: [ScheduleChangedEvent];
  NOTIFICATION_ADDED: [NotificationAddedEvent];
  ACCOUNT_REVOKED: [AccountRevokedEvent];
  DISPLAY_TOKEN_REVOKED: [DisplayTokenRevokedEvent];
};

export type HmsPubSub = PubSub<Topics>;

export interface PubSubHandle {
  pubsub: HmsPubSub;
  /**
   * Called when the Redis subscription link comes back after a drop (subscribers catch up from the
   * outbox). Returns a function that removes the listener.
   */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
  /** With Redis: the connection names of the publish and subscribe links (as in `CLIENT LIST`). */
  redisConnectionNames?: { publish: string; subscribe: string };
  /** With Redis: the command link, for the relay (confirmed publishes, its lock). */
  redis?: Redis;
  /** False while the fan-out (Redis) cannot be reached from this process; always true without Redis. */
  readonly up: boolean;
  /** Called whenever `up` changes; returns a function that removes the listener. */
  onStatus(listener: (up: boolean) => void): () => void;
  /** The Redis channel of a topic: `<prefix>:<topic>` (config.redisPrefix), for publishers outside the pub/sub (the relay). */
  channel(topic: keyof Topics): string;
}

/**
 * In-process pub/sub, or Redis pub/sub when `redisUrl` is set so several API processes share events.
 * With Redis every channel is `<prefix>:<topic>`: processes of another database (another hospital,
 * another test run) on the same Redis never receive these events, nor send theirs here.
 */
export function createPubSubHandle(redisUrl: string | undefined, prefix = 'hms'): PubSubHandle {
  const channel = (topic: string) => `${prefix}:${topic}`;
  if (!redisUrl) {
    return { pubsub: createPubSub<Topics>(), onReconnect: () => () => {}, async close() {}, up: true, onStatus: () => () => {}, channel };
  }
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false };
  // Named, so `CLIENT LIST` on the Redis server shows which API process holds which link.
  const tag = `hms-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const publishClient = new Redis(redisUrl, { ...options, connectionName: `${tag}-pub` });
  const subscribeClient = new Redis(redisUrl, { ...options, connectionName: `${tag}-sub` });
  const listeners = new Set<() => void>();
  const statusListeners = new Set<(up: boolean) => void>();
  let closing = false;
  // Up once both links are ready; down as soon as either drops.
  const linkDown = { publish: true, subscribe: true };
  let up = false;
  const updateStatus = () => {
    const now = !linkDown.publish && !linkDown.subscribe;
    if (now === up || closing) return;
    up = now;
    for (const listener of [...statusListeners]) listener(up);
  };
  for (const [name, client] of [['publish', publishClient], ['subscribe', subscribeClient]] as const) {
    let down = false;
    client.on('error', (error: Error) => {
      if (!down) logger.warn(`Redis (${name}) at ${maskUrl(redisUrl)} is unreachable: ${error.message}; live events pause, queries and mutations go on`);
      down = true;
      linkDown[name] = true;
      updateStatus();
    });
    // A connection the server closed (restart, CLIENT KILL) ends without an 'error'.
    client.on('close', () => {
      linkDown[name] = true;
      updateStatus();
      if (closing || down) return;
      logger.warn(`Redis (${name}) at ${maskUrl(redisUrl)} closed the connection; reconnecting, live events pause`);
      down = true;
    });
    client.on('ready', () => {
      linkDown[name] = false;
      updateStatus();
      if (!down) return;
      down = false;
      logger.info(`Redis (${name}) at ${maskUrl(redisUrl)} is back${name === 'subscribe' ? '; subscribers catch up from the outbox' : ''}`);
      // Only the subscribing link decides whether events may have been missed.
      if (name === 'subscribe') for (const listener of [...listeners]) listener();
    });
  }
  // A publish that fails (Redis gone for good, client closing) is logged, never an unhandled rejection:
  // the change is committed and in the outbox, and subscribers catch up from there.
  const safePublisher = {
    publish(topic: string, message: string) {
      return publishClient.publish(channel(topic), message).catch((error: Error) => {
        logger.warn(`Redis publish on ${channel(topic)} failed: ${error.message}; subscribers catch up from the outbox`);
        return 0;
      });
    },
  } as unknown as Redis;
  // The event target speaks in topics; Redis sees only the prefixed channels.
  const head = `${prefix}:`;
  const prefixedSubscriber = {
    subscribe: (topic: string) => subscribeClient.subscribe(channel(topic)),
    unsubscribe: (topic: string) => subscribeClient.unsubscribe(channel(topic)),
    on(event: 'message', listener: (topic: string, message: string) => void) {
      subscribeClient.on(event, (name: string, message: string) => {
        if (name.startsWith(head)) listener(name.slice(head.length), message);
      });
      return prefixedSubscriber;
    },
  } as unknown as Redis;
  const eventTarget = createRedisEventTarget({ publishClient: safePublisher, subscribeClient: prefixedSubscriber });
  return {
    pubsub: createPubSub<Topics>({ eventTarget }),
    redisConnectionNames: { publish: `${tag}-pub`, subscribe: `${tag}-sub` },
    redis: publishClient,
    channel,
    get up() {
      return up;
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => { statusListeners.delete(listener); };
    },
    onReconnect(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    async close() {
      closing = true;
      listeners.clear();
      statusListeners.clear();
      subscribeClient.disconnect();
      // QUIT is answered after every publish queued before it: post-commit events still go out.
      // Redis being down must not hold shutdown, though.
      await Promise.race([publishClient.quit().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      publishClient.disconnect();
    },
  };
}
