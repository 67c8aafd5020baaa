// The waitlist over two API processes (two apps on one database): freed slots are held for
// the first waiter, a racing booker cannot take a held slot, expiry passes it on.
import { clock } from '../../clock';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, setClock, type TestApp } from '../../../test/harness';
import {
  bookAppointment, createDepartment, createDoctor, hospitalTime, openAllWeek, quickPatients, registerPatient, type DoctorSession, type Session,
} from '../../../test/factories';
import { closeTwoApps, openDoctor as openDoctorOn, startTwoApps } from '../../../test/two-apps';
import { expireOffers } from './waitlist.service';

let a: TestApp;
let b: TestApp;
let admin: Session;

// These tests move the clock on within one hospital day (minutes waited, holds expiring): run them at
// midday of the pinned date, whatever HMS_TEST_NOW says (the 23:50 run would cross midnight).
let restoreClock: () => void = () => {};
beforeAll(async () => {
  restoreClock = setClock(`${clock.now().toISOString().slice(0, 10)}T12:00:00.000Z`);
  ({ a, b, admin } = await startTwoApps());
});
afterAll(async () => { await closeTwoApps({ a, b }); restoreClock(); });

const JOIN = 'mutation($i: JoinWaitlistInput!) { joinWaitlist(input: $i) { id status offer { id startsAt expiresAt } doctorId departmentId from to periods } }';
const MINE = '{ myWaitlist { id status offer { id startsAt endsAt expiresAt doctorName } } }';
const ACCEPT = 'mutation($o: ID!) { acceptWaitlistOffer(offerId: $o) { id status startsAt patient { id } doctor { id } } }';
const DECLINE = 'mutation($o: ID!) { declineWaitlistOffer(offerId: $o) { id status offer { id } } }';
const CANCEL = 'mutation($id: ID!) { cancelAppointment(id: $id) { id status } }';
const BOOK = 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }';
const SLOTS = 'query($d: ID!, $date: LocalDate!) { availableSlots(doctorId: $d, date: $date) { startsAt } }';

const openDoctor = (departmentId?: string): Promise<DoctorSession> => openDoctorOn(a, admin, departmentId);

const dayOf = (iso: string) => DateTime.fromISO(iso).setZone(a.config.timezone).toISODate()!;

async function myWaitlist(token: string, app = a) {
  return (await app.ok(MINE, {}, token)).myWaitlist as Array<{ id: string; status: string; offer: { id: string; startsAt: string; expiresAt: string; doctorName: string } | null }>;
}

describe('waitlist', () => {
  it('two waiters: the first lets the hold expire, the second accepts; a racing booker cannot take the held slot', async () => {
    const d = await openDoctor();
    const holder = await registerPatient(a);
    const [w1, w2, ...racers] = await quickPatients(a, 12);
    const startsAt = await hospitalTime(a, 1, '10:00');
    const day = dayOf(startsAt);
    const booked = await bookAppointment(a, holder.token, { doctorId: d.doctorId, startsAt });
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day, periods: ['MORNING'] } }, w1.token);
    await b.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, w2.token);

    // The visit is cancelled on one process; the first waiter gets the slot held.
    await b.ok(CANCEL, { id: booked }, holder.token);
    const [first] = await myWaitlist(w1.token);
    expect(first.status).toBe('OFFERED');
    expect(first.offer).toMatchObject({ startsAt, doctorName: d.fullName });
    expect(new Date(first.offer!.expiresAt).getTime()).toBe(new Date(first.offer!.expiresAt).getTime());
    expect(new Date(first.offer!.expiresAt).getTime() - clock.nowMs()).toBeGreaterThan(14 * 60_000);
    expect((await myWaitlist(w2.token))[0]).toMatchObject({ status: 'WAITING', offer: null });
    // Live greying and the free-slot list treat it as taken.
    const free = (await a.ok(SLOTS, { d: d.doctorId, date: day })).availableSlots.map((s: { startsAt: string }) => s.startsAt);
    expect(free).not.toContain(startsAt);
    // The waiter is told live (the e-mail/SMS: messages.test.ts, "waitlist offers").
    const notes = await a.ok('{ myNotifications(first: 5) { items { kind message } } }', {}, w1.token);
    expect(notes.myNotifications.items[0]).toMatchObject({ kind: 'WAITLIST_OFFER' });

    // Ten racing bookers over both processes: every one is refused.
    const race = await Promise.all(racers.map((r, i) => (i % 2 ? a : b).gql(BOOK, { input: { doctorId: d.doctorId, startsAt } }, r.token)));
    expect(race.flatMap(codes)).toEqual(Array(racers.length).fill('SLOT_UNAVAILABLE'));
    // Nor can the admin book it for someone else.
    expect(codes(await a.gql(BOOK, { input: { doctorId: d.doctorId, startsAt, patientId: racers[0].patientId } }, admin.token))).toEqual(['SLOT_UNAVAILABLE']);

    // The hold runs out: the sweep passes it to the second waiter.
    const undo = setClock(new Date(clock.nowMs() + 16 * 60_000));
    try {
      expect(codes(await a.gql(ACCEPT, { o: first.offer!.id }, w1.token))).toEqual(['INVALID_TRANSITION']);
      // Both processes sweep at once: the offer ends once and the next waiter gets one offer.
      const swept = await Promise.all([expireOffers(a.app.deps), expireOffers(b.app.deps)]);
      expect(swept[0] + swept[1]).toBe(1);
      expect((await myWaitlist(w1.token))[0]).toMatchObject({ status: 'WAITING', offer: null });
      const [second] = await myWaitlist(w2.token, b);
      expect(second).toMatchObject({ status: 'OFFERED', offer: { startsAt } });
      // Accepting twice (two processes at once) books it once.
      const accepted = await Promise.all([a.ok(ACCEPT, { o: second.offer!.id }, w2.token), b.ok(ACCEPT, { o: second.offer!.id }, w2.token)]);
      expect(accepted[0].acceptWaitlistOffer).toMatchObject({ status: 'SCHEDULED', startsAt, patient: { id: w2.patientId }, doctor: { id: d.doctorId } });
      expect(accepted[1].acceptWaitlistOffer.id).toBe(accepted[0].acceptWaitlistOffer.id);
      expect((await myWaitlist(w2.token))[0]).toMatchObject({ status: 'BOOKED' });
      const mine = await a.ok('{ myAppointments(upcoming: true) { items { id status } } }', {}, w2.token);
      expect(mine.myAppointments.items).toEqual([{ id: accepted[0].acceptWaitlistOffer.id, status: 'SCHEDULED' }]);
      // The first waiter's expired hold is not in their appointments.
      expect((await a.ok('{ myAppointments { items { id } } }', {}, w1.token)).myAppointments.items).toEqual([]);
      // The doctor heard of one booking: the waiter's, not the holds.
      const doctorNotes = await a.ok('{ myNotifications(first: 10) { items { kind message } } }', {}, d.token);
      expect(doctorNotes.myNotifications.items.map((n: { kind: string }) => n.kind)).toEqual(['APPOINTMENT_BOOKED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_BOOKED']);
      // The dashboard: one freed slot, refilled.
      const stats = await a.ok('query($f: LocalDate!, $t: LocalDate!) { schedulingStats(from: $f, to: $t) { freedSlots refilledSlots fillRate medianMinutesToRefill } }',
        { f: DateTime.fromJSDate(clock.now()).setZone(a.config.timezone).toISODate(), t: day }, admin.token);
      expect(stats.schedulingStats).toMatchObject({ freedSlots: 1, refilledSlots: 1, fillRate: 1 });
      expect(stats.schedulingStats.medianMinutesToRefill).toBeGreaterThanOrEqual(16);
    } finally {
      undo();
    }
  });

  it('a declined offer goes to the next waiter; department entries match any of its doctors; periods are respected', async () => {
    const department = await createDepartment(a, admin);
    const d = await openDoctor(department);
    const holder = await registerPatient(a);
    const [evening, byDepartment, byDoctor] = await quickPatients(a, 3);
    const startsAt = await hospitalTime(a, 2, '09:30');
    const day = dayOf(startsAt);
    const booked = await bookAppointment(a, holder.token, { doctorId: d.doctorId, startsAt });
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day, periods: ['EVENING'] } }, evening.token);
    await a.ok(JOIN, { i: { departmentId: department, from: day, to: day } }, byDepartment.token);
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day, periods: ['MORNING', 'AFTERNOON'] } }, byDoctor.token);
    await a.ok(CANCEL, { id: booked }, admin.token);
    expect((await myWaitlist(evening.token))[0].offer).toBeNull();
    const [offered] = await myWaitlist(byDepartment.token);
    expect(offered.offer).toMatchObject({ startsAt });
    // Someone else cannot see, accept or decline it.
    expect(codes(await a.gql(ACCEPT, { o: offered.offer!.id }, byDoctor.token))).toEqual(['NOT_FOUND']);
    expect(codes(await a.gql(DECLINE, { o: offered.offer!.id }, holder.token))).toEqual(['NOT_FOUND']);
    expect(codes(await a.gql(ACCEPT, { o: offered.offer!.id }, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(ACCEPT, { o: offered.offer!.id }))).toEqual(['UNAUTHENTICATED']);
    const declined = await b.ok(DECLINE, { o: offered.offer!.id }, byDepartment.token);
    expect(declined.declineWaitlistOffer).toMatchObject({ status: 'WAITING', offer: null });
    expect((await myWaitlist(byDoctor.token))[0].offer).toMatchObject({ startsAt });
    expect(codes(await a.gql(ACCEPT, { o: offered.offer!.id }, byDepartment.token))).toEqual(['INVALID_TRANSITION']);
  });

  it('a waiter who books elsewhere in the window leaves the list, and a held slot they had goes on', async () => {
    const d = await openDoctor();
    const holder = await registerPatient(a);
    const [w1, w2] = await quickPatients(a, 2);
    const startsAt = await hospitalTime(a, 3, '11:00');
    const day = dayOf(startsAt);
    const booked = await bookAppointment(a, holder.token, { doctorId: d.doctorId, startsAt });
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, w1.token);
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, w2.token);
    await a.ok(CANCEL, { id: booked }, holder.token);
    expect((await myWaitlist(w1.token))[0].offer).toMatchObject({ startsAt });
    // w1 books another slot of the same doctor that day instead.
    await bookAppointment(b, w1.token, { doctorId: d.doctorId, startsAt: await hospitalTime(a, 3, '15:00') });
    expect((await myWaitlist(w1.token))[0]).toMatchObject({ status: 'BOOKED', offer: null });
    expect((await myWaitlist(w2.token))[0].offer).toMatchObject({ startsAt });
  });

  it('new hours and a removed block offer their slots', async () => {
    const d = await createDoctor(a, admin);
    const [w1, w2] = await quickPatients(a, 2);
    const day = dayOf(await hospitalTime(a, 2, '08:00'));
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day, periods: ['MORNING'] } }, w1.token);
    await openAllWeek(a, d.token, d.doctorId);
    expect((await myWaitlist(w1.token))[0].offer).toMatchObject({ startsAt: await hospitalTime(a, 2, '08:00') });
    // A block over the rest of that morning; a second waiter joins; the block is removed.
    const block = await a.ok('mutation($i: AddAvailabilityBlockInput!) { addAvailabilityBlock(input: $i) { id } }', {
      i: { doctorId: d.doctorId, startsAt: await hospitalTime(a, 2, '08:30'), endsAt: await hospitalTime(a, 2, '12:00'), reason: 'SURGERY' },
    }, d.token);
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day, periods: ['MORNING'] } }, w2.token);
    expect((await myWaitlist(w2.token))[0].offer).toBeNull();
    await b.ok('mutation($id: ID!) { removeAvailabilityBlock(id: $id) }', { id: block.addAvailabilityBlock.id }, d.token);
    expect((await myWaitlist(w2.token))[0].offer).toMatchObject({ startsAt: await hospitalTime(a, 2, '08:30') });
  });

  it('the job engine runs the expiry sweep (and the no-show sweep) registered by scheduling', async () => {
    const d = await openDoctor();
    const holder = await registerPatient(a);
    const [w1, w2] = await quickPatients(a, 2);
    const startsAt = await hospitalTime(a, 4, '10:00');
    const day = dayOf(startsAt);
    const booked = await bookAppointment(a, holder.token, { doctorId: d.doctorId, startsAt });
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, w1.token);
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, w2.token);
    await a.ok(CANCEL, { id: booked }, holder.token);
    expect((await myWaitlist(w1.token))[0].offer).not.toBeNull();
    const undo = setClock(new Date(clock.nowMs() + 16 * 60_000));
    try {
      await b.app.deps.jobs.runDueNow();
      expect((await myWaitlist(w1.token))[0].offer).toBeNull();
      expect((await myWaitlist(w2.token))[0].offer).toMatchObject({ startsAt });
    } finally {
      undo();
    }
  });

  it('refuses bad input and other roles', async () => {
    const d = await openDoctor();
    const p = await registerPatient(a);
    const other = await registerPatient(a);
    const today = DateTime.fromJSDate(clock.now()).setZone(a.config.timezone);
    const day = today.plus({ days: 1 }).toISODate();
    const bad = async (input: Record<string, unknown>, field: string) => {
      const result = await a.gql(JOIN, { i: input }, p.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions).toHaveProperty(`fields.${field}`);
    };
    await bad({ doctorId: d.doctorId, from: day, to: today.toISODate() }, 'to');
    await bad({ doctorId: d.doctorId, from: today.minus({ days: 1 }).toISODate(), to: day }, 'from');
    await bad({ from: day, to: day }, 'doctorId');
    await bad({ doctorId: d.doctorId, departmentId: '1', from: day, to: day }, 'departmentId');
    await bad({ doctorId: d.doctorId, from: day, to: today.plus({ days: 400 }).toISODate() }, 'to');
    expect(codes(await a.gql(JOIN, { i: { doctorId: '99999999', from: day, to: day } }, p.token))).toEqual(['NOT_FOUND']);
    expect(codes(await a.gql(JOIN, { i: { doctorId: d.doctorId, from: day, to: day, patientId: other.patientId } }, p.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await a.gql(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, admin.token))).toEqual(['BAD_USER_INPUT']);
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, p.token);
    expect(codes(await a.gql(JOIN, { i: { doctorId: d.doctorId, from: day, to: day } }, p.token))).toEqual(['CONFLICT']);
    // The front desk adds a patient and sees the line; patients do not see others' entries.
    await a.ok(JOIN, { i: { doctorId: d.doctorId, from: day, to: day, patientId: other.patientId } }, admin.token);
    const line = await a.ok('query($d: ID) { waitlist(doctorId: $d) { patientId status } }', { d: d.doctorId }, admin.token);
    expect(line.waitlist.map((e: { patientId: string }) => e.patientId)).toEqual([p.patientId, other.patientId]);
    expect(codes(await a.gql('{ waitlist { id } }', {}, p.token))).toEqual(['FORBIDDEN']);
    expect((await myWaitlist(other.token)).length).toBe(1);
    expect(codes(await a.gql(MINE, {}, admin.token))).toEqual(['FORBIDDEN']);
    const [entry] = await myWaitlist(p.token);
    expect(codes(await a.gql('mutation($e: ID!) { leaveWaitlist(entryId: $e) { id } }', { e: entry.id }, other.token))).toEqual(['NOT_FOUND']);
    const left = await a.ok('mutation($e: ID!) { leaveWaitlist(entryId: $e) { status } }', { e: entry.id }, p.token);
    expect(left.leaveWaitlist.status).toBe('CLOSED');
    expect(await myWaitlist(p.token)).toEqual([]);
  });
});
