import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import type { Context } from '../../context';
import { clock } from '../../clock';
import { ConflictError, NotFoundError } from '../../errors';
import { parseId, passwordSchema, validate } from '../../shared/validation';
import { recordAudit } from '../audit/audit.service';
import { hashPassword, IdentityService } from './identity.service';
import { Invitation } from './invitation.entity';
import { newOneTimeToken, openOneTimeToken, setChosenPassword } from './one-time-token';
import { User } from './user.entity';
import { invitationDeliveryFor, planInvitationMessage } from '../messages/invitation-delivery';
import { kickMessages } from '../messages/messages.jobs';

export const INVITATION_HOURS = 72;

/** The secret link, as given to whoever delivers it. */
export interface InvitationLink {
  url: string;
  expiresAt: Date;
  userId: number;
}

/**
 * How a new invitation reaches the person. Until e-mail exists the link is handed back once to
 * the admin who asked (`ShowToAdmin`); a mailer will implement this and return null instead.
 */
export interface InvitationDelivery {
  /** Returns the URL to show to the admin, or null when the link went out another way. */
  deliver(link: InvitationLink, email: string): Promise<string | null>;
}

export const showToAdmin: InvitationDelivery = { deliver: async (link) => link.url };

export const NOT_VALID_MESSAGE = 'This invitation link is not valid (used, replaced or expired); ask an administrator for a new one';

// The link of a just-created invitation, for the one answer that shows it (createDoctor's Doctor.invitationUrl).
const freshUrls = new WeakMap<object, string>();
export function rememberInvitationUrl(holder: object, url: string): void { freshUrls.set(holder, url); }
export function freshInvitationUrl(holder: object): string | null { return freshUrls.get(holder) ?? null; }

/** One-time links that let a person choose their own password. */
export class InvitationService {
  constructor(private readonly ctx: Context, private readonly delivery: InvitationDelivery = invitationDeliveryFor(ctx.deps.config)) {}

  /**
   * Creates an invitation for `user` on `em` (the caller's transaction), replacing any open one.
   * Returns the link; only its hash is stored.
   */
  async create(em: EntityManager, user: User): Promise<InvitationLink> {
    const now = clock.now();
    await em.nativeUpdate(Invitation, { user: user.id, acceptedAt: null, revokedAt: null }, { revokedAt: now });
    const { token, tokenHash } = newOneTimeToken();
    const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3600_000);
    const invitation = em.create(Invitation, {
      user, tokenHash, expiresAt, createdBy: this.ctx.viewer ? em.getReference(User, this.ctx.viewer.userId) : null, createdAt: now,
    });
    em.persist(invitation);
    recordAudit(em, this.ctx, { action: 'invitation.create', entityType: 'user', entityId: user.id, changes: { expiresAt: { before: null, after: expiresAt.toISOString() } } });
    const url = `${this.ctx.deps.config.publicUrl}/invitation/${token}`;
    await em.flush();
    // The e-mail with the link, in this transaction (the messages ledger; sent after commit).
    await planInvitationMessage(em, this.ctx.deps, { userId: user.id, invitationId: invitation.id, url, now });
    return { url, expiresAt, userId: user.id };
  }

  /** Hands a created link to the delivery (after commit): the URL to show once, or null. */
  deliver(link: InvitationLink, email: string): Promise<string | null> {
    kickMessages(this.ctx.deps);
    return this.delivery.deliver(link, email);
  }

  /** ADMIN: a new link for an account that has not chosen its own password yet; older links stop working. */
  async reissue(userIdArg: string): Promise<{ url: string | null; expiresAt: Date }> {
    const userId = parseId(userIdArg, 'userId');
    const { link, email } = await this.ctx.em.transactional(async (em) => {
      const user = await em.findOne(User, userId, { populate: ['passwordHash'] });
      if (!user) throw new NotFoundError('Account');
      if (user.passwordHash !== '' && !user.mustChangePassword) {
        throw new ConflictError('This person has already chosen their own password');
      }
      return { link: await this.create(em, user), email: user.email };
    });
    return { url: await this.deliver(link, email), expiresAt: link.expiresAt };
  }

  /** The invited person chooses a password: the link works once, within INVITATION_HOURS. */
  async accept(token: string, password: string): Promise<{ token: string; user: User }> {
    const { password: chosen } = validate(z.object({ password: passwordSchema }), { password });
    const passwordHash = await hashPassword(chosen);
    const user = await this.ctx.em.transactional(async (em) => {
      const invitation = await openOneTimeToken(em, Invitation, token, (row) => Boolean(row.acceptedAt || row.revokedAt), NOT_VALID_MESSAGE);
      const user = invitation.user;
      invitation.acceptedAt = clock.now();
      setChosenPassword(user, passwordHash);
      recordAudit(em, { ...this.ctx, viewer: null }, { action: 'invitation.accept', entityType: 'user', entityId: user.id, actorId: user.id });
      return user;
    });
    return { token: new IdentityService(this.ctx).issueToken(user), user };
  }
}
