import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { codes, createTestApp, setClock, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDoctor, type DoctorSession, insertAppointment, type PatientSession, quickPatients, registerPatient, type Session,
} from '../../../test/factories';
import { failurePoints, liveSignals } from '../../test-hooks';

// Two API processes (two apps, one database, one Redis): queue numbers and live screens must hold across them.
const REDIS_URL = 'redis://127.0.0.1:6379';
let a: TestApp;
let b: TestApp;
let admin: Session;
// These tests move the clock on within one hospital day (minutes waited, holds expiring): run them at
// midday of the pinned date, whatever HMS_TEST_NOW says (the 23:50 run would cross midnight).
let restoreClock: () => void = () => {};
beforeAll(async () => {
  restoreClock = setClock(`${clock.now().toISOString().slice(0, 10)}T12:00:00.000Z`);
  [a, b] = await Promise.all([createTestApp({ REDIS_URL }), createTestApp({ REDIS_URL })]);
  admin = await createAdmin(a);
});
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); restoreClock(); });

const STATUS = 'mutation($id: ID!, $s: AppointmentStatus!) { setAppointmentStatus(id: $id, status: $s) { id status queueNumber } }';
const CALL_NEXT = 'mutation($d: ID!) { callNextPatient(doctorId: $d) { id status queueNumber } }';
const FLOW = `query($date: LocalDate) { flowBoard(date: $date) { date entries {
  status queueNumber arrivedAt calledAt minutesWaited appointment { id startsAt patient { id fullName } doctor { id fullName } } } } }`;
const CREATE_DISPLAY = 'mutation($i: CreateDisplayTokenInput!) { createDisplayToken(input: $i) { secret displayToken { id name active department { id } } } }';
const LOBBY = 'query($t: String!) { lobbyQueue(displayToken: $t) { date title doctors { doctorName departmentName nowCalling waiting } } }';
const LOBBY_SUB = 'subscription($t: String!) { lobbyQueueChanged(displayToken: $t) { doctors { doctorName nowCalling waiting } } }';
const FLOW_SUB = 'subscription($date: LocalDate) { flowBoardChanged(date: $date) { kind appointmentId doctorId } }';

/** A live subscription collecting what arrives (as in live.test.ts). */
function feed(client: Client, query: string, variables: Record<string, unknown>) {
  const state = { items: [] as any[], errors: [] as any[], completed: false };
  const waiters: Array<() => void> = [];
  const poke = () => { for (const w of waiters.splice(0)) w(); };
  const stop = client.subscribe({ query, variables }, {
    next: (value) => { if (value.errors) state.errors.push(...value.errors); else state.items.push(value.data); poke(); },
    error: (error) => { state.errors.push(error); poke(); },
    complete: () => { state.completed = true; poke(); },
  });
  const until = (check: () => boolean, ms: number, what: string) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(state)}`)), ms);
    const test = () => { if (check()) { clearTimeout(timer); resolve(); } else waiters.push(test); };
    test();
  });
  return {
    state,
    async waitFor(n: number, ms = 10_000) { await until(() => state.items.length >= n, ms, `${n} events`); return state.items; },
    async ended(ms = 10_000) { await until(() => state.completed || state.errors.length > 0, ms, 'the end'); },
    stop,
  };
}

function whenReady(stream: string, key: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const on = (s: string, k: number) => {
      if (s !== stream || String(k) !== key) return;
      clearTimeout(timer);
      liveSignals.off('ready', on);
      resolve();
    };
    const timer = setTimeout(() => { liveSignals.off('ready', on); reject(new Error(`${stream} ${key} never ready`)); }, 15_000);
    liveSignals.on('ready', on);
  });
}

let minuteSeq = 0;
/** Appointments of this morning (check-in stays open until the day ends), each at a distinct minute. */
async function visits(doctor: DoctorSession, patients: PatientSession[]): Promise<string[]> {
  const base = Math.floor(clock.nowMs() / 60_000) * 60_000 - 3 * 3600_000;
  const ids: string[] = [];
  for (const p of patients) {
    minuteSeq += 1;
    ids.push(await insertAppointment(a, { doctorId: doctor.doctorId, patientId: p.patientId, startsAt: new Date(base + minuteSeq * 60_000), minutes: 1 }));
  }
  return ids;
}

describe('queue numbers', () => {
  it('30 concurrent check-ins over two processes get the numbers 1..30, each once; a rolled-back check-in gives its number back', async () => {
    const doctor = await createDoctor(a, admin);
    const patients = await quickPatients(a, 31);
    const ids = await visits(doctor, patients);
    let calls = 0;
    failurePoints['appointment.status'] = async (em) => {
      calls += 1;
      if (calls !== 7) return;
      await em.flush();
      throw new Error('injected failure after the number was taken');
    };
    let results;
    try {
      results = await Promise.all(ids.map((id, i) => (i % 2 ? b : a).gql(STATUS, { id, s: 'CHECKED_IN' }, admin.token)));
    } finally {
      delete failurePoints['appointment.status'];
    }
    expect(results.flatMap(codes)).toEqual(['INTERNAL_SERVER_ERROR']);
    const numbers = results.filter((r) => !r.errors).map((r) => r.data.setAppointmentStatus.queueNumber as number);
    expect([...numbers].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // The failed visit checks in afterwards and gets 31: no gap, no repeat.
    const failed = ids[results.findIndex((r) => r.errors)];
    const retry = await a.ok(STATUS, { id: failed, s: 'CHECKED_IN' }, admin.token);
    expect(retry.setAppointmentStatus.queueNumber).toBe(31);
    const [{ n }] = await a.orm.em.getConnection().execute('select count(distinct number) as n from queue_ticket where doctor_id = ?', [doctor.doctorId]);
    expect(Number(n)).toBe(31);
  });

  it('a second doctor counts from 1 on the same day; the unique index refuses a duplicate number', async () => {
    const [x, y] = [await createDoctor(a, admin), await createDoctor(a, admin)];
    const [p1, p2, p3] = await quickPatients(a, 3);
    const [v1, v3] = await visits(x, [p1, p3]);
    const [v2] = await visits(y, [p2]);
    expect((await a.ok(STATUS, { id: v1, s: 'CHECKED_IN' }, admin.token)).setAppointmentStatus.queueNumber).toBe(1);
    expect((await b.ok(STATUS, { id: v2, s: 'CHECKED_IN' }, y.token)).setAppointmentStatus.queueNumber).toBe(1);
    // A second ticket "1" for doctor x that day (for a visit without one): only the unique index stands in the way.
    await expect(a.orm.em.getConnection().execute(
      'insert into queue_ticket (appointment_id, doctor_id, day, number, issued_at) select ?, doctor_id, day, number, issued_at from queue_ticket where appointment_id = ?',
      [v3, v1])).rejects.toThrow(/queue_ticket_number_unique/);
  });

  it('the doctor calls the next patient in number order; others may not; one at a time', async () => {
    const [x, y] = [await createDoctor(a, admin), await createDoctor(a, admin)];
    const patients = await quickPatients(a, 3);
    const ids = await visits(x, patients);
    // Checked in out of booking order: the queue follows arrival (the number), not the slot.
    for (const id of [ids[2], ids[0], ids[1]]) await a.ok(STATUS, { id, s: 'CHECKED_IN' }, admin.token);
    expect(codes(await a.gql(CALL_NEXT, { d: x.doctorId }, y.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(CALL_NEXT, { d: x.doctorId }, patients[0].token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(CALL_NEXT, { d: x.doctorId }))).toEqual(['UNAUTHENTICATED']);
    const first = await a.ok(CALL_NEXT, { d: x.doctorId }, x.token);
    expect(first.callNextPatient).toMatchObject({ id: ids[2], status: 'IN_CONSULTATION', queueNumber: 1 });
    expect(codes(await a.gql(CALL_NEXT, { d: x.doctorId }, x.token))).toEqual(['INVALID_TRANSITION']);
    // IN_CONSULTATION still holds the slot (the generated active column counts it).
    const [row] = await a.orm.em.getConnection().execute('select active_starts_at from appointment where id = ?', [ids[2]]);
    expect(row.active_starts_at).not.toBeNull();
    await a.ok(STATUS, { id: ids[2], s: 'COMPLETED' }, x.token);
    expect((await b.ok(CALL_NEXT, { d: x.doctorId }, admin.token)).callNextPatient).toMatchObject({ id: ids[0], queueNumber: 2 });
    await a.ok(STATUS, { id: ids[0], s: 'COMPLETED' }, x.token);
    await a.ok(CALL_NEXT, { d: x.doctorId }, x.token);
    await a.ok(STATUS, { id: ids[1], s: 'COMPLETED' }, x.token);
    expect((await a.ok(CALL_NEXT, { d: x.doctorId }, x.token)).callNextPatient).toBeNull();
    // Day view shows the numbers.
    const day = await a.ok('query($d: ID!, $date: LocalDate!) { doctorDay(doctorId: $d, date: $date) { id queueNumber status } }',
      { d: x.doctorId, date: clock.now().toISOString().slice(0, 10) }, x.token);
    expect(day.doctorDay.map((v: any) => v.queueNumber)).toEqual([2, 3, 1]);
    // The check-in window still holds: a visit tomorrow cannot be checked in today.
    const [p] = await quickPatients(a, 1);
    const later = await insertAppointment(a, { doctorId: x.doctorId, patientId: p.patientId, startsAt: new Date(clock.nowMs() + 26 * 3600_000) });
    expect(codes(await a.gql(STATUS, { id: later, s: 'CHECKED_IN' }, admin.token))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await a.gql(STATUS, { id: later, s: 'IN_CONSULTATION' }, admin.token))).toEqual(['INVALID_TRANSITION']);
  });
});

describe('flow board', () => {
  it('shows every doctor\'s patients today with state, number and minutes waited; admin only; live on both processes', async () => {
    const [x, y] = [await createDoctor(a, admin), await createDoctor(a, admin)];
    const [p1, p2, p3] = await quickPatients(a, 3);
    const [v1, v2] = await visits(x, [p1, p2]);
    const [v3] = await visits(y, [p3]);
    for (const token of [x.token, p1.token]) expect(codes(await a.gql(FLOW, {}, token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(FLOW, {}))).toEqual(['UNAUTHENTICATED']);

    const ready = whenReady('flowBoardChanged', '0');
    const live = feed(b.wsClient(admin.token), FLOW_SUB, {});
    await ready;
    await a.ok(STATUS, { id: v1, s: 'CHECKED_IN' }, admin.token);
    // (Other test files share this Redis: look for our event among whatever arrives.)
    const seen = async (id: string) => {
      for (let n = 1; ; n += 1) {
        const items = await live.waitFor(n);
        const hit = items.find((e: any) => e.flowBoardChanged.appointmentId === id);
        if (hit) return hit.flowBoardChanged;
      }
    };
    expect(await seen(v1)).toMatchObject({ kind: 'STATUS_CHANGED', appointmentId: v1, doctorId: x.doctorId });
    await a.ok(STATUS, { id: v3, s: 'CHECKED_IN' }, admin.token);
    await seen(v3);
    const undo = setClock(new Date(clock.nowMs() + 12 * 60_000));
    try {
      await a.ok(CALL_NEXT, { d: y.doctorId }, y.token);
      const board = (await b.ok(FLOW, {}, admin.token)).flowBoard;
      const byId = new Map(board.entries.map((e: any) => [e.appointment.id, e]));
      expect(byId.get(v1)).toMatchObject({ status: 'CHECKED_IN', queueNumber: 1, minutesWaited: 12, calledAt: null });
      expect(byId.get(v2)).toMatchObject({ status: 'SCHEDULED', queueNumber: null, minutesWaited: null, arrivedAt: null });
      expect(byId.get(v3)).toMatchObject({ status: 'IN_CONSULTATION', queueNumber: 1, minutesWaited: 12 });
      expect((byId.get(v3) as any).appointment.doctor.id).toBe(y.doctorId);
    } finally {
      undo();
    }
    live.stop();
    // Doctors and patients cannot follow it.
    const refused = feed(a.wsClient(x.token), FLOW_SUB, {});
    await refused.ended();
    expect(refused.state.errors[0].extensions?.code ?? refused.state.errors[0].message).toMatch(/FORBIDDEN/);
  });
});

describe('lobby display', () => {
  it('a display token reads "now calling" numbers only, live; rotation and revocation end it; it is no bearer token', async () => {
    const x = await createDoctor(a, admin);
    const [p1, p2] = await quickPatients(a, 2);
    const [v1, v2] = await visits(x, [p1, p2]);
    for (const token of [x.token, p1.token, undefined]) {
      expect(codes(await a.gql(CREATE_DISPLAY, { i: { name: 'Lobby' } }, token))).toEqual([token ? 'FORBIDDEN' : 'UNAUTHENTICATED']);
    }
    expect(codes(await a.gql(CREATE_DISPLAY, { i: { name: ' ' } }, admin.token))).toEqual(['BAD_USER_INPUT']);
    const created = (await a.ok(CREATE_DISPLAY, { i: { name: 'Ground floor', departmentId: x.departmentId } }, admin.token)).createDisplayToken;
    expect(created.secret).toMatch(/^hmsd_/);
    const [stored] = await a.orm.em.getConnection().execute('select token_hash from display_token where id = ?', [created.displayToken.id]);
    expect(stored.token_hash).not.toContain(created.secret.slice(5));
    const other = (await a.ok(CREATE_DISPLAY, { i: { name: 'Other floor', departmentId: (await createDoctor(a, admin)).departmentId } }, admin.token)).createDisplayToken;

    expect(codes(await a.gql(LOBBY, { t: 'hmsd_wrong' }))).toEqual(['UNAUTHENTICATED']);
    // Not a bearer token: it signs nobody in.
    expect(codes(await a.gql('{ me { id } }', {}, created.secret))).toEqual(['UNAUTHENTICATED']);

    await a.ok(STATUS, { id: v1, s: 'CHECKED_IN' }, admin.token);
    await a.ok(STATUS, { id: v2, s: 'CHECKED_IN' }, admin.token);
    const lobby = (await b.gql(LOBBY, { t: created.secret })).data.lobbyQueue;
    expect(lobby.doctors).toEqual([{ doctorName: x.fullName, departmentName: expect.any(String), nowCalling: null, waiting: 2 }]);
    expect(JSON.stringify(lobby)).not.toContain(p1.fullName);
    // Another department's screen does not list this doctor.
    expect((await a.ok(LOBBY, { t: other.secret })).lobbyQueue.doctors).toEqual([]);

    // A lobby screen's socket: the display token in connection_init; it may follow the lobby only.
    const screen = createClient({ url: b.wsUrl, webSocketImpl: WebSocket, connectionParams: { displayToken: created.secret }, retryAttempts: 0, lazy: true });
    const sneaky = feed(screen, 'subscription($d: ID!) { doctorScheduleChanged(doctorId: $d) { kind } }', { d: x.doctorId });
    await sneaky.ended();
    expect(JSON.stringify(sneaky.state.errors)).toContain('FORBIDDEN');
    const live = feed(screen, LOBBY_SUB, { t: created.secret });
    await live.waitFor(1); // the current state first
    await a.ok(CALL_NEXT, { d: x.doctorId }, x.token);
    const items = await live.waitFor(2);
    expect(items[1].lobbyQueueChanged.doctors[0]).toMatchObject({ nowCalling: 1, waiting: 1 });

    // Rotating: the old secret stops working at once, the open screen is closed.
    const rotated = (await a.ok('mutation($id: ID!) { rotateDisplayToken(id: $id) { secret } }', { id: created.displayToken.id }, admin.token)).rotateDisplayToken;
    await live.ended();
    expect(JSON.stringify(live.state.errors)).toContain('UNAUTHENTICATED');
    await screen.dispose();
    expect(codes(await a.gql(LOBBY, { t: created.secret }))).toEqual(['UNAUTHENTICATED']);
    expect((await a.ok(LOBBY, { t: rotated.secret })).lobbyQueue.doctors[0].nowCalling).toBe(1);
    expect(codes(await a.gql('mutation($id: ID!) { rotateDisplayToken(id: $id) { secret } }', { id: created.displayToken.id }, x.token))).toEqual(['FORBIDDEN']);
    expect(await a.ok('mutation($id: ID!) { revokeDisplayToken(id: $id) }', { id: created.displayToken.id }, admin.token)).toEqual({ revokeDisplayToken: true });
    expect(codes(await a.gql(LOBBY, { t: rotated.secret }))).toEqual(['UNAUTHENTICATED']);
    const list = (await a.ok('{ displayTokens { id name active } }', {}, admin.token)).displayTokens;
    expect(list.find((d: any) => d.id === created.displayToken.id)).toMatchObject({ active: false });
    expect(codes(await a.gql('{ displayTokens { id } }', {}, x.token))).toEqual(['FORBIDDEN']);
  });
});

const SEARCH = 'query($s: String) { patients(search: $s, first: 20) { items { id fullName email active hasAccount } } }';
const UPDATE = 'mutation($id: ID!, $i: UpdatePatientInput!) { updatePatient(id: $id, input: $i) { id fullName phone } }';
const SET_ACTIVE = 'mutation($id: ID!, $a: Boolean!) { setPatientActive(patientId: $id, active: $a) { id active } }';
const MERGE = 'mutation($s: ID!, $t: ID!) { mergePatients(sourcePatientId: $s, targetPatientId: $t) { id fullName } }';
const WALK_IN = 'mutation($i: CreateWalkInPatientInput!) { createWalkInPatient(input: $i) { id fullName } }';

describe('admin patients', () => {
  it('searches by e-mail; corrects details; deactivation stops bookings and sign-in; roles', async () => {
    const p = await registerPatient(a);
    const doctor = await createDoctor(a, admin);
    const found = (await a.ok(SEARCH, { s: p.email }, admin.token)).patients.items;
    expect(found).toEqual([{ id: p.patientId, fullName: p.fullName, email: p.email, active: true, hasAccount: true }]);
    for (const token of [doctor.token, p.token]) {
      const upd = await a.gql(UPDATE, { id: p.patientId, i: { phone: "+91 98765 43210" } }, token);
      expect(codes(upd), JSON.stringify(upd.errors)).toEqual(["FORBIDDEN"]);
      expect(codes(await a.gql(SET_ACTIVE, { id: p.patientId, a: false }, token))).toEqual(['FORBIDDEN']);
      expect(codes(await a.gql(MERGE, { s: p.patientId, t: p.patientId }, token))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await a.gql(UPDATE, { id: p.patientId, i: { fullName: '' } }, admin.token))).toEqual(['BAD_USER_INPUT']);
    const updated = await a.ok(UPDATE, { id: p.patientId, i: { fullName: `${p.fullName} Rao`, phone: '+91 98765 43210' } }, admin.token);
    expect(updated.updatePatient).toMatchObject({ fullName: `${p.fullName} Rao`, phone: '+91 98765 43210' });
    const [audit] = await a.orm.em.getConnection().execute(
      "select count(*) as n from audit_event where action = 'patient.update' and entity_id = ?", [p.patientId]);
    expect(Number(audit.n)).toBe(1);
    await a.ok(SET_ACTIVE, { id: p.patientId, a: false }, admin.token);
    expect(codes(await a.gql('{ me { id } }', {}, p.token))).toEqual(['UNAUTHENTICATED']);
    // The front desk cannot book a deactivated record either.
    await a.ok('mutation($d: ID!, $r: [AvailabilityRuleInput!]!) { setWeeklyAvailability(doctorId: $d, rules: $r) { id } }',
      { d: doctor.doctorId, r: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00', slotMinutes: 30 })) }, admin.token);
    const slot = new Date(Math.ceil((clock.nowMs() + 3600_000) / 1800_000) * 1800_000).toISOString();
    const refused = await a.gql('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      { i: { doctorId: doctor.doctorId, startsAt: slot, patientId: p.patientId } }, admin.token);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const login = await a.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: p.email, p: 'Correct-Horse-42' });
    expect(login.errors).toBeTruthy();
    await a.ok(SET_ACTIVE, { id: p.patientId, a: true }, admin.token);
    await a.ok('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      { i: { doctorId: doctor.doctorId, startsAt: slot, patientId: p.patientId } }, admin.token);
    expect((await a.ok(SEARCH, { s: p.email }, admin.token)).patients.items[0].active).toBe(true);
  });

  it('merges a walk-in into a registered account: visits and invoices follow in one audited transaction; a clash is CONFLICT and changes nothing', async () => {
    const doctor = await createDoctor(a, admin);
    const registered = await registerPatient(a);
    const walkIn = (await a.ok(WALK_IN, { i: { fullName: `Walk ${Date.now()}` } }, admin.token)).createWalkInPatient;
    const past = new Date(clock.nowMs() - 3 * 86400_000);
    const visit = await insertAppointment(a, { doctorId: doctor.doctorId, patientId: walkIn.id, startsAt: past, status: 'COMPLETED' });
    const invoice = (await a.ok('mutation($id: ID!) { issueInvoice(appointmentId: $id) { id } }', { id: visit }, admin.token)).issueInvoice;
    // A clash: both hold an active visit at the same time.
    const at = new Date(clock.nowMs() + 2 * 86400_000);
    const clashA = await insertAppointment(a, { doctorId: doctor.doctorId, patientId: walkIn.id, startsAt: at });
    const other = await createDoctor(a, admin);
    await insertAppointment(a, { doctorId: other.doctorId, patientId: registered.patientId, startsAt: new Date(at.getTime() + 10 * 60_000) });
    const refused = await a.gql(MERGE, { s: walkIn.id, t: registered.patientId }, admin.token);
    expect(codes(refused)).toEqual(['CONFLICT']);
    const conn = a.orm.em.getConnection();
    expect(Number((await conn.execute('select count(*) as n from appointment where patient_id = ?', [walkIn.id]))[0].n)).toBe(2);
    // Registered into walk-in, or a record into itself: refused.
    expect(codes(await a.gql(MERGE, { s: registered.patientId, t: walkIn.id }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await a.gql(MERGE, { s: walkIn.id, t: walkIn.id }, admin.token))).toEqual(['BAD_USER_INPUT']);

    await a.ok('mutation($id: ID!) { cancelAppointment(id: $id) { id } }', { id: clashA }, admin.token);
    const merged = await a.ok(MERGE, { s: walkIn.id, t: registered.patientId }, admin.token);
    expect(merged.mergePatients.id).toBe(registered.patientId);
    expect(Number((await conn.execute('select count(*) as n from appointment where patient_id = ?', [walkIn.id]))[0].n)).toBe(0);
    const [inv] = await conn.execute('select patient_id from invoice where id = ?', [invoice.id]);
    expect(String(inv.patient_id)).toBe(registered.patientId);
    const [src] = await conn.execute('select active, merged_into_id from patient where id = ?', [walkIn.id]);
    expect({ active: Number(src.active), into: String(src.merged_into_id) }).toEqual({ active: 0, into: registered.patientId });
    const [audit] = await conn.execute("select changes from audit_event where action = 'patient.merge' and entity_id = ?", [walkIn.id]);
    expect(JSON.stringify(audit.changes)).toContain(visit);
    // The patient now sees the merged visit and invoice as their own.
    const mine = await a.ok('{ myInvoices { items { id } } }', {}, registered.token);
    expect(mine.myInvoices.items.map((i: any) => i.id)).toContain(invoice.id);
    // Merged once: a second merge of the same record is refused.
    expect(codes(await a.gql(MERGE, { s: walkIn.id, t: registered.patientId }, admin.token))).toEqual(['CONFLICT']);
  });
});
