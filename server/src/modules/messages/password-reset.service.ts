import { z } from 'zod';
import { clock } from '../../clock';
import type { Context } from '../../context';
import { consumeRateLimit } from '../../rate-limit';
import { emailSchema, passwordSchema, validate } from '../../shared/validation';
import { recordAudit } from '../audit/audit.service';
import { keyringOf } from '../clinical/crypto';
import { hashPassword } from '../identity/identity.service';
import { newOneTimeToken, openOneTimeToken, setChosenPassword } from '../identity/one-time-token';
import { publishAccountRevoked } from '../identity/revocation';
import { User } from '../identity/user.entity';
import { kickMessages } from './messages.jobs';
import { insertMessages } from './planner';
import { PasswordReset } from './password-reset.entity';

export const RESET_MINUTES = 30;
export const RESET_NOT_VALID = 'This reset link is not valid (used, replaced or expired); ask for a new one';

/** Password recovery by e-mail: a single-use link valid RESET_MINUTES; only its SHA-256 is stored. */
export class PasswordResetService {
  constructor(private readonly ctx: Context) {}

  /** Always true: the answer never says whether the address has an account. Rate limited per address and per IP. */
  async request(rawEmail: string): Promise<boolean> {
    const email = String(rawEmail ?? '').trim().toLowerCase();
    await consumeRateLimit(this.ctx, 'passwordReset', email);
    if (!emailSchema.safeParse(email).success) return true;
    const user = await this.ctx.em.findOne(User, { email });
    if (!user || !user.active) return true;
    const { token, tokenHash } = newOneTimeToken();
    const now = clock.now();
    await this.ctx.em.transactional(async (em) => {
      // A new link replaces the older ones.
      await em.nativeUpdate(PasswordReset, { user: user.id, usedAt: null, expiresAt: { $gt: now } }, { expiresAt: now });
      const reset = em.create(PasswordReset, { user: em.getReference(User, user.id), tokenHash, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000), createdAt: now });
      em.persist(reset);
      await em.flush();
      const link = `${this.ctx.deps.config.publicUrl}/reset-password/${token}`;
      await insertMessages(em, [{
        kind: 'PASSWORD_RESET', subject: `reset:${reset.id}`, channel: 'EMAIL', recipientUserId: user.id, dueAt: now,
        sealedPayload: keyringOf(this.ctx.deps).encrypt(JSON.stringify({ link })),
      }]);
      recordAudit(em, { ...this.ctx, viewer: null }, { action: 'password.reset_requested', entityType: 'user', entityId: user.id, actorId: user.id });
    });
    kickMessages(this.ctx.deps);
    return true;
  }

  /** Sets the password from a valid link: the link is spent, a lockout cleared, every older session ended. */
  async reset(token: string, newPassword: string): Promise<boolean> {
    const { password } = validate(z.object({ password: passwordSchema }), { password: newPassword });
    const passwordHash = await hashPassword(password);
    const userId = await this.ctx.em.transactional(async (em) => {
      const reset = await openOneTimeToken(em, PasswordReset, token, (row) => Boolean(row.usedAt), RESET_NOT_VALID);
      reset.usedAt = clock.now();
      const user = reset.user;
      setChosenPassword(user, passwordHash);
      recordAudit(em, { ...this.ctx, viewer: null }, { action: 'password.reset', entityType: 'user', entityId: user.id, actorId: user.id });
      return user.id;
    });
    publishAccountRevoked(this.ctx.deps, userId);
    return true;
  }
}
