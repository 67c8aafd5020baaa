import { clock } from '../../clock';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, recordStatements, uid, type TestApp } from '../../../test/harness';
import {
  bookAppointment, createAdmin, createDoctor, hospitalTime, insertAppointment, openAllWeek, quickPatients, registerPatient,
  type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
});
afterAll(async () => { await t.close(); });

const BOOK = 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id startsAt endsAt status reason doctor { id } patient { id fullName } } }';
const RESCHEDULE = 'mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s) { id startsAt endsAt status } }';
const CANCEL = 'mutation($id: ID!, $r: String) { cancelAppointment(id: $id, reason: $r) { id status cancelReason } }';
const STATUS = 'mutation($id: ID!, $s: AppointmentStatus!) { setAppointmentStatus(id: $id, status: $s) { id status checkedInAt } }';
const GET = 'query($id: ID!) { appointment(id: $id) { id status patient { fullName } doctor { fullName } } }';
const AUDIT = 'query($f: AuditEventFilter, $first: Int, $after: String) { auditEvents(filter: $f, first: $first, after: $after) { totalCount nextCursor items { id action entityType entityId actorId actorEmail actorRole changes requestId createdAt } } }';

/** A doctor open every day 08:00-20:00 in 30-minute slots. */
async function openDoctor(range?: { startTime?: string; endTime?: string; slotMinutes?: number }): Promise<DoctorSession> {
  const d = await createDoctor(t, admin);
  await openAllWeek(t, d.token, d.doctorId, range);
  return d;
}

async function rows<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return t.orm.em.fork().getConnection().execute(query, params);
}

describe('bookAppointment', () => {
  it('a patient books a free slot for themself; the slot leaves availableSlots', async () => {
    const d = await openDoctor();
    const p = await registerPatient(t);
    const startsAt = await hospitalTime(t, 2, '10:30');
    const data = await t.ok(BOOK, { input: { doctorId: d.doctorId, startsAt, reason: '  Headache ' } }, p.token);
    expect(data.bookAppointment).toMatchObject({
      startsAt, endsAt: await hospitalTime(t, 2, '11:00'), status: 'SCHEDULED', reason: 'Headache',
      doctor: { id: d.doctorId }, patient: { id: p.patientId, fullName: p.fullName },
    });
    const date = DateTime.fromISO(startsAt).setZone(t.config.timezone).toISODate();
    const slots = await t.ok('query($d: ID!, $date: LocalDate!) { availableSlots(doctorId: $d, date: $date) { startsAt } }', { d: d.doctorId, date });
    expect(slots.availableSlots.map((s: { startsAt: string }) => s.startsAt)).not.toContain(startsAt);
  });

  it('a winning booking: the lock statement reads what its notices need; nothing it just wrote is read back', async () => {
    const d = await openDoctor();
    const p = await registerPatient(t);
    await t.ok('{ me { id } }', {}, p.token);
    const startsAt = await hospitalTime(t, 2, '11:30');
    // Only the id back, so only the booking's own statements are counted (not the answer's nested reads).
    const { result, statements } = await recordStatements(t, () => t.ok('mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }', { input: { doctorId: d.doctorId, startsAt } }, p.token));
    const id = Number(result.bookAppointment.id);
    // Every statement between the lock and the commit is time the doctor's and the patient's rows stay locked.
    const locked = statements.slice(statements.findIndex((s) => / for update$/.test(s) && s.includes('from doctor d, patient p')));
    const reads = locked.filter((s) => /^\s*\(?select/i.test(s));
    expect(reads.filter((s) => /from `?appointment`? as `?a0`?/.test(s))).toEqual([]);
    expect(reads.filter((s) => /from patient p, doctor d/.test(s))).toEqual([]);
    expect(statements.length).toBeLessThanOrEqual(13);
    // The rows those reads fed are still written: the doctor's notice (with the patient's name) and the confirmation.
    const notices = await rows<{ message: string }>("select message from notification where kind = 'APPOINTMENT_BOOKED' and json_value(payload, '$.appointmentId') = ?", [id]);
    expect(notices.map((n) => n.message)).toEqual([expect.stringContaining(p.fullName)]);
    const messages = await rows<{ kind: string }>('select kind from message where appointment_id = ? order by kind', [id]);
    expect(messages.map((m) => m.kind)).toContain('BOOKING_CONFIRMATION');
    const [stored] = await rows<{ active_starts_at: unknown; slot_starts_at: unknown }>('select active_starts_at, slot_starts_at from appointment where id = ?', [id]);
    expect(stored.active_starts_at).not.toBeNull();
    expect(stored.slot_starts_at).not.toBeNull();
  });

  it('40 concurrent bookings of one slot: exactly one wins, 39 get SLOT_UNAVAILABLE', async () => {
    const d = await openDoctor();
    const patients = await quickPatients(t, 40);
    const startsAt = await hospitalTime(t, 3, '09:00');
    const results = await Promise.all(patients.map((p) => t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt } }, p.token)));
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.flatMap(codes).sort()).toEqual(Array(39).fill('SLOT_UNAVAILABLE'));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const held = await rows('select id from appointment where doctor_id = ? and active_starts_at is not null', [Number(d.doctorId)]);
    expect(held).toHaveLength(1);
    // Losers leave nothing behind: one audit row and one outbox row, both of the winner.
    const audit = await rows<{ entity_id: string }>("select entity_id from audit_event where action = 'appointment.book' and entity_id = ?", [winners[0].data.bookAppointment.id]);
    expect(audit).toHaveLength(1);
    const outbox = await rows('select id from outbox_event where doctor_id = ?', [Number(d.doctorId)]);
    expect(outbox).toHaveLength(1);
  });

  it('an admin books for a walk-in patient; patientId is required for an admin', async () => {
    const d = await openDoctor();
    const walkIn = await t.ok('mutation($input: CreateWalkInPatientInput!) { createWalkInPatient(input: $input) { id } }', { input: { fullName: `Walk ${uid()}` } }, admin.token);
    const startsAt = await hospitalTime(t, 1, '15:00');
    const missing = await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt } }, admin.token);
    expect(codes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(missing.errors![0].extensions!.fields).toEqual({ patientId: 'Required' });
    const data = await t.ok(BOOK, { input: { doctorId: d.doctorId, startsAt, patientId: walkIn.createWalkInPatient.id } }, admin.token);
    expect(data.bookAppointment.patient.id).toBe(walkIn.createWalkInPatient.id);
    expect(codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt: await hospitalTime(t, 1, '16:00'), patientId: '99999999' } }, admin.token))).toEqual(['NOT_FOUND']);
  });

  it('who may book: a patient for self only, an admin for anyone, never a doctor or anonymous', async () => {
    const d = await openDoctor();
    const [a, b] = await quickPatients(t, 2);
    const startsAt = await hospitalTime(t, 2, '12:00');
    expect(codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt, patientId: b.patientId } }, a.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt, patientId: a.patientId } }, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt } }))).toEqual(['UNAUTHENTICATED']);
    await t.ok(BOOK, { input: { doctorId: d.doctorId, startsAt, patientId: a.patientId } }, a.token);
  });

  it('refuses off-grid, outside-hours, past, beyond-window and blocked starts with SLOT_UNAVAILABLE', async () => {
    const d = await openDoctor();
    const p = await registerPatient(t);
    const refused = async (startsAt: string) => codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt } }, p.token));
    expect(await refused(await hospitalTime(t, 2, '10:15'))).toEqual(['SLOT_UNAVAILABLE']); // off the 30-minute grid
    expect(await refused(new Date(Date.parse(await hospitalTime(t, 2, '10:00')) + 1000).toISOString())).toEqual(['SLOT_UNAVAILABLE']);
    expect(await refused(await hospitalTime(t, 2, '07:30'))).toEqual(['SLOT_UNAVAILABLE']); // before hours
    expect(await refused(await hospitalTime(t, 2, '20:00'))).toEqual(['SLOT_UNAVAILABLE']); // after hours
    expect(await refused(await hospitalTime(t, -1, '10:00'))).toEqual(['SLOT_UNAVAILABLE']); // past
    expect(await refused(await hospitalTime(t, 7, '10:00'))).toEqual(['SLOT_UNAVAILABLE']); // beyond the 7-day window
    await t.ok('mutation($input: AddAvailabilityBlockInput!) { addAvailabilityBlock(input: $input) { id } }',
      { input: { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '11:00'), endsAt: await hospitalTime(t, 2, '11:30'), reason: 'BLOCKED_SLOT' } }, d.token);
    expect(await refused(await hospitalTime(t, 2, '11:00'))).toEqual(['SLOT_UNAVAILABLE']);
    expect(await refused(await hospitalTime(t, 6, '10:00'))).toEqual([]); // last day of the window
    expect(codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt: 'tomorrow' } }, p.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(BOOK, { input: { doctorId: '99999999', startsAt: await hospitalTime(t, 2, '10:00') } }, p.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '12:00'), reason: 'x'.repeat(501) } }, p.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('an inactive doctor cannot be booked', async () => {
    const d = await openDoctor();
    await t.ok('mutation($id: ID!) { updateDoctor(id: $id, input: { active: false }) { id } }', { id: d.doctorId }, admin.token);
    const p = await registerPatient(t);
    expect(codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '10:00') } }, p.token))).toEqual(['SLOT_UNAVAILABLE']);
  });

  it('a patient never holds two overlapping appointments, even with doctors of different slot lengths', async () => {
    const thirty = await openDoctor({ slotMinutes: 30 });
    const hour = await openDoctor({ slotMinutes: 60 });
    const p = await registerPatient(t);
    await bookAppointment(t, p.token, { doctorId: hour.doctorId, startsAt: await hospitalTime(t, 2, '10:00') });
    expect(codes(await t.gql(BOOK, { input: { doctorId: thirty.doctorId, startsAt: await hospitalTime(t, 2, '10:30') } }, p.token))).toEqual(['SLOT_UNAVAILABLE']);
    expect(codes(await t.gql(BOOK, { input: { doctorId: thirty.doctorId, startsAt: await hospitalTime(t, 2, '10:00') } }, p.token))).toEqual(['SLOT_UNAVAILABLE']);
    await bookAppointment(t, p.token, { doctorId: thirty.doctorId, startsAt: await hospitalTime(t, 2, '11:00') });

    // Concurrently, across doctors with different slot lengths: all three overlap pairwise; one wins.
    const hour2 = await openDoctor({ slotMinutes: 60 });
    for (const q of await quickPatients(t, 5)) {
      const results = await Promise.all([
        t.gql(BOOK, { input: { doctorId: thirty.doctorId, startsAt: await hospitalTime(t, 3, '10:30') } }, q.token),
        t.gql(BOOK, { input: { doctorId: hour.doctorId, startsAt: await hospitalTime(t, 3, '10:00') } }, q.token),
        t.gql(BOOK, { input: { doctorId: hour2.doctorId, startsAt: await hospitalTime(t, 3, '10:00') } }, q.token),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.flatMap(codes)).toEqual(['SLOT_UNAVAILABLE', 'SLOT_UNAVAILABLE']);
      // Free the doctors' slots for the next round.
      const won = results.find((r) => !r.errors)!.data.bookAppointment.id;
      await t.ok(CANCEL, { id: won }, admin.token);
    }
  });

  it('idempotencyKey: a sequential retry returns the first appointment; another caller\'s same key books anew', async () => {
    const d = await openDoctor();
    const [a, b] = await quickPatients(t, 2);
    const key = `key-${uid()}`;
    const first = await bookAppointment(t, a.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '09:00'), idempotencyKey: key });
    const again = await bookAppointment(t, a.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '09:00'), idempotencyKey: key });
    expect(again).toBe(first);
    const other = await bookAppointment(t, b.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '09:30'), idempotencyKey: key });
    expect(other).not.toBe(first);
    expect(await rows("select id from audit_event where action = 'appointment.book' and entity_id in (?, ?)", [first, other])).toHaveLength(2);
  });

  it('idempotencyKey: 10 concurrent retries (same and different slots) make one appointment, every time', async () => {
    const d = await openDoctor();
    const d2 = await openDoctor();
    for (const [round, p] of (await quickPatients(t, 3)).entries()) {
      const key = `key-${uid()}`;
      const s1 = await hospitalTime(t, 4, `${String(9 + round).padStart(2, '0')}:00`);
      const s2 = await hospitalTime(t, 4, `${String(14 + round).padStart(2, '0')}:00`);
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
        t.gql(BOOK, { input: { doctorId: i % 2 ? d2.doctorId : d.doctorId, startsAt: i % 2 ? s2 : s1, idempotencyKey: key } }, p.token)));
      expect(results.flatMap(codes)).toEqual([]);
      expect(new Set(results.map((r) => r.data.bookAppointment.id)).size).toBe(1);
      expect(await rows('select id from appointment where patient_id = ?', [Number(p.patientId)])).toHaveLength(1);
    }
  });
});

describe('rescheduleAppointment', () => {
  it('moves atomically: the old slot is free again and the new one taken; audit records before/after', async () => {
    const d = await openDoctor();
    const p = await registerPatient(t);
    const from = await hospitalTime(t, 2, '09:00');
    const to = await hospitalTime(t, 2, '13:00');
    const id = await bookAppointment(t, p.token, { doctorId: d.doctorId, startsAt: from });
    const moved = await t.ok(RESCHEDULE, { id, s: to }, p.token);
    expect(moved.rescheduleAppointment).toMatchObject({ id, startsAt: to, endsAt: await hospitalTime(t, 2, '13:30'), status: 'SCHEDULED' });
    const q = await registerPatient(t);
    await bookAppointment(t, q.token, { doctorId: d.doctorId, startsAt: from });
    expect(codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt: to } }, q.token))).toEqual(['SLOT_UNAVAILABLE']);
    const audit = await t.ok(AUDIT, { f: { entityType: 'appointment', entityId: id } }, admin.token);
    expect(audit.auditEvents.items.map((e: { action: string }) => e.action)).toEqual(['appointment.reschedule', 'appointment.book']);
    expect(JSON.parse(audit.auditEvents.items[0].changes).startsAt).toEqual({ before: from, after: to });
    const outbox = await rows<{ kind: string; previous_starts_at: Date }>('select kind, previous_starts_at from outbox_event where appointment_id = ? order by id', [Number(id)]);
    expect(outbox.map((o) => o.kind)).toEqual(['BOOKED', 'RESCHEDULED']);
    expect(new Date(outbox[1].previous_starts_at).toISOString()).toBe(from);
  });

  it('concurrent reschedules of 10 appointments into one slot: exactly one moves, nothing else changes', async () => {
    const d = await openDoctor();
    const patients = await quickPatients(t, 10);
    const ids = await Promise.all(patients.map(async (p, i) =>
      bookAppointment(t, p.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 3, `${String(8 + i).padStart(2, '0')}:00`) })));
    const target = await hospitalTime(t, 3, '18:30');
    const results = await Promise.all(ids.map((id, i) => t.gql(RESCHEDULE, { id, s: target }, patients[i].token)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap(codes)).toEqual(Array(9).fill('SLOT_UNAVAILABLE'));
    const held = await rows<{ starts_at: Date }>('select starts_at from appointment where doctor_id = ? and active_starts_at is not null', [Number(d.doctorId)]);
    expect(held).toHaveLength(10);
    expect(held.filter((h) => new Date(h.starts_at).toISOString() === target)).toHaveLength(1);
    expect(await rows("select id from audit_event where action = 'appointment.reschedule' and entity_id in (?)", [ids])).toHaveLength(1);
  });

  it('applies the booking rules to the new slot and the access rules to the caller', async () => {
    const d = await openDoctor();
    const other = await openDoctor();
    const [a, b] = await quickPatients(t, 2);
    const id = await bookAppointment(t, a.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '09:00') });
    for (const bad of [await hospitalTime(t, 2, '09:10'), await hospitalTime(t, -1, '09:00'), await hospitalTime(t, 8, '09:00'), await hospitalTime(t, 2, '21:00')]) {
      expect(codes(await t.gql(RESCHEDULE, { id, s: bad }, a.token))).toEqual(['SLOT_UNAVAILABLE']);
    }
    const s = await hospitalTime(t, 2, '10:00');
    expect(codes(await t.gql(RESCHEDULE, { id, s }, b.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(RESCHEDULE, { id, s }, other.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(RESCHEDULE, { id, s }, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RESCHEDULE, { id, s }))).toEqual(['UNAUTHENTICATED']);
    await t.ok(RESCHEDULE, { id, s }, admin.token);
    await t.ok(CANCEL, { id }, a.token);
    expect(codes(await t.gql(RESCHEDULE, { id, s: await hospitalTime(t, 2, '11:00') }, a.token))).toEqual(['INVALID_TRANSITION']);
  });
});

describe('cancelAppointment and setAppointmentStatus', () => {
  let d: DoctorSession;
  let other: DoctorSession;
  let a: PatientSession;
  let b: PatientSession;
  beforeAll(async () => {
    d = await openDoctor();
    other = await openDoctor();
    [a, b] = await quickPatients(t, 2);
  });

  /** A row straight in the database, so a visit can start now or be in the past. */
  // A fresh patient each time, so visits at the same minute never collide.
  const visit = async (minutesFromNow: number, status = 'SCHEDULED', patient?: PatientSession) => {
    const p = patient ?? (await quickPatients(t, 1))[0];
    // A random sub-minute offset keeps the doctor's visits apart too.
    const startsAt = new Date(clock.nowMs() + minutesFromNow * 60_000 + Math.floor(Math.random() * 30_000));
    return insertAppointment(t, { doctorId: d.doctorId, patientId: p.patientId, startsAt, status });
  };

  it('the patient cancels their own upcoming appointment with a reason; the slot is free again', async () => {
    const startsAt = await hospitalTime(t, 5, '09:00');
    const id = await bookAppointment(t, a.token, { doctorId: d.doctorId, startsAt });
    expect(codes(await t.gql(CANCEL, { id, r: 'no' }, b.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(CANCEL, { id, r: 'no' }, other.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(CANCEL, { id, r: 'no' }))).toEqual(['UNAUTHENTICATED']);
    const data = await t.ok(CANCEL, { id, r: ' Feeling better ' }, a.token);
    expect(data.cancelAppointment).toEqual({ id, status: 'CANCELLED', cancelReason: 'Feeling better' });
    expect(codes(await t.gql(CANCEL, { id }, a.token))).toEqual(['INVALID_TRANSITION']);
    await bookAppointment(t, b.token, { doctorId: d.doctorId, startsAt });
  });

  it('the doctor and an admin may cancel too; a patient cannot cancel once it started', async () => {
    const byDoctor = await bookAppointment(t, a.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 5, '10:00') });
    expect((await t.ok(CANCEL, { id: byDoctor, r: 'Sick' }, d.token)).cancelAppointment.status).toBe('CANCELLED');
    const byAdmin = await bookAppointment(t, a.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 5, '11:00') });
    expect((await t.ok(CANCEL, { id: byAdmin }, admin.token)).cancelAppointment.status).toBe('CANCELLED');
    const started = await visit(-10, 'SCHEDULED', a);
    expect(codes(await t.gql(CANCEL, { id: started }, a.token))).toEqual(['INVALID_TRANSITION']);
    expect((await t.ok(CANCEL, { id: started }, admin.token)).cancelAppointment.status).toBe('CANCELLED');
  });

  it('allows SCHEDULED -> CHECKED_IN -> COMPLETED, SCHEDULED -> NO_SHOW, SCHEDULED/CHECKED_IN -> CANCELLED', async () => {
    const id = await visit(30);
    const checkedIn = await t.ok(STATUS, { id, s: 'CHECKED_IN' }, d.token);
    expect(checkedIn.setAppointmentStatus.status).toBe('CHECKED_IN');
    expect(checkedIn.setAppointmentStatus.checkedInAt).toBeTruthy();
    expect((await t.ok(STATUS, { id, s: 'COMPLETED' }, d.token)).setAppointmentStatus.status).toBe('COMPLETED');
    const noShow = await visit(-20);
    expect((await t.ok(STATUS, { id: noShow, s: 'NO_SHOW' }, admin.token)).setAppointmentStatus.status).toBe('NO_SHOW');
    const cancelled = await visit(-40);
    expect((await t.ok(STATUS, { id: cancelled, s: 'CANCELLED' }, d.token)).setAppointmentStatus.status).toBe('CANCELLED');
    const checkedThenCancelled = await visit(-60, 'CHECKED_IN');
    expect((await t.ok(STATUS, { id: checkedThenCancelled, s: 'CANCELLED' }, admin.token)).setAppointmentStatus.status).toBe('CANCELLED');
  });

  it.each([
    ['SCHEDULED', 'SCHEDULED'], ['SCHEDULED', 'COMPLETED'],
    ['CHECKED_IN', 'SCHEDULED'], ['CHECKED_IN', 'CHECKED_IN'], ['CHECKED_IN', 'NO_SHOW'],
    ['COMPLETED', 'SCHEDULED'], ['COMPLETED', 'CHECKED_IN'], ['COMPLETED', 'CANCELLED'], ['COMPLETED', 'NO_SHOW'], ['COMPLETED', 'COMPLETED'],
    ['CANCELLED', 'SCHEDULED'], ['CANCELLED', 'CHECKED_IN'], ['CANCELLED', 'COMPLETED'], ['CANCELLED', 'NO_SHOW'], ['CANCELLED', 'CANCELLED'],
    ['NO_SHOW', 'SCHEDULED'], ['NO_SHOW', 'CHECKED_IN'], ['NO_SHOW', 'COMPLETED'], ['NO_SHOW', 'CANCELLED'], ['NO_SHOW', 'NO_SHOW'],
  ])('refuses %s -> %s with INVALID_TRANSITION and writes no audit row', async (from, to) => {
    const id = await visit(-5, from);
    expect(codes(await t.gql(STATUS, { id, s: to }, d.token))).toEqual(['INVALID_TRANSITION']);
    expect(await rows('select id from audit_event where entity_type = ? and entity_id = ?', ['appointment', id])).toHaveLength(0);
    expect(await rows('select id from outbox_event where appointment_id = ?', [Number(id)])).toHaveLength(0);
  });

  it('check-in opens one hour before the start and closes at the end of that hospital day; no-show only once started', async () => {
    expect(codes(await t.gql(STATUS, { id: await visit(61), s: 'CHECKED_IN' }, d.token))).toEqual(['INVALID_TRANSITION']);
    await t.ok(STATUS, { id: await visit(59), s: 'CHECKED_IN' }, d.token);
    const yesterday = DateTime.fromJSDate(clock.now()).setZone(t.config.timezone).minus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const old = await insertAppointment(t, { doctorId: d.doctorId, patientId: a.patientId, startsAt: yesterday.toJSDate() });
    expect(codes(await t.gql(STATUS, { id: old, s: 'CHECKED_IN' }, d.token))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await t.gql(STATUS, { id: await visit(30), s: 'NO_SHOW' }, d.token))).toEqual(['INVALID_TRANSITION']);
  });

  it('only the appointment\'s doctor or an admin set the status', async () => {
    const id = await visit(20);
    expect(codes(await t.gql(STATUS, { id, s: 'CHECKED_IN' }, a.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(STATUS, { id, s: 'CHECKED_IN' }, other.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(STATUS, { id, s: 'CHECKED_IN' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(STATUS, { id: '99999999', s: 'CHECKED_IN' }, admin.token))).toEqual(['NOT_FOUND']);
    await t.ok(STATUS, { id, s: 'CHECKED_IN' }, admin.token);
  });
});

describe('reading appointments', () => {
  it('appointment(id): the patient, the doctor and an admin see it; anyone else gets NOT_FOUND', async () => {
    const d = await openDoctor();
    const other = await openDoctor();
    const [a, b] = await quickPatients(t, 2);
    const id = await bookAppointment(t, a.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '09:00') });
    for (const token of [a.token, d.token, admin.token]) expect((await t.ok(GET, { id }, token)).appointment.id).toBe(id);
    expect(codes(await t.gql(GET, { id }, b.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(GET, { id }, other.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(GET, { id }))).toEqual(['UNAUTHENTICATED']);
  });

  it('myAppointments pages a patient\'s own appointments, upcoming soonest first', async () => {
    const d = await openDoctor();
    const [a, b] = await quickPatients(t, 2);
    const ids: string[] = [];
    for (const time of ['15:00', '09:00', '12:00']) ids.push(await bookAppointment(t, a.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, time) }));
    const past = await insertAppointment(t, { doctorId: d.doctorId, patientId: a.patientId, startsAt: new Date(clock.nowMs() - 86_400_000), status: 'COMPLETED' });
    await bookAppointment(t, b.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '10:00') });
    const Q = 'query($u: Boolean, $s: AppointmentStatus, $first: Int, $after: String) { myAppointments(upcoming: $u, status: $s, first: $first, after: $after) { totalCount nextCursor items { id } } }';
    const page1 = (await t.ok(Q, { u: true, first: 2 }, a.token)).myAppointments;
    expect(page1.totalCount).toBe(3);
    expect(page1.items.map((i: { id: string }) => i.id)).toEqual([ids[1], ids[2]]);
    const page2 = (await t.ok(Q, { u: true, first: 2, after: page1.nextCursor }, a.token)).myAppointments;
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();
    expect((await t.ok(Q, { u: false }, a.token)).myAppointments.items.map((i: { id: string }) => i.id)).toEqual([past]);
    expect((await t.ok(Q, { s: 'COMPLETED' }, a.token)).myAppointments.totalCount).toBe(1);
    expect((await t.ok(Q, {}, a.token)).myAppointments.totalCount).toBe(4);
    const doctorTry = await t.gql(Q, {}, d.token);
    expect(codes(doctorTry)).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(Q, { after: 'garbage' }, a.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('appointments: admin filters by doctor, department, patient, status and dates; a doctor sees only their own', async () => {
    const d = await openDoctor();
    const other = await openDoctor();
    const [a, b] = await quickPatients(t, 2);
    const first = await bookAppointment(t, a.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 3, '09:00') });
    const second = await bookAppointment(t, b.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 3, '10:00') });
    const elsewhere = await bookAppointment(t, a.token, { doctorId: other.doctorId, startsAt: await hospitalTime(t, 3, '11:00') });
    await t.ok(CANCEL, { id: second }, b.token);
    const Q = 'query($f: AppointmentFilter, $first: Int, $after: String) { appointments(filter: $f, first: $first, after: $after) { totalCount nextCursor items { id status } } }';
    const list = async (f: Record<string, unknown>, token = admin.token) =>
      (await t.ok(Q, { f }, token)).appointments.items.map((i: { id: string }) => i.id);
    expect(await list({ doctorId: d.doctorId })).toEqual([first, second]);
    expect(await list({ departmentId: other.departmentId })).toEqual([elsewhere]);
    expect(await list({ patientId: a.patientId })).toEqual([first, elsewhere]);
    expect(await list({ doctorId: d.doctorId, status: 'CANCELLED' })).toEqual([second]);
    expect(await list({ patientId: a.patientId, from: await hospitalTime(t, 3, '10:00'), to: await hospitalTime(t, 3, '12:00') })).toEqual([elsewhere]);
    const page = (await t.ok(Q, { f: { doctorId: d.doctorId }, first: 1 }, admin.token)).appointments;
    expect(page.totalCount).toBe(2);
    const next = (await t.ok(Q, { f: { doctorId: d.doctorId }, first: 1, after: page.nextCursor }, admin.token)).appointments;
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([second]);
    expect(await list({}, d.token)).toEqual([first, second]);
    expect(codes(await t.gql(Q, { f: { doctorId: other.doctorId } }, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(Q, {}, a.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(Q, { first: 101 }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('audit', () => {
  it('each change writes one audit row with actor, changes and request id; refused changes write none', async () => {
    const d = await openDoctor();
    const p = await registerPatient(t);
    const startsAt = await hospitalTime(t, 2, '16:00');
    const id = await bookAppointment(t, p.token, { doctorId: d.doctorId, startsAt, reason: 'Cough' });
    // Refused: taken slot (another patient), off-grid, bad transition.
    const q = await registerPatient(t);
    expect(codes(await t.gql(BOOK, { input: { doctorId: d.doctorId, startsAt } }, q.token))).toEqual(['SLOT_UNAVAILABLE']);
    expect(codes(await t.gql(STATUS, { id, s: 'COMPLETED' }, d.token))).toEqual(['INVALID_TRANSITION']);
    await t.ok(CANCEL, { id, r: 'Better' }, d.token);
    const events = (await t.ok(AUDIT, { f: { entityType: 'appointment', entityId: id } }, admin.token)).auditEvents;
    expect(events.totalCount).toBe(2);
    const [cancel, book] = events.items;
    expect(book).toMatchObject({ action: 'appointment.book', actorEmail: p.email, actorRole: 'PATIENT', actorId: p.userId });
    expect(JSON.parse(book.changes)).toMatchObject({ status: { before: null, after: 'SCHEDULED' }, startsAt: { before: null, after: startsAt }, reason: { after: 'Cough' } });
    expect(cancel).toMatchObject({ action: 'appointment.cancel', actorEmail: d.email, actorRole: 'DOCTOR' });
    expect(JSON.parse(cancel.changes)).toEqual({ status: { before: 'SCHEDULED', after: 'CANCELLED' }, cancelReason: { before: null, after: 'Better' } });
    expect(book.requestId).toBeTruthy();
    // The refused booking left no appointment, audit or outbox row of its own.
    expect(await rows('select id from appointment where patient_id = ?', [Number(q.patientId)])).toHaveLength(0);
    expect(await rows("select id from audit_event where actor_id = ? and entity_type = 'appointment'", [Number(q.userId)])).toHaveLength(0);
    expect(await rows('select id from outbox_event where appointment_id = ?', [Number(id)])).toHaveLength(2);
  });

  it('auditEvents filters by actor and time, pages newest first, and is for admins only', async () => {
    const d = await openDoctor();
    const p = await registerPatient(t);
    const since = new Date(clock.nowMs() - 1000).toISOString();
    for (const time of ['09:00', '09:30', '10:00']) await bookAppointment(t, p.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, time) });
    const page1 = (await t.ok(AUDIT, { f: { actorId: p.userId, from: since }, first: 2 }, admin.token)).auditEvents;
    expect(page1.totalCount).toBe(3);
    expect(page1.items).toHaveLength(2);
    const page2 = (await t.ok(AUDIT, { f: { actorId: p.userId, from: since }, first: 2, after: page1.nextCursor }, admin.token)).auditEvents;
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect(Number(page1.items[0].id)).toBeGreaterThan(Number(page1.items[1].id));
    expect(Number(page1.items[1].id)).toBeGreaterThan(Number(page2.items[0].id));
    expect((await t.ok(AUDIT, { f: { actorId: p.userId, to: since } }, admin.token)).auditEvents.totalCount).toBe(0);
    expect(codes(await t.gql(AUDIT, {}, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(AUDIT, {}, p.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(AUDIT, {}))).toEqual(['UNAUTHENTICATED']);
  });
});
