import { createHmac, randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { clock } from '../../clock';
import type { AppDeps, Context } from '../../context';
import { BadInputError, NotFoundError } from '../../errors';
import { logger } from '../../logger';
import { formatMinor } from '../../shared/money';
import { currencyDigits } from '../billing/billing.service';
import { parseId, validate } from '../../shared/validation';
import { recordAudit } from '../audit/audit.service';
import { keyringOf } from '../clinical/crypto';
import { User } from '../identity/user.entity';
import { WEBHOOK_EVENT_TYPES, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, type WebhookEventType } from './webhook.entity';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** A receiver that has not answered in this long has failed this attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** An endpoint failing without a single success for this long is disabled and the admins told. */
export const DISABLE_AFTER_MS = 3 * 24 * 3600 * 1000;
/** Waits before attempt 2, 3, …; the last repeats until the endpoint is disabled. */
export const RETRY_DELAYS_MS = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 3600_000, 2 * 3600_000, 4 * 3600_000, 8 * 3600_000];
/** A gap in outbox ids younger than this may be a transaction still committing: wait for it. */
const GAP_WAIT_MS = 30_000;
const FANOUT_BATCH = 500;
const DELIVERY_BATCH = 20;
/** A claimed delivery belongs to its claimer this long (longer than the timeout), then anyone may retry it. */
const CLAIM_MS = WEBHOOK_TIMEOUT_MS + 20_000;

const OUTBOX_KIND_TO_EVENT: Record<string, WebhookEventType> = {
  BOOKED: 'appointment.booked',
  RESCHEDULED: 'appointment.rescheduled',
  CANCELLED: 'appointment.cancelled',
  STATUS_CHANGED: 'appointment.status_changed',
  INVOICE_ISSUED: 'invoice.issued',
  PAYMENT_RECORDED: 'payment.recorded',
  TREATMENT_RECORDED: 'treatment.recorded',
};

// Where a webhook must not point: this host, its network, cloud metadata.
const PRIVATE = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Refuses URLs that resolve to a private or loopback address, unless HMS_WEBHOOK_ALLOW_PRIVATE=true. */
export async function assertPublicTarget(config: AppDeps['config'], url: URL): Promise<void> {
  if (config.webhookAllowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new BadInputError('The webhook host does not resolve', { url: 'Unknown host' });
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new BadInputError('Webhooks may not target private or loopback addresses', { url: 'Private or loopback address' });
  }
}

const createSchema = z.object({
  url: z.string().trim().max(2000, 'At most 2000 characters').refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'Must be an http:// or https:// URL without credentials'),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES, { message: `Unknown event type; one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }))
    .min(1, 'Give at least one event type'),
});

/** Standard Webhooks: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed by the base64 after `whsec_`. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

export function toEndpointView(e: WebhookEndpoint) {
  return { id: String(e.id), url: e.url, events: e.events, active: e.active, failingSince: e.failingSince ?? null, disabledAt: e.disabledAt ?? null, createdAt: e.createdAt };
}

export function toDeliveryView(d: WebhookDelivery) {
  return {
    id: String(d.id), type: d.type, status: d.status, attempts: d.attempts, lastStatusCode: d.lastStatusCode ?? null,
    lastError: d.lastError ?? null, nextAttemptAt: d.nextAttemptAt ?? null, deliveredAt: d.deliveredAt ?? null, createdAt: d.createdAt,
  };
}

/** ADMIN: registering endpoints, reading their deliveries, replaying one. */
export class WebhookService {
  constructor(private readonly ctx: Context) {}

  async create(input: { url: string; events: string[] }): Promise<{ id: string; secret: string }> {
    const data = validate(createSchema, input);
    await assertPublicTarget(this.ctx.deps.config, new URL(data.url));
    const secret = `${WEBHOOK_SECRET_PREFIX}${randomBytes(24).toString('base64')}`;
    const endpoint = await this.ctx.em.fork().transactional(async (em) => {
      const endpoint = em.create(WebhookEndpoint, {
        url: data.url, events: [...new Set(data.events)], secretSealed: keyringOf(this.ctx.deps).encrypt(secret),
        createdBy: em.getReference(User, this.ctx.viewer!.userId), createdAt: clock.now(),
      });
      await em.flush();
      recordAudit(em, this.ctx, { action: 'webhook.create', entityType: 'webhook_endpoint', entityId: endpoint.id, changes: { url: { before: null, after: endpoint.url }, events: { before: null, after: endpoint.events } } });
      return endpoint;
    });
    return { id: String(endpoint.id), secret };
  }

  list(): Promise<WebhookEndpoint[]> {
    return this.ctx.em.find(WebhookEndpoint, {}, { orderBy: { id: 'desc' } });
  }

  async setActive(idArg: string, active: boolean): Promise<WebhookEndpoint> {
    const endpoint = await this.ctx.em.findOne(WebhookEndpoint, parseId(idArg));
    if (!endpoint) throw new NotFoundError('Webhook');
    endpoint.active = active;
    endpoint.disabledAt = active ? null : clock.now();
    if (active) endpoint.failingSince = null;
    recordAudit(this.ctx.em, this.ctx, { action: active ? 'webhook.enable' : 'webhook.disable', entityType: 'webhook_endpoint', entityId: endpoint.id });
    await this.ctx.em.flush();
    return endpoint;
  }

  async deliveries(endpointIdArg: string, first: number): Promise<WebhookDelivery[]> {
    const endpointId = parseId(endpointIdArg, 'endpointId');
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new BadInputError('first must be from 1 to 100', { first: 'From 1 to 100' });
    if (!(await this.ctx.em.count(WebhookEndpoint, endpointId))) throw new NotFoundError('Webhook');
    return this.ctx.em.find(WebhookDelivery, { endpoint: endpointId }, { orderBy: { id: 'desc' }, limit: first });
  }

  /** Sends one delivery again (whatever its status): due at once, attempts go on counting. */
  async replay(idArg: string): Promise<WebhookDelivery> {
    const delivery = await this.ctx.em.findOne(WebhookDelivery, { id: String(parseId(idArg)) });
    if (!delivery) throw new NotFoundError('Webhook delivery');
    delivery.status = WebhookDeliveryStatus.PENDING;
    delivery.nextAttemptAt = clock.now();
    recordAudit(this.ctx.em, this.ctx, { action: 'webhook.replay', entityType: 'webhook_delivery', entityId: delivery.id });
    await this.ctx.em.flush();
    return delivery;
  }
}

interface OutboxRow {
  id: string | number; kind: string; doctor_id: number; appointment_id: number; subject_id: number | null; previous_starts_at: Date | null;
  starts_at: Date | null; ends_at: Date | null; status: string | null; created_at: Date; patient_id: number | null;
  invoice_id: number | null; invoice_number: string | null; invoice_total_minor: number | null; invoice_currency: string | null;
  payment_amount_minor: number | null; payment_method: string | null; treatment_created_at: Date | null;
}

/**
 * The `data` of one event. No clinical text, no names: ids, times, amounts and status; a reader
 * with a key fetches the rest. A treatment is only its ids and time (never diagnosis, notes,
 * prescription or medicines: those columns are not even read).
 */
function eventData(row: OutboxRow): Record<string, unknown> {
  const ids = { appointmentId: String(row.appointment_id), doctorId: String(row.doctor_id), patientId: row.patient_id == null ? null : String(row.patient_id) };
  const amount = (minor: number | null) => (minor == null || !row.invoice_currency ? null : formatMinor(Number(minor), currencyDigits(row.invoice_currency)));
  switch (row.kind) {
    case 'INVOICE_ISSUED':
      return { invoiceId: String(row.subject_id), number: row.invoice_number, total: amount(row.invoice_total_minor), currency: row.invoice_currency, ...ids };
    case 'PAYMENT_RECORDED':
      return { paymentId: String(row.subject_id), invoiceId: row.invoice_id == null ? null : String(row.invoice_id), amount: amount(row.payment_amount_minor), currency: row.invoice_currency, method: row.payment_method, ...ids };
    case 'TREATMENT_RECORDED':
      return { treatmentId: String(row.subject_id), ...ids, createdAt: iso(row.treatment_created_at) };
    default:
      return { ...ids, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at), status: row.status, previousStartsAt: iso(row.previous_starts_at) };
  }
}

const iso = (value: Date | string | null | undefined) => (value == null ? null : new Date(value).toISOString());

/**
 * Turns committed outbox rows into deliveries, once per (endpoint, row): reads on from the
 * cursor in webhook_feed_state (locked, so processes take turns), stopping at a young gap in the
 * ids (a transaction that may still commit). Returns how many deliveries it queued.
 */
export async function fanOutWebhooks(deps: Pick<AppDeps, 'orm'>): Promise<number> {
  return deps.orm.em.fork().transactional(async (em) => {
    const connection = em.getConnection();
    const trx = em.getTransactionContext();
    const [state] = (await connection.execute('select last_outbox_id from webhook_feed_state where id = 1 for update', [], 'all', trx)) as Array<{ last_outbox_id: string | number }>;
    let cursor = Number(state?.last_outbox_id ?? 0);
    const rows = (await connection.execute(
      'select o.id, o.kind, o.doctor_id, o.appointment_id, o.subject_id, o.previous_starts_at, o.starts_at, o.ends_at, o.status, o.created_at, a.patient_id, ' +
        'coalesce(i.id, pi.id) as invoice_id, i.number as invoice_number, i.total_minor as invoice_total_minor, coalesce(i.currency, pi.currency) as invoice_currency, ' +
        'p.amount_minor as payment_amount_minor, p.method as payment_method, t.created_at as treatment_created_at ' +
        'from outbox_event o left join appointment a on a.id = o.appointment_id ' +
        "left join invoice i on o.kind = 'INVOICE_ISSUED' and i.id = o.subject_id " +
        "left join payment p on o.kind = 'PAYMENT_RECORDED' and p.id = o.subject_id left join invoice pi on pi.id = p.invoice_id " +
        "left join treatment t on o.kind = 'TREATMENT_RECORDED' and t.id = o.subject_id " +
        'where o.id > ? order by o.id limit ?',
      [cursor, FANOUT_BATCH], 'all', trx)) as OutboxRow[];
    const endpoints = await em.find(WebhookEndpoint, { active: true });
    let queued = 0;
    const now = clock.nowMs();
    for (const row of rows) {
      const id = Number(row.id);
      if (id !== cursor + 1 && now - new Date(row.created_at).getTime() < GAP_WAIT_MS) break;
      cursor = id;
      const type = OUTBOX_KIND_TO_EVENT[row.kind];
      if (!type) continue;
      const occurredAt = new Date(row.created_at);
      for (const endpoint of endpoints) {
        if (!endpoint.events.includes(type) || endpoint.createdAt.getTime() > occurredAt.getTime()) continue;
        const body = JSON.stringify({ type, timestamp: occurredAt.toISOString(), data: eventData(row) });
        const result = (await connection.execute(
          'insert ignore into webhook_delivery (endpoint_id, source_id, ordering_key, type, body, status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)',
          [endpoint.id, id, `appointment:${row.appointment_id}`, type, body, WebhookDeliveryStatus.PENDING, clock.now(), clock.now()], 'run', trx)) as { affectedRows?: number };
        queued += Number(result.affectedRows ?? 0);
      }
    }
    await connection.execute('update webhook_feed_state set last_outbox_id = ? where id = 1', [cursor], 'run', trx);
    return queued;
  });
}

interface DueRow { id: string | number; endpoint_id: number; body: string; attempts: number; url: string; secret_sealed: string; failing_since: Date | null }

export interface DeliveryOutcome { id: string; ok: boolean; statusCode: number | null }

/**
 * Sends the due deliveries: each claimed with a conditional UPDATE (so two processes never send
 * one at once), in order per appointment (one waits while an earlier one of the same
 * appointment is pending), signed, with a 10 s timeout; failures retry with backoff.
 */
export async function deliverDueWebhooks(deps: Pick<AppDeps, 'orm' | 'config' | 'secrets'>): Promise<DeliveryOutcome[]> {
  const connection = deps.orm.em.getConnection();
  const now = clock.now();
  const due = (await connection.execute(
    'select d.id, d.endpoint_id, d.body, d.attempts, e.url, e.secret_sealed, e.failing_since from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id ' +
      "where d.status = 'PENDING' and d.next_attempt_at <= ? and e.active = 1 and not exists (select 1 from webhook_delivery p where p.endpoint_id = d.endpoint_id " +
      "and p.ordering_key = d.ordering_key and p.status = 'PENDING' and p.id < d.id) order by d.id limit ?",
    [now, DELIVERY_BATCH])) as DueRow[];
  const outcomes: DeliveryOutcome[] = [];
  for (const row of due) {
    const claimed = (await connection.execute(
      "update webhook_delivery set next_attempt_at = ?, attempts = attempts + 1 where id = ? and status = 'PENDING' and next_attempt_at <= ?",
      [new Date(now.getTime() + CLAIM_MS), row.id, now], 'run')) as { affectedRows?: number };
    if (!Number(claimed.affectedRows)) continue;
    outcomes.push(await sendOne(deps, row));
  }
  return outcomes;
}

async function sendOne(deps: Pick<AppDeps, 'orm' | 'config' | 'secrets'>, row: DueRow): Promise<DeliveryOutcome> {
  const connection = deps.orm.em.getConnection();
  const messageId = `msg_${row.id}`;
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const url = new URL(row.url);
    // Checked again at send time: a name may have been pointed somewhere private since.
    await assertPublicTarget(deps.config, url);
    const secret = keyringOf(deps).decrypt(row.secret_sealed);
    // Wall time, not clock.now(): receivers check it against their own clock to refuse replays.
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'HMS-Webhooks/1',
        'webhook-id': messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, messageId, timestamp, row.body),
      },
      body: row.body,
    });
    statusCode = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
  } catch (caught) {
    const e = caught as Error;
    error = e.name === 'TimeoutError' ? `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : (e instanceof BadInputError ? e.message : `Could not connect: ${e.message}`).slice(0, 500);
  }
  const now = clock.now();
  if (!error) {
    await connection.execute("update webhook_delivery set status = 'SUCCEEDED', last_status_code = ?, last_error = null, delivered_at = ?, next_attempt_at = null where id = ?", [statusCode, now, row.id]);
    await connection.execute('update webhook_endpoint set failing_since = null where id = ? and failing_since is not null', [row.endpoint_id]);
    return { id: String(row.id), ok: true, statusCode };
  }
  const delay = RETRY_DELAYS_MS[Math.min(Number(row.attempts), RETRY_DELAYS_MS.length - 1)];
  await connection.execute('update webhook_delivery set last_status_code = ?, last_error = ?, next_attempt_at = ? where id = ?',
    [statusCode, error, new Date(now.getTime() + delay), row.id]);
  await connection.execute('update webhook_endpoint set failing_since = ? where id = ? and failing_since is null', [now, row.endpoint_id]);
  const failingSince = row.failing_since ? new Date(row.failing_since).getTime() : now.getTime();
  if (now.getTime() - failingSince >= DISABLE_AFTER_MS) await disableEndpoint(deps, row.endpoint_id);
  return { id: String(row.id), ok: false, statusCode };
}

/** After 3 days of failures: off, its queued deliveries FAILED, every human admin told. */
async function disableEndpoint(deps: Pick<AppDeps, 'orm'>, endpointId: number): Promise<void> {
  await deps.orm.em.fork().transactional(async (em) => {
    const connection = em.getConnection();
    const trx = em.getTransactionContext();
    const changed = (await connection.execute('update webhook_endpoint set active = 0, disabled_at = ? where id = ? and active = 1', [clock.now(), endpointId], 'run', trx)) as { affectedRows?: number };
    if (!Number(changed.affectedRows)) return;
    await connection.execute("update webhook_delivery set status = 'FAILED', next_attempt_at = null where endpoint_id = ? and status = 'PENDING'", [endpointId], 'run', trx);
    const [endpoint] = (await connection.execute('select url from webhook_endpoint where id = ?', [endpointId], 'all', trx)) as Array<{ url: string }>;
    await connection.execute(
      "insert into notification (recipient_id, kind, message, payload, created_at) select u.id, 'WEBHOOK_DISABLED', ?, ?, ? from `user` u " +
        "where u.role = 'ADMIN' and u.active = 1 and not exists (select 1 from api_key k where k.user_id = u.id)",
      [`Webhook ${endpoint.url} was disabled after failing for 3 days`.slice(0, 500), JSON.stringify({ webhookId: String(endpointId) }), clock.now()], 'run', trx);
  });
  logger.warn('webhook endpoint disabled after 3 days of failures', { endpointId });
}
