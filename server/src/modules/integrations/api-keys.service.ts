import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { clock } from '../../clock';
import type { AppDeps, Context, Viewer } from '../../context';
import { NotFoundError } from '../../errors';
import { parseId, validate } from '../../shared/validation';
import { leanQuery } from '../../db/lean';
import { recordAudit } from '../audit/audit.service';
import { publishAccountRevoked } from '../identity/revocation';
import { Role, User } from '../identity/user.entity';
import { ApiKey, API_KEY_SCOPES, type ApiKeyScope } from './api-key.entity';

export const API_KEY_PREFIX = 'hms_';
const SERVICE_ACCOUNT_HASH = '!service-account';
/** Writing "last used" at most this often per key keeps a busy key from writing on every request. */
const LAST_USED_EVERY_MS = 60_000;

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function isApiKeySecret(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

const createSchema = z.object({
  name: z.string().trim().min(1, 'Must not be empty').max(100, 'At most 100 characters'),
  scopes: z.array(z.enum(API_KEY_SCOPES, { message: `Unknown scope; one of ${API_KEY_SCOPES.join(', ')}` }))
    .min(1, 'Give at least one scope').max(API_KEY_SCOPES.length),
  expiresAt: z.date().nullish().refine((d) => !d || d.getTime() > clock.nowMs(), 'Must be in the future'),
});

interface KeyRow {
  id: number;
  scopes: string | ApiKeyScope[];
  name: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user_id: number;
  active: number | boolean;
  token_version: number;
}

/**
 * The viewer of a `Bearer hms_…` secret, or why it is refused. One indexed read per operation,
 * as for user tokens, so a revocation holds at once on every process.
 */
export async function resolveApiKey(deps: AppDeps, em: Context['em'], secret: string): Promise<{ viewer: Viewer } | { error: string }> {
  const rows = await leanQuery<KeyRow>(em,
    'select k.id, k.scopes, k.name, k.expires_at, k.revoked_at, k.last_used_at, u.id as user_id, u.active, u.token_version ' +
      'from api_key k join `user` u on u.id = k.user_id where k.secret_hash = ?',
    [hashApiKeySecret(secret)]);
  const row = rows[0];
  const now = clock.nowMs();
  if (!row) return { error: 'Unknown API key' };
  if (row.revoked_at || !row.active) return { error: 'This API key has been revoked' };
  if (row.expires_at && new Date(row.expires_at).getTime() <= now) return { error: 'This API key has expired' };
  // Each key's own budget, wherever its requests come from.
  await deps.rateLimits.consume('apiKey', 'any', `key:${row.id}`);
  if (!row.last_used_at || new Date(row.last_used_at).getTime() < now - LAST_USED_EVERY_MS) {
    void deps.orm.em.getConnection()
      .execute('update api_key set last_used_at = ? where id = ?', [clock.now(), row.id])
      .catch(() => undefined);
  }
  const scopes = (typeof row.scopes === 'string' ? JSON.parse(row.scopes) : row.scopes) as ApiKeyScope[];
  return {
    viewer: {
      userId: Number(row.user_id),
      role: Role.ADMIN,
      email: `api-key-${row.id}`,
      patientId: null,
      doctorId: null,
      mustChangePassword: false,
      tokenVersion: Number(row.token_version),
      apiKey: { id: Number(row.id), name: row.name, scopes },
    },
  };
}

/** ADMIN: creating, listing and revoking service-account keys. */
export class ApiKeyService {
  constructor(private readonly ctx: Context) {}

  async create(input: { name: string; scopes: string[]; expiresAt?: Date | null }): Promise<{ key: ApiKey; secret: string }> {
    const data = validate(createSchema, input);
    const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const key = await this.ctx.em.fork().transactional(async (em) => {
      // The key's own account, never shown among people. Its "hash" is no argon2 string, so no
      // password ever verifies; and not '' (which means "invited"), so no invitation can give it one.
      const user = em.create(User, { email: `api-key-${randomBytes(6).toString('hex')}@keys.hms.invalid`, passwordHash: SERVICE_ACCOUNT_HASH, role: Role.ADMIN });
      const key = em.create(ApiKey, {
        user,
        name: data.name,
        prefix: secret.slice(0, 10),
        secretHash: hashApiKeySecret(secret),
        scopes: [...new Set(data.scopes)],
        expiresAt: data.expiresAt ?? null,
        createdBy: em.getReference(User, this.ctx.viewer!.userId),
        createdAt: clock.now(),
      });
      await em.flush();
      user.email = `api-key-${key.id}@keys.hms.invalid`;
      recordAudit(em, this.ctx, { action: 'api_key.create', entityType: 'api_key', entityId: key.id, changes: { name: { before: null, after: key.name }, scopes: { before: null, after: key.scopes } } });
      return key;
    });
    return { key, secret };
  }

  list(): Promise<ApiKey[]> {
    return this.ctx.em.find(ApiKey, {}, { orderBy: { id: 'desc' }, populate: ['createdBy'] });
  }

  /** Ends the key at once: its account is switched off and every process closes its sockets. */
  async revoke(idArg: string): Promise<boolean> {
    const id = parseId(idArg);
    const revoked = await this.ctx.em.fork().transactional(async (em) => {
      const key = await em.findOne(ApiKey, id, { populate: ['user'] });
      if (!key) throw new NotFoundError('API key');
      if (key.revokedAt) return null;
      key.revokedAt = clock.now();
      key.user.active = false;
      key.user.tokenVersion += 1;
      recordAudit(em, this.ctx, { action: 'api_key.revoke', entityType: 'api_key', entityId: key.id, changes: { revokedAt: { before: null, after: key.revokedAt.toISOString() } } });
      return key.user.id;
    });
    if (revoked != null) publishAccountRevoked(this.ctx.deps, revoked);
    return true;
  }
}
