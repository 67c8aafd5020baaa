import { clock } from '../../clock';
import { type EntityManager, LockMode } from '@mikro-orm/core';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { requireViewer } from '../../auth';
import type { Context } from '../../context';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { decodeCursor, encodeCursor, pageSize, type TotalCount, withTotalCount } from '../../shared/pagination';
import { optionalText, phoneSchema, requiredText, validate } from '../../shared/validation';
import { Role, User } from '../identity/user.entity';
import { publishAccountRevoked } from '../identity/revocation';
import { MessagesService } from '../messages/messages.service';
import { Patient } from './patient.entity';
import type { CreateWalkInPatientInput, UpdateMyProfileInput } from './directory.types';
import { diff, recordAudit, type AuditChanges } from '../audit/audit.service';

/** Health facts in a profile appear in the audit trail by name only, like clinical fields. */
const HEALTH_FIELDS = new Set(['bloodGroup', 'heightCm', 'weightKg', 'allergies']);

const patientSnapshot = (p: Patient): Record<string, unknown> => ({
  fullName: p.fullName,
  medicalRecordNumber: p.medicalRecordNumber,
  dateOfBirth: p.dateOfBirth ?? null,
  gender: p.gender ?? null,
  phone: p.phone ?? null,
  address: p.address ?? null,
  bloodGroup: p.bloodGroup ?? null,
  heightCm: p.heightCm ?? null,
  weightKg: p.weightKg ?? null,
  allergies: p.allergies ?? null,
  reminderOptIn: p.reminderOptIn,
  reminderSmsOptIn: p.reminderSmsOptIn,
});

function patientChanges(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges {
  const changes = diff(before, after);
  for (const field of Object.keys(changes)) {
    if (!HEALTH_FIELDS.has(field)) continue;
    const { before: b, after: a } = changes[field];
    changes[field] = { before: b == null ? null : '[health, not audited]', after: a == null ? null : '[health, not audited]' };
  }
  return changes;
}

const MRN_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A new random medical record number; the unique index is the last word on collisions. */
export async function nextMedicalRecordNumber(_em: EntityManager): Promise<string> {
  let mrn = 'MRN-';
  for (let i = 0; i < 10; i += 1) mrn += MRN_ALPHABET[randomInt(MRN_ALPHABET.length)];
  return mrn;
}

const today = () => clock.now().toISOString().slice(0, 10);

const profileSchema = z.object({
  fullName: requiredText(120, 'Full name').optional(),
  dateOfBirth: z.string().nullish().refine((d) => !d || d <= today(), 'Cannot be in the future'),
  gender: optionalText(32),
  phone: phoneSchema,
  address: optionalText(500),
  bloodGroup: z.enum(['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'], { message: 'One of A+, A-, B+, B-, AB+, AB-, O+, O-' }).nullish(),
  heightCm: z.number().int('Whole centimetres').min(30, 'At least 30').max(272, 'At most 272').nullish(),
  weightKg: z.number().min(0.5, 'At least 0.5').max(650, 'At most 650').nullish(),
  allergies: optionalText(1000),
  reminderOptIn: z.boolean().nullish(),
  reminderSmsOptIn: z.boolean().nullish(),
});

export interface PatientPageResult {
  items: Patient[];
  nextCursor: string | null;
  totalCount: TotalCount;
}

/** Patient profiles: own profile edits, walk-ins, and who may see whom. */
export class PatientService {
  constructor(private readonly ctx: Context) {}

  async updateMyProfile(input: UpdateMyProfileInput): Promise<Patient> {
    const viewer = requireViewer(this.ctx);
    if (!viewer.patientId) throw new ForbiddenError('Only patients have a profile to edit');
    const data = validate(profileSchema, input);
    const patient = await this.ctx.em.findOneOrFail(Patient, viewer.patientId);
    const before = patientSnapshot(patient);
    applyProfile(patient, input, data);
    const changes = patientChanges(before, patientSnapshot(patient));
    // One flush, one transaction: the change and its audit row together.
    if (Object.keys(changes).length) {
      recordAudit(this.ctx.em, this.ctx, { action: 'patient.update', entityType: 'patient', entityId: patient.id, subjectPatientId: patient.id, changes });
    }
    await this.ctx.em.flush();
    // A reminder channel switched on: its reminders for the visits already booked (off: checked at send time).
    if ((patient.reminderOptIn && !before.reminderOptIn) || (patient.reminderSmsOptIn && !before.reminderSmsOptIn)) {
      await MessagesService.channelsChanged(this.ctx, patient.id);
    }
    return patient;
  }

  /** A walk-in patient without an account, registered by the front desk. */
  async createWalkIn(input: CreateWalkInPatientInput): Promise<Patient> {
    const data = validate(profileSchema.extend({ fullName: requiredText(120, 'Full name') }), input);
    const medicalRecordNumber = await nextMedicalRecordNumber(this.ctx.em);
    return this.ctx.em.transactional(async (em) => {
      const patient = em.create(Patient, { fullName: data.fullName, medicalRecordNumber });
      applyProfile(patient, input, data);
      await em.flush();
      recordAudit(em, this.ctx, {
        action: 'patient.create', entityType: 'patient', entityId: patient.id, subjectPatientId: patient.id, changes: patientChanges({}, patientSnapshot(patient)),
      });
      return patient;
    });
  }

  /** ADMIN (the front desk): correct any patient's details; audited like the patient's own edits. */
  async updateByAdmin(id: number, input: UpdateMyProfileInput): Promise<Patient> {
    const data = validate(profileSchema, input);
    return this.ctx.em.transactional(async (em) => {
      const patient = await em.findOne(Patient, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!patient) throw new NotFoundError('Patient');
      const before = patientSnapshot(patient);
      applyProfile(patient, input, data);
      const changes = patientChanges(before, patientSnapshot(patient));
      if (Object.keys(changes).length) {
        recordAudit(em, this.ctx, { action: 'patient.update', entityType: 'patient', entityId: patient.id, subjectPatientId: patient.id, changes });
      }
      return patient;
    });
  }

  /**
   * ADMIN: deactivate or reactivate a patient record. An inactive record takes no bookings; with an
   * account, the account goes with it (signed out everywhere, cannot sign in), as setAccountActive.
   */
  async setActive(id: number, active: boolean): Promise<Patient> {
    const { patient, revokeUserId } = await this.ctx.em.transactional(async (em) => {
      const patient = await em.findOne(Patient, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!patient) throw new NotFoundError('Patient');
      if (active && patient.mergedInto) throw new ConflictError('This record was merged into another patient; open that one');
      let revokeUserId: number | null = null;
      if (patient.active !== active) {
        patient.active = active;
        recordAudit(em, this.ctx, {
          action: active ? 'patient.reactivate' : 'patient.deactivate', entityType: 'patient', entityId: patient.id, subjectPatientId: patient.id,
          changes: { active: { before: !active, after: active } },
        });
      }
      if (patient.user) {
        const user = await em.findOneOrFail(User, patient.user.id);
        if (user.active !== active) {
          user.active = active;
          if (!active) { user.tokenVersion += 1; revokeUserId = user.id; }
          recordAudit(em, this.ctx, {
            action: active ? 'account.reactivate' : 'account.deactivate', entityType: 'user', entityId: user.id, changes: { active: { before: !active, after: active } },
          });
        }
      }
      return { patient, revokeUserId };
    });
    if (revokeUserId !== null) publishAccountRevoked(this.ctx.deps, revokeUserId);
    return patient;
  }

  /**
   * ADMIN: a walk-in record (no account) merged into a registered patient's: its appointments,
   * their treatments and its invoices move over in one transaction, the walk-in record is
   * deactivated and points at the target, and one audit row lists what moved. Two active visits
   * that overlap in time would give the patient a double booking: CONFLICT, nothing changes.
   */
  async merge(sourceId: number, targetId: number): Promise<Patient> {
    if (sourceId === targetId) throw new BadInputError('A record cannot be merged into itself', { targetPatientId: 'Pick another patient' });
    return this.ctx.em.transactional(async (em) => {
      type Row = Record<string, unknown>;
      const conn = async (q: string, params: unknown[]): Promise<Row[]> => (await em.getConnection().execute(q, params, 'all', em.getTransactionContext())) as Row[];
      // Both rows locked, in id order (as every writer of two patients would), before anything is read.
      const locked = await conn('select id, user_id, active, merged_into_id from patient where id in (?, ?) order by id for update', [sourceId, targetId]);
      const source = locked.find((r) => Number(r.id) === sourceId);
      const target = locked.find((r) => Number(r.id) === targetId);
      if (!source || !target) throw new NotFoundError('Patient');
      if (source.user_id != null) throw new BadInputError('Only a walk-in record (without an account) can be merged into another', { sourcePatientId: 'Has its own account' });
      if (target.user_id == null) throw new BadInputError('Merge into the registered patient\'s record (the one with an account)', { targetPatientId: 'No account' });
      if (source.merged_into_id != null) throw new ConflictError('This record was already merged');
      if (!Number(target.active)) throw new ConflictError('The target record is deactivated; reactivate it first');
      const clashes = await conn(
        `select s.id as source_id, t.id as target_id, s.starts_at from appointment s join appointment t on t.patient_id = ? ` +
          `and t.active_starts_at is not null and t.starts_at < s.ends_at and s.starts_at < t.ends_at ` +
          `where s.patient_id = ? and s.active_starts_at is not null order by s.starts_at`,
        [targetId, sourceId]);
      if (clashes.length) {
        const when = clashes.map((c) => new Date(`${String(c.starts_at).replace(' ', 'T')}${String(c.starts_at).endsWith('Z') ? '' : 'Z'}`).toISOString());
        throw new ConflictError(`Both records have a visit at the same time (${when.join(', ')}); cancel or move one first`, {
          sourcePatientId: `Overlapping visits: ${clashes.map((c) => String(c.source_id)).join(', ')}`,
        });
      }
      const appointments = (await conn('select id from appointment where patient_id = ? order by id', [sourceId])).map((r) => String(r.id));
      const invoices = (await conn('select id from invoice where patient_id = ? order by id', [sourceId])).map((r) => String(r.id));
      await conn('update appointment set patient_id = ? where patient_id = ?', [targetId, sourceId]);
      await conn('update treatment set patient_id = ? where patient_id = ?', [targetId, sourceId]);
      await conn('update invoice set patient_id = ? where patient_id = ?', [targetId, sourceId]);
      // Series and waitlist entries belong to the person too; they follow the visits.
      await conn('update appointment_series set patient_id = ? where patient_id = ?', [targetId, sourceId]);
      await conn('update waitlist_entry set patient_id = ? where patient_id = ?', [targetId, sourceId]);
      await conn('update patient set active = 0, merged_into_id = ? where id = ?', [targetId, sourceId]);
      recordAudit(em, this.ctx, {
        action: 'patient.merge', entityType: 'patient', entityId: sourceId, subjectPatientId: targetId,
        changes: {
          mergedInto: { before: null, after: String(targetId) },
          appointmentIds: { before: null, after: appointments.join(',') },
          invoiceIds: { before: null, after: invoices.join(',') },
        },
      });
      const merged = await em.findOneOrFail(Patient, targetId);
      return merged;
    });
  }

  /** Admins see every patient; a doctor sees those with an appointment with them; a patient themself. */
  async get(id: number): Promise<Patient> {
    const viewer = requireViewer(this.ctx);
    const patient = await this.ctx.em.findOne(Patient, id);
    if (!patient) throw new NotFoundError('Patient');
    if (viewer.role === Role.ADMIN || viewer.patientId === id) return patient;
    if (viewer.role === Role.DOCTOR && viewer.doctorId && (await this.isPatientOfDoctor(id, viewer.doctorId))) return patient;
    throw new NotFoundError('Patient');
  }

  async isPatientOfDoctor(patientId: number, doctorId: number): Promise<boolean> {
    const rows = await this.ctx.em.getConnection().execute<unknown[]>(
      'select 1 from appointment where patient_id = ? and doctor_id = ? limit 1', [patientId, doctorId]);
    return rows.length > 0;
  }

  /**
   * Search by name, medical record number or phone, case-insensitive, on indexes:
   * every word of the search starts a word of the name or record number
   * ("kowal" finds "Anna Kowalski", "B00012" finds "MRN-B000123"), and digits
   * match the start or the end of the phone's digits. One- and two-letter words
   * (too short for the full-text index) must start a word too; a search made only of
   * those matches the start of the name. Admins search everyone; doctors only
   * patients with an appointment with them.
   */
  async search(search: string | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<PatientPageResult> {
    const viewer = requireViewer(this.ctx);
    const limit = pageSize(first);
    const cursor = decodeCursor<{ name: string; id: number }>(after);
    if (cursor && (typeof cursor.name !== 'string' || !Number.isSafeInteger(cursor.id))) {
      throw new BadInputError('after is not a cursor from this list', { after: 'Invalid cursor' });
    }
    const where: string[] = [];
    const params: unknown[] = [];
    const matched = searchMatches(search);
    if (viewer.role === Role.DOCTOR) {
      where.push('exists (select 1 from appointment a where a.patient_id = p.id and a.doctor_id = ?)');
      params.push(viewer.doctorId ?? 0);
    } else if (viewer.role !== Role.ADMIN) {
      throw new ForbiddenError();
    }
    where.push(...matched.where);
    params.push(...matched.whereParams);
    const from = matched.ids ? `from (${matched.ids}) m join patient p on p.id = m.id` : 'from patient p';
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const connection = this.ctx.em.getConnection();
    const pageWhere = [...where];
    const pageParams = [...matched.idParams, ...params];
    if (cursor) {
      pageWhere.push('(p.full_name > ? or (p.full_name = ? and p.id > ?))');
      pageParams.push(cursor.name, cursor.name, cursor.id);
    }
    const rows = await connection.execute<Array<{ id: number }>>(
      `select p.id ${from} ${pageWhere.length ? `where ${pageWhere.join(' and ')}` : ''} order by p.full_name, p.id limit ?`,
      [...pageParams, limit + 1],
    );
    const ids: number[] = rows.slice(0, limit).map((r: { id: number }) => r.id);
    const patients = ids.length ? await this.ctx.em.find(Patient, { id: { $in: ids } }) : [];
    const byId = new Map(patients.map((p) => [p.id, p]));
    const items = ids.map((id: number) => byId.get(id)!);
    const last = items[items.length - 1];
    const page = { items, nextCursor: rows.length > limit && last ? encodeCursor({ name: last.fullName, id: last.id }) : null };
    return withTotalCount(page, !cursor, items.length, rows.length > limit, async () =>
      Number((await connection.execute<Array<{ total: number }>>(`select count(*) as total ${from} ${filter}`, [...matched.idParams, ...params]))[0].total));
  }
}

/** Shortest word the full-text index holds (innodb_ft_min_token_size's default). */
const FULLTEXT_MIN_WORD = 3;

/**
 * The SQL of a patient search: `ids`, a union of indexed lookups yielding
 * matching patient ids (null: no search, every patient), and extra conditions
 * on `p` for the words too short for the full-text index.
 */
function searchMatches(search: string | null | undefined): { ids: string | null; idParams: unknown[]; where: string[]; whereParams: unknown[] } {
  const term = search?.trim().toLowerCase() ?? '';
  const words = term.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!words.length) return { ids: null, idParams: [], where: [], whereParams: [] };
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  // An e-mail address (or its start, "anita.d@"): the account's unique email index, prefix only.
  const email = 'select p.id from patient p join `user` u on u.id = p.user_id where u.email like ?';
  if (term.includes('@')) return { ids: email, idParams: [`${escape(term)}%`], where: [], whereParams: [] };
  const long = words.filter((w) => w.length >= FULLTEXT_MIN_WORD);
  const short = words.filter((w) => w.length < FULLTEXT_MIN_WORD);
  const lookups: string[] = [];
  const idParams: unknown[] = [];
  const where: string[] = [];
  const whereParams: unknown[] = [];
  if (long.length) {
    lookups.push('select id from patient where match(full_name, medical_record_number) against (? in boolean mode)');
    idParams.push(long.map((w) => `+${w}*`).join(' '));
    // Short words filter the full-text matches: each must start a word of the name or record number.
    for (const w of short) {
      where.push("concat(' ', p.full_name, ' ', replace(p.medical_record_number, '-', ' ')) like ?");
      whereParams.push(`% ${escape(w)}%`);
    }
  } else {
    lookups.push('select id from patient where full_name like ?');
    idParams.push(`${escape(term)}%`);
  }
  if (words.length === 1 && words[0].length >= FULLTEXT_MIN_WORD && where.length === 0) {
    lookups.push(email);
    idParams.push(`${escape(words[0])}%`);
  }
  const digits = term.replace(/[\s()+\-.]/g, '');
  if (/^\d{3,}$/.test(digits)) {
    lookups.push('select id from patient where phone_digits like ?', 'select id from patient where phone_reversed like ?');
    idParams.push(`${digits}%`, `${[...digits].reverse().join('')}%`);
    // A phone-like search stands on its own: short groups of digits do not filter it.
    where.length = 0;
    whereParams.length = 0;
  }
  return { ids: lookups.join(' union '), idParams, where, whereParams };
}

/** Copies only the fields the caller sent (undefined = leave as is, null = clear). */
function applyProfile(patient: Patient, input: object, data: z.infer<typeof profileSchema>): void {
  const sent = (key: string) => (input as Record<string, unknown>)[key] !== undefined;
  if (sent('fullName') && data.fullName) patient.fullName = data.fullName;
  if (sent('dateOfBirth')) patient.dateOfBirth = data.dateOfBirth ?? null;
  if (sent('gender')) patient.gender = data.gender;
  if (sent('phone')) patient.phone = data.phone;
  if (sent('address')) patient.address = data.address;
  if (sent('bloodGroup')) patient.bloodGroup = data.bloodGroup ?? null;
  if (sent('heightCm')) patient.heightCm = data.heightCm ?? null;
  if (sent('weightKg')) patient.weightKg = data.weightKg == null ? null : data.weightKg.toFixed(1);
  if (sent('allergies')) patient.allergies = data.allergies;
  if (sent('reminderOptIn')) patient.reminderOptIn = data.reminderOptIn ?? false;
  if (sent('reminderSmsOptIn')) patient.reminderSmsOptIn = data.reminderSmsOptIn ?? false;
}
