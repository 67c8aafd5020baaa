import { clock } from '../../clock';
import type { Client } from 'graphql-ws';
import Redis from 'ioredis';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, privateDatabase, setClock, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDoctor, insertAppointment, registerPatient, type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';
import { recordAudit } from '../audit/audit.service';
import { Appointment, AppointmentStatus } from '../scheduling/appointment.entity';
import { checkLiveSessions, pruneNotifications, pruneOutbox } from './live.service';
import { OutboxEvent } from './outbox-event.entity';
import { failurePoints, liveSignals } from '../../test-hooks';
import { publishScheduleChanges, recordScheduleChange, type ScheduleChangeKind } from './schedule-events';
import { relayOf } from './relay';

const REDIS_URL = 'redis://127.0.0.1:6379';

const SCHEDULE = `subscription($d: ID!, $after: String) {
  doctorScheduleChanged(doctorId: $d, after: $after) {
    kind cursor previousStartsAt
    appointment { id startsAt status reason patient { id fullName } doctor { id } }
  }
}`;

/** A live subscription collecting what arrives. */
interface Feed {
  items: any[];
  errors: any[];
  completed: boolean;
  /** Resolves once `n` items arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<any[]>;
  /** Resolves when the subscription errored or completed. */
  ended(ms?: number): Promise<void>;
  stop(): void;
}

function feed(client: Client, query: string, variables: Record<string, unknown>): Feed {
  const state = { items: [] as any[], errors: [] as any[], completed: false };
  const waiters: Array<() => void> = [];
  const poke = () => { for (const w of waiters.splice(0)) w(); };
  const stop = client.subscribe({ query, variables }, {
    next: (value) => {
      if (value.errors) state.errors.push(...value.errors);
      else state.items.push(value.data);
      poke();
    },
    error: (error) => { state.errors.push(error); poke(); },
    complete: () => { state.completed = true; poke(); },
  });
  const until = (check: () => boolean, ms: number, what: string) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(state)}`)), ms);
    const test = () => {
      if (check()) { clearTimeout(timer); resolve(); } else waiters.push(test);
    };
    test();
  });
  return {
    get items() { return state.items; },
    get errors() { return state.errors; },
    get completed() { return state.completed; },
    async waitFor(n, ms = 5000) {
      await until(() => state.items.length >= n, ms, `${n} events`);
      return state.items;
    },
    async ended(ms = 5000) {
      await until(() => state.completed || state.errors.length > 0, ms, 'the end');
    },
    stop,
  };
}

type Stream = 'doctorScheduleChanged' | 'slotsChanged' | 'notificationAdded';

/**
 * Resolves once `n` subscriptions of `stream` for `key` (a doctor id; the user id for notifications)
 * are listening on the server, their first outbox reads done (src/test-hooks.ts liveSignals). Call it
 * BEFORE subscribing. No sleeps: "nothing more arrived" is shown by a later sentinel event arriving next.
 */
function whenReady(stream: Stream, key: string, n = 1): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let seen = 0;
    const on = (s: string, k: number) => {
      if (s !== stream || String(k) !== key || (seen += 1) < n) return;
      clearTimeout(timer);
      liveSignals.off('ready', on);
      resolve();
    };
    const timer = setTimeout(() => { liveSignals.off('ready', on); reject(new Error(`${stream} ${key}: ${seen} of ${n} subscriptions ready`)); }, 15_000);
    liveSignals.on('ready', on);
  });
}

let slotSeq = 0;
/** A distinct future slot per call, so appointments never collide. */
function nextSlot(): Date {
  slotSeq += 1;
  const base = new Date(Date.UTC(2030, 0, 1, 8, 0, 0));
  return new Date(base.getTime() + (slotSeq * 37 + Math.floor(Math.random() * 100_000)) * 30 * 60_000);
}

/**
 * A schedule change made directly (the change and its outbox row in one transaction, published after
 * commit), for events without the booking rules. Rollbacks are tested through the services themselves.
 */
async function change(
  t: TestApp,
  appointmentId: string,
  kind: ScheduleChangeKind,
  options: { status?: AppointmentStatus; startsAt?: Date; actorUserId?: string } = {},
): Promise<void> {
  const events = await t.orm.em.fork().transactional(async (em) => {
    const appointment = await em.findOneOrFail(Appointment, Number(appointmentId));
    const previousStartsAt = appointment.startsAt;
    if (kind === 'RESCHEDULED') {
      const startsAt = options.startsAt ?? nextSlot();
      appointment.endsAt = new Date(startsAt.getTime() + (appointment.endsAt.getTime() - appointment.startsAt.getTime()));
      appointment.startsAt = startsAt;
    }
    if (kind === 'CANCELLED') appointment.status = AppointmentStatus.CANCELLED;
    if (options.status) appointment.status = options.status;
    await em.flush();
    const event = recordScheduleChange(
      em,
      { kind, appointment, previousStartsAt: kind === 'RESCHEDULED' ? previousStartsAt : null },
      options.actorUserId ? { userId: Number(options.actorUserId) } : undefined,
    );
    return [event];
  });
  await publishScheduleChanges({ deps: t.app.deps }, events);
}

const api = {
  async openAllWeek(t: TestApp, admin: Session, doctorId: string): Promise<void> {
    const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00', slotMinutes: 10 }));
    await t.ok('mutation($d: ID!, $r: [AvailabilityRuleInput!]!) { setWeeklyAvailability(doctorId: $d, rules: $r) { id } }', { d: doctorId, r: rules }, admin.token);
  },
  /** The doctor's free slots of today and the next two days (hospital time), soonest first. */
  async freeSlots(t: TestApp, token: string, doctorId: string): Promise<string[]> {
    const slots: string[] = [];
    for (let day = 0; day < 3; day++) {
      const date = DateTime.fromJSDate(clock.now()).setZone(t.config.timezone).plus({ days: day }).toISODate();
      const data = await t.ok('query($d: ID!, $date: LocalDate!) { availableSlots(doctorId: $d, date: $date) { startsAt } }', { d: doctorId, date }, token);
      slots.push(...data.availableSlots.map((slot: { startsAt: string }) => slot.startsAt));
    }
    // Not one about to start while the test runs.
    return slots.filter((slot) => Date.parse(slot) > clock.nowMs() + 2 * 60_000);
  },
  async book(t: TestApp, token: string, doctorId: string, startsAt: string, patientId?: string): Promise<string> {
    const data = await t.ok('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }', { i: { doctorId, startsAt, reason: 'Checkup', patientId } }, token);
    return data.bookAppointment.id;
  },
  async reschedule(t: TestApp, token: string, id: string, startsAt: string): Promise<void> {
    await t.ok('mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s) { id } }', { id, s: startsAt }, token);
  },
  async cancel(t: TestApp, token: string, id: string): Promise<void> {
    await t.ok('mutation($id: ID!) { cancelAppointment(id: $id, reason: "Unwell") { id } }', { id }, token);
  },
  async setStatus(t: TestApp, token: string, id: string, status: string): Promise<void> {
    await t.ok('mutation($id: ID!, $s: AppointmentStatus!) { setAppointmentStatus(id: $id, status: $s) { id } }', { id, s: status }, token);
  },
};

describe('live schedule', () => {
  let t: TestApp;
  let admin: Session;
  let doctor: DoctorSession;
  let otherDoctor: DoctorSession;
  let patient: PatientSession;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
    doctor = await createDoctor(t, admin);
    otherDoctor = await createDoctor(t, admin);
    patient = await registerPatient(t);
  });
  afterAll(async () => { await t?.close(); });

  it('refuses an anonymous socket at connection_init', async () => {
    const f = feed(t.wsClient(), SCHEDULE, { d: doctor.doctorId });
    await f.ended();
    expect(f.items).toEqual([]);
    expect(f.errors[0]?.code).toBe(4403);
  });

  it('refuses another doctor and a patient with FORBIDDEN before any event; bad arguments are BAD_USER_INPUT', async () => {
    for (const token of [otherDoctor.token, patient.token]) {
      const f = feed(t.wsClient(token), SCHEDULE, { d: doctor.doctorId });
      await f.ended();
      expect(f.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const unknown = feed(t.wsClient(admin.token), SCHEDULE, { d: '999999999' });
    await unknown.ended();
    expect(unknown.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    const badCursor = feed(t.wsClient(admin.token), SCHEDULE, { d: doctor.doctorId, after: 'abc' });
    await badCursor.ended();
    expect(badCursor.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('delivers booking, move, status change and cancellation made through the API to the doctor and an admin, once each', async () => {
    const d = await createDoctor(t, admin);
    const patient = await registerPatient(t);
    await api.openAllWeek(t, admin, d.doctorId);
    const slots = await api.freeSlots(t, patient.token, d.doctorId);
    const doctorClient = t.wsClient(d.token);
    const adminClient = t.wsClient(admin.token);
    const ready = Promise.all([whenReady('doctorScheduleChanged', d.doctorId, 2), whenReady('doctorScheduleChanged', otherDoctor.doctorId)]);
    const mine = feed(doctorClient, SCHEDULE, { d: d.doctorId });
    const admins = feed(adminClient, SCHEDULE, { d: d.doctorId });
    const others = feed(t.wsClient(otherDoctor.token), SCHEDULE, { d: otherDoctor.doctorId });
    await ready;

    const id = await api.book(t, patient.token, d.doctorId, slots[1]);
    await api.reschedule(t, patient.token, id, slots[0]);
    await api.setStatus(t, d.token, id, 'CHECKED_IN');
    const second = await api.book(t, admin.token, d.doctorId, slots[2], patient.patientId);
    await api.cancel(t, patient.token, second);

    // A sentinel last: once it arrived, everything before it did (one ordered queue per subscriber).
    const sentinel = await api.book(t, admin.token, d.doctorId, slots[3], patient.patientId);
    for (const f of [mine, admins]) {
      const items = await f.waitFor(6);
      expect(items[5].doctorScheduleChanged.appointment.id).toBe(sentinel);
      expect(items.map((i) => i.doctorScheduleChanged.kind)).toEqual(['BOOKED', 'RESCHEDULED', 'STATUS_CHANGED', 'BOOKED', 'CANCELLED', 'BOOKED']);
      const [booked, moved, status, , cancelled] = items.map((i) => i.doctorScheduleChanged);
      expect(booked.appointment).toMatchObject({ id, reason: 'Checkup', patient: { id: patient.patientId, fullName: patient.fullName }, doctor: { id: d.doctorId } });
      expect(booked.previousStartsAt).toBeNull();
      expect(moved.previousStartsAt).toBe(slots[1]);
      expect(status.appointment.status).toBe('CHECKED_IN');
      expect(cancelled.appointment).toMatchObject({ id: second, status: 'CANCELLED' });
      const cursors = items.map((i) => BigInt(i.doctorScheduleChanged.cursor));
      expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
    }
    // The other doctor's ready subscriber got none of it: its first event is its own doctor's.
    const theirs = await insertAppointment(t, { doctorId: otherDoctor.doctorId, patientId: patient.patientId, startsAt: nextSlot() });
    await change(t, theirs, 'RESCHEDULED');
    const [first] = await others.waitFor(1);
    expect(first.doctorScheduleChanged.appointment.id).toBe(theirs);
    expect(others.items).toHaveLength(1);
    mine.stop(); admins.stop(); others.stop();
  });

  it('publishes one event when two patients race for a slot, and nothing for a change the service rolled back', async () => {
    const d = await createDoctor(t, admin);
    const patient = await registerPatient(t);
    await api.openAllWeek(t, admin, d.doctorId);
    const [slot, later, elsewhere] = await api.freeSlots(t, patient.token, d.doctorId);
    const rival = await registerPatient(t);
    const client = t.wsClient(d.token);
    const ready = whenReady('doctorScheduleChanged', d.doctorId);
    const f = feed(client, SCHEDULE, { d: d.doctorId });
    await ready;
    const results = await Promise.all([patient, rival].map((p) =>
      t.gql('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }', { i: { doctorId: d.doctorId, startsAt: slot } }, p.token)));
    expect(results.map(codes).sort()).toEqual([[], ['SLOT_UNAVAILABLE']]);
    const winner = results.find((r) => !r.errors)!.data.bookAppointment.id;

    // The service's own cancel and move, failing inside their transactions after the appointment and
    // outbox writes (src/test-hooks.ts): rolled back, so nothing is stored and nothing is published.
    const fail = async (em: { flush(): Promise<void> }) => { await em.flush(); throw new Error('injected failure after the write'); };
    failurePoints['appointment.status'] = fail;
    failurePoints['appointment.reschedule'] = fail;
    try {
      expect(codes(await t.gql('mutation($id: ID!) { cancelAppointment(id: $id, reason: "x") { id } }', { id: winner }, admin.token))).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(codes(await t.gql('mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s) { id } }', { id: winner, s: elsewhere }, admin.token))).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      delete failurePoints['appointment.status'];
      delete failurePoints['appointment.reschedule'];
    }
    expect(await t.orm.em.fork().count(OutboxEvent, { appointmentId: Number(winner) })).toBe(1);
    const stored = await t.orm.em.fork().findOneOrFail(Appointment, Number(winner));
    expect([stored.status, stored.startsAt.toISOString()]).toEqual([AppointmentStatus.SCHEDULED, slot]);
    // An invalid move is refused with its code and publishes nothing either.
    expect(codes(await t.gql('mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s) { id } }', { id: winner, s: '2001-01-01T00:00:00.000Z' }, admin.token))).toEqual(['SLOT_UNAVAILABLE']);
    await api.reschedule(t, admin.token, winner, later);

    // The next event after the booking is the real move, from the booked slot (not the failed one's).
    const items = await f.waitFor(2);
    expect(items.map((i) => [i.doctorScheduleChanged.kind, i.doctorScheduleChanged.appointment.id, i.doctorScheduleChanged.previousStartsAt]))
      .toEqual([['BOOKED', winner, null], ['RESCHEDULED', winner, slot]]);
    expect(f.items).toHaveLength(2);
    f.stop();
  });

  it('outbox cursors follow commit order: a booking that commits while an earlier one is still open cannot overtake it', async () => {
    const d = await createDoctor(t, admin);
    await api.openAllWeek(t, admin, d.doctorId);
    const [slotA, slotB] = await api.freeSlots(t, patient.token, d.doctorId);
    const [first, second] = [await registerPatient(t), await registerPatient(t)];
    const client = t.wsClient(d.token);
    const ready = whenReady('doctorScheduleChanged', d.doctorId);
    const f = feed(client, SCHEDULE, { d: d.doctorId });
    await ready;

    // A stops inside its transaction right after its appointment and outbox row are written (its
    // cursor is taken), until B has either committed or is seen waiting for a lock of this database.
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => { entered = resolve; });
    let bDone = false;
    const lockWaits = async () => {
      const [row] = await t.orm.em.getConnection().execute<Array<{ n: number }>>(
        'select count(*) as n from information_schema.innodb_trx t join information_schema.processlist p on p.id = t.trx_mysql_thread_id ' +
          "where t.trx_state = 'LOCK WAIT' and p.db = database()");
      return Number(row.n) > 0;
    };
    let calls = 0;
    failurePoints['appointment.book'] = async (em) => {
      calls += 1;
      if (calls !== 1) return;
      await em.flush();
      entered();
      // At most 1.5 s: long enough for an unlocked B to commit, short of the pool's 3 s acquire cap.
      const deadline = Date.now() + 1_500;
      while (!bDone && !(await lockWaits()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    let a: string;
    let b: string;
    try {
      const bookingA = api.book(t, first.token, d.doctorId, slotA);
      await inside;
      b = await api.book(t, second.token, d.doctorId, slotB).finally(() => { bDone = true; });
      a = await bookingA;
    } finally {
      delete failurePoints['appointment.book'];
    }
    const items = await f.waitFor(2);
    expect(items.map((i) => i.doctorScheduleChanged.appointment.id)).toEqual([a, b]);
    const cursors = items.map((i) => BigInt(i.doctorScheduleChanged.cursor));
    expect(cursors[1] > cursors[0]).toBe(true);
    // Resuming from A's cursor replays B: nothing fell behind a cursor already handed out.
    const resumed = feed(t.wsClient(d.token), SCHEDULE, { d: d.doctorId, after: items[0].doctorScheduleChanged.cursor });
    const [replayed] = await resumed.waitFor(1);
    expect(replayed.doctorScheduleChanged.appointment.id).toBe(b);
    f.stop(); resumed.stop();
  });

  it('a client that reconnects with its cursor gets exactly the missed events in order, then live ones', async () => {
    const d = await createDoctor(t, admin);
    const patient = await registerPatient(t);
    const someoneElse = await registerPatient(t);
    await api.openAllWeek(t, admin, d.doctorId);
    const slots = await api.freeSlots(t, patient.token, d.doctorId);
    await api.openAllWeek(t, admin, otherDoctor.doctorId);
    const otherSlots = await api.freeSlots(t, patient.token, otherDoctor.doctorId);
    const first = t.wsClient(d.token);
    const firstReady = whenReady('doctorScheduleChanged', d.doctorId);
    const before = feed(first, SCHEDULE, { d: d.doctorId });
    await firstReady;
    const a1 = await api.book(t, patient.token, d.doctorId, slots[0]);
    const [seen] = await before.waitFor(1);
    const cursor = seen.doctorScheduleChanged.cursor;
    await first.dispose();

    // Missed while away: three changes (and one for another doctor, which must not show up).
    const a2 = await api.book(t, patient.token, d.doctorId, slots[1]);
    await api.reschedule(t, patient.token, a1, slots[2]);
    await api.cancel(t, d.token, a2);
    await api.book(t, someoneElse.token, otherDoctor.doctorId, otherSlots[0]);

    const second = t.wsClient(d.token);
    const secondReady = whenReady('doctorScheduleChanged', d.doctorId);
    const after = feed(second, SCHEDULE, { d: d.doctorId, after: cursor });
    const replayed = await after.waitFor(3);
    expect(replayed.map((i) => [i.doctorScheduleChanged.kind, i.doctorScheduleChanged.appointment.id])).toEqual([
      ['BOOKED', a2], ['RESCHEDULED', a1], ['CANCELLED', a2],
    ]);
    expect(replayed[1].doctorScheduleChanged.previousStartsAt).toBe(slots[0]);
    await secondReady;
    await api.reschedule(t, patient.token, a1, slots[3]);
    const all = await after.waitFor(4);
    expect(all[3].doctorScheduleChanged).toMatchObject({ kind: 'RESCHEDULED', previousStartsAt: slots[2] });
    const cursors = all.map((i) => BigInt(i.doctorScheduleChanged.cursor));
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
    expect(cursors[0] > BigInt(cursor)).toBe(true);

    // Resuming from the latest cursor replays nothing.
    const third = t.wsClient(d.token);
    const thirdReady = whenReady('doctorScheduleChanged', d.doctorId);
    const caughtUp = feed(third, SCHEDULE, { d: d.doctorId, after: all[3].doctorScheduleChanged.cursor });
    await thirdReady;
    // Its first event is the next live one: nothing was replayed before it, and nothing twice on `after`.
    await api.cancel(t, patient.token, a1);
    const [next] = await caughtUp.waitFor(1);
    expect(next.doctorScheduleChanged).toMatchObject({ kind: 'CANCELLED', appointment: { id: a1 } });
    expect((await after.waitFor(5)).map((i) => i.doctorScheduleChanged.kind)).toEqual(['BOOKED', 'RESCHEDULED', 'CANCELLED', 'RESCHEDULED', 'CANCELLED']);
    expect(caughtUp.items).toHaveLength(1);
    after.stop(); caughtUp.stop();
  });

  it('ends live subscriptions (UNAUTHENTICATED) when the account signs out everywhere, as a password change does', async () => {
    const d = await createDoctor(t, admin);
    const client = t.wsClient(d.token);
    const schedule = feed(client, SCHEDULE, { d: d.doctorId });
    const notes = feed(client, 'subscription { notificationAdded { id } }', {});
    const slots = feed(client, 'subscription($d: ID!) { slotsChanged(doctorId: $d) { startsAt } }', { d: d.doctorId });
    const ready = Promise.all([
      whenReady('doctorScheduleChanged', d.doctorId, 2), whenReady('notificationAdded', d.userId), whenReady('slotsChanged', d.doctorId),
    ]);
    const bystander = t.wsClient(admin.token);
    const stays = feed(bystander, SCHEDULE, { d: d.doctorId });
    await ready;
    // A check while the session is valid ends nothing: an event still reaches both schedule feeds.
    await checkLiveSessions({ orm: t.orm });
    const probe = await insertAppointment(t, { doctorId: d.doctorId, patientId: patient.patientId, startsAt: nextSlot() });
    await change(t, probe, 'RESCHEDULED');
    await Promise.all([schedule.waitFor(1), notes.waitFor(1), slots.waitFor(2), stays.waitFor(1)]);
    expect([schedule, notes, slots, stays].map((f) => f.errors.length)).toEqual([0, 0, 0, 0]);

    await t.ok('mutation { signOutEverywhere }', {}, d.token);
    await checkLiveSessions({ orm: t.orm });
    for (const f of [schedule, notes, slots]) await f.ended();
    expect([schedule.items.length, notes.items.length]).toEqual([1, 1]);
    // graphql-ws hands the sink the error message's list of GraphQL errors.
    for (const f of [schedule, notes, slots]) expect(f.errors.flat().map((e: any) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    // The admin's subscription lives on: the next change reaches it.
    await change(t, probe, 'RESCHEDULED');
    await stays.waitFor(2);
    expect(stays.errors).toEqual([]);
    expect(stays.completed).toBe(false);
    stays.stop();
  });

  it('prunes outbox rows past the retention period', async () => {
    const em = t.orm.em.fork();
    const old = em.create(OutboxEvent, { kind: 'BOOKED', doctorId: 999_999, appointmentId: 1, createdAt: new Date(clock.nowMs() - 8 * 24 * 3600_000) });
    const fresh = em.create(OutboxEvent, { kind: 'BOOKED', doctorId: 999_999, appointmentId: 1 });
    await em.persist([old, fresh]).flush();
    expect(await pruneOutbox({ orm: t.orm })).toBeGreaterThanOrEqual(1);
    const left = await t.orm.em.fork().find(OutboxEvent, { id: { $in: [old.id, fresh.id] } });
    expect(left.map((e) => e.id)).toEqual([fresh.id]);
    // A cursor from before the pruned history is refused rather than silently missing events.
    const expired = feed(t.wsClient(admin.token), SCHEDULE, { d: doctor.doctorId, after: String(BigInt(old.id) - 1n) });
    await expired.ended();
    expect(expired.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const current = t.wsClient(admin.token);
    const ready = whenReady('doctorScheduleChanged', doctor.doctorId);
    const fine = feed(current, SCHEDULE, { d: doctor.doctorId, after: old.id });
    await ready;
    expect(fine.errors.map((e) => e.message ?? String(e))).toEqual([]);
    fine.stop();
  });
});

describe('live slots', () => {
  let t: TestApp;
  let admin: Session;
  let doctor: DoctorSession;
  let patient: PatientSession;
  let other: PatientSession;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
    doctor = await createDoctor(t, admin);
    patient = await registerPatient(t);
    other = await registerPatient(t);
  });
  afterAll(async () => { await t?.close(); });

  const SLOTS = 'subscription($d: ID!) { slotsChanged(doctorId: $d) { doctorId startsAt endsAt available } }';

  it('tells any signed-in person which slots were taken or freed, without patient data', async () => {
    await api.openAllWeek(t, admin, doctor.doctorId);
    const slots = await api.freeSlots(t, patient.token, doctor.doctorId);
    const client = t.wsClient(other.token);
    const ready = whenReady('slotsChanged', doctor.doctorId);
    const f = feed(client, SLOTS, { d: doctor.doctorId });
    await ready;
    const id = await api.book(t, patient.token, doctor.doctorId, slots[1]);
    await api.reschedule(t, patient.token, id, slots[0]);
    await api.setStatus(t, doctor.token, id, 'CHECKED_IN');
    await api.setStatus(t, doctor.token, id, 'COMPLETED');
    const second = await api.book(t, patient.token, doctor.doctorId, slots[2]);
    await api.cancel(t, patient.token, second);
    // A sentinel booking last: once its slot arrived, all before it did, and nothing else came between.
    await api.book(t, patient.token, doctor.doctorId, slots[3]);
    const items = (await f.waitFor(6)).map((i) => i.slotsChanged);
    expect(items.pop()).toMatchObject({ startsAt: slots[3], available: false });
    const slot = (startsAt: string, available: boolean) => ({
      doctorId: doctor.doctorId, startsAt, endsAt: new Date(Date.parse(startsAt) + 10 * 60_000).toISOString(), available,
    });
    expect(items).toEqual([slot(slots[1], false), slot(slots[1], true), slot(slots[0], false), slot(slots[2], false), slot(slots[2], true)]);
    f.stop();
  });

  it('refuses anonymous sockets and unknown doctors', async () => {
    const anonymous = feed(t.wsClient(), SLOTS, { d: doctor.doctorId });
    await anonymous.ended();
    expect(anonymous.errors[0]?.code).toBe(4403);
    const unknown = feed(t.wsClient(patient.token), SLOTS, { d: '999999999' });
    await unknown.ended();
    expect(unknown.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

describe('notifications', () => {
  let t: TestApp;
  let admin: Session;
  let doctor: DoctorSession;
  let patient: PatientSession;
  let otherPatient: PatientSession;

  const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) {
    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      items { id kind message read readAt createdAt appointmentId } nextCursor totalCount unreadCount
    }
  }`;
  const MARK = 'mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }';

  beforeAll(async () => {
    t = await createTestApp({ HMS_TIMEZONE: 'Europe/Berlin' });
    admin = await createAdmin(t);
    doctor = await createDoctor(t, admin);
    patient = await registerPatient(t);
    otherPatient = await registerPatient(t);
  });
  afterAll(async () => { await t?.close(); });

  it('notifies the doctor of bookings, moves and cancellations, and the patient only when someone else cancels or moves', async () => {
    await api.openAllWeek(t, admin, doctor.doctorId);
    const slots = await api.freeSlots(t, patient.token, doctor.doctorId);
    const [a, b, c] = [slots[3], slots[5], slots[7]];
    const when = (iso: string) => DateTime.fromISO(iso).setZone('Europe/Berlin').toFormat('ccc d LLL yyyy, HH:mm');
    const doctorClient = t.wsClient(doctor.token);
    const patientClient = t.wsClient(patient.token);
    const NOTE = 'subscription { notificationAdded { id kind message read } }';
    const ready = Promise.all([patient, otherPatient, doctor].map((who) => whenReady('notificationAdded', who.userId)));
    const doctorFeed = feed(doctorClient, NOTE, {});
    const patientFeed = feed(patientClient, NOTE, {});
    const otherFeed = feed(t.wsClient(otherPatient.token), NOTE, {});
    await ready;

    const id = await api.book(t, patient.token, doctor.doctorId, a);
    await api.reschedule(t, patient.token, id, b); // the patient moves it: the doctor only
    await api.reschedule(t, admin.token, id, c); // an admin moves it: both
    await api.cancel(t, doctor.token, id); // the doctor cancels: both
    const own = await api.book(t, patient.token, doctor.doctorId, a);
    await api.cancel(t, patient.token, own); // the patient cancels: the doctor only

    const doctorItems = await doctorFeed.waitFor(6);
    const patientItems = await patientFeed.waitFor(2);
    // The other patient's ready subscriber got none of that: its first notification is its own
    // (an admin cancels its visit with another doctor).
    const elsewhere = await createDoctor(t, admin);
    const theirs = await insertAppointment(t, { doctorId: elsewhere.doctorId, patientId: otherPatient.patientId, startsAt: nextSlot() });
    await api.cancel(t, admin.token, theirs);
    const [own0] = await otherFeed.waitFor(1);
    expect(own0.notificationAdded.kind).toBe('APPOINTMENT_CANCELLED');
    expect(otherFeed.items).toHaveLength(1);
    expect(doctorFeed.items).toHaveLength(6);
    expect(patientFeed.items).toHaveLength(2);
    expect(doctorItems.map((i) => i.notificationAdded.message)).toEqual([
      `New booking: ${patient.fullName} on ${when(a)}.`,
      `Moved: ${patient.fullName} from ${when(a)} to ${when(b)}.`,
      `Moved: ${patient.fullName} from ${when(b)} to ${when(c)}.`,
      `Cancelled: ${patient.fullName} on ${when(c)}.`,
      `New booking: ${patient.fullName} on ${when(a)}.`,
      `Cancelled: ${patient.fullName} on ${when(a)}.`,
    ]);
    expect(doctorItems.map((i) => i.notificationAdded.kind)).toEqual([
      'APPOINTMENT_BOOKED', 'APPOINTMENT_RESCHEDULED', 'APPOINTMENT_RESCHEDULED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_BOOKED', 'APPOINTMENT_CANCELLED',
    ]);
    expect(patientItems.map((i) => i.notificationAdded.message)).toEqual([
      `Your appointment with ${doctor.fullName} was moved from ${when(b)} to ${when(c)}.`,
      `Your appointment with ${doctor.fullName} on ${when(c)} was cancelled.`,
    ]);

    // Stored, paged newest first, with the unread count.
    const page1 = (await t.ok(LIST, { first: 4 }, doctor.token)).myNotifications;
    expect(page1.totalCount).toBe(6);
    expect(page1.unreadCount).toBe(6);
    expect(page1.items.map((i: any) => i.kind)).toEqual(['APPOINTMENT_CANCELLED', 'APPOINTMENT_BOOKED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_RESCHEDULED']);
    expect(page1.items[0]).toMatchObject({ read: false, readAt: null, appointmentId: own });
    const page2 = (await t.ok(LIST, { first: 4, after: page1.nextCursor }, doctor.token)).myNotifications;
    expect(page2.items.map((i: any) => i.kind)).toEqual(['APPOINTMENT_RESCHEDULED', 'APPOINTMENT_BOOKED']);
    expect(page2.nextCursor).toBeNull();

    // Read one, then the rest.
    expect((await t.ok(MARK, { ids: [page1.items[0].id] }, doctor.token)).markNotificationsRead).toBe(5);
    const unread = (await t.ok(LIST, { unreadOnly: true }, doctor.token)).myNotifications;
    expect(unread.items).toHaveLength(5);
    expect(unread.totalCount).toBe(5);
    expect((await t.ok(MARK, { all: true }, doctor.token)).markNotificationsRead).toBe(0);
    expect((await t.ok(LIST, {}, doctor.token)).myNotifications).toMatchObject({ unreadCount: 0, totalCount: 6 });

    // Someone else's notification is NOT_FOUND and stays unread; nothing to mark is BAD_USER_INPUT.
    const patientList = (await t.ok(LIST, {}, patient.token)).myNotifications;
    expect(codes(await t.gql(MARK, { ids: [patientList.items[0].id] }, otherPatient.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(MARK, { ids: [patientList.items[0].id] }, doctor.token))).toEqual(['NOT_FOUND']);
    expect((await t.ok(LIST, {}, patient.token)).myNotifications.unreadCount).toBe(2);
    expect(codes(await t.gql(MARK, {}, patient.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(MARK, { ids: ['x'] }, patient.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(LIST, { first: 0 }, patient.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(LIST, { after: 'nope' }, patient.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(LIST, {}))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(MARK, { all: true }))).toEqual(['UNAUTHENTICATED']);
    doctorFeed.stop(); patientFeed.stop(); otherFeed.stop();
  });

  it('without an explicit actor, uses the audit row of the same transaction', async () => {
    const id = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: otherPatient.patientId, startsAt: nextSlot() });
    const cancel = async (actorUserId: string) => {
      const events = await t.orm.em.fork().transactional(async (em) => {
        const appointment = await em.findOneOrFail(Appointment, Number(id));
        appointment.status = AppointmentStatus.CANCELLED;
        await em.flush();
        recordAudit(em, { viewer: { userId: Number(actorUserId) } as never, requestId: 'test' }, { action: 'appointment.cancel', entityType: 'appointment', entityId: id });
        return [recordScheduleChange(em, { kind: 'CANCELLED', appointment })];
      });
      await publishScheduleChanges({ deps: t.app.deps }, events);
    };
    const count = async () => (await t.ok(LIST, {}, otherPatient.token)).myNotifications.totalCount;
    const start = await count();
    await cancel(otherPatient.userId);
    expect(await count()).toBe(start);
    await cancel(admin.userId);
    expect(await count()).toBe(start + 1);
  });

  it('prunes read notifications after 90 days and any after 365 days, in batches', async () => {
    const owner = await registerPatient(t);
    const connection = t.orm.em.getConnection();
    const daysAgo = (days: number) => new Date(clock.nowMs() - days * 24 * 3600_000);
    const insert = async (createdDaysAgo: number, readDaysAgo: number | null) => {
      const result = await connection.execute<{ insertId: number }>(
        'insert into notification (recipient_id, kind, message, read_at, created_at) values (?, ?, ?, ?, ?)',
        [Number(owner.userId), 'APPOINTMENT_BOOKED', 'old news', readDaysAgo == null ? null : daysAgo(readDaysAgo), daysAgo(createdDaysAgo)],
        'run',
      );
      return Number(result.insertId);
    };
    // More than one batch (5000) of old read rows, so the loop goes round.
    await connection.execute(
      'insert into notification (recipient_id, kind, message, read_at, created_at) values ' +
        Array.from({ length: 5001 }, () => '(?, \'APPOINTMENT_BOOKED\', \'bulk\', ?, ?)').join(', '),
      Array.from({ length: 5001 }, () => [Number(owner.userId), daysAgo(95), daysAgo(100)]).flat(),
      'run',
    );
    const readOld = await insert(91, 90);
    const readRecent = await insert(89, 1);
    const unreadOld = await insert(200, null);
    const unreadAncient = await insert(366, null);
    const readAncient = await insert(400, 399);
    const unreadRecent = await insert(0, null);

    expect(await pruneNotifications({ orm: t.orm })).toBeGreaterThanOrEqual(5001 + 3);
    const left = await connection.execute<Array<{ id: number }>>('select id from notification where recipient_id = ? order by id', [Number(owner.userId)]);
    expect(left.map((r: { id: number }) => Number(r.id))).toEqual([readRecent, unreadOld, unreadRecent]);
    expect([readOld, unreadAncient, readAncient].every((id) => !left.some((r: { id: number }) => Number(r.id) === id))).toBe(true);
    // Nothing more to do on a second run; the owner still sees what is kept.
    expect(await pruneNotifications({ orm: t.orm })).toBe(0);
    expect((await t.ok(LIST, {}, owner.token)).myNotifications).toMatchObject({ totalCount: 3, unreadCount: 2 });
  });
});

describe('across processes with Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: Session;
  let doctor: DoctorSession;
  let patient: PatientSession;

  beforeAll(async () => {
    a = await createTestApp({ REDIS_URL });
    b = await createTestApp({ REDIS_URL });
    admin = await createAdmin(a);
    doctor = await createDoctor(a, admin);
    patient = await registerPatient(a);
    await api.openAllWeek(a, admin, doctor.doctorId);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a change made through one process reaches a subscriber on the other, once', async () => {
    const onB = b.wsClient(doctor.token);
    const onA = a.wsClient(doctor.token);
    const ready = whenReady('doctorScheduleChanged', doctor.doctorId, 2);
    const fb = feed(onB, SCHEDULE, { d: doctor.doctorId });
    const fa = feed(onA, SCHEDULE, { d: doctor.doctorId });
    await ready;
    const [slot, next] = await api.freeSlots(a, patient.token, doctor.doctorId);
    const id = await api.book(a, patient.token, doctor.doctorId, slot);
    await api.cancel(b, doctor.token, id);
    // A sentinel last, from process B: once it arrived on both, nothing came twice before it.
    const sentinel = await api.book(b, patient.token, doctor.doctorId, next);
    for (const f of [fa, fb]) {
      const items = await f.waitFor(3);
      expect(items.map((i) => [i.doctorScheduleChanged.kind, i.doctorScheduleChanged.appointment.id])).toEqual([['BOOKED', id], ['CANCELLED', id], ['BOOKED', sentinel]]);
    }
    expect(fa.items).toHaveLength(3);
    expect(fb.items).toHaveLength(3);
    await api.cancel(b, doctor.token, sentinel);
    fa.stop(); fb.stop();
  });

  it('invoice, payment and treatment outbox rows (webhooks only) reach no schedule subscriber, live or catching up', async () => {
    const ready = whenReady('doctorScheduleChanged', doctor.doctorId);
    const live = feed(b.wsClient(doctor.token), SCHEDULE, { d: doctor.doctorId });
    await ready;
    const [slot, next] = await api.freeSlots(a, patient.token, doctor.doctorId);
    const first = await api.book(a, patient.token, doctor.doctorId, slot);
    // The relay may re-send the previous test's rows to this fresh subscriber: look at our own appointments.
    const ours = (ids: string[]) => live.items.filter((i) => ids.includes(i.doctorScheduleChanged.appointment.id));
    const waitForOurs = async (ids: string[], n: number) => {
      for (let seen = live.items.length + 1; ours(ids).length < n; seen += 1) await live.waitFor(seen, 10_000);
      return ours(ids);
    };
    const [booked] = await waitForOurs([first], 1);
    const visit = await insertAppointment(a, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: new Date(clock.nowMs() - 7200_000), status: 'CHECKED_IN' });
    const invoice = (await a.ok('mutation($id: ID!) { issueInvoice(appointmentId: $id) { id } }', { id: visit }, admin.token)).issueInvoice;
    await a.ok('mutation($id: ID!) { recordPayment(invoiceId: $id, amount: "1.00", method: CASH) { id } }', { id: invoice.id }, admin.token);
    await a.ok('mutation($a: ID!) { recordTreatment(appointmentId: $a, input: { diagnosis: "Only for the record" }) { id } }', { a: visit }, doctor.token);
    const kinds = await a.orm.em.getConnection().execute('select kind from outbox_event where appointment_id = ? order by id', [visit]);
    expect(kinds.map((row: { kind: string }) => row.kind)).toEqual(['INVOICE_ISSUED', 'PAYMENT_RECORDED', 'TREATMENT_RECORDED']);
    // A sentinel last: once it arrived, nothing else came before it.
    const sentinel = await api.book(a, patient.token, doctor.doctorId, next);
    const items = await waitForOurs([first, sentinel, visit], 2);
    expect(items.map((i) => [i.doctorScheduleChanged.kind, i.doctorScheduleChanged.appointment.id])).toEqual([['BOOKED', first], ['BOOKED', sentinel]]);
    // Catching up from the first cursor reads the outbox: it skips the webhook-only rows too.
    const resumed = feed(a.wsClient(doctor.token), SCHEDULE, { d: doctor.doctorId, after: booked.doctorScheduleChanged.cursor });
    const replayed = await resumed.waitFor(1);
    await api.cancel(a, doctor.token, sentinel);
    const after = await resumed.waitFor(2);
    expect(after.map((i) => [i.doctorScheduleChanged.kind, i.doctorScheduleChanged.appointment.id])).toEqual([['BOOKED', sentinel], ['CANCELLED', sentinel]]);
    expect(replayed[0].doctorScheduleChanged.appointment.id).toBe(sentinel);
    expect(resumed.errors).toEqual([]);
    await api.cancel(a, patient.token, first);
    live.stop(); resumed.stop();
  });

  it('after the Redis link drops, subscribers catch up from the outbox when it returns', async () => {
    const client = b.wsClient(doctor.token);
    // Ready = listening, and the warm-up outbox read of a new subscription is done: from here on only
    // a Redis message or the reconnect catch-up can deliver anything.
    const ready = whenReady('doctorScheduleChanged', doctor.doctorId);
    const f = feed(client, SCHEDULE, { d: doctor.doctorId });
    await ready;
    const id = await insertAppointment(b, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: nextSlot() });
    // A committed change nobody published in the request (as if its process died at that moment):
    // the outbox relay publishes it (live-relay.test.ts has the process and Redis kills)...
    await b.orm.em.fork().transactional(async (em) => {
      const appointment = await em.findOneOrFail(Appointment, Number(id));
      recordScheduleChange(em, { kind: 'BOOKED', appointment });
    });
    // (the relay delivers it; no pause and count). The relay may also re-send the previous test's
    // rows to this fresh subscriber (repeats are dropped by id only per subscription), so this test
    // looks at its own appointments.
    const ours = (ids: string[]) => f.items.filter((i) => ids.includes(i.doctorScheduleChanged.appointment.id));
    const waitForOurs = async (ids: string[], n: number) => {
      for (let seen = f.items.length + 1; ours(ids).length < n; seen += 1) await f.waitFor(seen, 10_000);
      return ours(ids);
    };
    expect((await waitForOurs([id], 1))[0].doctorScheduleChanged).toMatchObject({ kind: 'BOOKED', appointment: { id } });
    // ...then a change that was already published while B's subscribe link was down (its row marked
    // published_at, so no relay sends it again): only B's outbox read on reconnect can deliver it.
    const missed = await insertAppointment(b, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: nextSlot() });
    await b.orm.em.fork().transactional(async (em) => {
      const event = recordScheduleChange(em, { kind: 'BOOKED', appointment: await em.findOneOrFail(Appointment, Number(missed)) });
      event.publishedAt = clock.now();
    });
    const redis = new Redis(REDIS_URL);
    try {
      const name = b.app.deps.pubsubHandle.redisConnectionNames!.subscribe;
      const list = (await redis.client('LIST')) as string;
      const line = list.split('\n').find((l) => l.includes(`name=${name} `));
      expect(line).toBeDefined();
      const clientId = /id=(\d+)/.exec(line!)![1];
      await redis.client('KILL', 'ID', clientId);
    } finally {
      redis.disconnect();
    }
    await waitForOurs([id, missed], 2);
    // Live again afterwards, and nothing twice.
    await api.cancel(a, admin.token, id);
    await waitForOurs([id, missed], 3);
    const sentinel = await insertAppointment(b, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: nextSlot() });
    await change(b, sentinel, 'RESCHEDULED');
    const mine = await waitForOurs([id, missed, sentinel], 4);
    expect(mine.map((i) => [i.doctorScheduleChanged.kind, i.doctorScheduleChanged.appointment.id]))
      .toEqual([['BOOKED', id], ['BOOKED', missed], ['CANCELLED', id], ['RESCHEDULED', sentinel]]);
    f.stop();
  });

  it('keeps serving queries and committing bookings when Redis is unreachable', async () => {
    const down = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const [slot] = await api.freeSlots(down, patient.token, doctor.doctorId);
      // Publishing to the unreachable Redis never holds the mutation up (no timing asserted: it answers).
      const id = await api.book(down, patient.token, doctor.doctorId, slot);
      await api.cancel(down, patient.token, id);
      expect(await down.orm.em.fork().count(OutboxEvent, { appointmentId: Number(id) })).toBe(2);
      expect((await down.ok('{ me { id } }', {}, doctor.token)).me.id).toBe(doctor.userId);
    } finally {
      await down.close();
    }
  });
});

describe('two databases (two hospitals, two test runs) on one Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let other: { url: string; drop(): Promise<void> };
  let doctorB: DoctorSession;
  let patientB: PatientSession;
  const extra: TestApp[] = [];
  beforeAll(async () => {
    other = await privateDatabase(`ns${process.pid}`);
    a = await createTestApp({ REDIS_URL });
    b = await createTestApp({ REDIS_URL }, { databaseUrl: other.url });
  }, 120_000);
  afterAll(async () => {
    for (const app of [a, b, ...extra]) await app?.close();
    await other?.drop();
  });

  it("a booking on one database is never delivered to the other's subscribers (channels are namespaced)", async () => {
    // The same doctor id in both databases, so a foreign event would match the subscription.
    const [adminA, adminB] = [await createAdmin(a), await createAdmin(b)];
    let doctorA = await createDoctor(a, adminA);
    doctorB = await createDoctor(b, adminB);
    while (Number(doctorB.doctorId) < Number(doctorA.doctorId)) doctorB = await createDoctor(b, adminB);
    while (Number(doctorA.doctorId) < Number(doctorB.doctorId)) doctorA = await createDoctor(a, adminA);
    expect(doctorB.doctorId).toBe(doctorA.doctorId);
    const patientA = await registerPatient(a);
    patientB = await registerPatient(b);
    await api.openAllWeek(a, adminA, doctorA.doctorId);
    await api.openAllWeek(b, adminB, doctorB.doctorId);

    const client = b.wsClient(doctorB.token);
    const ready = Promise.all([whenReady('slotsChanged', doctorB.doctorId), whenReady('doctorScheduleChanged', doctorB.doctorId)]);
    const slots = feed(client, 'subscription($d: ID!) { slotsChanged(doctorId: $d) { startsAt } }', { d: doctorB.doctorId });
    const schedule = feed(client, SCHEDULE, { d: doctorB.doctorId });
    await ready;
    const [first, second] = await api.freeSlots(a, patientA.token, doctorA.doctorId);
    // Published on A (in the request and by A's relay) before B's own change is even made...
    await api.book(a, patientA.token, doctorA.doctorId, first);
    // ...so B's sentinel booking must be the first thing B's subscribers see.
    const sentinel = await api.book(b, patientB.token, doctorB.doctorId, second);
    expect((await slots.waitFor(1))[0]).toEqual({ slotsChanged: { startsAt: second } });
    expect((await schedule.waitFor(1))[0].doctorScheduleChanged).toMatchObject({ kind: 'BOOKED', appointment: { id: sentinel } });
    slots.stop(); schedule.stop();
  });

  it('a change left unpublished for over an hour (a long Redis outage) is still relayed, by whichever process relays next', async () => {
    const client = b.wsClient(doctorB.token);
    const ready = whenReady('doctorScheduleChanged', doctorB.doctorId);
    const schedule = feed(client, SCHEDULE, { d: doctorB.doctorId });
    await ready;
    // B's relay steps down (as when its process stops), then a change is committed two hours "ago"
    // and nobody publishes it in the request.
    await relayOf(b.app.deps.pubsub)!.stop();
    const id = await insertAppointment(b, { doctorId: doctorB.doctorId, patientId: patientB.patientId, startsAt: new Date(clock.nowMs() + 3 * 24 * 3600_000) });
    const undo = setClock(new Date(clock.nowMs() - 2 * 3600_000));
    try {
      await b.orm.em.fork().transactional(async (em) => {
        recordScheduleChange(em, { kind: 'BOOKED', appointment: await em.findOneOrFail(Appointment, Number(id)) });
      });
    } finally {
      undo();
    }
    // The next relay (a process started now, its first round) delivers it to B's subscriber.
    extra.push(await createTestApp({ REDIS_URL }, { databaseUrl: other.url }));
    expect((await schedule.waitFor(1, 10_000))[0].doctorScheduleChanged).toMatchObject({ kind: 'BOOKED', appointment: { id } });
    schedule.stop();
  });
});
