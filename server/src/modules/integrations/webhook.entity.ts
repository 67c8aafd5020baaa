import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { User } from '../identity/user.entity';

export const WEBHOOK_EVENT_TYPES = [
  'appointment.booked', 'appointment.rescheduled', 'appointment.cancelled', 'appointment.status_changed',
  'invoice.issued', 'payment.recorded', 'treatment.recorded',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** An integrator's receiver. The signing secret is kept encrypted (it must be read back to sign). */
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Property({ type: 'json' })
  events!: WebhookEventType[];

  /** The `whsec_…` secret, encrypted with the data key (crypto.ts). */
  @Property({ type: 'text' })
  secretSealed!: string;

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  /** Start of the current run of failed deliveries; null while deliveries succeed. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  failingSince?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  disabledAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();
}

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/**
 * One event for one endpoint. Unique per (endpoint, outbox row): the fan-out may run twice over
 * the same rows and still queue each once. `webhook-id` is `msg_<id>` (stable across retries).
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ name: 'webhook_delivery_source_unique', properties: ['endpoint', 'sourceId'] })
@Index({ name: 'webhook_delivery_due_idx', properties: ['status', 'nextAttemptAt'] })
@Index({ name: 'webhook_delivery_endpoint_idx', properties: ['endpoint', 'id'] })
@Check({ name: 'webhook_delivery_status_check', expression: "status in ('PENDING','SUCCEEDED','FAILED')" })
export class WebhookDelivery {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne({ entity: () => WebhookEndpoint, deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  /** The outbox row it came from. */
  @Property({ type: 'bigint' })
  sourceId!: string;

  /** Deliveries of one appointment go out in order: a later one waits for the earlier. */
  @Property({ type: 'string', length: 64 })
  orderingKey!: string;

  @Property({ type: 'string', length: 40 })
  type!: WebhookEventType;

  /** The exact JSON body that is signed and sent. */
  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 16, default: WebhookDeliveryStatus.PENDING })
  status: Opt<WebhookDeliveryStatus> = WebhookDeliveryStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'datetime', length: 3, nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();
}

/** How far the webhook fan-out has read the outbox (one row, id 1). */
@Entity({ tableName: 'webhook_feed_state' })
export class WebhookFeedState {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'bigint', default: 0 })
  lastOutboxId: Opt<string> = '0';
}
