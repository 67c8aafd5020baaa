import type { Client } from 'graphql-ws';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDoctor, insertAppointment, registerPatient, type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';
import { Appointment, AppointmentStatus } from '../scheduling/appointment.entity';
import { pruneOutbox } from './live.service';
import { OutboxEvent } from './outbox-event.entity';
import { publishScheduleChanges, recordScheduleChange, type ScheduleChangeKind } from './schedule-events';

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

/** Lets in-flight deliveries land, to check that nothing more arrives. */
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** A subscription is active once the server answered a round trip on the same socket after it. */
async function ready(client: Client): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    client.subscribe({ query: '{ me { id } }' }, { next: () => {}, error: reject, complete: resolve });
  });
  await settle(50);
}

let slotSeq = 0;
/** A distinct future slot per call, so appointments never collide. */
function nextSlot(): Date {
  slotSeq += 1;
  const base = new Date(Date.UTC(2030, 0, 1, 8, 0, 0));
  return new Date(base.getTime() + (slotSeq * 37 + Math.floor(Math.random() * 100_000)) * 30 * 60_000);
}

/**
 * A schedule change the way the scheduling service makes one: the change and its outbox row
 * in one transaction, published after commit. `fail` rolls the transaction back.
 */
async function change(
  t: TestApp,
  appointmentId: string,
  kind: ScheduleChangeKind,
  options: { status?: AppointmentStatus; startsAt?: Date; actorUserId?: string; fail?: boolean } = {},
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
    if (options.fail) {
      await em.flush();
      throw new Error('rolled back on purpose');
    }
    return [event];
  });
  await publishScheduleChanges({ deps: t.app.deps }, events);
}

async function book(t: TestApp, doctor: DoctorSession, patient: PatientSession, actorUserId?: string): Promise<string> {
  const id = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: nextSlot(), reason: 'Checkup' });
  await change(t, id, 'BOOKED', { actorUserId: actorUserId ?? patient.userId });
  return id;
}

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

  it('delivers booking, move, status change and cancellation to the doctor and an admin exactly once each', async () => {
    const doctorClient = t.wsClient(doctor.token);
    const adminClient = t.wsClient(admin.token);
    const mine = feed(doctorClient, SCHEDULE, { d: doctor.doctorId });
    const admins = feed(adminClient, SCHEDULE, { d: doctor.doctorId });
    const others = feed(t.wsClient(otherDoctor.token), SCHEDULE, { d: otherDoctor.doctorId });
    await Promise.all([ready(doctorClient), ready(adminClient)]);

    const id = await book(t, doctor, patient);
    const movedFrom = (await t.orm.em.fork().findOneOrFail(Appointment, Number(id))).startsAt;
    await change(t, id, 'RESCHEDULED');
    await change(t, id, 'STATUS_CHANGED', { status: AppointmentStatus.NO_SHOW });
    const second = await book(t, doctor, patient);
    await change(t, second, 'CANCELLED', { actorUserId: patient.userId });

    for (const f of [mine, admins]) {
      const items = await f.waitFor(5);
      await settle();
      expect(f.items).toHaveLength(5);
      expect(items.map((i) => i.doctorScheduleChanged.kind)).toEqual(['BOOKED', 'RESCHEDULED', 'STATUS_CHANGED', 'BOOKED', 'CANCELLED']);
      const [booked, moved, status, , cancelled] = items.map((i) => i.doctorScheduleChanged);
      expect(booked.appointment).toMatchObject({ id, patient: { id: patient.patientId, fullName: patient.fullName }, doctor: { id: doctor.doctorId } });
      expect(moved.previousStartsAt).toBe(movedFrom.toISOString());
      expect(status.appointment.status).toBe('NO_SHOW');
      expect(cancelled.appointment).toMatchObject({ id: second, status: 'CANCELLED' });
      const cursors = items.map((i) => BigInt(i.doctorScheduleChanged.cursor));
      expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
    }
    expect(others.items).toEqual([]);
    mine.stop(); admins.stop(); others.stop();
  });

  it('publishes nothing for a change that rolled back', async () => {
    const client = t.wsClient(doctor.token);
    const f = feed(client, SCHEDULE, { d: doctor.doctorId });
    await ready(client);
    const id = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: nextSlot() });
    await expect(change(t, id, 'CANCELLED', { fail: true })).rejects.toThrow('rolled back');
    expect(await t.orm.em.fork().count(OutboxEvent, { appointmentId: Number(id) })).toBe(0);
    await change(t, id, 'STATUS_CHANGED', { status: AppointmentStatus.CHECKED_IN });
    const items = await f.waitFor(1);
    await settle();
    expect(items.map((i) => i.doctorScheduleChanged.kind)).toEqual(['STATUS_CHANGED']);
    expect(f.items).toHaveLength(1);
    f.stop();
  });

  it('a client that reconnects with its cursor gets exactly the missed events in order, then live ones', async () => {
    const d = await createDoctor(t, admin);
    const first = t.wsClient(d.token);
    const before = feed(first, SCHEDULE, { d: d.doctorId });
    await ready(first);
    const a1 = await book(t, d, patient);
    const [seen] = await before.waitFor(1);
    const cursor = seen.doctorScheduleChanged.cursor;
    await first.dispose();

    // Missed while away: three changes (and one for another doctor, which must not show up).
    const a2 = await book(t, d, patient);
    await change(t, a1, 'RESCHEDULED');
    await change(t, a2, 'CANCELLED');
    await book(t, otherDoctor, patient);

    const second = t.wsClient(d.token);
    const after = feed(second, SCHEDULE, { d: d.doctorId, after: cursor });
    const replayed = await after.waitFor(3);
    expect(replayed.map((i) => [i.doctorScheduleChanged.kind, i.doctorScheduleChanged.appointment.id])).toEqual([
      ['BOOKED', a2], ['RESCHEDULED', a1], ['CANCELLED', a2],
    ]);
    await change(t, a1, 'STATUS_CHANGED', { status: AppointmentStatus.CHECKED_IN });
    const all = await after.waitFor(4);
    await settle();
    expect(after.items).toHaveLength(4);
    expect(all[3].doctorScheduleChanged.kind).toBe('STATUS_CHANGED');
    const cursors = all.map((i) => BigInt(i.doctorScheduleChanged.cursor));
    expect(new Set(cursors).size).toBe(4);
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
    expect(cursors[0] > BigInt(cursor)).toBe(true);
    after.stop();
  });

  it('prunes outbox rows past the retention period', async () => {
    const em = t.orm.em.fork();
    const old = em.create(OutboxEvent, { kind: 'BOOKED', doctorId: 1, appointmentId: 1, createdAt: new Date(Date.now() - 8 * 24 * 3600_000) });
    const fresh = em.create(OutboxEvent, { kind: 'BOOKED', doctorId: 1, appointmentId: 1 });
    await em.persist([old, fresh]).flush();
    expect(await pruneOutbox({ orm: t.orm })).toBeGreaterThanOrEqual(1);
    const left = await t.orm.em.fork().find(OutboxEvent, { id: { $in: [old.id, fresh.id] } });
    expect(left.map((e) => e.id)).toEqual([fresh.id]);
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
    const client = t.wsClient(other.token);
    const f = feed(client, SLOTS, { d: doctor.doctorId });
    await ready(client);
    const id = await book(t, doctor, patient);
    const booked = await t.orm.em.fork().findOneOrFail(Appointment, Number(id));
    const to = nextSlot();
    await change(t, id, 'RESCHEDULED', { startsAt: to });
    await change(t, id, 'STATUS_CHANGED', { status: AppointmentStatus.CHECKED_IN });
    await change(t, id, 'CANCELLED');
    const items = (await f.waitFor(4)).map((i) => i.slotsChanged);
    await settle();
    expect(f.items).toHaveLength(4);
    expect(items).toEqual([
      { doctorId: doctor.doctorId, startsAt: booked.startsAt.toISOString(), endsAt: booked.endsAt.toISOString(), available: false },
      { doctorId: doctor.doctorId, startsAt: booked.startsAt.toISOString(), endsAt: booked.endsAt.toISOString(), available: true },
      { doctorId: doctor.doctorId, startsAt: to.toISOString(), endsAt: new Date(to.getTime() + 30 * 60_000).toISOString(), available: false },
      { doctorId: doctor.doctorId, startsAt: to.toISOString(), endsAt: new Date(to.getTime() + 30 * 60_000).toISOString(), available: true },
    ]);
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
    const doctorClient = t.wsClient(doctor.token);
    const patientClient = t.wsClient(patient.token);
    const NOTE = 'subscription { notificationAdded { id kind message read } }';
    const doctorFeed = feed(doctorClient, NOTE, {});
    const patientFeed = feed(patientClient, NOTE, {});
    const otherFeed = feed(t.wsClient(otherPatient.token), NOTE, {});
    await Promise.all([ready(doctorClient), ready(patientClient)]);

    // 2030-01-01T08:00Z is 09:00 in Berlin.
    const id = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: new Date('2030-01-01T08:00:00Z') });
    await change(t, id, 'BOOKED', { actorUserId: patient.userId });
    await change(t, id, 'RESCHEDULED', { startsAt: new Date('2030-01-02T09:30:00Z'), actorUserId: patient.userId }); // patient moves: doctor only
    await change(t, id, 'STATUS_CHANGED', { status: AppointmentStatus.CHECKED_IN, actorUserId: doctor.userId }); // no notification
    await change(t, id, 'RESCHEDULED', { startsAt: new Date('2030-01-03T10:00:00Z'), actorUserId: admin.userId }); // admin moves: both
    await change(t, id, 'CANCELLED', { actorUserId: doctor.userId }); // doctor cancels: both

    const doctorItems = await doctorFeed.waitFor(4);
    const patientItems = await patientFeed.waitFor(2);
    await settle();
    expect(doctorFeed.items).toHaveLength(4);
    expect(patientFeed.items).toHaveLength(2);
    expect(otherFeed.items).toEqual([]);
    expect(doctorItems.map((i) => i.notificationAdded.kind)).toEqual([
      'APPOINTMENT_BOOKED', 'APPOINTMENT_RESCHEDULED', 'APPOINTMENT_RESCHEDULED', 'APPOINTMENT_CANCELLED',
    ]);
    expect(doctorItems[0].notificationAdded.message).toBe(`New booking: ${patient.fullName} on Tue 1 Jan 2030, 09:00.`);
    expect(doctorItems[1].notificationAdded.message).toBe(`Moved: ${patient.fullName} from Tue 1 Jan 2030, 09:00 to Wed 2 Jan 2030, 10:30.`);
    expect(patientItems.map((i) => i.notificationAdded.kind)).toEqual(['APPOINTMENT_RESCHEDULED', 'APPOINTMENT_CANCELLED']);
    expect(patientItems[0].notificationAdded.message).toBe(`Your appointment with ${doctor.fullName} was moved from Wed 2 Jan 2030, 10:30 to Thu 3 Jan 2030, 11:00.`);
    expect(patientItems[1].notificationAdded.message).toBe(`Your appointment with ${doctor.fullName} on Thu 3 Jan 2030, 11:00 was cancelled.`);

    // Stored, paged newest first, with the unread count.
    const page1 = (await t.ok(LIST, { first: 3 }, doctor.token)).myNotifications;
    expect(page1.totalCount).toBe(4);
    expect(page1.unreadCount).toBe(4);
    expect(page1.items.map((i: any) => i.kind)).toEqual(['APPOINTMENT_CANCELLED', 'APPOINTMENT_RESCHEDULED', 'APPOINTMENT_RESCHEDULED']);
    expect(page1.items[0]).toMatchObject({ read: false, readAt: null, appointmentId: id });
    const page2 = (await t.ok(LIST, { first: 3, after: page1.nextCursor }, doctor.token)).myNotifications;
    expect(page2.items.map((i: any) => i.kind)).toEqual(['APPOINTMENT_BOOKED']);
    expect(page2.nextCursor).toBeNull();

    // Read one, then the rest.
    expect((await t.ok(MARK, { ids: [page1.items[0].id] }, doctor.token)).markNotificationsRead).toBe(3);
    const unread = (await t.ok(LIST, { unreadOnly: true }, doctor.token)).myNotifications;
    expect(unread.items).toHaveLength(3);
    expect(unread.totalCount).toBe(3);
    expect((await t.ok(MARK, { all: true }, doctor.token)).markNotificationsRead).toBe(0);
    expect((await t.ok(LIST, {}, doctor.token)).myNotifications).toMatchObject({ unreadCount: 0, totalCount: 4 });

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
    const { recordAudit } = await import('../audit/audit.service');
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
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a change made through one process reaches a subscriber on the other, once', async () => {
    const onB = b.wsClient(doctor.token);
    const onA = a.wsClient(doctor.token);
    const fb = feed(onB, SCHEDULE, { d: doctor.doctorId });
    const fa = feed(onA, SCHEDULE, { d: doctor.doctorId });
    await Promise.all([ready(onB), ready(onA)]);
    await settle(200); // the Redis SUBSCRIBE of a first subscriber is asynchronous
    const id = await book(a, doctor, patient);
    await change(a, id, 'CANCELLED');
    for (const f of [fa, fb]) {
      const items = await f.waitFor(2);
      expect(items.map((i) => [i.doctorScheduleChanged.kind, i.doctorScheduleChanged.appointment.id])).toEqual([['BOOKED', id], ['CANCELLED', id]]);
    }
    await settle();
    expect(fa.items).toHaveLength(2);
    expect(fb.items).toHaveLength(2);
    fa.stop(); fb.stop();
  });

  it('after the Redis link drops, subscribers catch up from the outbox when it returns', async () => {
    const client = b.wsClient(doctor.token);
    const f = feed(client, SCHEDULE, { d: doctor.doctorId });
    await ready(client);
    await settle(200);
    const id = await insertAppointment(b, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: nextSlot() });
    // A committed change whose publish never reached anyone (as if Redis was down at that moment)...
    await b.orm.em.fork().transactional(async (em) => {
      const appointment = await em.findOneOrFail(Appointment, Number(id));
      recordScheduleChange(em, { kind: 'BOOKED', appointment });
    });
    await settle();
    expect(f.items).toHaveLength(0);
    // ...then process B's subscribe link is cut and comes back: B reads the outbox.
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
    const items = await f.waitFor(1, 10_000);
    expect(items[0].doctorScheduleChanged).toMatchObject({ kind: 'BOOKED', appointment: { id } });
    // Live again afterwards, and nothing twice.
    await change(a, id, 'CANCELLED');
    await f.waitFor(2, 5000);
    await settle();
    expect(f.items.map((i) => i.doctorScheduleChanged.kind)).toEqual(['BOOKED', 'CANCELLED']);
    f.stop();
  });

  it('keeps committing changes when Redis is unreachable', async () => {
    const down = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const id = await insertAppointment(down, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: nextSlot() });
      await change(down, id, 'CANCELLED');
      expect(await down.orm.em.fork().count(OutboxEvent, { appointmentId: Number(id) })).toBe(1);
      expect((await down.ok('{ me { id } }', {}, doctor.token)).me.id).toBe(doctor.userId);
    } finally {
      await down.close();
    }
  });
});
