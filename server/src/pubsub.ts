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
}

export interface NotificationAddedEvent {
  recipientUserId: number;
  notificationId: number;
}

/** Every topic and its payload. Payloads are plain JSON so they cross Redis unchanged. */
export type Topics = {
  SCHEDULE_CHANGED: [ScheduleChangedEvent];
  NOTIFICATION_ADDED: [NotificationAddedEvent];
};

export type HmsPubSub = PubSub<Topics>;

export interface PubSubHandle {
  pubsub: HmsPubSub;
  /** Called with true when the Redis link comes back after a drop (subscribers catch up from the outbox). */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/** In-process pub/sub, or Redis pub/sub when `redisUrl` is set so several API processes share events. */
export function createPubSubHandle(redisUrl: string | undefined): PubSubHandle {
  if (!redisUrl) {
    return { pubsub: createPubSub<Topics>(), onReconnect() {}, async close() {} };
  }
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  const listeners: Array<() => void> = [];
  let down = false;
  for (const [name, client] of [['publish', publishClient], ['subscribe', subscribeClient]] as const) {
    client.on('error', (error: Error) => {
      if (!down) logger.warn(`Redis (${name}) at ${maskUrl(redisUrl)} is unreachable: ${error.message}; live events pause, queries and mutations go on`);
      down = true;
    });
    client.on('ready', () => {
      if (down) {
        down = false;
        logger.info(`Redis (${name}) at ${maskUrl(redisUrl)} is back; subscribers catch up from the outbox`);
        for (const listener of listeners) listener();
      }
    });
  }
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<Topics>({ eventTarget }),
    onReconnect(listener) { listeners.push(listener); },
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
