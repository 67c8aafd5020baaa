import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { clock } from '../../clock';
import type { Config } from '../../config';
import { type FlushedScheduleChange, peopleOfChange } from '../live/schedule-events';
import type { MessageChannel, MessageKind } from './message.entity';

/** Quiet hours in hospital time: no reminder goes out from 22:00 to 07:00; one due then goes at 21:45 before. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 7;
const QUIET_FALLBACK = { hour: 21, minute: 45 };

export interface PlannerSettings {
  timezone: string;
  reminderLeadHours: number;
}
let settings: PlannerSettings = { timezone: 'UTC', reminderLeadHours: 24 };

/** Called by createApp: the hospital's zone and the reminder lead. */
export function configurePlanner(config: Pick<Config, 'timezone' | 'reminderLeadHours'>): void {
  settings = { timezone: config.timezone, reminderLeadHours: config.reminderLeadHours };
}

export function inQuietHours(at: Date, timezone: string): boolean {
  const hour = DateTime.fromJSDate(at, { zone: timezone }).hour;
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/**
 * When a visit's reminder goes out: `lead` hours before, or, when that falls in quiet hours, at 21:45
 * hospital time before them. Null when that moment has passed already (a visit booked inside the lead
 * window gets its confirmation, not a reminder).
 */
export function reminderDueAt(startsAt: Date, now: Date, s: PlannerSettings = settings): Date | null {
  let due = DateTime.fromJSDate(startsAt, { zone: s.timezone }).minus({ hours: s.reminderLeadHours });
  if (due.hour >= QUIET_FROM_HOUR) due = due.set({ ...QUIET_FALLBACK, second: 0, millisecond: 0 });
  else if (due.hour < QUIET_UNTIL_HOUR) due = due.minus({ days: 1 }).set({ ...QUIET_FALLBACK, second: 0, millisecond: 0 });
  const at = due.toJSDate();
  return at.getTime() > now.getTime() ? at : null;
}

export interface PlannedMessage {
  kind: MessageKind;
  subject: string;
  channel: MessageChannel;
  recipientUserId: number | null;
  patientId?: number | null;
  appointmentId?: number | null;
  appointmentStartsAt?: Date | null;
  dueAt: Date;
  sealedPayload?: string | null;
}

/** Inserts ledger rows in the caller's transaction; a row whose (kind, subject, channel) exists is left as it is. */
export async function insertMessages(em: EntityManager, rows: PlannedMessage[]): Promise<void> {
  if (rows.length === 0) return;
  const now = clock.now();
  const values: unknown[] = [];
  for (const r of rows) {
    values.push(r.kind, r.subject, r.channel, r.recipientUserId, r.patientId ?? null, r.appointmentId ?? null, r.appointmentStartsAt ?? null, r.sealedPayload ?? null, r.dueAt, now, now);
  }
  await em.getConnection().execute(
    'insert into message (kind, subject, channel, status, recipient_user_id, patient_id, appointment_id, appointment_starts_at, sealed_payload, due_at, attempts, created_at, updated_at) values ' +
      rows.map(() => "(?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, 0, ?, ?)").join(', ') +
      ' on duplicate key update id = id',
    values,
    'run',
    em.getTransactionContext(),
  );
}

async function cancelPending(em: EntityManager, appointmentId: number, kinds: MessageKind[], reason: string, exceptStartsAt?: Date): Promise<void> {
  await em.getConnection().execute(
    `update message set status = 'CANCELLED', last_error = ?, updated_at = ? where appointment_id = ? and status = 'PENDING' and kind in (${kinds.map(() => '?').join(', ')})` +
      (exceptStartsAt ? ' and (appointment_starts_at is null or appointment_starts_at <> ?)' : ''),
    [reason, clock.now(), appointmentId, ...kinds, ...(exceptStartsAt ? [exceptStartsAt] : [])],
    'run',
    em.getTransactionContext(),
  );
}

/** The reminder rows of one visit, per channel the patient has switched on now. */
export function reminderRows(a: { id: number; patientId: number; startsAt: Date }, people: { userId: number | null; email: boolean; sms: boolean }, now: Date): PlannedMessage[] {
  const due = reminderDueAt(a.startsAt, now);
  if (!due) return [];
  const channels: MessageChannel[] = [...(people.email ? ['EMAIL' as const] : []), ...(people.sms ? ['SMS' as const] : [])];
  return channels.map((channel) => ({
    kind: 'REMINDER', subject: `appointment:${a.id}@${a.startsAt.toISOString()}`, channel, recipientUserId: people.userId,
    patientId: a.patientId, appointmentId: a.id, appointmentStartsAt: a.startsAt, dueAt: due,
  }));
}

/**
 * The messages a booking, move, cancellation or status change causes, written in its flush (so its
 * transaction): a rolled-back change leaves no message, a committed one cannot lose its messages.
 */
export async function planScheduleMessages(em: EntityManager, change: FlushedScheduleChange): Promise<void> {
  const { appointment, kind } = change;
  // A waitlist hold is no visit: its offer has messages of its own (planOfferMessages); accepting
  // it books the visit (BOOKED on a SCHEDULED row), which plans the confirmation then.
  if (appointment.status === 'HELD' || appointment.status === 'RELEASED') return;
  const patientId = appointment.patient.id;
  const now = clock.now();
  // Usually read by the service under its lock, or by the notification writer before this listener.
  const found = await peopleOfChange(em, change);
  const people = found && {
    patient_user_id: found.patientUserId, reminder_opt_in: found.reminderOptIn, reminder_sms_opt_in: found.reminderSmsOptIn,
    doctor_user_id: found.doctorUserId, booking_notices: found.bookingNotices,
  };
  if (!people) return;
  const base = { patientId, appointmentId: appointment.id, appointmentStartsAt: appointment.startsAt, recipientUserId: people.patient_user_id, dueAt: now };
  const reminders = () => reminderRows({ id: appointment.id, patientId, startsAt: appointment.startsAt },
    { userId: people.patient_user_id, email: Boolean(people.reminder_opt_in), sms: Boolean(people.reminder_sms_opt_in) }, now);
  const rows: PlannedMessage[] = [];
  if (kind === 'BOOKED') {
    rows.push({ ...base, kind: 'BOOKING_CONFIRMATION', subject: `appointment:${appointment.id}`, channel: 'EMAIL' });
    rows.push(...reminders());
    if (people.booking_notices && people.doctor_user_id != null) {
      rows.push({ ...base, kind: 'DOCTOR_BOOKING_NOTICE', subject: `appointment:${appointment.id}`, channel: 'EMAIL', recipientUserId: people.doctor_user_id });
    }
  } else if (kind === 'RESCHEDULED') {
    await cancelPending(em, appointment.id, ['REMINDER'], 'the visit moved', appointment.startsAt);
    rows.push({ ...base, kind: 'RESCHEDULE_NOTICE', subject: `appointment:${appointment.id}@${appointment.startsAt.toISOString()}`, channel: 'EMAIL' });
    rows.push(...reminders());
  } else if (kind === 'CANCELLED') {
    await cancelPending(em, appointment.id, ['REMINDER', 'BOOKING_CONFIRMATION', 'RESCHEDULE_NOTICE', 'DOCTOR_BOOKING_NOTICE'], 'the visit was cancelled');
    rows.push({ ...base, kind: 'CANCEL_NOTICE', subject: `appointment:${appointment.id}`, channel: 'EMAIL' });
  } else if (appointment.status !== 'SCHEDULED') {
    await cancelPending(em, appointment.id, ['REMINDER'], `the visit is ${String(appointment.status).toLowerCase().replace('_', ' ')}`);
  }
  await insertMessages(em, rows);
}

/** A patient switched a channel on: reminders for their upcoming visits on it (the others are checked at send time). */
export async function planRemindersForPatient(em: EntityManager, patientId: number): Promise<void> {
  const now = clock.now();
  const visits = await em.getConnection().execute<Array<{ id: number; starts_at: Date; user_id: number | null; reminder_opt_in: number; reminder_sms_opt_in: number }>>(
    "select a.id, a.starts_at, p.user_id, p.reminder_opt_in, p.reminder_sms_opt_in from appointment a join patient p on p.id = a.patient_id " +
      "where a.patient_id = ? and a.status = 'SCHEDULED' and a.starts_at > ? order by a.starts_at limit 200",
    [patientId, now],
    'all',
    em.getTransactionContext(),
  );
  const rows = visits.flatMap((v: { id: number; starts_at: Date; user_id: number | null; reminder_opt_in: number; reminder_sms_opt_in: number }) => reminderRows({ id: v.id, patientId, startsAt: new Date(v.starts_at) },
    { userId: v.user_id, email: Boolean(v.reminder_opt_in), sms: Boolean(v.reminder_sms_opt_in) }, now));
  await insertMessages(em, rows);
}

/**
 * A waitlist offer's messages, per channel the waiter has switched on for reminders, written in the
 * offer's transaction; one per offer and channel (`offer:<id>`). The sender drops them when the offer
 * is no longer open. Returns whether any row was written (the caller wakes the sender after commit).
 */
export async function planOfferMessages(em: EntityManager, offer: { id: number; appointmentId: number; patientId: number; startsAt: Date }): Promise<boolean> {
  const [patient] = await em.getConnection().execute<Array<{ user_id: number | null; reminder_opt_in: number | boolean; reminder_sms_opt_in: number | boolean }>>(
    'select user_id, reminder_opt_in, reminder_sms_opt_in from patient where id = ?', [offer.patientId], 'all', em.getTransactionContext());
  if (!patient) return false;
  const channels: MessageChannel[] = [...(patient.reminder_opt_in ? ['EMAIL' as const] : []), ...(patient.reminder_sms_opt_in ? ['SMS' as const] : [])];
  await insertMessages(em, channels.map((channel) => ({
    kind: 'WAITLIST_OFFER', subject: `offer:${offer.id}`, channel, recipientUserId: patient.user_id,
    patientId: offer.patientId, appointmentId: offer.appointmentId, appointmentStartsAt: offer.startsAt, dueAt: clock.now(),
  })));
  return channels.length > 0;
}
