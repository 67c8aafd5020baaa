import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context';
import { logger } from '../../logger';
import type { HmsPubSub, NotificationAddedEvent, ScheduleChangedEvent } from '../../pubsub';
import { clock } from '../../clock';
import { SCHEDULE_KINDS } from './outbox-event.entity';

const SCHEDULE_KIND_SET = new Set<string>(SCHEDULE_KINDS);
/** SQL filter of the rows live subscribers get (the others are for webhooks only). */
export const SCHEDULE_KIND_SQL = `kind in (${SCHEDULE_KINDS.map((k) => `'${k}'`).join(', ')})`;

/**
 * The outbox relay (with Redis only). Every committed outbox row and notification is published to
 * Redis by a relay, then marked `published_at`: delivery never depends on the request that made
 * the change (it may die right after its commit) or on Redis being up at that moment (rows wait
 * and go out, in id order, when it is back).
 *
 * One relay at a time across the processes sharing Redis and the database: a Redis lock with a
 * short lease, renewed while held; another process takes over within LOCK_TTL_MS of the holder
 * dying. A single publisher keeps each doctor's events in commit order. A publish confirmed by
 * Redis but not yet marked (the holder died in between) goes out again: subscribers drop the
 * repeat by cursor or notification id (live.service.ts), so each is delivered once.
 */
export const RELAY_POLL_MS = 100;
export const LOCK_TTL_MS = 3_000;
const RENEW_EVERY_MS = 1_000;
const REDIS_TIMEOUT_MS = 2_000;
const BATCH = 200;
/**
 * Every unpublished row is relayed, however old (a Redis outage of hours still delivers what was
 * committed meanwhile, in order). The one exception is history from before any relay ran on this
 * database (e.g. REDIS_URL added to a hospital that ran without Redis, whose rows were never marked):
 * the first relay ever marks rows older than HISTORY_GRACE_MS as published once, so years of old
 * notifications are not pushed as new. Recorded in system_setting RELAY_STARTED.
 */
export const RELAY_STARTED = 'live.relay_started';
const HISTORY_GRACE_MS = 60_000;

const relays = new WeakMap<HmsPubSub, LiveRelay>();

/** The relay of this pub/sub, when it has one (with Redis). */
export function relayOf(pubsub: HmsPubSub): LiveRelay | undefined {
  return relays.get(pubsub);
}

interface OutboxRow {
  id: string | number;
  doctor_id: number;
  appointment_id: number;
  kind: string;
  previous_starts_at: Date | null;
  starts_at: Date | null;
  ends_at: Date | null;
  status: string | null;
  created_at: Date;
}

/** An outbox row as the event subscribers get (the same from the relay and from a catch-up read). */
export function outboxRowToEvent(row: OutboxRow): ScheduleChangedEvent {
  const iso = (value: Date | string | null) => (value == null ? undefined : new Date(value).toISOString());
  return {
    cursor: String(row.id),
    doctorId: Number(row.doctor_id),
    appointmentId: Number(row.appointment_id),
    kind: row.kind,
    previousStartsAt: iso(row.previous_starts_at) ?? null,
    ...(row.starts_at && row.ends_at && row.status ? { startsAt: iso(row.starts_at), endsAt: iso(row.ends_at), status: row.status } : {}),
    occurredAt: iso(row.created_at),
  };
}

export const OUTBOX_COLUMNS = 'id, doctor_id, appointment_id, kind, previous_starts_at, starts_at, ends_at, status, created_at';

function withTimeout<T>(promise: Promise<T>, ms = REDIS_TIMEOUT_MS): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('Redis did not answer')), ms).unref())]);
}

export class LiveRelay {
  private readonly token = randomUUID();
  private readonly lockKey: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private holding = false;
  private renewedAt = 0;
  private historyChecked = false;
  private failing = false;
  private stopped = false;

  constructor(private readonly deps: AppDeps) {
    // One lease per database (HMS_REDIS_PREFIX defaults to its name): processes of another
    // database sharing this Redis relay their own outbox.
    this.lockKey = `${deps.config.redisPrefix}:live-relay`;
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), RELAY_POLL_MS);
    this.timer.unref();
  }

  /** Relay now (a change was just committed here); cheap when another process holds the lock. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => { this.running = null; });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        // Redis unreachable: nothing could go out; the rows wait (and no commands pile up in its offline queue).
        if (!this.deps.pubsubHandle.up) return;
        if (!(await this.holdLock())) return;
        const more = await this.relayOnce();
        if (more) this.again = true;
        if (this.failing) logger.info('the live relay is publishing again');
        this.failing = false;
      } catch (error) {
        // Redis or the database is down: the rows stay unpublished and go out on a later tick.
        if (!this.failing) logger.warn('the live relay cannot publish yet; changes wait in the outbox', { error: (error as Error).message });
        this.failing = true;
        return;
      }
    } while (this.again && !this.stopped);
  }

  private async holdLock(): Promise<boolean> {
    const redis = this.deps.pubsubHandle.redis!;
    const now = Date.now();
    if (this.holding && now - this.renewedAt < RENEW_EVERY_MS) return true;
    if (this.holding) {
      const renewed = await withTimeout(redis.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
        1, this.lockKey, this.token, String(LOCK_TTL_MS),
      ));
      this.holding = Number(renewed) === 1;
    } else {
      this.holding = (await withTimeout(redis.set(this.lockKey, this.token, 'PX', LOCK_TTL_MS, 'NX'))) === 'OK';
    }
    if (this.holding) this.renewedAt = now;
    return this.holding;
  }

  /** Publishes one batch of each kind; true when there may be more. */
  private async relayOnce(): Promise<boolean> {
    const connection = this.deps.orm.em.getConnection();
    if (!this.historyChecked) {
      await this.markHistoryOnce();
      this.historyChecked = true;
    }
    const redis = this.deps.pubsubHandle.redis!;
    const rows = await connection.execute<OutboxRow[]>(
      `select ${OUTBOX_COLUMNS} from outbox_event where published_at is null order by id limit ${BATCH}`,
    );
    for (const row of rows) {
      // Invoice, payment and treatment rows are for the webhook fan-out only: marked, not published.
      if (!SCHEDULE_KIND_SET.has(row.kind)) continue;
      await withTimeout(redis.publish(this.deps.pubsubHandle.channel('SCHEDULE_CHANGED'), JSON.stringify(outboxRowToEvent(row))));
    }
    if (rows.length) {
      await connection.execute(
        `update outbox_event set published_at = ? where id in (${rows.map(() => '?').join(',')})`,
        [clock.now(), ...rows.map((row: OutboxRow) => String(row.id))], 'run',
      );
    }
    const notes = await connection.execute<Array<{ id: number; recipient_id: number }>>(
      `select id, recipient_id from notification where published_at is null order by id limit ${BATCH}`,
    );
    for (const note of notes) {
      const event: NotificationAddedEvent = { recipientUserId: Number(note.recipient_id), notificationId: Number(note.id) };
      await withTimeout(redis.publish(this.deps.pubsubHandle.channel('NOTIFICATION_ADDED'), JSON.stringify(event)));
    }
    if (notes.length) {
      await connection.execute(
        `update notification set published_at = ? where id in (${notes.map(() => '?').join(',')})`,
        [clock.now(), ...notes.map((note: { id: number }) => note.id)], 'run',
      );
    }
    return rows.length === BATCH || notes.length === BATCH;
  }

  /** The first relay on this database marks the rows from before it as published (see RELAY_STARTED). */
  private async markHistoryOnce(): Promise<void> {
    const connection = this.deps.orm.em.getConnection();
    const started = await connection.execute<{ affectedRows: number }>(
      'insert ignore into system_setting (name, value) values (?, ?)', [RELAY_STARTED, clock.now().toISOString()], 'run',
    );
    if (started.affectedRows !== 1) return;
    // Older than a minute: not a transaction of a process running right now.
    const cutoff = new Date(clock.nowMs() - HISTORY_GRACE_MS);
    for (const table of ['outbox_event', 'notification']) {
      for (;;) {
        const result = await connection.execute<{ affectedRows: number }>(
          `update ${table} set published_at = created_at where published_at is null and created_at < ? limit 5000`, [cutoff], 'run',
        );
        if (result.affectedRows < 5000) break;
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // Let a round in progress finish its marks (shutdown: what was published is recorded as such).
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, REDIS_TIMEOUT_MS).unref())]);
    if (this.holding) {
      // One last round for what the final requests committed.
      await this.relayOnce().catch(() => {});
      // Hand over at once instead of making the next holder wait for the lease to run out.
      await withTimeout(this.deps.pubsubHandle.redis!.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, this.lockKey, this.token,
      )).catch(() => {});
      this.holding = false;
    }
  }
}

/** Started by startLive when Redis is configured. */
export function startRelay(deps: AppDeps): LiveRelay | null {
  if (!deps.pubsubHandle.redis) return null;
  const relay = new LiveRelay(deps);
  relays.set(deps.pubsub, relay);
  relay.start();
  return relay;
}
