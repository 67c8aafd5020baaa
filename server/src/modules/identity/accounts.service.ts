import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import type { Context } from '../../context';
import { ConflictError, NotFoundError } from '../../errors';
import { decodeCursor, encodeCursor, pageSize, type TotalCount, withTotalCount } from '../../shared/pagination';
import { emailSchema, parseId, passwordSchema, validate } from '../../shared/validation';
import { recordAudit } from '../audit/audit.service';
import { Doctor } from '../directory/doctor.entity';
import { hashPassword, rethrowDuplicateEmail } from './identity.service';
import { InvitationService } from './invitation.service';
import { publishAccountRevoked } from './revocation';
import { Role, User } from './user.entity';

export const LAST_ADMIN_MESSAGE = 'At least one active administrator must remain: make another admin first';

const createAdminSchema = z.object({ email: emailSchema, password: passwordSchema.nullish() });

/** A page of accounts; totalCount is counted only when asked for. */
export interface AccountPageResult {
  items: User[];
  nextCursor: string | null;
  totalCount: TotalCount;
}

/** ADMIN: the accounts of everyone who can sign in, switching them off and on, more admins. */
export class AccountService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager { return this.ctx.em; }

  async list(role: Role | null | undefined, search: string | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<AccountPageResult> {
    const size = pageSize(first, 50);
    // People only: API keys' service accounts are listed by apiKeys.
    const keyUsers = (await this.em.getConnection().execute('select user_id from api_key')) as Array<{ user_id: number }>;
    const where: FilterQuery<User> = keyUsers.length ? { id: { $nin: keyUsers.map((row) => Number(row.user_id)) } } : {};
    if (role) where.role = role;
    const term = search?.trim().toLowerCase();
    if (term) where.email = { $like: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
    const cursor = decodeCursor<number>(after);
    const items = await this.em.find(User, cursor == null ? where : { $and: [where, { id: { $gt: Number(cursor) } }] }, {
      orderBy: { id: 'asc' }, limit: size + 1,
    });
    const more = items.length > size;
    const page = more ? items.slice(0, size) : items;
    return withTotalCount({ items: page, nextCursor: more ? encodeCursor(page[page.length - 1].id) : null }, cursor == null, page.length, more, () => this.em.count(User, where));
  }

  /**
   * Switches an account off or on. Off: it cannot sign in, its tokens stop at once and every
   * process closes its sockets. A doctor's profile follows the account (and the other way round,
   * through updateDoctor). The last active admin cannot be switched off.
   */
  async setActive(userIdArg: string | number, active: boolean): Promise<User> {
    const userId = typeof userIdArg === 'number' ? userIdArg : parseId(userIdArg, 'userId');
    const { user, changed } = await this.em.transactional(async (em) => {
      const user = await em.findOne(User, userId);
      if (!user) throw new NotFoundError('Account');
      // An API key's account is managed through its key (revokeApiKey), never switched back on here.
      if ((await em.getConnection().execute('select 1 from api_key where user_id = ?', [user.id], 'all', em.getTransactionContext()) as unknown[]).length) {
        throw new NotFoundError('Account');
      }
      if (user.active === active) return { user, changed: false };
      if (!active && user.role === Role.ADMIN) {
        // Locks every active admin row: two admins switching each other off at once serialise here.
        const admins = (await em.getConnection().execute(
          "select id from `user` u where role = 'ADMIN' and active = 1 and not exists (select 1 from api_key k where k.user_id = u.id) for update", [], 'all', em.getTransactionContext())) as Array<{ id: number }>;
        if (admins.filter((row) => Number(row.id) !== user.id).length === 0) throw new ConflictError(LAST_ADMIN_MESSAGE);
      }
      user.active = active;
      // Tokens issued before a deactivation stay dead after a reactivation.
      if (!active) user.tokenVersion += 1;
      if (user.role === Role.DOCTOR) await em.nativeUpdate(Doctor, { user: user.id }, { active });
      recordAudit(em, this.ctx, {
        action: active ? 'account.reactivate' : 'account.deactivate', entityType: 'user', entityId: user.id, changes: { active: { before: !active, after: active } },
      });
      return { user, changed: true };
    });
    if (changed && !active) publishAccountRevoked(this.ctx.deps, user.id);
    return user;
  }

  /** A new admin: with a password (which they must change), or else a one-time invitation link. */
  async createAdmin(input: { email: string; password?: string | null }): Promise<{ user: User; invitationUrl: string | null; invitationExpiresAt: Date | null }> {
    const data = validate(createAdminSchema, input);
    const passwordHash = data.password ? await hashPassword(data.password) : '';
    const invitations = new InvitationService(this.ctx);
    const { user, link } = await this.em.transactional(async (em) => {
      if (await em.count(User, { email: data.email })) {
        throw new ConflictError('An account with this email already exists', { email: 'Already registered' });
      }
      const user = em.create(User, { email: data.email, passwordHash, role: Role.ADMIN, mustChangePassword: Boolean(data.password) });
      em.persist(user);
      await em.flush();
      recordAudit(em, this.ctx, { action: 'account.create', entityType: 'user', entityId: user.id, changes: { role: { before: null, after: Role.ADMIN } } });
      return { user, link: data.password ? null : await invitations.create(em, user) };
    }).catch(rethrowDuplicateEmail);
    return { user, invitationUrl: link ? await invitations.deliver(link, user.email) : null, invitationExpiresAt: link?.expiresAt ?? null };
  }
}
