import type { SqlEntityManager } from '@mikro-orm/mysql';
import type { Context } from '../../context';
import { BadInputError } from '../../errors';
import { decodeCursor, encodeCursor, pageSize, type TotalCount, withTotalCount } from '../../shared/pagination';
import { parseId } from '../../shared/validation';
import type { Role } from '../identity/user.entity';
import { AuditEventView, type AuditEventFilter } from './audit.types';

interface AuditRow {
  id: number;
  action: string;
  entity_type: string;
  entity_id: string;
  actor_id: number | null;
  email: string | null;
  role: Role | null;
  actor_name: string | null;
  subject_patient_id: number | null;
  subject_name: string | null;
  entity_name: string | null;
  changes: unknown;
  request_id: string | null;
  created_at: Date;
}

export interface AuditEventPageResult {
  items: AuditEventView[];
  nextCursor: string | null;
  totalCount: TotalCount;
}

// Names for the actor (a doctor's or patient's full name, else the email) and for the patient the event is about.
const JOINS = 'left join `user` u on u.id = e.actor_id left join doctor ad on ad.user_id = e.actor_id ' +
  'left join patient ap on ap.user_id = e.actor_id left join patient s on s.id = e.subject_patient_id';

// A readable name for the record itself where it has one (a doctor, a department), on the page's rows only.
const ENTITY_JOINS = "left join doctor ed on e.entity_type = 'doctor' and ed.id = e.entity_id " +
  "left join department edep on e.entity_type = 'department' and edep.id = e.entity_id";

const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The statements of one page of the log and of its totalCount (exported for the plan test, audit-growth.test.ts). */
export function auditEventQueries(filter: AuditEventFilter | null | undefined, cursor: number | null, limit: number): {
  page: { sql: string; params: unknown[] };
  count: { sql: string; params: unknown[] };
} {
  const f = filter ?? {};
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.entityType) { where.push('e.entity_type = ?'); params.push(f.entityType.trim()); }
  if (f.entityId) { where.push('e.entity_id = ?'); params.push(String(f.entityId).trim()); }
  if (f.actorId) { where.push('e.actor_id = ?'); params.push(parseId(f.actorId, 'actorId')); }
  if (f.subjectPatientId) { where.push('e.subject_patient_id = ?'); params.push(parseId(f.subjectPatientId, 'subjectPatientId')); }
  const action = f.action?.trim();
  if (action) {
    if (action.includes('.')) { where.push('e.action = ?'); params.push(action); } else { where.push('e.action like ?'); params.push(`${like(action).slice(1, -1)}.%`); }
  }
  const actorSearch = f.actorSearch?.trim();
  if (actorSearch) {
    where.push('(u.email like ? or ad.full_name like ? or ap.full_name like ?)');
    params.push(like(actorSearch), like(actorSearch), like(actorSearch));
  }
  const patientSearch = f.patientSearch?.trim();
  if (patientSearch) {
    where.push('(s.full_name like ? or s.medical_record_number like ?)');
    params.push(like(patientSearch), like(patientSearch));
  }
  if (f.from) { where.push('e.created_at >= ?'); params.push(f.from.toISOString().slice(0, 23).replace('T', ' ')); }
  if (f.to) { where.push('e.created_at < ?'); params.push(f.to.toISOString().slice(0, 23).replace('T', ' ')); }
  const filterSql = where.length ? `where ${where.join(' and ')}` : '';
  const pageWhere = cursor !== null ? [...where, 'e.id < ?'] : where;
  const page = {
    sql: 'select e.id, e.action, e.entity_type, e.entity_id, e.actor_id, u.email, u.role, coalesce(ad.full_name, ap.full_name, u.email) as actor_name, ' +
      'e.subject_patient_id, s.full_name as subject_name, coalesce(ed.full_name, edep.name) as entity_name, e.changes, e.request_id, e.created_at ' +
      `from audit_event e ${JOINS} ${ENTITY_JOINS} ${pageWhere.length ? `where ${pageWhere.join(' and ')}` : ''} ` +
      'order by e.id desc limit ?',
    params: [...params, ...(cursor !== null ? [cursor] : []), limit + 1],
  };
  return { page, count: { sql: `select count(*) as total from audit_event e ${JOINS} ${filterSql}`, params } };
}

/** The audit log, newest first (ADMIN; the resolver checks the role). */
export async function listAuditEvents(
  ctx: Context,
  filter: AuditEventFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<AuditEventPageResult> {
  const limit = pageSize(first);
  const cursor = decodeCursor<number>(after);
  if (cursor !== null && !Number.isSafeInteger(cursor)) throw new BadInputError('after is not a cursor from this list', { after: 'Invalid cursor' });
  const em = ctx.em as unknown as SqlEntityManager;
  const queries = auditEventQueries(filter, cursor, limit);
  const rows = await em.execute<AuditRow[]>(queries.page.sql, queries.page.params);
  const items = rows.slice(0, limit).map((r) => Object.assign(new AuditEventView(), {
    id: String(r.id),
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    actorId: r.actor_id == null ? null : String(r.actor_id),
    actorEmail: r.email,
    actorRole: r.role,
    actorName: r.actor_name,
    subjectPatientId: r.subject_patient_id == null ? null : String(r.subject_patient_id),
    subjectName: r.subject_name,
    entityName: r.entity_name,
    changes: r.changes == null ? null : typeof r.changes === 'string' ? r.changes : JSON.stringify(r.changes),
    requestId: r.request_id,
    createdAt: new Date(r.created_at),
  }));
  const last = items[items.length - 1];
  const page = { items, nextCursor: rows.length > limit && last ? encodeCursor(Number(last.id)) : null };
  return withTotalCount(page, cursor === null, items.length, rows.length > limit, async () =>
    Number((await em.execute<Array<{ total: number }>>(queries.count.sql, queries.count.params))[0].total));
}
