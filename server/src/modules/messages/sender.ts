import type { EntityManager } from '@mikro-orm/core';
import { clock } from '../../clock';
import type { AppDeps } from '../../context';
import { logger } from '../../logger';
import { keyringOf } from '../clinical/crypto';
import type { MessageChannel, MessageKind } from './message.entity';
import { render, type AppointmentFacts } from './templates';
import { createTransports, type Transports } from './transports';

/** How long a claimed row stays claimed while its sender works (a crashed sender's row is retried after). */
const CLAIM_MS = 120_000;

const transportsByDeps = new WeakMap<AppDeps, Transports>();
export function transportsOf(deps: AppDeps): Transports {
  let transports = transportsByDeps.get(deps);
  if (!transports) {
    transports = createTransports(deps.config);
    transportsByDeps.set(deps, transports);
  }
  return transports;
}
export function closeTransports(deps: AppDeps): void {
  transportsByDeps.get(deps)?.close();
  transportsByDeps.delete(deps);
}

interface MessageRow {
  id: string | number;
  kind: MessageKind;
  subject: string;
  channel: MessageChannel;
  status: string;
  recipient_user_id: number | null;
  patient_id: number | null;
  appointment_id: number | null;
  appointment_starts_at: Date | string | null;
  sealed_payload: string | null;
  attempts: number;
}

interface FactsRow {
  a_status: string;
  starts_at: Date | string;
  ends_at: Date | string;
  patient_name: string;
  patient_phone: string | null;
  reminder_opt_in: number | boolean;
  reminder_sms_opt_in: number | boolean;
  patient_email: string | null;
  patient_active: number | boolean | null;
  doctor_name: string;
  department_name: string;
  doctor_email: string | null;
  booking_notices: number | boolean;
}

/** DATETIME(3) values may arrive as UTC strings (the pool's dateStrings). */
function instantOf(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

export type SendOutcome = 'SENT' | 'CANCELLED' | 'RETRY' | 'FAILED' | 'SKIPPED';

/** Why a message must not go out any more (checked at send time), or null when it still should. */
function staleReason(row: MessageRow, facts: FactsRow | undefined): string | null {
  if (!row.appointment_id) return null;
  if (!facts) return 'the visit no longer exists';
  const planned = row.appointment_starts_at ? new Date(row.appointment_starts_at).getTime() : null;
  const startsAt = new Date(facts.starts_at).getTime();
  switch (row.kind) {
    case 'REMINDER':
      if (facts.a_status !== 'SCHEDULED') return `the visit is ${facts.a_status.toLowerCase().replace('_', ' ')}`;
      if (planned !== startsAt) return 'the visit moved';
      if (startsAt <= clock.nowMs()) return 'the visit has started';
      if (row.channel === 'EMAIL' && !facts.reminder_opt_in) return 'the patient switched e-mail reminders off';
      if (row.channel === 'SMS' && !facts.reminder_sms_opt_in) return 'the patient switched SMS reminders off';
      return null;
    case 'BOOKING_CONFIRMATION':
    case 'DOCTOR_BOOKING_NOTICE':
      if (facts.a_status === 'CANCELLED') return 'the visit was cancelled';
      if (row.kind === 'DOCTOR_BOOKING_NOTICE' && !facts.booking_notices) return 'the doctor switched booking notices off';
      return null;
    case 'WAITLIST_OFFER':
      // Whether the offer is still open is checked on the offer itself (below).
      if (row.channel === 'EMAIL' && !facts.reminder_opt_in) return 'the patient switched e-mail messages off';
      if (row.channel === 'SMS' && !facts.reminder_sms_opt_in) return 'the patient switched SMS messages off';
      return null;
    case 'RESCHEDULE_NOTICE':
      if (facts.a_status === 'CANCELLED') return 'the visit was cancelled';
      if (planned !== startsAt) return 'the visit moved again';
      return null;
    default:
      return null;
  }
}

/**
 * Sends one ledger row, at most once: the row is claimed with one conditional UPDATE (PENDING, not
 * claimed or its retry time reached), re-checked against the visit and the patient's choices as they
 * are now, sent, then marked SENT. A failure leaves it PENDING with a retry time (exponential), FAILED
 * after HMS_MESSAGE_ATTEMPTS tries. Returns the retry delay when one is due.
 */
export async function sendMessage(deps: AppDeps, id: string, em: EntityManager = deps.orm.em.fork()): Promise<{ outcome: SendOutcome; retryInMs?: number; attempts?: number }> {
  const conn = em.getConnection();
  const now = clock.now();
  const claimed = await conn.execute<{ affectedRows: number }>(
    "update message set attempts = attempts + 1, not_before = ?, updated_at = ? where id = ? and status = 'PENDING' and due_at <= ? and (not_before is null or not_before <= ?)",
    [new Date(now.getTime() + CLAIM_MS), now, id, new Date(now.getTime() + 1_000), now],
    'run',
  );
  if (claimed.affectedRows !== 1) return { outcome: 'SKIPPED' };
  const [row] = await conn.execute<MessageRow[]>(
    'select id, kind, subject, channel, status, recipient_user_id, patient_id, appointment_id, appointment_starts_at, sealed_payload, attempts from message where id = ?', [id]);
  const finish = async (status: 'SENT' | 'CANCELLED' | 'FAILED', fields: { error?: string | null; providerId?: string | null; address?: string | null }) => {
    await conn.execute(
      `update message set status = ?, not_before = null, last_error = ?, provider_id = coalesce(?, provider_id), address = coalesce(?, address), sent_at = ${status === 'SENT' ? '?' : 'sent_at'}, ` +
        `sealed_payload = ${status === 'FAILED' ? 'sealed_payload' : 'null'}, updated_at = ? where id = ?`,
      [status, fields.error ?? null, fields.providerId ?? null, fields.address ?? null, ...(status === 'SENT' ? [clock.now()] : []), clock.now(), id],
      'run',
    );
  };
  let facts: FactsRow | undefined;
  if (row.appointment_id) {
    [facts] = await conn.execute<FactsRow[]>(
      'select a.status as a_status, a.starts_at, a.ends_at, p.full_name as patient_name, p.phone as patient_phone, p.reminder_opt_in, p.reminder_sms_opt_in, ' +
        'pu.email as patient_email, pu.active as patient_active, d.full_name as doctor_name, dep.name as department_name, du.email as doctor_email, d.booking_notices ' +
        'from appointment a join patient p on p.id = a.patient_id left join `user` pu on pu.id = p.user_id join doctor d on d.id = a.doctor_id ' +
        'join department dep on dep.id = d.department_id left join `user` du on du.id = d.user_id where a.id = ?',
      [row.appointment_id],
    );
  }
  let stale = staleReason(row, facts);
  // A link replaced, used or expired before its e-mail went out is not worth sending.
  const linkId = /^(invitation|reset):(\d+)$/.exec(row.subject ?? '');
  if (!stale && linkId) {
    const [open] = await conn.execute<Array<{ open: number }>>(linkId[1] === 'invitation'
      ? 'select (accepted_at is null and revoked_at is null and expires_at > ?) as open from invitation where id = ?'
      : 'select (used_at is null and expires_at > ?) as open from password_reset where id = ?', [clock.now(), linkId[2]]);
    if (!open || !Number(open.open)) stale = 'the link was used, replaced or expired before it was sent';
  }
  // A waitlist offer taken, declined or expired before its message went out is not worth sending.
  const offerId = /^offer:(\d+)$/.exec(row.subject ?? '');
  let offer: { expiresAt: Date } | undefined;
  if (!stale && row.kind === 'WAITLIST_OFFER' && offerId) {
    const [current] = await conn.execute<Array<{ status: string; expires_at: Date | string }>>('select status, expires_at from waitlist_offer where id = ?', [offerId[1]]);
    const expiresAt = current ? instantOf(current.expires_at) : null;
    if (!current || current.status !== 'OPEN') stale = `the offer was ${current ? current.status.toLowerCase() : 'removed'} before it was sent`;
    else if (expiresAt!.getTime() <= clock.nowMs()) stale = 'the offer expired before it was sent';
    else offer = { expiresAt: expiresAt! };
  }
  if (stale) {
    await finish('CANCELLED', { error: stale });
    return { outcome: 'CANCELLED' };
  }
  const [user] = row.recipient_user_id
    ? await conn.execute<Array<{ email: string; active: number | boolean; name: string | null; language: string | null }>>(
      'select u.email, u.active, u.language, coalesce(p.full_name, d.full_name) as name from `user` u left join patient p on p.user_id = u.id left join doctor d on d.user_id = u.id where u.id = ?',
      [row.recipient_user_id])
    : [];
  const address = row.channel === 'SMS' ? facts?.patient_phone ?? null : user?.email ?? null;
  if (!address) {
    await finish('CANCELLED', { error: row.channel === 'SMS' ? 'no phone number on the profile' : 'no e-mail address (no account)' });
    return { outcome: 'CANCELLED' };
  }
  if (user && !user.active && row.kind !== 'DOCTOR_INVITATION') {
    await finish('CANCELLED', { error: 'the account is switched off' });
    return { outcome: 'CANCELLED' };
  }

  const config = deps.config;
  const appointment: AppointmentFacts | undefined = facts && row.appointment_id ? {
    appointmentId: row.appointment_id, patientName: facts.patient_name, doctorName: facts.doctor_name, departmentName: facts.department_name,
    startsAt: new Date(facts.starts_at), endsAt: new Date(facts.ends_at),
  } : undefined;
  let link: string | undefined;
  try {
    link = row.sealed_payload ? (JSON.parse(keyringOf(deps).decrypt(row.sealed_payload)) as { link?: string }).link : undefined;
  } catch (error) {
    await finish('FAILED', { error: `the sealed link cannot be read: ${(error as Error).message}` });
    return { outcome: 'FAILED' };
  }
  const rendered = render({ kind: row.kind, hospitalName: config.hospitalName, publicUrl: config.publicUrl, timezone: config.timezone, appointment, link, offer, recipientName: user?.name ?? undefined, language: user?.language ?? null });
  const transports = transportsOf(deps);
  try {
    const providerId = row.channel === 'SMS'
      ? await transports.sms(address, rendered.sms)
      : await transports.email({ to: address, subject: rendered.subject, text: rendered.text, html: rendered.html, ics: rendered.ics, messageId: `<hms-message-${row.id}@${new URL(config.publicUrl).hostname}>` });
    await finish('SENT', { providerId, address });
    return { outcome: 'SENT' };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    if (row.attempts >= config.messageAttempts) {
      logger.warn(`message ${row.id} (${row.kind} by ${row.channel}) FAILED after ${row.attempts} tries`, { error: message });
      await finish('FAILED', { error: message, address });
      return { outcome: 'FAILED' };
    }
    const retryInMs = config.messageRetryMs * 2 ** (row.attempts - 1);
    await conn.execute('update message set not_before = ?, last_error = ?, address = ?, updated_at = ? where id = ?',
      [new Date(clock.nowMs() + retryInMs), message, address, clock.now(), id], 'run');
    return { outcome: 'RETRY', retryInMs, attempts: row.attempts };
  }
}

export interface DueMessage {
  id: string;
  channel: MessageChannel;
  attempts: number;
}

/** PENDING rows whose time has come (and that no sender holds), oldest first, in keyset pages. */
export async function dueMessages(em: EntityManager, afterId: string | null, limit: number): Promise<DueMessage[]> {
  const now = clock.now();
  const rows = await em.getConnection().execute<Array<{ id: string | number; channel: MessageChannel; attempts: number }>>(
    "select id, channel, attempts from message where status = 'PENDING' and due_at <= ? and (not_before is null or not_before <= ?)" +
      (afterId ? ' and id > ?' : '') + ' order by id limit ?',
    [now, now, ...(afterId ? [afterId] : []), limit],
  );
  return rows.map((r: { id: string | number; channel: MessageChannel; attempts: number }) => ({ id: String(r.id), channel: r.channel, attempts: r.attempts }));
}
