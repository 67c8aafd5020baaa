import type { FilterQuery } from '@mikro-orm/core';
import { Repeater } from '@graphql-yoga/subscription';
import { z } from 'zod';
import type { AppDeps, Context } from '../../context';
import { requireViewer } from '../../auth';
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors';
import { logger } from '../../logger';
import type { HmsPubSub, NotificationAddedEvent, ScheduleChangedEvent, Topics } from '../../pubsub';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/pagination';
import { Doctor } from '../directory/doctor.entity';
import { Role } from '../identity/user.entity';
import { ACTIVE_STATUSES, Appointment, type AppointmentStatus } from '../scheduling/appointment.entity';
import { LiveStatus, NotificationPage, ScheduleChange, type ScheduleChangeKindEnum, SlotChange } from './live.types';
import { Notification } from './notification.entity';
import { OutboxEvent, SCHEDULE_KINDS } from './outbox-event.entity';
import { cachedAppointment } from './delivery-cache';
import { configureScheduleEvents } from './schedule-events';
import { OUTBOX_COLUMNS, outboxRowToEvent, SCHEDULE_KIND_SQL, startRelay } from './relay';
import { signalLiveReady } from '../../test-hooks';
import { clock } from '../../clock';

/** Outbox rows older than this are deleted; a client away longer reloads its day instead of catching up. */
export const OUTBOX_RETENTION_DAYS = 7;
/** Read notifications older than this are deleted. */
export const NOTIFICATION_READ_RETENTION_DAYS = 90;
/** Any notification, read or not, older than this is deleted. */
export const NOTIFICATION_RETENTION_DAYS = 365;
const PRUNE_BATCH = 5000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const BACKLOG_BATCH = 500;
const PRUNED_THROUGH = 'live.outbox_pruned_through';

/**
 * Started by createApp: notification time zone, hourly outbox and notification pruning, the outbox
 * relay (with Redis). `stop` on close, after the last request: the relay publishes what they committed.
 */
export function startLive(deps: AppDeps): { stop(): Promise<void> } {
  configureScheduleEvents(deps.orm.em.getEventManager(), { timezone: deps.config.timezone });
  const relay = startRelay(deps);
  const prune = async () => {
    await pruneOutbox(deps).catch((error: Error) => logger.warn('pruning the outbox failed', { error: error.message }));
    await pruneNotifications(deps).catch((error: Error) => logger.warn('pruning notifications failed', { error: error.message }));
  };
  // Off in tests (HMS_BACKGROUND_JOBS=off): a prune at a random moment would change their counts.
  // The relay is delivery, not housekeeping: it runs either way.
  if (!deps.config.backgroundJobs) return { async stop() { await relay?.stop(); } };
  const first = setTimeout(() => { void prune(); }, 5_000);
  const timer = setInterval(() => { void prune(); }, PRUNE_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await relay?.stop();
    },
  };
}

/** Deletes outbox rows past the retention period, in bounded batches. Returns how many went. */
export async function pruneOutbox(deps: Pick<AppDeps, 'orm'>, retentionDays = OUTBOX_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(clock.nowMs() - retentionDays * 24 * 3600 * 1000);
  const connection = deps.orm.em.getConnection();
  // Remembered so a resubscription with a cursor from before it is told to reload instead of
  // silently missing what was deleted.
  const [{ through }] = await connection.execute<Array<{ through: string | number | null }>>(
    'select max(id) as through from outbox_event where created_at < ?',
    [cutoff],
  );
  if (through == null) return 0;
  await connection.execute(
    'insert into system_setting (name, value) values (?, ?) ' +
      'on duplicate key update value = if(cast(value as unsigned) < cast(? as unsigned), ?, value)',
    [PRUNED_THROUGH, String(through), String(through), String(through)],
  );
  let total = 0;
  for (;;) {
    const result = await connection.execute<{ affectedRows: number }>(
      `delete from outbox_event where id <= ? order by id limit ${PRUNE_BATCH}`,
      [through],
      'run',
    );
    total += result.affectedRows;
    if (result.affectedRows < PRUNE_BATCH) break;
  }
  if (total > 0) logger.info(`pruned ${total} outbox events older than ${retentionDays} days`);
  return total;
}

/**
 * Deletes read notifications older than `readRetentionDays` and any older than `retentionDays`,
 * in bounded batches. Returns how many went.
 */
export async function pruneNotifications(
  deps: Pick<AppDeps, 'orm'>,
  readRetentionDays = NOTIFICATION_READ_RETENTION_DAYS,
  retentionDays = NOTIFICATION_RETENTION_DAYS,
): Promise<number> {
  const readCutoff = new Date(clock.nowMs() - readRetentionDays * 24 * 3600 * 1000);
  const cutoff = new Date(clock.nowMs() - retentionDays * 24 * 3600 * 1000);
  const condition = 'created_at < ? and (read_at is not null or created_at < ?)';
  const connection = deps.orm.em.getConnection();
  let total = 0;
  let after = 0;
  for (;;) {
    // created_at has no index: the ids come from a plain (non-locking) read, then the delete goes by
    // primary key, so the scan never locks the rows that bookings insert or users mark read.
    const rows = await connection.execute<Array<{ id: number }>>(
      `select id from notification where id > ? and ${condition} order by id limit ${PRUNE_BATCH}`,
      [after, readCutoff, cutoff],
    );
    if (rows.length === 0) break;
    const ids = rows.map((row: { id: number }) => Number(row.id));
    const result = await connection.execute<{ affectedRows: number }>(
      `delete from notification where id in (${ids.map(() => '?').join(', ')}) and ${condition}`,
      [...ids, readCutoff, cutoff],
      'run',
    );
    total += result.affectedRows;
    after = ids[ids.length - 1];
    if (rows.length < PRUNE_BATCH) break;
  }
  if (total > 0) {
    logger.info(`pruned ${total} notifications (read and older than ${readRetentionDays} days, or older than ${retentionDays} days)`);
  }
  return total;
}

const idSchema = z.string().regex(/^[1-9][0-9]{0,9}$/);
const cursorSchema = z.string().regex(/^(0|[1-9][0-9]{0,18})$/);

function parseIdArg(value: string, field: string): number {
  if (!idSchema.safeParse(value).success) throw new BadInputError(`${field} is not a valid id`, { [field]: 'Not a valid id' });
  return Number(value);
}

/** Remembers the last N delivered cursors, so a replayed or re-published event is sent once. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly limit = 5000) {}
  has(id: string): boolean {
    return this.ids.has(id);
  }
  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as string);
  }
}

function toEvent(row: OutboxEvent): ScheduleChangedEvent {
  return outboxRowToEvent({
    id: row.id, doctor_id: row.doctorId, appointment_id: row.appointmentId, kind: row.kind, previous_starts_at: row.previousStartsAt ?? null,
    starts_at: row.startsAt ?? null, ends_at: row.endsAt ?? null, status: row.status ?? null, created_at: row.createdAt,
  });
}

/** One load per event per process (see delivery-cache.ts), with a fresh fork. */
function loadAppointmentForEvent(deps: AppDeps, event: ScheduleChangedEvent): Promise<Appointment | null> {
  return cachedAppointment(event.cursor, () => deps.orm.em.fork().findOne(Appointment, event.appointmentId, { populate: ['patient', 'doctor'] }));
}


type Listener<T> = (event: T) => void;
type HubEvent<K extends 'SCHEDULE_CHANGED' | 'NOTIFICATION_ADDED'> = Topics[K][0];

interface HubSource<K extends 'SCHEDULE_CHANGED' | 'NOTIFICATION_ADDED'> {
  keyOf(event: HubEvent<K>): number;
  /** The event's id in its table (outbox cursor, notification id): repeats are dropped by it. */
  idOf(event: HubEvent<K>): bigint;
  /** The newest id committed now. */
  newest(): Promise<bigint>;
  /** Committed events after `after` for these keys, in id order (a catch-up after Redis dropped). */
  since(keys: number[], after: bigint): Promise<Array<HubEvent<K>>>;
}

/**
 * One pub/sub subscription per topic per process, fanned out to local listeners by key
 * (doctor id, user id): a thousand sockets cost one Redis channel and one dispatch loop,
 * not a thousand. The subscription is dropped when the last listener goes.
 *
 * Each event id is dispatched once (the relay may publish one again). When the Redis link
 * drops and returns, the rows committed since the last event seen before the drop are read
 * from the database and dispatched too: whatever was published while this process was not
 * (yet) subscribed again is not lost.
 */
class TopicHub<K extends 'SCHEDULE_CHANGED' | 'NOTIFICATION_ADDED'> {
  private readonly listeners = new Map<number, Set<Listener<HubEvent<K>>>>();
  private readonly seen = new RecentIds(10_000);
  private count = 0;
  private live: { return?: () => unknown } | null = null;
  private maxSeen: bigint | null = null;
  private resumeFrom: bigint | null = null;

  constructor(private readonly pubsub: HmsPubSub, private readonly topic: K, private readonly source: HubSource<K>, handle: AppDeps['pubsubHandle']) {
    handle.onStatus((up) => {
      if (!up && this.resumeFrom === null) this.resumeFrom = this.maxSeen;
    });
    handle.onReconnect(() => {
      const from = this.resumeFrom ?? this.maxSeen;
      if (this.listeners.size > 0) logger.info('catching live subscribers up from the outbox after Redis came back', { topic: this.topic });
      // Now, and once more when the renewed SUBSCRIBE is surely active.
      void this.catchUp(from);
      setTimeout(() => {
        void this.catchUp(from).finally(() => { this.resumeFrom = null; });
      }, 1000).unref();
    });
  }

  /** True right after the pub/sub subscription was (re)made: with Redis it takes a moment to be active. */
  get warmingUp(): boolean {
    return Date.now() - this.startedAt < 1000;
  }

  private startedAt = 0;

  /** Listens from now on; returns the function that stops. */
  listen(key: number, listener: Listener<HubEvent<K>>): () => void {
    if (!this.live) this.start();
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    this.count += 1;
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
      this.count -= 1;
      if (this.count === 0) this.stop();
    };
  }

  private dispatch(event: HubEvent<K>): void {
    const id = this.source.idOf(event);
    const key = String(id);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.maxSeen === null || id > this.maxSeen) this.maxSeen = id;
    const set = this.listeners.get(this.source.keyOf(event));
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch (error) {
        logger.warn('a live listener failed', { topic: this.topic, error: (error as Error).message });
      }
    }
  }

  private async catchUp(from: bigint | null): Promise<void> {
    if (from === null || this.listeners.size === 0) return;
    try {
      const keys = [...this.listeners.keys()];
      for (let i = 0; i < keys.length; i += 1000) {
        for (const event of await this.source.since(keys.slice(i, i + 1000), from)) this.dispatch(event);
      }
    } catch (error) {
      logger.warn('catching live subscribers up failed', { topic: this.topic, error: (error as Error).message });
    }
  }

  private start(): void {
    const live = (this.pubsub.subscribe as (topic: K) => AsyncIterableIterator<HubEvent<K>>)(this.topic);
    this.live = live;
    this.startedAt = Date.now();
    if (this.maxSeen === null) {
      this.source.newest().then((newest) => {
        if (this.maxSeen === null || newest > this.maxSeen) this.maxSeen = newest;
      }, () => {});
    }
    void (async () => {
      for await (const event of live) this.dispatch(event);
    })().catch((error: Error) => logger.warn('live topic loop ended', { topic: this.topic, error: error.message }));
  }

  private stop(): void {
    const live = this.live;
    this.live = null;
    void live?.return?.();
  }
}

const hubs = new WeakMap<HmsPubSub, { schedule: TopicHub<'SCHEDULE_CHANGED'>; notifications: TopicHub<'NOTIFICATION_ADDED'> }>();

function hubsOf(deps: AppDeps) {
  let found = hubs.get(deps.pubsub);
  if (!found) {
    const connection = () => deps.orm.em.getConnection();
    const newest = async (table: string) => {
      const rows = await connection().execute<Array<{ newest: string | number | null }>>(`select max(id) as newest from ${table}`);
      return BigInt(rows[0]?.newest ?? 0);
    };
    found = {
      schedule: new TopicHub(deps.pubsub, 'SCHEDULE_CHANGED', {
        keyOf: (event) => event.doctorId,
        idOf: (event) => BigInt(event.cursor),
        newest: () => newest('outbox_event'),
        since: async (keys, after) => {
          const rows = await connection().execute(
            `select ${OUTBOX_COLUMNS} from outbox_event where id > ? and ${SCHEDULE_KIND_SQL} and doctor_id in (${keys.map(() => '?').join(',')}) order by id limit 5000`,
            [String(after), ...keys],
          );
          return (rows as Parameters<typeof outboxRowToEvent>[0][]).map(outboxRowToEvent);
        },
      }, deps.pubsubHandle),
      notifications: new TopicHub(deps.pubsub, 'NOTIFICATION_ADDED', {
        keyOf: (event) => event.recipientUserId,
        idOf: (event) => BigInt(event.notificationId),
        newest: () => newest('notification'),
        since: async (keys, after) => {
          const rows = await connection().execute<Array<{ id: number; recipient_id: number }>>(
            `select id, recipient_id from notification where id > ? and recipient_id in (${keys.map(() => '?').join(',')}) order by id limit 5000`,
            [String(after), ...keys],
          );
          return rows.map((row: { id: number; recipient_id: number }) => ({ notificationId: Number(row.id), recipientUserId: Number(row.recipient_id) }));
        },
      }, deps.pubsubHandle),
    };
    hubs.set(deps.pubsub, found);
  }
  return found;
}

/** A push that never throws: a consumer that stopped reading (or fell 1,024 events behind) just misses out. */
function pushSafely<T>(push: (value: T) => Promise<unknown>, value: T): void {
  try {
    push(value).catch(() => {});
  } catch (error) {
    logger.warn('a live subscriber is too far behind; dropping an event for it', { error: (error as Error).message });
  }
}

/**
 * Live subscriptions outlive the token check at subscribe time. When an account's sessions end
 * (a changed password, "sign out everywhere", a deactivated account) identity publishes a
 * revocation on the pub/sub and every process re-reads that account here: its subscriptions
 * end with UNAUTHENTICATED and its sockets close (identity/revocation.ts). No polling.
 */
interface Watched {
  tokenVersion: number;
  end: (error: Error) => void;
}

class SessionWatch {
  private readonly byUser = new Map<number, Set<Watched>>();

  constructor(private readonly orm: AppDeps['orm']) {}

  /** Registers a subscription of `userId` (signed in with the account's current token version). */
  async watch(userId: number, end: (error: Error) => void): Promise<() => void> {
    const rows = await this.orm.em.getConnection().execute<Array<{ token_version: number }>>('select token_version from `user` where id = ?', [userId]);
    const watched: Watched = { tokenVersion: Number(rows[0]?.token_version ?? -1), end };
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(watched);
    return () => {
      set.delete(watched);
      if (set.size === 0) this.byUser.delete(userId);
    };
  }

  /** Ends the subscriptions of these accounts (all watched ones when omitted) whose session ended. */
  async check(userIds?: number[]): Promise<void> {
    const ids = (userIds ?? [...this.byUser.keys()]).filter((id) => this.byUser.has(id));
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      try {
        type AccountRow = { id: number; active: number | boolean; token_version: number };
        const rows = (await this.orm.em.getConnection().execute(
          `select id, active, token_version from \`user\` where id in (${chunk.map(() => '?').join(',')})`,
          chunk,
        )) as AccountRow[];
        const byId = new Map<number, AccountRow>(rows.map((row) => [Number(row.id), row]));
        for (const userId of chunk) {
          const row = byId.get(userId);
          for (const watched of [...(this.byUser.get(userId) ?? [])]) {
            if (!row || !row.active || Number(row.token_version) !== watched.tokenVersion) {
              watched.end(new UnauthenticatedError('Your session has ended; sign in again'));
            }
          }
        }
      } catch (error) {
        logger.warn('checking live subscribers\' sessions failed', { error: (error as Error).message });
      }
    }
  }
}

const sessionWatches = new WeakMap<AppDeps['orm'], SessionWatch>();

function sessionWatchOf(deps: Pick<AppDeps, 'orm'>): SessionWatch {
  let found = sessionWatches.get(deps.orm);
  if (!found) sessionWatches.set(deps.orm, (found = new SessionWatch(deps.orm)));
  return found;
}

/** Ends the live subscriptions of these accounts (or all) whose session ended; run on each revocation event. */
export function checkLiveSessions(deps: Pick<AppDeps, 'orm'>, userIds?: number[]): Promise<void> {
  return sessionWatchOf(deps).check(userIds);
}

export class LiveService {
  constructor(private readonly ctx: Context) {}

  /** Checks in `subscribe`, before any event: the doctor themself or an admin. */
  async authorizeDoctorStream(doctorIdArg: string, after: string | null | undefined): Promise<{ doctorId: number; after: bigint | null }> {
    const viewer = requireViewer(this.ctx);
    const doctorId = parseIdArg(doctorIdArg, 'doctorId');
    if (after != null && !cursorSchema.safeParse(after).success) {
      throw new BadInputError('after is not a cursor of this stream', { after: 'Pass a cursor received from doctorScheduleChanged' });
    }
    if (viewer.role === Role.DOCTOR) {
      if (viewer.doctorId !== doctorId) throw new ForbiddenError('You may follow only your own schedule');
    } else if (viewer.role !== Role.ADMIN) {
      throw new ForbiddenError('Only the doctor or an admin may follow this schedule');
    } else if (!(await this.ctx.em.count(Doctor, { id: doctorId }))) {
      throw new NotFoundError('Doctor');
    }
    if (after != null) {
      const rows = await this.ctx.em.getConnection().execute<Array<{ value: string }>>('select value from system_setting where name = ?', [PRUNED_THROUGH]);
      if (rows[0] && BigInt(after) < BigInt(rows[0].value)) {
        throw new BadInputError(
          `This cursor is older than the ${OUTBOX_RETENTION_DAYS} days of kept changes; reload the schedule and subscribe without after`,
          { after: 'Expired cursor' },
        );
      }
    }
    return { doctorId, after: after != null ? BigInt(after) : null };
  }

  /**
   * The doctor's events: with `after`, first the outbox rows after it (in order), then
   * live ones; each cursor once. The live feed is subscribed FIRST and everything goes
   * through one queue, so an event committed while the backlog is read is not lost: it
   * is either in the backlog or queued behind it (and then skipped as already sent).
   * When Redis comes back after a drop, the topic hub reads the outbox from the last event it saw.
   */
  doctorStream(doctorId: number, after: bigint | null): AsyncIterable<ScheduleChangedEvent> {
    const { deps } = this.ctx;
    const viewer = requireViewer(this.ctx);
    return new Repeater<ScheduleChangedEvent>(async (push, stop) => {
      const unwatch = await sessionWatchOf(deps).watch(viewer.userId, (error) => stop(error));
      const sent = new RecentIds();
      let last: bigint = after ?? 0n;
      let queue: Promise<void> = Promise.resolve();
      let stopped = false;
      const enqueue = (task: () => Promise<void>) => {
        queue = queue.then(task).catch((error: Error) => {
          logger.warn('schedule stream failed', { doctorId, error: error.message });
          stop(error);
        });
      };
      // Live events first (queued behind the backlog read), so none falls between the two.
      const hub = hubsOf(deps).schedule;
      const unlisten = hub.listen(doctorId, (event) => enqueue(() => deliver(event)));
      const deliver = async (event: ScheduleChangedEvent) => {
        if (stopped || sent.has(event.cursor)) return;
        const id = BigInt(event.cursor);
        // Older than the cursor the client resumed from: it had it already.
        if (after !== null && id <= after) return;
        sent.add(event.cursor);
        if (id > last) last = id;
        await push(event);
      };
      const catchUp = () => enqueue(async () => {
        for (;;) {
          const rows = await deps.orm.em.fork().find(
            OutboxEvent,
            { doctorId, id: { $gt: String(last) }, kind: { $in: [...SCHEDULE_KINDS] } } as FilterQuery<OutboxEvent>,
            { orderBy: { id: 'asc' }, limit: BACKLOG_BATCH },
          );
          for (const row of rows) await deliver(toEvent(row));
          if (rows.length < BACKLOG_BATCH || stopped) break;
        }
      });
      // The Redis SUBSCRIBE of a topic's first listener is not instant: read the outbox once more
      // when it surely is, for anything committed in between (duplicates are skipped).
      const warmUp = hub.warmingUp ? setTimeout(() => {
        catchUp();
        enqueue(async () => signalLiveReady('doctorScheduleChanged', doctorId));
      }, 1000) : null;
      // After a Redis drop the topic hub reads the outbox for every listener (TopicHub.catchUp, now
      // and once the renewed SUBSCRIBE is surely active); its events come through `deliver` like live ones.
      if (after !== null) catchUp();
      else {
        // A fresh subscriber starts at "now": a later catch-up (Redis came back) reads only what follows.
        enqueue(async () => {
          const rows = await deps.orm.em.getConnection().execute<Array<{ last: string | number | null }>>(
            'select max(id) as last from outbox_event where doctor_id = ?',
            [doctorId],
          );
          const now = BigInt(rows[0]?.last ?? 0);
          if (now > last) last = now;
        });
      }
      if (!warmUp) enqueue(async () => signalLiveReady('doctorScheduleChanged', doctorId));
      await stop;
      stopped = true;
      if (warmUp) clearTimeout(warmUp);
      unwatch();
      unlisten();
    });
  }

  /** One delivered event as the GraphQL ScheduleChange, loaded with a fresh fork (shared per event). */
  async toScheduleChange(event: ScheduleChangedEvent): Promise<ScheduleChange> {
    const appointment = await loadAppointmentForEvent(this.ctx.deps, event);
    if (!appointment) throw new NotFoundError('Appointment');
    return {
      kind: event.kind as ScheduleChangeKindEnum,
      appointment,
      previousStartsAt: event.previousStartsAt ? new Date(event.previousStartsAt) : null,
      cursor: event.cursor,
      occurredAt: event.occurredAt ? new Date(event.occurredAt) : null,
    };
  }

  /** Any signed-in person may watch a doctor's slots: times only, no patient data. */
  async authorizeSlotStream(doctorIdArg: string): Promise<number> {
    requireViewer(this.ctx);
    const doctorId = parseIdArg(doctorIdArg, 'doctorId');
    if (!(await this.ctx.em.count(Doctor, { id: doctorId }))) throw new NotFoundError('Doctor');
    return doctorId;
  }

  slotStream(doctorId: number): AsyncIterable<SlotChange> {
    const { deps } = this.ctx;
    const viewer = requireViewer(this.ctx);
    return new Repeater<SlotChange>(async (push, stop) => {
      const unwatch = await sessionWatchOf(deps).watch(viewer.userId, (error) => stop(error));
      const unlisten = hubsOf(deps).schedule.listen(doctorId, (event) => {
        for (const change of slotChanges(event)) pushSafely(push, change);
      });
      signalLiveReady('slotsChanged', doctorId);
      await stop;
      unlisten();
      unwatch();
    });
  }

  notificationStream(): AsyncIterable<NotificationAddedEvent> {
    const viewer = requireViewer(this.ctx);
    const { deps } = this.ctx;
    return new Repeater<NotificationAddedEvent>(async (push, stop) => {
      const unwatch = await sessionWatchOf(deps).watch(viewer.userId, (error) => stop(error));
      const unlisten = hubsOf(deps).notifications.listen(viewer.userId, (event) => pushSafely(push, event));
      signalLiveReady('notificationAdded', viewer.userId);
      await stop;
      unlisten();
      unwatch();
    });
  }

  /** The fan-out's state now, then each change (see pubsub.ts `up`). */
  statusStream(): AsyncIterable<LiveStatus> {
    const viewer = requireViewer(this.ctx);
    const { deps } = this.ctx;
    return new Repeater<LiveStatus>(async (push, stop) => {
      const unwatch = await sessionWatchOf(deps).watch(viewer.userId, (error) => stop(error));
      const status = (live: boolean) => Object.assign(new LiveStatus(), { live });
      pushSafely(push, status(deps.pubsubHandle.up));
      const unlisten = deps.pubsubHandle.onStatus((up) => pushSafely(push, status(up)));
      await stop;
      unlisten();
      unwatch();
    });
  }

  /** Fresh fork per delivered notification. */
  async loadNotification(event: NotificationAddedEvent): Promise<Notification> {
    const notification = await this.ctx.deps.orm.em.fork().findOne(Notification, { id: event.notificationId, recipient: event.recipientUserId });
    if (!notification) throw new NotFoundError('Notification');
    return notification;
  }

  async myNotifications(first: number | null | undefined, after: string | null | undefined, unreadOnly: boolean): Promise<NotificationPage> {
    const viewer = requireViewer(this.ctx);
    const size = pageSize(first);
    const afterId = decodeCursor<number>(after);
    if (afterId !== null && (!Number.isInteger(afterId) || afterId < 1)) {
      throw new BadInputError('after is not a cursor from this list', { after: 'Invalid cursor' });
    }
    const mine: FilterQuery<Notification> = { recipient: viewer.userId, ...(unreadOnly ? { readAt: null } : {}) };
    const where: FilterQuery<Notification> = afterId !== null ? { $and: [mine, { id: { $lt: afterId } }] } : mine;
    const [items, totalCount, unreadCount] = await Promise.all([
      this.ctx.em.find(Notification, where, { orderBy: { id: 'desc' }, limit: size + 1 }),
      this.ctx.em.fork().count(Notification, mine),
      this.ctx.em.fork().count(Notification, { recipient: viewer.userId, readAt: null }),
    ]);
    const more = items.length > size;
    const page = items.slice(0, size);
    return Object.assign(new NotificationPage(), {
      items: page,
      nextCursor: more ? encodeCursor(page[page.length - 1].id) : null,
      totalCount,
      unreadCount,
    });
  }

  /** Marks the given (or all) of the viewer's notifications read; returns how many stay unread. */
  async markRead(ids: string[] | null | undefined, all: boolean | null | undefined): Promise<number> {
    const viewer = requireViewer(this.ctx);
    if (!all && !ids?.length) {
      throw new BadInputError('Pass ids or all: true', { ids: 'Pass the ids to mark read, or all: true' });
    }
    if (ids && ids.length > 500) throw new BadInputError('At most 500 ids at once', { ids: 'At most 500 ids at once' });
    const numeric = (ids ?? []).map((id) => parseIdArg(id, 'ids'));
    const now = clock.now();
    await this.ctx.em.transactional(async (em) => {
      if (numeric.length) {
        const found = await em.count(Notification, { id: { $in: numeric }, recipient: viewer.userId });
        if (found !== new Set(numeric).size) throw new NotFoundError('Notification');
      }
      const where: FilterQuery<Notification> = all
        ? { recipient: viewer.userId, readAt: null }
        : { id: { $in: numeric }, recipient: viewer.userId, readAt: null };
      await em.nativeUpdate(Notification, where, { readAt: now });
    });
    return this.ctx.em.fork().count(Notification, { recipient: viewer.userId, readAt: null });
  }
}

/** The slots an event took or freed: a move frees the old slot and takes the new one. */
export function slotChanges(event: ScheduleChangedEvent): SlotChange[] {
  if (!event.startsAt || !event.endsAt || !event.status) return [];
  const startsAt = new Date(event.startsAt);
  const endsAt = new Date(event.endsAt);
  const holds = ACTIVE_STATUSES.includes(event.status as AppointmentStatus);
  const slot = (s: Date, e: Date, available: boolean) => Object.assign(new SlotChange(), { doctorId: String(event.doctorId), startsAt: s, endsAt: e, available });
  switch (event.kind) {
    case 'BOOKED':
      return [slot(startsAt, endsAt, false)];
    case 'RESCHEDULED': {
      const out: SlotChange[] = [];
      if (event.previousStartsAt) {
        const previous = new Date(event.previousStartsAt);
        out.push(slot(previous, new Date(previous.getTime() + (endsAt.getTime() - startsAt.getTime())), true));
      }
      out.push(slot(startsAt, endsAt, !holds));
      return out;
    }
    case 'CANCELLED':
      return [slot(startsAt, endsAt, true)];
    default:
      // Checked in or completed: still held. No-show: released.
      return holds ? [] : [slot(startsAt, endsAt, true)];
  }
}
