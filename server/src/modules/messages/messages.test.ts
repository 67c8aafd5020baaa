// Messages end to end in one process (the in-process job engine): a real SMTP server and a real HTTP
// SMS gateway, bookings through the API, the clock moved to when reminders fall due.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { createTestApp, setClock, type TestApp } from '../../../test/harness';
import { bookAppointment, createAdmin, createDoctor, hospitalTime, login, openAllWeek, PASSWORD, registerPatient, type DoctorSession, type PatientSession, type Session } from '../../../test/factories';
import { recipients, startSmsSink, startSmtpSink, type SmsSink, type SmtpSink } from '../../../test/message-sinks';
import { enqueueDueMessages } from './messages.jobs';
import { inQuietHours, reminderDueAt } from './planner';
import { sendMessage } from './sender';
import { expireOffers } from '../waitlist/waitlist.service';

let t: TestApp;
let smtp: SmtpSink;
let sms: SmsSink;
let admin: Session;
let doctor: DoctorSession;

beforeAll(async () => {
  smtp = await startSmtpSink();
  sms = await startSmsSink();
  t = await createTestApp({
    HMS_SMTP_URL: smtp.url, HMS_SMS_URL: sms.url, HMS_SMS_TOKEN: sms.token, HMS_HOSPITAL_NAME: 'St Test Hospital',
    HMS_MESSAGE_ATTEMPTS: '3', HMS_MESSAGE_RETRY_MS: '40',
  });
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  await openAllWeek(t, doctor.token, doctor.doctorId);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await sms.close();
});

// The pinned clock is the 1st of a month, so the drain's sweeps also mail every doctor and admin the
// monthly report (reports module, its own tests): this file counts the ledger's messages only.
const mailsTo = (email: string) => smtp.mails.filter((m) => recipients(m).includes(email) && !/monthly report/i.test(m.subject ?? ''));
const smsTo = (phone: string) => sms.received.filter((m) => m.to === phone);
/** Runs what is due; retries come back after their (short) delay, so keep going until `done`. */
async function drain(done: () => boolean | Promise<boolean> = () => true, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    await t.app.deps.jobs.runDueNow();
    if (await done()) return;
    if (Date.now() > end) throw new Error('messages did not settle in time');
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}
interface LedgerRow { id: number; kind: string; channel: string; status: string; last_error: string | null; due_at: Date; attempts: number }
async function ledger(appointmentId: string): Promise<LedgerRow[]> {
  return (await t.orm.em.getConnection().execute(
    'select id, kind, channel, status, last_error, due_at, attempts from message where appointment_id = ? order by id', [appointmentId])) as LedgerRow[];
}
async function patientWith(options: { email?: boolean; sms?: boolean }): Promise<PatientSession & { phone: string }> {
  const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const p = await registerPatient(t, { phone });
  await t.ok('mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { id } }', { i: { reminderOptIn: options.email ?? false, reminderSmsOptIn: options.sms ?? false } }, p.token);
  return { ...p, phone };
}
let slotDay = 2;
async function nextSlot(time = '10:00'): Promise<string> {
  return hospitalTime(t, slotDay++ > 6 ? (slotDay = 3) : slotDay - 1, time);
}

describe('booking confirmation', () => {
  it('sends one e-mail with a valid .ics and links to view, move and cancel', async () => {
    const patient = await patientWith({});
    const startsAt = await nextSlot('09:30');
    const id = await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt });
    await drain(() => mailsTo(patient.email).length >= 1);
    await drain();
    const mails = mailsTo(patient.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail.subject).toContain('St Test Hospital');
    expect(mail.text).toContain(`/patient/appointments?appointment=${id}&action=reschedule`);
    expect(mail.text).toContain(`&action=cancel`);
    expect(mail.html).toContain('<a href=');
    const ics = mail.attachments.find((a) => a.filename === 'appointment.ics');
    expect(ics).toBeDefined();
    const body = ics!.content.toString('utf8');
    expect(body).toMatch(/^BEGIN:VCALENDAR/);
    expect(body).toContain('METHOD:REQUEST');
    expect(body).toContain('BEGIN:VEVENT');
    expect(body).toContain(`DTSTART:${startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    expect(body).toMatch(/END:VCALENDAR\s*$/);
    const rows = await ledger(id);
    expect(rows.filter((r) => r.kind === 'BOOKING_CONFIRMATION')).toMatchObject([{ status: 'SENT', channel: 'EMAIL' }]);
  });

  it('two senders (workers, sweeps) never send one message twice: the conditional UPDATE claims it once', async () => {
    const patient = await patientWith({});
    const id = await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt: await nextSlot('15:30') });
    const [row] = (await ledger(id)).filter((r) => r.kind === 'BOOKING_CONFIRMATION');
    expect(row).toMatchObject({ status: 'PENDING', attempts: 0 });
    // Slow SMTP: every sender has claimed (or tried to) while the first is still sending, so only the
    // claim decides; each sender on a connection of its own, as two worker processes would be.
    smtp.delayMs = 150;
    let outcomes: string[];
    try {
      outcomes = (await Promise.all(Array.from({ length: 6 }, () => sendMessage(t.app.deps, String(row.id), t.orm.em.fork())))).map((r) => r.outcome);
    } finally {
      smtp.delayMs = 0;
    }
    expect(outcomes.sort()).toEqual(['SENT', 'SKIPPED', 'SKIPPED', 'SKIPPED', 'SKIPPED', 'SKIPPED']);
    // A late sweep after it went: still nothing.
    expect((await sendMessage(t.app.deps, String(row.id))).outcome).toBe('SKIPPED');
    expect(mailsTo(patient.email)).toHaveLength(1);
    expect((await ledger(id)).find((r) => r.id === row.id)).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('a booking that rolls back writes no message', async () => {
    const patient = await patientWith({ email: true });
    const startsAt = await nextSlot('11:00');
    await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt });
    const other = await patientWith({ email: true });
    const clash = await t.gql('mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }', { input: { doctorId: doctor.doctorId, startsAt } }, other.token);
    expect(clash.errors?.[0].extensions?.code).toBe('SLOT_UNAVAILABLE');
    const [{ n }] = await t.orm.em.getConnection().execute('select count(*) as n from message where patient_id = ?', [other.patientId]);
    expect(Number(n)).toBe(0);
  });
});

describe('reminders', () => {
  it('exactly one per opted-in channel when due, none for a channel switched off', async () => {
    const both = await patientWith({ email: true, sms: true });
    const emailOnly = await patientWith({ email: true });
    const none = await patientWith({});
    const startsAt = await nextSlot('10:00');
    const later = new Date(new Date(startsAt).getTime() + 30 * 60_000).toISOString();
    const evenLater = new Date(new Date(startsAt).getTime() + 60 * 60_000).toISOString();
    const a = await bookAppointment(t, both.token, { doctorId: doctor.doctorId, startsAt });
    const b = await bookAppointment(t, emailOnly.token, { doctorId: doctor.doctorId, startsAt: later });
    await bookAppointment(t, none.token, { doctorId: doctor.doctorId, startsAt: evenLater });
    await drain();
    // The patient sees when it is due.
    const seen = await t.ok('{ myAppointments(first: 50) { items { id reminders { channel status dueAt sentAt } } } }', {}, both.token);
    const mine = seen.myAppointments.items.find((x: { id: string }) => x.id === a);
    expect(mine.reminders).toEqual([
      { channel: 'EMAIL', status: 'PENDING', dueAt: new Date(new Date(startsAt).getTime() - 24 * 3600_000).toISOString(), sentAt: null },
      { channel: 'SMS', status: 'PENDING', dueAt: new Date(new Date(startsAt).getTime() - 24 * 3600_000).toISOString(), sentAt: null },
    ]);
    const restore = setClock(new Date(new Date(evenLater).getTime() - 24 * 3600_000 + 60_000));
    try {
      await drain(() => smsTo(both.phone).length >= 1 && mailsTo(emailOnly.email).some((m) => /reminder/.test(m.subject ?? '')));
      await drain();
      await drain();
    } finally {
      restore();
    }
    const reminders = (email: string) => mailsTo(email).filter((m) => /reminder/.test(m.subject ?? ''));
    expect(reminders(both.email)).toHaveLength(1);
    expect(smsTo(both.phone)).toHaveLength(1);
    expect(smsTo(both.phone)[0]).toMatchObject({ authorization: `Bearer ${sms.token}` });
    expect(smsTo(both.phone)[0].body).toContain('St Test Hospital');
    expect(reminders(emailOnly.email)).toHaveLength(1);
    expect(smsTo(emailOnly.phone)).toHaveLength(0);
    expect(reminders(none.email)).toHaveLength(0);
    const after = await t.ok('{ myAppointments(first: 50) { items { id reminders { channel status sentAt } } } }', {}, both.token);
    expect(after.myAppointments.items.find((x: { id: string }) => x.id === a).reminders.map((r: { status: string }) => r.status)).toEqual(['SENT', 'SENT']);
    expect((await ledger(b)).filter((r) => r.kind === 'REMINDER')).toMatchObject([{ channel: 'EMAIL', status: 'SENT' }]);
  });

  it('opt-out, cancel and move are honoured even when the send job was already queued', async () => {
    const optOut = await patientWith({ email: true, sms: true });
    const cancels = await patientWith({ email: true });
    const moves = await patientWith({ email: true });
    const startsAt = await nextSlot('13:00');
    const plus = (min: number) => new Date(new Date(startsAt).getTime() + min * 60_000).toISOString();
    const a = await bookAppointment(t, optOut.token, { doctorId: doctor.doctorId, startsAt });
    const b = await bookAppointment(t, cancels.token, { doctorId: doctor.doctorId, startsAt: plus(30) });
    const c = await bookAppointment(t, moves.token, { doctorId: doctor.doctorId, startsAt: plus(60) });
    await drain();
    const restore = setClock(new Date(new Date(plus(60)).getTime() - 24 * 3600_000 + 60_000));
    try {
      // The engine (no workers in tests) holds the send jobs; nothing ran yet.
      const queued = await enqueueDueMessages({ em: t.orm.em.fork(), enqueue: (h, d, o) => t.app.deps.jobs.enqueue(h, d, o) });
      expect(queued).toBeGreaterThanOrEqual(4);
      await t.ok('mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { id } }', { i: { reminderSmsOptIn: false } }, optOut.token);
      await t.ok('mutation($id: ID!) { cancelAppointment(id: $id, reason: "away") { id } }', { id: b }, cancels.token);
      await t.ok('mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s) { id } }', { id: c, s: plus(24 * 60 * 3) }, moves.token);
      await drain();
      await drain();
    } finally {
      restore();
    }
    const reminders = (email: string) => mailsTo(email).filter((m) => /reminder/.test(m.subject ?? ''));
    expect(reminders(optOut.email)).toHaveLength(1);
    expect(smsTo(optOut.phone)).toHaveLength(0);
    expect((await ledger(a)).find((r) => r.kind === 'REMINDER' && r.channel === 'SMS')).toMatchObject({ status: 'CANCELLED', last_error: 'the patient switched SMS reminders off' });
    expect(reminders(cancels.email)).toHaveLength(0);
    expect(mailsTo(cancels.email).filter((m) => /cancelled/.test(m.subject ?? ''))).toHaveLength(1);
    expect(reminders(moves.email)).toHaveLength(0);
    expect(mailsTo(moves.email).filter((m) => /moved/.test(m.subject ?? ''))).toHaveLength(1);
    const moved = (await ledger(c)).filter((r) => r.kind === 'REMINDER');
    // The old reminder was cancelled; the new one waits for the new time.
    expect(moved.map((r) => r.status)).toEqual(['CANCELLED', 'PENDING']);
  });

  it('quiet hours: a reminder due between 22:00 and 07:00 hospital time goes at 21:45 before', () => {
    const settings = { timezone: 'Europe/Berlin', reminderLeadHours: 24 };
    const now = new Date('2026-03-01T00:00:00Z');
    // 06:30 Berlin (05:30 UTC) on 10 March: due 06:30 on the 9th, quiet → 21:45 on the 8th (20:45 UTC).
    expect(reminderDueAt(new Date('2026-03-10T05:30:00Z'), now, settings)?.toISOString()).toBe('2026-03-08T20:45:00.000Z');
    // 23:00 Berlin: due 23:00 the day before → 21:45 that day.
    expect(reminderDueAt(new Date('2026-03-10T22:00:00Z'), now, settings)?.toISOString()).toBe('2026-03-09T20:45:00.000Z');
    expect(reminderDueAt(new Date('2026-03-10T09:00:00Z'), now, settings)?.toISOString()).toBe('2026-03-09T09:00:00.000Z');
    expect(inQuietHours(new Date('2026-03-09T20:45:00Z'), 'Europe/Berlin')).toBe(false);
    // Past already: none.
    expect(reminderDueAt(new Date('2026-03-01T12:00:00Z'), now, settings)).toBeNull();
  });
});

describe('a failing SMTP server', () => {
  it('leads to retries, then FAILED on the admin page; a retry from there sends it', async () => {
    const patient = await patientWith({});
    smtp.failWith = 'mailbox temporarily unavailable';
    let id: string;
    try {
      id = await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt: await nextSlot('15:00') });
      await drain(async () => (await ledger(id)).some((r) => r.status === 'FAILED'));
    } finally {
      smtp.failWith = null;
    }
    const [row] = (await ledger(id)).filter((r) => r.kind === 'BOOKING_CONFIRMATION');
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(row.last_error).toContain('mailbox temporarily unavailable');
    const page = await t.ok('query($f: MessageFilter) { messages(filter: $f, first: 10) { items { id kind status attempts lastError patientName } totalCount } }',
      { f: { patientId: patient.patientId, status: 'FAILED' } }, admin.token);
    expect(page.messages.totalCount).toBe(1);
    expect(page.messages.items[0]).toMatchObject({ kind: 'BOOKING_CONFIRMATION', status: 'FAILED', attempts: 3, patientName: patient.fullName });
    const queues = await t.ok('{ jobQueues { backend emailLive messagesFailed queues { name waiting delayed failed } } }', {}, admin.token);
    expect(queues.jobQueues).toMatchObject({ backend: 'memory', emailLive: true });
    expect(queues.jobQueues.messagesFailed).toBeGreaterThanOrEqual(1);
    const retried = await t.ok('mutation($id: ID!) { retryMessage(id: $id) { id status attempts } }', { id: page.messages.items[0].id }, admin.token);
    expect(retried.retryMessage).toMatchObject({ status: 'PENDING', attempts: 0 });
    await drain(() => mailsTo(patient.email).length === 1);
    expect((await ledger(id)).find((r) => r.kind === 'BOOKING_CONFIRMATION')).toMatchObject({ status: 'SENT', attempts: 1 });
    const again = await t.gql('mutation($id: ID!) { retryMessage(id: $id) { id } }', { id: page.messages.items[0].id }, admin.token);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('password reset', () => {
  const linkIn = (text: string) => /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('works end to end: always true, one e-mail, single use, clears a lockout, ends older sessions; an old link is refused', async () => {
    const patient = await registerPatient(t);
    expect((await t.ok('mutation { requestPasswordReset(email: "nobody-here@hms.test") }')).requestPasswordReset).toBe(true);
    // Five wrong passwords lock the account; the sign-in page was warned along the way.
    const tries: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.gql('mutation($e: String!) { login(email: $e, password: "wrong-Password-1") { token } }', { e: patient.email });
      tries.push(r.errors?.[0].extensions?.triesLeft ?? r.errors?.[0].extensions?.code);
    }
    expect(tries).toEqual([4, 3, 2, 1, 'ACCOUNT_LOCKED']);
    expect((await t.ok('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: patient.email.toUpperCase() })).requestPasswordReset).toBe(true);
    await drain(() => mailsTo(patient.email).length === 1);
    const token = linkIn(mailsTo(patient.email)[0].text ?? '')!;
    expect(token).toBeTruthy();
    // The link is in no table in plain text.
    const [{ n }] = await t.orm.em.getConnection().execute('select count(*) as n from message where sealed_payload like ?', [`%${token}%`]);
    expect(Number(n)).toBe(0);
    const weak = await t.gql('mutation($t: String!) { resetPassword(token: $t, newPassword: "short") }', { t: token });
    expect(weak.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.ok('mutation($t: String!) { resetPassword(token: $t, newPassword: "New-Password-2026") }', { t: token })).resetPassword).toBe(true);
    const old = await t.gql('{ me { id } }', {}, patient.token);
    expect(old.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await login(t, patient.email, 'New-Password-2026');
    const reused = await t.gql('mutation($t: String!) { resetPassword(token: $t, newPassword: "Other-Password-2026") }', { t: token });
    expect(reused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // A link older than 30 minutes.
    await t.ok('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: patient.email });
    await drain(() => mailsTo(patient.email).length === 2);
    const second = linkIn(mailsTo(patient.email)[1].text ?? '')!;
    const restore = setClock(new Date(clock.nowMs() + 31 * 60_000));
    try {
      const expired = await t.gql('mutation($t: String!) { resetPassword(token: $t, newPassword: "Other-Password-2026") }', { t: second });
      expect(expired.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      restore();
    }
    const nonsense = await t.gql('mutation { resetPassword(token: "not-a-token", newPassword: "Other-Password-2026") }');
    expect(nonsense.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an unknown e-mail counts down like a known one (triesLeft says nothing about existence)', async () => {
    const known = await registerPatient(t);
    const left = async (email: string) => (await t.gql('mutation($e: String!) { login(email: $e, password: "wrong-Password-1") { token } }', { e: email })).errors?.[0].extensions;
    expect(await left(known.email)).toMatchObject({ code: 'UNAUTHENTICATED', triesLeft: 4 });
    expect(await left(`ghost-${Date.now()}@hms.test`)).toMatchObject({ code: 'UNAUTHENTICATED', triesLeft: 4 });
  });
});

describe('doctor invitation and booking notices', () => {
  it('the invitation link goes by e-mail (not shown to the admin when SMTP is set)', async () => {
    const dept = (await t.ok('mutation { createDepartment(input: { name: "Invited dept" }) { id } }', {}, admin.token)).createDepartment.id;
    const email = `invited-${Date.now()}@hms.test`;
    const created = await t.ok('mutation($i: CreateDoctorInput!) { createDoctor(input: $i) { id invitationUrl } }',
      { i: { email, fullName: 'Dr Invited', departmentId: dept, specialization: 'General', consultationFee: '10.00' } }, admin.token);
    expect(created.createDoctor.invitationUrl).toBeNull();
    await drain(() => mailsTo(email).length === 1);
    const link = /\/invitation\/([A-Za-z0-9_-]+)/.exec(mailsTo(email)[0].text ?? '')?.[1];
    expect(link).toBeTruthy();
    const accepted = await t.ok('mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { token } }', { t: link, p: PASSWORD });
    expect(accepted.acceptInvitation.token).toBeTruthy();
  });

  it('a doctor who switched booking notices on gets an e-mail per new booking', async () => {
    const other = await createDoctor(t, admin);
    await openAllWeek(t, other.token, other.doctorId);
    expect((await t.ok('mutation { setBookingNotices(enabled: true) }', {}, other.token)).setBookingNotices).toBe(true);
    const patient = await patientWith({});
    await bookAppointment(t, patient.token, { doctorId: other.doctorId, startsAt: await hospitalTime(t, 3, '16:00') });
    await drain(() => mailsTo(other.email).length === 1);
    expect(mailsTo(other.email)[0].subject).toContain('new booking');
    expect(mailsTo(other.email)[0].text).toContain(patient.fullName);
  });
});

describe('who may see and do what', () => {
  it('the ledger and queues are for admins; reminders only for the visit\'s patient', async () => {
    const patient = await patientWith({ email: true });
    const stranger = await registerPatient(t);
    const id = await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 4, '17:00') });
    for (const [token, code] of [[undefined, 'UNAUTHENTICATED'], [patient.token, 'FORBIDDEN'], [doctor.token, 'FORBIDDEN']] as const) {
      expect((await t.gql('{ messages { totalCount } }', {}, token)).errors?.[0].extensions?.code).toBe(code);
      expect((await t.gql('{ jobQueues { backend } }', {}, token)).errors?.[0].extensions?.code).toBe(code);
      expect((await t.gql('mutation { retryMessage(id: "1") { id } }', {}, token)).errors?.[0].extensions?.code).toBe(code);
    }
    expect((await t.gql('mutation { setBookingNotices(enabled: true) }', {}, patient.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const day = await t.ok('query($d: ID!, $date: LocalDate!) { doctorDay(doctorId: $d, date: $date) { appointments { id reminders { status } } } }',
      { d: doctor.doctorId, date: (await hospitalTime(t, 4, '17:00')).slice(0, 10) }, doctor.token).catch(() => null);
    if (day) for (const a of day.doctorDay.appointments) expect(a.reminders).toEqual([]);
    const mine = await t.ok('{ myAppointments(first: 50) { items { id reminders { status } } } }', {}, patient.token);
    expect(mine.myAppointments.items.find((x: { id: string }) => x.id === id).reminders).toHaveLength(1);
    const theirs = await t.ok('{ myAppointments(first: 50) { items { id } } }', {}, stranger.token);
    expect(theirs.myAppointments.items).toHaveLength(0);
    const bad = await t.gql('{ messages(filter: { status: "NOPE" }) { totalCount } }', {}, admin.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('waitlist offers', () => {
  const JOIN = 'mutation($i: JoinWaitlistInput!) { joinWaitlist(input: $i) { id } }';
  const MINE = '{ myWaitlist { status offer { id startsAt expiresAt } } }';
  const CANCEL = 'mutation($id: ID!) { cancelAppointment(id: $id) { id } }';
  const offerRows = async (patientId: string) => (await t.orm.em.getConnection().execute(
    "select kind, channel, status, last_error from message where patient_id = ? and kind in ('WAITLIST_OFFER', 'BOOKING_CONFIRMATION', 'REMINDER', 'CANCEL_NOTICE') order by id", [patientId])) as LedgerRow[];
  /** A fresh doctor with one booked visit that is cancelled while `waiter` waits for that day: the waiter is offered it. */
  async function offerTo(waiter: PatientSession): Promise<{ offerId: string; startsAt: string; expiresAt: string; doctorName: string }> {
    const d = await createDoctor(t, admin);
    await openAllWeek(t, d.token, d.doctorId);
    const holder = await patientWith({});
    const startsAt = await hospitalTime(t, 2, '10:30');
    const booked = await bookAppointment(t, holder.token, { doctorId: d.doctorId, startsAt });
    const day = DateTime.fromISO(startsAt).setZone(t.config.timezone).toISODate();
    await t.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, waiter.token);
    await t.ok(CANCEL, { id: booked }, holder.token);
    const [entry] = (await t.ok(MINE, {}, waiter.token)).myWaitlist;
    expect(entry).toMatchObject({ status: 'OFFERED', offer: { startsAt } });
    return { offerId: entry.offer.id, startsAt, expiresAt: entry.offer.expiresAt, doctorName: d.fullName };
  }

  it('an offer mails (and texts) the waiter once, with the hospital time, the hold\'s expiry and the waitlist link; no booking mail for the hold', async () => {
    const waiter = await patientWith({ email: true, sms: true });
    const offer = await offerTo(waiter);
    await drain(() => mailsTo(waiter.email).length >= 1 && smsTo(waiter.phone).length >= 1);
    await drain();
    await drain();
    const mails = mailsTo(waiter.email);
    expect(mails).toHaveLength(1);
    const zone = t.config.timezone;
    const at = DateTime.fromISO(offer.startsAt).setZone(zone).toFormat("cccc d LLLL yyyy 'at' HH:mm");
    const until = DateTime.fromISO(offer.expiresAt).setZone(zone).toFormat('HH:mm');
    expect(mails[0].subject).toContain(at);
    expect(mails[0].text).toContain(offer.doctorName);
    expect(mails[0].text).toContain(`until ${until}`);
    expect(mails[0].text).toContain(`${t.config.publicUrl}/patient/waitlist`);
    const texts = smsTo(waiter.phone);
    expect(texts).toHaveLength(1);
    expect(texts[0].body).toContain(`until ${until}`);
    expect(texts[0].body).toContain('/patient/waitlist');
    // One ledger row per channel, nothing planned for the hold itself.
    expect((await offerRows(waiter.patientId)).map((r) => [r.kind, r.channel, r.status])).toEqual([['WAITLIST_OFFER', 'EMAIL', 'SENT'], ['WAITLIST_OFFER', 'SMS', 'SENT']]);

    // Accepting books the visit: now (and only now) the booking confirmation goes out.
    await t.ok('mutation($o: ID!) { acceptWaitlistOffer(offerId: $o) { id } }', { o: offer.offerId }, waiter.token);
    await drain(() => mailsTo(waiter.email).length >= 2);
    await drain();
    expect(mailsTo(waiter.email)).toHaveLength(2);
    expect(mailsTo(waiter.email)[1].subject).toContain('your appointment on');
  });

  it('an offer that expired before its send is not mailed (CANCELLED with the reason), nor is the hold\'s release', async () => {
    const waiter = await patientWith({ email: true });
    const offer = await offerTo(waiter);
    const restore = setClock(new Date(new Date(offer.expiresAt).getTime() + 60_000));
    try {
      await drain();
      await drain();
      expect(mailsTo(waiter.email)).toHaveLength(0);
      const rows = await offerRows(waiter.patientId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'WAITLIST_OFFER', channel: 'EMAIL', status: 'CANCELLED' });
      expect(rows[0].last_error).toMatch(/expired/);
      // The hold ends (the sweep, here or in the drain above); its release sends no "cancelled" mail either.
      await expireOffers(t.app.deps);
      const [ended] = (await t.orm.em.getConnection().execute('select status from waitlist_offer where id = ?', [offer.offerId])) as Array<{ status: string }>;
      expect(ended.status).toBe('EXPIRED');
      await drain();
      await drain();
      expect(mailsTo(waiter.email)).toHaveLength(0);
    } finally {
      restore();
    }
  });
});
