import type { EntityManager } from '@mikro-orm/core';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { requireViewer } from '../../auth';
import type { Context } from '../../context';
import { ForbiddenError, NotFoundError } from '../../errors';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/pagination';
import { optionalText, phoneSchema, requiredText, validate } from '../../shared/validation';
import { Role } from '../identity/user.entity';
import { Patient } from './patient.entity';
import type { CreateWalkInPatientInput, UpdateMyProfileInput } from './directory.types';

const MRN_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A new random medical record number; the unique index is the last word on collisions. */
export async function nextMedicalRecordNumber(_em: EntityManager): Promise<string> {
  let mrn = 'MRN-';
  for (let i = 0; i < 10; i += 1) mrn += MRN_ALPHABET[randomInt(MRN_ALPHABET.length)];
  return mrn;
}

const today = () => new Date().toISOString().slice(0, 10);

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
});

export interface PatientPageResult {
  items: Patient[];
  nextCursor: string | null;
  totalCount: number;
}

/** Patient profiles: own profile edits, walk-ins, and who may see whom. */
export class PatientService {
  constructor(private readonly ctx: Context) {}

  async updateMyProfile(input: UpdateMyProfileInput): Promise<Patient> {
    const viewer = requireViewer(this.ctx);
    if (!viewer.patientId) throw new ForbiddenError('Only patients have a profile to edit');
    const data = validate(profileSchema, input);
    const patient = await this.ctx.em.findOneOrFail(Patient, viewer.patientId);
    applyProfile(patient, input, data);
    await this.ctx.em.flush();
    return patient;
  }

  /** A walk-in patient without an account, registered by the front desk. */
  async createWalkIn(input: CreateWalkInPatientInput): Promise<Patient> {
    const data = validate(profileSchema.extend({ fullName: requiredText(120, 'Full name') }), input);
    const patient = this.ctx.em.create(Patient, {
      fullName: data.fullName,
      medicalRecordNumber: await nextMedicalRecordNumber(this.ctx.em),
    });
    applyProfile(patient, input, data);
    await this.ctx.em.persistAndFlush(patient);
    return patient;
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
   * Search by name, medical record number or phone (case-insensitive, partial).
   * Admins search everyone; doctors only patients with an appointment with them.
   */
  async search(search: string | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<PatientPageResult> {
    const viewer = requireViewer(this.ctx);
    const limit = pageSize(first);
    const cursor = decodeCursor<{ name: string; id: number }>(after);
    const where: string[] = [];
    const params: unknown[] = [];
    const term = search?.trim();
    if (term) {
      const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push('(p.full_name like ? or p.medical_record_number like ? or p.phone like ?)');
      params.push(like, like, like);
    }
    if (viewer.role === Role.DOCTOR) {
      where.push('exists (select 1 from appointment a where a.patient_id = p.id and a.doctor_id = ?)');
      params.push(viewer.doctorId ?? 0);
    } else if (viewer.role !== Role.ADMIN) {
      throw new ForbiddenError();
    }
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const connection = this.ctx.em.getConnection();
    const [{ total }] = await connection.execute<Array<{ total: number }>>(`select count(*) as total from patient p ${filter}`, params);
    const pageWhere = [...where];
    const pageParams = [...params];
    if (cursor) {
      pageWhere.push('(p.full_name > ? or (p.full_name = ? and p.id > ?))');
      pageParams.push(cursor.name, cursor.name, cursor.id);
    }
    const rows = await connection.execute<Array<{ id: number }>>(
      `select p.id from patient p ${pageWhere.length ? `where ${pageWhere.join(' and ')}` : ''} order by p.full_name, p.id limit ?`,
      [...pageParams, limit + 1],
    );
    const ids: number[] = rows.slice(0, limit).map((r: { id: number }) => r.id);
    const patients = ids.length ? await this.ctx.em.find(Patient, { id: { $in: ids } }) : [];
    const byId = new Map(patients.map((p) => [p.id, p]));
    const items = ids.map((id: number) => byId.get(id)!);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ name: last.fullName, id: last.id }) : null,
      totalCount: Number(total),
    };
  }
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
}
