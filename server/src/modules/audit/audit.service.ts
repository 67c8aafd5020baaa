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
  /** Who acted, when not the viewer (a sign-in has no viewer yet); null for nobody known. */
  actorId?: number | null;
}

/** What of the operation's context an audit row records. */
export type AuditContext = Pick<Context, 'viewer' | 'requestId'> & { clientIp?: string | null };

/**
 * Queues an audit row on `em`, which must be the transaction's manager, so it
 * is written with the change it records or not at all.
 */
export function recordAudit(em: EntityManager, ctx: AuditContext, entry: AuditEntry & { subjectPatientId?: number | null }): void {
  const actorId = entry.actorId !== undefined ? entry.actorId : ctx.viewer?.userId ?? null;
  em.persist(em.create(AuditEvent, {
    actor: actorId != null ? em.getReference(User, actorId) : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    subjectPatientId: entry.subjectPatientId ?? null,
    changes: entry.changes ?? null,
    requestId: ctx.requestId?.slice(0, 64) ?? null,
    ip: ctx.clientIp?.slice(0, 64) ?? null,
  }));
}

/**
 * Writes an audit row at once in its own short transaction: for events that must be kept
 * although the operation then fails (a refused sign-in throws, and would roll back a shared one).
 */
export async function recordAuditNow(em: EntityManager, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const own = em.fork({ clear: true });
  recordAudit(own, ctx, entry);
  await own.flush();
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
  ctx: { viewer: { userId: number } | null; requestId: string | null; clientIp?: string | null } | null,
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
      ctx?.clientIp?.slice(0, 64) ?? null,
    );
    return '(?, ?, ?, ?, ?, ?, ?, ?, utc_timestamp(3))';
  });
  await deps.orm.em.getConnection().execute(
    'insert into audit_event (actor_id, action, entity_type, entity_id, subject_patient_id, changes, request_id, ip, created_at) ' +
      `values ${rows.join(', ')}`,
    params,
    'run',
  );
}
