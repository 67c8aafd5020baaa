import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Role } from '../identity/user.entity';
import type { ApiKey } from './api-key.entity';
import { ApiKeyService } from './api-keys.service';
import { myCalendarFeed, rotateCalendarFeed } from './calendar';
import {
  ApiKeyView, CreateApiKeyInput, CreatedApiKey, CreatedWebhook, CreateWebhookInput, WebhookDeliveryView, WebhookEndpointView,
} from './integrations.types';
import { toDeliveryView, toEndpointView, WebhookService } from './webhooks.service';

function toKeyView(key: ApiKey): ApiKeyView {
  return {
    id: String(key.id), name: key.name, prefix: key.prefix, scopes: key.scopes, expiresAt: key.expiresAt ?? null,
    lastUsedAt: key.lastUsedAt ?? null, revokedAt: key.revokedAt ?? null, createdAt: key.createdAt, createdBy: key.createdBy?.email ?? null,
  };
}

@Resolver()
export class IntegrationsResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKeyView], { description: 'ADMIN: every API key, newest first, with its last use; revoked ones too.' })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKeyView[]> {
    return (await new ApiKeyService(ctx).list()).map(toKeyView);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'ADMIN: a new API key (service account) with scopes; the secret ("hms_…") is returned this once and stored only as a hash.' })
  async createApiKey(@Ctx() ctx: Context, @Arg('input', () => CreateApiKeyInput, { description: 'Name, scopes, optional expiry.' }) input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const { key, secret } = await new ApiKeyService(ctx).create(input);
    return { id: String(key.id), secret, apiKey: toKeyView(key) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'ADMIN: revoke a key: it stops at once on every API process (open WebSockets close too). Revoking twice is fine.' })
  revokeApiKey(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The key.' }) id: string): Promise<boolean> {
    return new ApiKeyService(ctx).revoke(id);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [WebhookEndpointView], { description: 'ADMIN: every webhook endpoint, newest first.' })
  async webhooks(@Ctx() ctx: Context): Promise<WebhookEndpointView[]> {
    return (await new WebhookService(ctx).list()).map(toEndpointView);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedWebhook, { description: 'ADMIN: register an endpoint for event types; the signing secret ("whsec_…") is returned this once. Deliveries follow the Standard Webhooks spec.' })
  createWebhook(@Ctx() ctx: Context, @Arg('input', () => CreateWebhookInput, { description: 'URL and event types.' }) input: CreateWebhookInput): Promise<CreatedWebhook> {
    return new WebhookService(ctx).create(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookEndpointView, { description: 'ADMIN: switch an endpoint off, or back on (which forgets its failing streak). Nothing is sent to an endpoint that is off.' })
  async setWebhookActive(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Arg('active', () => Boolean, { description: 'true: on; false: off.' }) active: boolean,
  ): Promise<WebhookEndpointView> {
    return toEndpointView(await new WebhookService(ctx).setActive(id, active));
  }

  @Authorized(Role.ADMIN)
  @Query(() => [WebhookDeliveryView], { description: 'ADMIN: an endpoint\'s deliveries, newest first, with status, attempts and the last response code.' })
  async webhookDeliveries(
    @Ctx() ctx: Context,
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many, 1 to 100.' }) first: number,
  ): Promise<WebhookDeliveryView[]> {
    return (await new WebhookService(ctx).deliveries(endpointId, first)).map(toDeliveryView);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookDeliveryView, { description: 'ADMIN: send one delivery again now (same webhook-id, so receivers can drop a repeat).' })
  async replayWebhookDelivery(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The delivery.' }) id: string): Promise<WebhookDeliveryView> {
    return toDeliveryView(await new WebhookService(ctx).replay(id));
  }

  @Authorized(Role.DOCTOR, Role.PATIENT)
  @Query(() => String, { description: 'DOCTOR or PATIENT: the full secret iCalendar URL of my appointments (cancelled ones marked CANCELLED). Anyone with it can read the feed: rotate it if it leaks.' })
  myCalendarFeed(@Ctx() ctx: Context): Promise<string> {
    return myCalendarFeed(ctx);
  }

  @Authorized(Role.DOCTOR, Role.PATIENT)
  @Mutation(() => String, { description: 'DOCTOR or PATIENT: a new secret calendar URL; the old one stops working at once.' })
  rotateCalendarFeed(@Ctx() ctx: Context): Promise<string> {
    return rotateCalendarFeed(ctx);
  }
}
