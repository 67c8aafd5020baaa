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
export function recordAudit(em: EntityManager, ctx: Pick<Context, 'viewer' | 'requestId'>, entry: AuditEntry & { subjectPatientId?: number | null }): void {
  em.persist(em.create(AuditEvent, {
    actor: ctx.viewer ? em.getReference(User, ctx.viewer.userId) : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    subjectPatientId: entry.subjectPatientId ?? null,
    changes: entry.changes ?? null,
    requestId: ctx.requestId?.slice(0, 64) ?? null,
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

export interface ImmediateAuditEntry extends AuditEntry {
  subjectPatientId?: number | null;
}

/**
 * Writes audit rows at once, on a pooled connection outside any transaction:
 * for reads of clinical records, refusals and key changes, which no rollback
 * may drop. All rows in one INSERT.
 */
export async function recordNow(
  deps: Pick<Context['deps'], 'orm'>,
  ctx: { viewer: { userId: number } | null; requestId: string | null } | null,
  entries: ImmediateAuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const params: unknown[] = [];
  const rows = entries.map((entry) => {
    params.push(
      ctx?.viewer?.userId ?? null,
      entry.action,
      entry.entityType,
      String(entry.entityId).slice(0, 32),
      entry.subjectPatientId ?? null,
      entry.changes ? JSON.stringify(entry.changes) : null,
      ctx?.requestId?.slice(0, 64) ?? null,
    );
    return '(?, ?, ?, ?, ?, ?, ?, utc_timestamp(3))';
  });
  await deps.orm.em.getConnection().execute(
    'insert into audit_event (actor_id, action, entity_type, entity_id, subject_patient_id, changes, request_id, created_at) ' +
      `values ${rows.join(', ')}`,
    params,
    'run',
  );
}
