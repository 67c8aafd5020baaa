import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'A new API key (service account) for an integrator.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'What the key is for, e.g. "Lab system" (1-100 characters).' })
  name!: string;

  @Field(() => [String], { description: 'What it may do: schedule:read, appointments:read, appointments:write, patients:read, billing:read. Never clinical content.' })
  scopes!: string[];

  @Field(() => Date, { nullable: true, description: 'When the key stops working; null = until revoked.' })
  expiresAt?: Date | null;
}

@ObjectType({ description: 'A service account\'s key, as admins list it (never the secret).' })
export class ApiKeyView {
  @Field(() => ID, { description: 'The key\'s id (for revokeApiKey).' })
  id!: string;

  @Field(() => String, { description: 'What the key is for.' })
  name!: string;

  @Field(() => String, { description: 'The first characters of the secret, to recognise it.' })
  prefix!: string;

  @Field(() => [String], { description: 'The scopes it was given.' })
  scopes!: string[];

  @Field(() => Date, { nullable: true, description: 'When it stops working; null = until revoked.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last request made with it (to the minute); null = never used.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an admin revoked it; null while it works.' })
  revokedAt!: Date | null;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Email of the admin who created it.' })
  createdBy!: string | null;
}

@ObjectType({ description: 'The answer to createApiKey: the secret is shown this once and stored only as a hash.' })
export class CreatedApiKey {
  @Field(() => ID, { description: 'The key\'s id.' })
  id!: string;

  @Field(() => String, { description: 'The secret, starting with "hms_": send it as `Authorization: Bearer <secret>` on HTTP, WebSocket and FHIR.' })
  secret!: string;

  @Field(() => ApiKeyView, { description: 'The key as it is listed.' })
  apiKey!: ApiKeyView;
}

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookInput {
  @Field(() => String, { description: 'The https:// (or http://) URL that receives the signed POSTs. Private and loopback addresses are refused unless HMS_WEBHOOK_ALLOW_PRIVATE=true.' })
  url!: string;

  @Field(() => [String], { description: 'Event types: appointment.booked, appointment.rescheduled, appointment.cancelled, appointment.status_changed, invoice.issued, payment.recorded, treatment.recorded.' })
  events!: string[];
}

@ObjectType({ description: 'The answer to createWebhook: the signing secret is shown this once.' })
export class CreatedWebhook {
  @Field(() => ID, { description: 'The endpoint\'s id.' })
  id!: string;

  @Field(() => String, { description: 'The Standard Webhooks signing secret, starting with "whsec_".' })
  secret!: string;
}

@ObjectType({ description: 'A webhook endpoint, as admins list it (never the secret).' })
export class WebhookEndpointView {
  @Field(() => ID, { description: 'The endpoint\'s id.' })
  id!: string;

  @Field(() => String, { description: 'Where deliveries are POSTed.' })
  url!: string;

  @Field(() => [String], { description: 'The event types it receives.' })
  events!: string[];

  @Field(() => Boolean, { description: 'False once disabled (by an admin, or after 3 days of failing deliveries).' })
  active!: boolean;

  @Field(() => Date, { nullable: true, description: 'Since when deliveries have been failing; null while they succeed.' })
  failingSince!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was disabled; null while active.' })
  disabledAt!: Date | null;

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;
}

@ObjectType({ description: 'One event sent (or to be sent) to one webhook endpoint.' })
export class WebhookDeliveryView {
  @Field(() => ID, { description: 'The delivery\'s id (for replayWebhookDelivery); the webhook-id header is "msg_<id>".' })
  id!: string;

  @Field(() => String, { description: 'The event type.' })
  type!: string;

  @Field(() => String, { description: 'PENDING (waiting or retrying), SUCCEEDED (a 2xx answer) or FAILED (retries used up, or the endpoint disabled).' })
  status!: string;

  @Field(() => Int, { description: 'How many times it was sent.' })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last answer; null when none came (timeout, refused connection).' })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null when none is.' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was answered with 2xx.' })
  deliveredAt!: Date | null;

  @Field(() => Date, { description: 'When the event was queued.' })
  createdAt!: Date;
}
