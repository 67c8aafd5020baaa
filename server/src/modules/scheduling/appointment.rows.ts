// Plain rows for read-only paths: the day view reads a doctor's appointments with
// their patients in one statement and answers from plain objects, so a read never pays
// for the ORM's entity building, identity map and change tracking.
import type { EntityManager } from '@mikro-orm/core';
import type { Doctor } from '../directory/doctor.entity';
import type { Patient } from '../directory/patient.entity';
import type { Appointment, AppointmentStatus } from './appointment.entity';
import { leanQuery } from '../../db/lean';
import { sqlTime } from './scheduling.db';

/** Every Patient column a GraphQL Patient field can read; dates as the ORM gives them. */
export const PATIENT_COLUMNS =
  'p.id as p_id, p.user_id as p_user_id, p.full_name as p_full_name, p.medical_record_number as p_mrn, ' +
  "date_format(p.date_of_birth, '%Y-%m-%d') as p_date_of_birth, p.gender as p_gender, p.phone as p_phone, p.address as p_address, " +
  'p.blood_group as p_blood_group, p.height_cm as p_height_cm, cast(p.weight_kg as char) as p_weight_kg, p.allergies as p_allergies, ' +
  'p.reminder_opt_in as p_reminder_opt_in, p.reminder_sms_opt_in as p_reminder_sms_opt_in, p.active as p_active, p.created_at as p_created_at';

export const APPOINTMENT_COLUMNS =
  'a.id as a_id, a.doctor_id as a_doctor_id, a.starts_at as a_starts_at, a.ends_at as a_ends_at, a.status as a_status, ' +
  'a.reason as a_reason, a.cancel_reason as a_cancel_reason, a.checked_in_at as a_checked_in_at, a.cancelled_at as a_cancelled_at, ' +
  'a.version as a_version, a.created_at as a_created_at, a.updated_at as a_updated_at, a.urgent as a_urgent, a.urgent_reason as a_urgent_reason, ' +
  'a.series_id as a_series_id';

export interface AppointmentPatientRow {
  a_id: number; a_doctor_id: number; a_starts_at: Date | string; a_ends_at: Date | string; a_status: AppointmentStatus; a_reason: string | null;
  a_cancel_reason: string | null; a_checked_in_at: Date | string | null; a_cancelled_at: Date | string | null; a_version: number;
  a_created_at: Date | string; a_updated_at: Date | string; a_urgent: number | boolean; a_urgent_reason: string | null; a_series_id: number | null;
  p_id: number; p_user_id: number | null; p_full_name: string; p_mrn: string; p_date_of_birth: string | null; p_gender: string | null;
  p_phone: string | null; p_address: string | null; p_blood_group: string | null; p_height_cm: number | null; p_weight_kg: string | null;
  p_allergies: string | null; p_reminder_opt_in: number | boolean; p_reminder_sms_opt_in: number | boolean; p_active: number | boolean; p_created_at: Date | string;
}

/**
 * A relation known only by id (a plain row's doctor, a patient's account). Field resolvers
 * load it on demand (see `loaded` in shared/loaders.ts); nothing else on it is set.
 */
export interface RowReference { id: number; __row: true }

export const rowReference = (id: number): RowReference => ({ id, __row: true });

/** Whether a relation came from a plain row (not an entity): only its id is there. */
export function isRowReference(value: unknown): value is RowReference {
  return typeof value === 'object' && value !== null && (value as RowReference).__row === true;
}

/** DATETIME(3) columns arrive as 'YYYY-MM-DD hh:mm:ss.fff' strings in UTC (the pool's dateStrings). */
function instant(value: Date | string): Date;
function instant(value: Date | string | null): Date | null;
function instant(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  return new Date(`${value.replace(' ', 'T')}Z`);
}

function patientOf(row: AppointmentPatientRow): Patient {
  const patient = {
    id: row.p_id,
    user: row.p_user_id === null ? null : rowReference(row.p_user_id),
    fullName: row.p_full_name,
    medicalRecordNumber: row.p_mrn,
    dateOfBirth: row.p_date_of_birth,
    gender: row.p_gender,
    phone: row.p_phone,
    address: row.p_address,
    bloodGroup: row.p_blood_group,
    heightCm: row.p_height_cm,
    weightKg: row.p_weight_kg,
    allergies: row.p_allergies,
    reminderOptIn: Boolean(row.p_reminder_opt_in),
    active: Boolean(row.p_active),
    reminderSmsOptIn: Boolean(row.p_reminder_sms_opt_in),
    createdAt: instant(row.p_created_at),
  };
  // The GraphQL type is the entity class; these objects carry the same fields, no ORM state.
  return patient as unknown as Patient;
}

/** An Appointment-shaped plain object from one row of APPOINTMENT_COLUMNS + PATIENT_COLUMNS. */
export function appointmentOf(row: AppointmentPatientRow, patients: Map<number, Patient>): Appointment {
  let patient = patients.get(row.p_id);
  if (!patient) {
    patient = patientOf(row);
    patients.set(row.p_id, patient);
  }
  const appointment = {
    id: row.a_id,
    patient,
    doctor: rowReference(row.a_doctor_id) as unknown as Doctor,
    startsAt: instant(row.a_starts_at),
    endsAt: instant(row.a_ends_at),
    status: row.a_status,
    reason: row.a_reason,
    cancelReason: row.a_cancel_reason,
    checkedInAt: instant(row.a_checked_in_at),
    cancelledAt: instant(row.a_cancelled_at),
    version: row.a_version,
    createdAt: instant(row.a_created_at),
    updatedAt: instant(row.a_updated_at),
    urgent: Boolean(row.a_urgent),
    urgentReason: row.a_urgent_reason,
    series: row.a_series_id === null ? null : rowReference(row.a_series_id),
  };
  return appointment as unknown as Appointment;
}

/**
 * The doctor's appointments in [from, to) with their patients, by start: one statement,
 * whatever the count. `null` when there is no such doctor.
 */
export async function doctorDayRows(em: EntityManager, doctorId: number, from: Date, to: Date, includeCancelled: boolean): Promise<Appointment[] | null> {
  // From the doctor, so an unknown doctor (no row) and an empty day (one row of NULLs) differ.
  const rows = await leanQuery<AppointmentPatientRow & { doctor_id: number }>(em,
    `select d.id as doctor_id, ${APPOINTMENT_COLUMNS}, ${PATIENT_COLUMNS} from doctor d ` +
      'left join appointment a on a.doctor_id = d.id and a.starts_at >= ? and a.starts_at < ?' +
      (includeCancelled ? " and a.status <> 'RELEASED'" : " and a.status not in ('CANCELLED','RELEASED')") +
      ' left join patient p on p.id = a.patient_id where d.id = ? order by a.starts_at, a.id',
    [sqlTime(from), sqlTime(to), doctorId]);
  if (rows.length === 0) return null;
  const patients = new Map<number, Patient>();
  return rows.filter((row) => row.a_id !== null).map((row) => appointmentOf(row, patients));
}
