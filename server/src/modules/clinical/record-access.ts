import type { Context } from '../../context';
import { BadInputError, ForbiddenError } from '../../errors';
import { parseId } from '../../shared/validation';
import { requireViewer } from '../../auth';
import { Role } from '../identity/user.entity';
import { RecordAccess, RecordAccessKind } from './clinical.types';

interface AccessRow {
  id: number;
  action: string;
  entity_type: string;
  entity_id: string;
  request_id: string | null;
  created_at: Date | string;
  role: Role | null;
  doctor_name: string | null;
}

const KINDS = new Map(Object.values(RecordAccessKind).map((kind) => [kind.toLowerCase(), kind]));

export const MAX_RECORD_ACCESS = 200;

/**
 * PATIENT: who opened (or tried to open) my clinical records, newest first.
 * The patient's own reads are recorded for the audit trail but not listed here:
 * they are not news to the patient and would drown the reads that are.
 */
export async function myRecordAccess(ctx: Context, first: number, before: string | null): Promise<RecordAccess[]> {
  const viewer = requireViewer(ctx);
  if (viewer.role !== Role.PATIENT || !viewer.patientId) throw new ForbiddenError('Only patients have records of their own');
  if (!Number.isInteger(first) || first < 1 || first > MAX_RECORD_ACCESS) {
    throw new BadInputError(`first must be 1 to ${MAX_RECORD_ACCESS}`, { first: `1 to ${MAX_RECORD_ACCESS}` });
  }
  const beforeId = before ? parseId(before, 'before') : null;
  // Newest first on (subject_patient_id, id).
  const rows = await ctx.em.getConnection().execute<AccessRow[]>(
    'select e.id, e.action, e.entity_type, e.entity_id, e.request_id, e.created_at, u.role, d.full_name as doctor_name ' +
      'from audit_event e left join `user` u on u.id = e.actor_id left join doctor d on d.user_id = e.actor_id ' +
      "where e.subject_patient_id = ? and e.action like 'record.%' and (e.actor_id is null or e.actor_id <> ?) " +
      `${beforeId ? 'and e.id < ? ' : ''}order by e.id desc limit ?`,
    [viewer.patientId, viewer.userId, ...(beforeId ? [beforeId] : []), first],
  );
  return rows.map((row: AccessRow) => {
    const [, kind, denied] = row.action.split('.');
    return Object.assign(new RecordAccess(), {
      id: String(row.id),
      readerName: row.doctor_name ?? (row.role === Role.ADMIN ? 'Hospital administrator' : row.role === Role.PATIENT ? 'Another patient' : 'Unknown'),
      readerRole: row.role,
      kind: KINDS.get(kind) ?? RecordAccessKind.HISTORY,
      treatmentId: row.entity_type === 'treatment' ? row.entity_id : null,
      granted: denied !== 'denied',
      at: row.created_at instanceof Date ? row.created_at : new Date(`${String(row.created_at).replace(' ', 'T')}Z`),
      requestId: row.request_id,
    });
  });
}
