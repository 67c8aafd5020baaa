import type { EntityManager } from '@mikro-orm/core';
import type { Context } from '../../context';
import { User } from '../identity/user.entity';
import { AuditEvent } from './audit-event.entity';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  changes?: AuditChanges | null;
}

/**
 * Queues an audit row on `em`, which must be the transaction's manager, so it
 * is written with the change it records or not at all.
 */
export function recordAudit(em: EntityManager, ctx: Pick<Context, 'viewer' | 'requestId'>, entry: AuditEntry): void {
  em.persist(em.create(AuditEvent, {
    actor: ctx.viewer ? em.getReference(User, ctx.viewer.userId) : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    changes: entry.changes ?? null,
    requestId: ctx.requestId,
  }));
}

/** Before/after of the fields that differ between two plain snapshots. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = normalise(before[key]);
    const b = normalise(after[key]);
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a, after: b };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value ?? null;
}
