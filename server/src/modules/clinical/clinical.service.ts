import { LockMode, type EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { requireViewer } from '../../auth';
import type { Context } from '../../context';
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../../errors';
import { optionalText, parseId, requiredText, validate } from '../../shared/validation';
import { clock } from '../../clock';
import { recordDomainEvent } from '../live/domain-events';
import { recordAudit, recordNow, type AuditChanges } from '../audit/audit.service';
import { Department } from '../directory/department.entity';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Role } from '../identity/user.entity';
import { Appointment, AppointmentStatus } from '../scheduling/appointment.entity';
import { RecordAccessKind, type Medicine, type MyRecordSummary, type PatientRecordSummary, type TreatmentInput, type TreatmentRevisionView, type UpdateTreatmentInput } from './clinical.types';
import { DecryptionError, keyringOf, type Keyring } from './crypto';
import { TreatmentRevision } from './treatment-revision.entity';
import { Treatment, VisitType } from './treatment.entity';

/** The decrypted content of a treatment entry, as the GraphQL fields and exports show it. */
export interface TreatmentContent {
  diagnosis: string;
  icdCode: string | null;
  prescription: string | null;
  medicines: Medicine[];
  testsOrdered: string | null;
  precautions: string | null;
  /** Private clinical notes: clinicians only (null for a patient viewer). */
  notes: string | null;
  /** Notes for the patient. */
  patientNotes: string | null;
  visitType: VisitType;
  followUpDate: string | null;
}

/** Field names of TreatmentContent, in the order forms and revisions list them. */
export const TREATMENT_FIELDS = [
  'diagnosis', 'icdCode', 'prescription', 'medicines', 'testsOrdered', 'precautions', 'notes', 'patientNotes', 'visitType', 'followUpDate',
] as const satisfies ReadonlyArray<keyof TreatmentContent>;
type TreatmentField = (typeof TREATMENT_FIELDS)[number];

/** Fields whose values may appear in audit rows; every other field appears by name only. */
const AUDIT_VISIBLE_FIELDS = new Set<TreatmentField>(['visitType']);
const REDACTED = '[clinical, not audited]';

// ICD-10 (WHO and -CM): letter, two characters, optional dot and up to four more (A00, A00.0, J45.909, S72.001A).
const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

const icdCodeSchema = z
  .string()
  .max(16, 'At most 16 characters')
  .nullish()
  .transform((v) => (v?.trim() ? v.trim().toUpperCase() : null))
  .refine((v) => v === null || ICD10.test(v), 'Not an ICD-10 code such as A00, A00.0 or J45.909');

const medicineSchema = z.object({
  name: requiredText(200, 'Medicine name'),
  dose: optionalText(100),
  frequency: optionalText(100),
  duration: optionalText(100),
  instructions: optionalText(1000),
});

function fieldSchemas(today: string) {
  return {
    diagnosis: requiredText(5000, 'Diagnosis'),
    icdCode: icdCodeSchema,
    prescription: optionalText(5000),
    medicines: z.array(medicineSchema).max(50, 'At most 50 medicines').nullish().transform((v) => v ?? []),
    testsOrdered: optionalText(5000),
    precautions: optionalText(5000),
    notes: optionalText(20000),
    patientNotes: optionalText(20000),
    visitType: z.enum(VisitType).nullish().transform((v) => v ?? VisitType.CONSULTATION),
    followUpDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD')
      .nullish()
      .transform((v) => v ?? null)
      .refine((d) => d === null || d >= today, 'Cannot be in the past'),
  };
}

const contents = new WeakMap<Treatment, TreatmentContent>();

/**
 * The decrypted content of a treatment (cached per entity, which lives for one
 * request). A value that cannot be opened is an internal error: the client
 * gets a generic message and the log says which record, never garbage.
 */
export function treatmentContent(keyring: Keyring, treatment: Treatment): TreatmentContent {
  let content = contents.get(treatment);
  if (content) return content;
  try {
    const medicines = keyring.decryptNullable(treatment.medicinesEnc);
    content = {
      diagnosis: keyring.decrypt(treatment.diagnosisEnc),
      icdCode: treatment.icdCode ?? null,
      prescription: keyring.decryptNullable(treatment.prescriptionEnc),
      medicines: medicines ? (JSON.parse(medicines) as Medicine[]) : [],
      testsOrdered: keyring.decryptNullable(treatment.testsOrderedEnc),
      precautions: keyring.decryptNullable(treatment.precautionsEnc),
      notes: keyring.decryptNullable(treatment.notesEnc),
      patientNotes: keyring.decryptNullable(treatment.patientNotesEnc),
      visitType: treatment.visitType,
      followUpDate: treatment.followUpDate ?? null,
    };
  } catch (error) {
    if (error instanceof DecryptionError) throw new Error(`treatment ${treatment.id} cannot be decrypted: ${error.message}`);
    throw error;
  }
  contents.set(treatment, content);
  return content;
}

/** Writes `content` into the entity's columns, encrypting the clinical text. */
function seal(keyring: Keyring, treatment: Treatment, content: TreatmentContent): void {
  treatment.diagnosisEnc = keyring.encrypt(content.diagnosis);
  treatment.icdCode = content.icdCode;
  treatment.prescriptionEnc = keyring.encryptNullable(content.prescription);
  treatment.medicinesEnc = content.medicines.length ? keyring.encrypt(JSON.stringify(content.medicines)) : null;
  treatment.testsOrderedEnc = keyring.encryptNullable(content.testsOrdered);
  treatment.precautionsEnc = keyring.encryptNullable(content.precautions);
  treatment.notesEnc = keyring.encryptNullable(content.notes);
  treatment.patientNotesEnc = keyring.encryptNullable(content.patientNotes);
  treatment.visitType = content.visitType;
  treatment.followUpDate = content.followUpDate;
  contents.set(treatment, content);
}

function auditChanges(fields: TreatmentField[], before: TreatmentContent | null, after: TreatmentContent): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    changes[field] = AUDIT_VISIBLE_FIELDS.has(field)
      ? { before: before ? before[field] : null, after: after[field] }
      : { before: before ? REDACTED : null, after: REDACTED };
  }
  return changes;
}

const isEmpty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

export interface HistoryEntry {
  treatment: Treatment;
  content: TreatmentContent;
  appointment: Appointment;
  doctor: Doctor;
  department: Department;
}

/** A CHECKED_IN or COMPLETED visit this recent puts a patient in a doctor's care... */
export const CARE_PAST_YEARS = 2;
/** ...and so does a SCHEDULED visit starting this soon. */
export const CARE_AHEAD_DAYS = 14;

const sqlTime = (d: Date) => d.toISOString().slice(0, 23).replace('T', ' ');

/**
 * The one rule for whether a doctor may read a patient's clinical content: the
 * subset of `patientIds` in the doctor's care. A patient is in care with a
 * CHECKED_IN or COMPLETED visit with this doctor in the last 2 years, a
 * SCHEDULED one (not yet over) starting in the coming 14 days, or an entry the
 * doctor wrote. Cancelled and no-show visits grant nothing. One query, on the
 * (patient_id, starts_at) and (doctor_id, patient_id) indexes, for any number of patients.
 */
export async function patientsInCare(em: EntityManager, doctorId: number, patientIds: number[], now = clock.now()): Promise<Set<number>> {
  const ids = [...new Set(patientIds)];
  if (ids.length === 0) return new Set();
  const marks = ids.map(() => '?').join(', ');
  const since = DateTime.fromJSDate(now, { zone: 'utc' }).minus({ years: CARE_PAST_YEARS }).toJSDate();
  const until = new Date(now.getTime() + CARE_AHEAD_DAYS * 24 * 3600_000);
  const rows = await em.getConnection().execute<Array<{ patient_id: number }>>(
    'select a.patient_id from appointment a where a.patient_id in (' + marks + ') and a.doctor_id = ? and (' +
      "(a.status in ('CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED') and a.starts_at >= ?) or " +
      "(a.status = 'SCHEDULED' and a.ends_at > ? and a.starts_at < ?)) " +
      'union select t.patient_id from treatment t where t.doctor_id = ? and t.patient_id in (' + marks + ')',
    [...ids, doctorId, sqlTime(since), sqlTime(now), sqlTime(until), doctorId, ...ids],
  );
  return new Set(rows.map((r: { patient_id: number }) => Number(r.patient_id)));
}

const careCache = new WeakMap<Context, Map<number, boolean>>();

/** patientsInCare for the signed-in doctor, asked once per patient per operation (a history and its nested visits share it). */
async function inCareOfViewer(ctx: Context, doctorId: number, patientIds: number[]): Promise<Set<number>> {
  let known = careCache.get(ctx);
  if (!known) careCache.set(ctx, (known = new Map()));
  const unknown = [...new Set(patientIds)].filter((id) => !known.has(id));
  if (unknown.length) {
    const found = await patientsInCare(ctx.em, doctorId, unknown);
    for (const id of unknown) known.set(id, found.has(id));
  }
  return new Set(patientIds.filter((id) => known.get(id)));
}

/** A refusal the clinical service has already written to the audit trail (with the patient), so it is not logged twice. */
export class RecordAccessRefusedError extends ForbiddenError {
  readonly audited = true;
}

const REFUSAL = 'Only the patient and doctors caring for them (a visit in the last 2 years, one booked in the next 14 days, ' +
  'or an entry they wrote) may read this history';

export interface ClinicalRead {
  kind: RecordAccessKind;
  patientId: number;
  /** The record read, when it is one entry (TREATMENT, REVISIONS); else the patient. */
  entity?: { type: string; id: number };
}

/** Audit action of a read of clinical records ("record.history") and of a refused one ("record.history.denied"). */
export const recordAction = (kind: RecordAccessKind, granted = true) => `record.${kind.toLowerCase()}${granted ? '' : '.denied'}`;

const recordedReads = new WeakMap<Context, Set<string>>();

/**
 * Writes who read whose clinical records, at once and outside any transaction
 * (a read cannot be rolled back, nor can its record), one INSERT for the lot.
 * A read already recorded in this operation is not written again.
 */
export async function recordClinicalReads(ctx: Context, reads: ClinicalRead[], granted = true): Promise<void> {
  let seen = recordedReads.get(ctx);
  if (!seen) recordedReads.set(ctx, (seen = new Set()));
  const fresh = reads.filter((read) => {
    const key = `${granted}:${read.kind}:${read.patientId}:${read.entity?.id ?? ''}`;
    if (seen.has(key) || (read.kind === RecordAccessKind.VISIT_ENTRIES && seen.has(`${granted}:${RecordAccessKind.HISTORY}:${read.patientId}:`))) return false;
    seen.add(key);
    return true;
  });
  await recordNow(ctx.deps, ctx, fresh.map((read) => ({
    action: recordAction(read.kind, granted),
    entityType: read.entity?.type ?? 'patient',
    entityId: read.entity?.id ?? read.patientId,
    subjectPatientId: read.patientId,
  })));
}

const visitLoaders = new WeakMap<Context, DataLoader<Appointment, Treatment[] | Error, number>>();

/**
 * The entries of many visits in one go (per request): one query for the
 * entries, one for which of the patients the viewing doctor has seen. A visit
 * whose history the viewer may not read resolves to FORBIDDEN.
 */
function visitTreatmentsLoader(ctx: Context): DataLoader<Appointment, Treatment[] | Error, number> {
  let loader = visitLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<Appointment, Treatment[] | Error, number>(async (appointments) => {
      const viewer = requireViewer(ctx);
      const patientIds = [...new Set(appointments.map((a) => a.patient.id))];
      let readable = new Set<number>();
      if (viewer.role === Role.PATIENT && viewer.patientId) readable = new Set([viewer.patientId]);
      if (viewer.role === Role.DOCTOR && viewer.doctorId) readable = await inCareOfViewer(ctx, viewer.doctorId, patientIds);
      const allowed = appointments.filter((a) => readable.has(a.patient.id)).map((a) => a.id);
      const treatments = allowed.length
        ? await ctx.em.find(Treatment, { appointment: { $in: allowed } }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
        : [];
      const byVisit = new Map<number, Treatment[]>();
      for (const treatment of treatments) {
        const list = byVisit.get(treatment.appointment.id) ?? [];
        list.push(treatment);
        byVisit.set(treatment.appointment.id, list);
      }
      // Only visits that have entries expose clinical content; an empty list reveals nothing worth recording.
      const read = [...new Set(treatments.map((t) => t.patient.id))];
      await recordClinicalReads(ctx, read.map((patientId) => ({ kind: RecordAccessKind.VISIT_ENTRIES, patientId })));
      // A refused look is the patient's business too.
      const refused = patientIds.filter((id) => !readable.has(id));
      await recordClinicalReads(ctx, refused.map((patientId) => ({ kind: RecordAccessKind.VISIT_ENTRIES, patientId })), false);
      return appointments.map((a) => (readable.has(a.patient.id)
        ? byVisit.get(a.id) ?? []
        : new RecordAccessRefusedError(REFUSAL)));
    }, { cacheKeyFn: (a) => a.id });
    visitLoaders.set(ctx, loader);
  }
  return loader;
}

/** Treatments: recording, editing with revisions, and who may read a patient's history. */
export class ClinicalService {
  private readonly keyring: Keyring;

  constructor(private readonly ctx: Context) {
    this.keyring = keyringOf(ctx.deps);
  }

  /** What the viewer may see of a treatment: a patient never gets the private clinical notes (fields, CSV, PDF). */
  content(treatment: Treatment): TreatmentContent {
    const content = treatmentContent(this.keyring, treatment);
    return this.ctx.viewer?.role === Role.DOCTOR ? content : { ...content, notes: null };
  }

  private today(): string {
    return DateTime.fromJSDate(clock.now()).setZone(this.ctx.deps.config.timezone).toISODate()!;
  }

  /** The appointment's doctor, once the patient is checked in or the visit completed. */
  async recordTreatment(appointmentIdRaw: string, input: TreatmentInput): Promise<Treatment> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role !== Role.DOCTOR || !viewer.doctorId) throw new ForbiddenError('Only the visit\'s doctor may record a treatment');
    const appointmentId = parseId(appointmentIdRaw, 'appointmentId');
    const appointment = await this.ctx.em.findOne(Appointment, appointmentId);
    if (!appointment) throw new NotFoundError('Appointment');
    if (appointment.doctor.id !== viewer.doctorId) throw new ForbiddenError('Only the appointment\'s doctor may record its treatment');
    const content: TreatmentContent = validate(z.object(fieldSchemas(this.today())), input);

    return this.ctx.em.transactional(async (em) => {
      // Re-read under a shared lock: a cancel racing with this cannot slip in between.
      const locked = await em.findOneOrFail(Appointment, appointmentId, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
      if (![AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_CONSULTATION, AppointmentStatus.COMPLETED].includes(locked.status as AppointmentStatus)) {
        throw new InvalidTransitionError(`A treatment is recorded once the patient is checked in; this appointment is ${locked.status}`);
      }
      const treatment = em.create(Treatment, {
        appointment: locked,
        patient: locked.patient,
        doctor: locked.doctor,
        diagnosisEnc: '',
      });
      seal(this.keyring, treatment, content);
      await em.flush();
      // Ids only (the webhook body never carries clinical text), committed with the treatment.
      recordDomainEvent(em, { kind: 'TREATMENT_RECORDED', doctorId: locked.doctor.id, appointmentId: locked.id, subjectId: treatment.id });
      const recorded = TREATMENT_FIELDS.filter((f) => !isEmpty(content[f]));
      recordAudit(em, this.ctx, { action: 'treatment.record', entityType: 'treatment', entityId: treatment.id, changes: auditChanges(recorded, null, content) });
      return treatment;
    });
  }

  /** The author only. Each edit keeps a revision (encrypted previous values) and an audit event, in one transaction. */
  async updateTreatment(idRaw: string, input: UpdateTreatmentInput): Promise<Treatment> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role !== Role.DOCTOR || !viewer.doctorId) throw new ForbiddenError('Only the doctor who wrote a treatment may edit it');
    const id = parseId(idRaw);
    const existing = await this.ctx.em.findOne(Treatment, id);
    if (!existing) throw new NotFoundError('Treatment');
    if (existing.doctor.id !== viewer.doctorId) throw new ForbiddenError('Only the doctor who wrote a treatment may edit it');

    const sent = TREATMENT_FIELDS.filter((f) => (input as Record<string, unknown>)[f] !== undefined);
    const schemas = fieldSchemas(this.today());
    const shape: Partial<Record<TreatmentField, z.ZodType>> = {};
    for (const field of sent) shape[field] = schemas[field];
    // Resending the unchanged follow-up date (a whole form) is fine even once it has passed.
    if (sent.includes('followUpDate') && input.followUpDate === existing.followUpDate) shape.followUpDate = z.string().nullable();
    const patch = validate(z.object(shape), input) as Partial<TreatmentContent>;

    return this.ctx.em.transactional(async (em) => {
      const treatment = await em.findOneOrFail(Treatment, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (input.expectedVersion != null && input.expectedVersion !== treatment.version) {
        throw new ConflictError('This treatment was edited by someone else; reload it and edit again', { expectedVersion: 'Stale version' });
      }
      contents.delete(treatment);
      const before = treatmentContent(this.keyring, treatment);
      const after: TreatmentContent = { ...before, ...patch };
      // An unchanged follow-up date may lie in the past by now; only a new one must not.
      const changed = sent.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      if (changed.length === 0) return treatment;

      const previous: Partial<TreatmentContent> = {};
      for (const field of changed) (previous as Record<string, unknown>)[field] = before[field];
      em.persist(em.create(TreatmentRevision, {
        treatment,
        editedBy: viewer.userId,
        changedFields: changed,
        previousEnc: this.keyring.encrypt(JSON.stringify(previous)),
      }));
      seal(this.keyring, treatment, after);
      treatment.version += 1;
      treatment.updatedAt = clock.now();
      recordAudit(em, this.ctx, { action: 'treatment.update', entityType: 'treatment', entityId: treatment.id, changes: auditChanges(changed, before, after) });
      return treatment;
    });
  }

  /**
   * Whether the viewer may read a patient's clinical content: the patient
   * themself, and a doctor in their care (patientsInCare). Admins never.
   */
  async canReadHistory(patientId: number): Promise<boolean> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role === Role.PATIENT) return viewer.patientId === patientId;
    if (viewer.role === Role.DOCTOR && viewer.doctorId) return (await inCareOfViewer(this.ctx, viewer.doctorId, [patientId])).has(patientId);
    return false;
  }

  /**
   * FORBIDDEN unless the viewer may read the patient's clinical content,
   * whether or not the patient exists. With `read`, the read (or its refusal)
   * is recorded for the patient and the audit trail.
   */
  async assertCanReadHistory(patientId: number, read?: Omit<ClinicalRead, 'patientId'>): Promise<void> {
    const viewer = requireViewer(this.ctx);
    const allowed = await this.canReadHistory(patientId);
    if (read) await recordClinicalReads(this.ctx, [{ ...read, patientId }], allowed);
    if (allowed) return;
    const message = viewer.role === Role.ADMIN ? 'Admins cannot read clinical content; patientRecordSummary shows counts' : REFUSAL;
    throw read ? new RecordAccessRefusedError(message) : new ForbiddenError(message);
  }

  /** The entries of one visit, oldest first (batched across the visits of a list). */
  async visitTreatments(appointment: Appointment): Promise<Treatment[]> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role === Role.ADMIN) throw new ForbiddenError('Admins cannot read clinical content');
    const result = await visitTreatmentsLoader(this.ctx).load(appointment);
    if (result instanceof Error) throw result;
    return result;
  }

  /** Newest first. */
  async patientHistory(patientIdRaw: string): Promise<Treatment[]> {
    const patientId = parseId(patientIdRaw, 'patientId');
    await this.assertCanReadHistory(patientId, { kind: RecordAccessKind.HISTORY });
    return this.ctx.em.find(Treatment, { patient: patientId }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  /** One entry, for whoever may read the patient's history. */
  async treatment(idRaw: string, kind = RecordAccessKind.TREATMENT): Promise<Treatment> {
    const id = parseId(idRaw);
    requireViewer(this.ctx);
    const treatment = await this.ctx.em.findOne(Treatment, id);
    if (!treatment) throw new NotFoundError('Treatment');
    await this.assertCanReadHistory(treatment.patient.id, { kind, entity: { type: 'treatment', id: treatment.id } });
    return treatment;
  }

  /** The history with everything an export prints, decrypted, oldest first. */
  async historyForExport(patientId: number, format: 'csv' | 'pdf'): Promise<{ patient: Patient; entries: HistoryEntry[] }> {
    await this.assertCanReadHistory(patientId, { kind: format === 'csv' ? RecordAccessKind.CSV_EXPORT : RecordAccessKind.PDF_EXPORT });
    const patient = await this.ctx.em.findOne(Patient, patientId);
    if (!patient) throw new NotFoundError('Patient');
    const treatments = await this.ctx.em.find(
      Treatment,
      { patient: patientId },
      { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], populate: ['appointment', 'doctor', 'doctor.department'] },
    );
    const entries = treatments.map((treatment) => ({
      treatment,
      content: this.content(treatment),
      appointment: treatment.appointment,
      doctor: treatment.doctor,
      department: treatment.doctor.department,
    }));
    return { patient, entries };
  }

  /** Doctors who may read the history read the edits too, newest first. */
  async revisions(treatmentIdRaw: string): Promise<TreatmentRevisionView[]> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role !== Role.DOCTOR) throw new ForbiddenError('Only doctors read treatment revisions');
    const treatment = await this.treatment(treatmentIdRaw, RecordAccessKind.REVISIONS);
    const revisions = await this.ctx.em.find(TreatmentRevision, { treatment: treatment.id }, { orderBy: { id: 'desc' } });
    const editorIds = [...new Set(revisions.map((r) => r.editedBy.id))];
    const doctors = editorIds.length ? await this.ctx.em.find(Doctor, { user: { $in: editorIds } }) : [];
    const names = new Map(doctors.map((d) => [d.user.id, d.fullName]));
    return revisions.map((revision) => {
      let previous: Partial<TreatmentContent>;
      try {
        previous = JSON.parse(this.keyring.decrypt(revision.previousEnc)) as Partial<TreatmentContent>;
      } catch (error) {
        throw new Error(`treatment revision ${revision.id} cannot be decrypted: ${(error as Error).message}`);
      }
      return {
        id: revision.id,
        treatmentId: treatment.id,
        editedBy: names.get(revision.editedBy.id) ?? 'Unknown',
        editedAt: revision.createdAt,
        changedFields: revision.changedFields,
        previous,
      };
    });
  }

  private async counts(patientId: number): Promise<{ treatmentCount: number; lastVisitAt: Date | null; lastRecordedAt: Date | null }> {
    const [row] = await this.ctx.em.getConnection().execute<Array<{ n: number; last_visit: Date | string | null; last_recorded: Date | string | null }>>(
      'select count(*) as n, max(a.starts_at) as last_visit, max(t.created_at) as last_recorded ' +
        'from treatment t join appointment a on a.id = t.appointment_id where t.patient_id = ?',
      [patientId],
    );
    const asDate = (v: Date | string | null) => (v == null ? null : v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`));
    return { treatmentCount: Number(row.n), lastVisitAt: asDate(row.last_visit), lastRecordedAt: asDate(row.last_recorded) };
  }

  /** Counts only, no clinical content: admins for any patient, the patient themself, their doctors. */
  async patientRecordSummary(patientIdRaw: string): Promise<PatientRecordSummary> {
    const viewer = requireViewer(this.ctx);
    const patientId = parseId(patientIdRaw, 'patientId');
    if (viewer.role === Role.ADMIN) {
      if (!(await this.ctx.em.count(Patient, { id: patientId }))) throw new NotFoundError('Patient');
    } else {
      await this.assertCanReadHistory(patientId);
    }
    return { patientId, ...(await this.counts(patientId)) };
  }

  /** The signed-in patient's count and newest entry, for their dashboard. */
  async myRecordSummary(): Promise<MyRecordSummary> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role !== Role.PATIENT || !viewer.patientId) throw new ForbiddenError('Only patients have medical records of their own');
    const { treatmentCount, lastVisitAt } = await this.counts(viewer.patientId);
    const latest = await this.ctx.em.findOne(Treatment, { patient: viewer.patientId }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    if (latest) await recordClinicalReads(this.ctx, [{ kind: RecordAccessKind.TREATMENT, patientId: viewer.patientId, entity: { type: 'treatment', id: latest.id } }]);
    return { treatmentCount, lastVisitAt, latest };
  }
}
