import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { HeaderMap } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import { HmsError } from './errors';
import type { Config } from './config';
import { leanQuery } from './db/lean';
import type { JobEngine } from './jobs/engine';
import type { DashboardCache } from './modules/reports/dashboard-cache';
import type { HmsPubSub, PubSubHandle } from './pubsub';
import type { RateLimits } from './rate-limit';
import { verifyToken } from './modules/identity/tokens';
import type { Role } from './modules/identity/user.entity';
import type { Secrets } from './modules/identity/secrets';
import type { ApiKeyScope } from './modules/integrations/api-key.entity';
import { isApiKeySecret, resolveApiKey } from './modules/integrations/api-keys.service';

/** What lives as long as the process: shared by every operation. */
export interface AppDeps {
  config: Config;
  orm: MikroORM;
  pubsub: HmsPubSub;
  pubsubHandle: PubSubHandle;
  secrets: Secrets;
  /** Per-client request budgets; see rate-limit.ts (`consumeRateLimit`). */
  rateLimits: RateLimits;
  /** Background jobs (BullMQ on Redis, or in-process): `deps.jobs.enqueue(handle, data)`; see jobs/README.md. */
  jobs: JobEngine;
  /** The admin dashboard's answers of the last few seconds (HMS_DASHBOARD_CACHE_SECONDS). */
  dashboardCache: DashboardCache;
}

/** The signed-in person, resolved from the token once per operation. */
export interface Viewer {
  userId: number;
  role: Role;
  email: string;
  patientId: number | null;
  doctorId: number | null;
  mustChangePassword: boolean;
  /** The account's token version the token was issued under (sockets remember it to notice revocation). */
  tokenVersion: number;
  /**
   * Set when the caller is an API key (a service account, `Bearer hms_…`): the key's id, name and
   * scopes. Its account has role ADMIN; integrations/scopes.ts narrows what it may call.
   */
  apiKey?: { id: number; name: string; scopes: ApiKeyScope[] } | null;
}

/** Built once per operation, the same way for HTTP and WebSocket. */
export interface Context {
  deps: AppDeps;
  /** A fresh fork: one identity map per operation, never the global one. */
  em: EntityManager;
  viewer: Viewer | null;
  /** Why a presented token was refused (expired, revoked...); null when none was sent or it was fine. */
  tokenError: string | null;
  requestId: string;
  /** The caller's address (see client-ip.ts), for rate limits and the audit trail. */
  clientIp: string;
}

interface ViewerRow {
  id: number;
  role: Role;
  email: string;
  active: number | boolean;
  token_version: number;
  must_change_password: number | boolean;
  patient_id: number | null;
  doctor_id: number | null;
}

export async function buildContext(
  deps: AppDeps,
  authorization: string | undefined | null,
  requestId: string = randomUUID(),
  clientIp = 'unknown',
): Promise<Context> {
  const em = deps.orm.em.fork();
  const context: Context = { deps, em, viewer: null, tokenError: null, requestId, clientIp };
  if (!authorization) return context;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) {
    context.tokenError = 'The Authorization header must be "Bearer <token>"';
    return context;
  }
  // Service accounts: the same Viewer shape, resolved from the key instead of a JWT.
  if (isApiKeySecret(match[1])) {
    const resolved = await resolveApiKey(deps, em, match[1]);
    // A refused key refuses the whole request, public fields too: an integration must notice at once.
    if ('error' in resolved) throw new HmsError('UNAUTHENTICATED', resolved.error, { http: { status: 401, headers: new HeaderMap() } });
    context.viewer = resolved.viewer;
    return context;
  }
  const claims = verifyToken(match[1], deps.secrets.jwtSecret);
  if (!claims) {
    context.tokenError = 'Your session is invalid or has expired; sign in again';
    return context;
  }
  // One indexed read per operation keeps "sign out everywhere" immediate.
  const row = await viewerRow(em, claims.userId);
  if (!row || !row.active || row.token_version !== claims.tokenVersion) {
    context.tokenError = 'Your session has ended; sign in again';
    return context;
  }
  context.viewer = viewerOf(row);
  return context;
}

/**
 * A context acting as the account `userId` outside any request (background jobs
 * that run what a person asked for, under that person's rights). Its viewer is
 * null when the account is gone or inactive, so the job is refused like a request.
 */
export async function contextForUser(deps: AppDeps, userId: number, requestId: string = randomUUID()): Promise<Context> {
  const em = deps.orm.em.fork();
  const context: Context = { deps, em, viewer: null, tokenError: 'The account is no longer active', requestId, clientIp: 'job' };
  const row = await viewerRow(em, userId);
  if (!row || !row.active) return context;
  context.tokenError = null;
  context.viewer = viewerOf(row);
  return context;
}

/** One indexed read: the account with its patient/doctor ids (the same for requests and jobs). */
async function viewerRow(em: EntityManager, userId: number): Promise<ViewerRow | undefined> {
  const rows = await leanQuery<ViewerRow>(em,
    'select u.id, u.role, u.email, u.active, u.token_version, u.must_change_password, p.id as patient_id, d.id as doctor_id ' +
      'from `user` u left join patient p on p.user_id = u.id left join doctor d on d.user_id = u.id where u.id = ?',
    [userId],
  );
  return rows[0];
}

function viewerOf(row: ViewerRow): Viewer {
  return {
    userId: row.id,
    role: row.role,
    email: row.email,
    patientId: row.patient_id,
    doctorId: row.doctor_id,
    mustChangePassword: Boolean(row.must_change_password),
    tokenVersion: Number(row.token_version),
  };
}
