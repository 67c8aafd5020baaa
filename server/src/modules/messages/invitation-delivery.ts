import type { EntityManager } from '@mikro-orm/core';
import type { Config } from '../../config';
import type { AppDeps } from '../../context';
import { keyringOf } from '../clinical/crypto';
import type { InvitationDelivery } from '../identity/invitation.service';
import { insertMessages } from './planner';

/**
 * With SMTP the invitation goes by e-mail and the admin is not shown the link (null); without it
 * (development) the e-mail only reaches the log and the Outbox, so the admin is shown the link once.
 */
export function invitationDeliveryFor(config: Pick<Config, 'smtpUrl'>): InvitationDelivery {
  return { deliver: async (link) => (config.smtpUrl ? null : link.url) };
}

/** The invitation e-mail's ledger row; the link is sealed with the data key and dropped once sent. */
export async function planInvitationMessage(em: EntityManager, deps: AppDeps, invitation: { userId: number; invitationId: number; url: string; now: Date }): Promise<void> {
  await insertMessages(em, [{
    kind: 'DOCTOR_INVITATION', subject: `invitation:${invitation.invitationId}`, channel: 'EMAIL', recipientUserId: invitation.userId,
    dueAt: invitation.now, sealedPayload: keyringOf(deps).encrypt(JSON.stringify({ link: invitation.url })),
  }]);
}
