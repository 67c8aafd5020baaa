import type { EntityManager } from '@mikro-orm/core';
import { OutboxEvent, type WebhookOnlyKind } from './outbox-event.entity';

/**
 * Writes the outbox row of a billing or clinical fact (webhooks only) in the caller's
 * transaction, so it exists exactly when the change committed: a rollback leaves nothing to
 * send. Ids only: the webhook fan-out reads the rest (never clinical text) when it builds the body.
 * The webhook sweep picks committed rows up within a second; nothing to publish after commit.
 */
export function recordDomainEvent(
  em: EntityManager,
  event: { kind: WebhookOnlyKind; doctorId: number; appointmentId: number; subjectId: number },
): OutboxEvent {
  const row = em.create(OutboxEvent, {
    kind: event.kind, doctorId: event.doctorId, appointmentId: event.appointmentId, subjectId: event.subjectId,
  });
  em.persist(row);
  return row;
}
