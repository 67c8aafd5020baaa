// A rolling restart never lies: clients booking on keep-alive connections while the process gets SIGTERM
// either get the real answer or their request was never executed (reconciled against the database).
import http from 'node:http';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAdmin, createDoctor, openAllWeek, quickPatients, type DoctorSession, type PatientSession } from './factories';
import { createTestApp, testDatabaseUrl, type TestApp } from './harness';
import { clock } from '../src/clock';
import { waitUntil } from './outage-helpers';
import { startListening } from './processes';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

interface Outcome {
  patientId: string;
  doctorId: string;
  startsAt: string;
  /** 'ok' with the id, 'error' with a GraphQL code, or 'transport' (no answer: reset, refused, hang-up). */
  kind: 'ok' | 'error' | 'transport';
  detail: string;
  connectionHeader?: string;
}

function post(agent: http.Agent, port: number, token: string, body: string): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, connection: response.headers.connection }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('SIGTERM during booking load on keep-alive connections', () => {
  it('every booking either got its real answer or was never executed; sockets close with 1001; exit 0', async () => {
    const admin = await createAdmin(t);
    const doctors: DoctorSession[] = [];
    for (let i = 0; i < 4; i++) {
      const doctor = await createDoctor(t, admin);
      await openAllWeek(t, admin.token, doctor.doctorId, { startTime: '00:00', endTime: '23:30', slotMinutes: 30 });
      doctors.push(doctor);
    }
    const workers = 12;
    const patients: PatientSession[] = await quickPatients(t, workers);
    const { server, port } = await startListening({ DATABASE_URL: testDatabaseUrl(), HMS_BOOKING_WINDOW_DAYS: '60', HMS_TIMEZONE: 'UTC' });
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000, 'the server');

    // A live subscriber: told 1001 (going away) when the process stops.
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${doctors[0].token}` } })));
      socket.on('message', (data) => { if (JSON.parse(String(data)).type === 'connection_ack') resolve(); });
      socket.on('error', reject);
    });

    // Tomorrow on the pinned clock the server shares (startListening passes it on).
    const firstDay = DateTime.fromJSDate(clock.now(), { zone: 'utc' }).startOf('day').plus({ days: 1 });
    const slotOf = (g: number) => {
      const slotNo = Math.floor(g / doctors.length);
      // 46 slots a day (00:00 to 23:00, the last one ends at 23:30).
      const startsAt = firstDay.plus({ days: Math.floor(slotNo / 46), minutes: 30 * (slotNo % 46) });
      return { doctor: doctors[g % doctors.length], startsAt: startsAt.toISO()! };
    };
    const outcomes: Outcome[] = [];
    let sigtermAt = 0;
    let done = false;
    const mutation = 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }';
    const run = async (w: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let k = 0; !done; k++) {
        const { doctor, startsAt } = slotOf(k * workers + w);
        const patient = patients[w];
        const outcome: Outcome = { patientId: patient.patientId, doctorId: doctor.doctorId, startsAt, kind: 'transport', detail: '' };
        try {
          const answer = await post(agent, port, patient.token, JSON.stringify({ query: mutation, variables: { input: { doctorId: doctor.doctorId, startsAt } } }));
          outcome.connectionHeader = answer.connection;
          const body = JSON.parse(answer.body) as { data?: { bookAppointment?: { id: string } }; errors?: Array<{ extensions?: { code?: string } }> };
          if (body.data?.bookAppointment) Object.assign(outcome, { kind: 'ok', detail: body.data.bookAppointment.id });
          else Object.assign(outcome, { kind: 'error', detail: body.errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}` });
        } catch (error) {
          outcome.detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          // Refused: the process no longer listens; this client is done.
          if (outcome.detail === 'ECONNREFUSED') { outcomes.push(outcome); break; }
        }
        outcomes.push(outcome);
      }
      agent.destroy();
    };
    const runners = Array.from({ length: workers }, (_, w) => run(w));
    // Under way on every connection first (however busy the machine is).
    await waitUntil(async () => outcomes.filter((o) => o.kind === 'ok').length >= 30, 60_000, '30 bookings');
    sigtermAt = outcomes.length;
    server.child.kill('SIGTERM');
    const code = await server.exited;
    done = true;
    await Promise.all(runners);

    // Reconcile every request against the database.
    const em = t.orm.em.fork();
    type Row = { id: number; patient_id: number; doctor_id: number; starts_at: Date };
    const rows: Row[] = await em.getConnection().execute<Row[]>(
      `select id, patient_id, doctor_id, starts_at from appointment where patient_id in (${patients.map(() => '?').join(',')})`,
      patients.map((p) => Number(p.patientId)),
    );
    const stored = new Map(rows.map((row: Row) => [`${row.patient_id}/${row.doctor_id}/${new Date(row.starts_at).toISOString()}`, String(row.id)]));
    const lies: string[] = [];
    for (const outcome of outcomes) {
      const key = `${outcome.patientId}/${outcome.doctorId}/${new Date(outcome.startsAt).toISOString()}`;
      const found = stored.get(key);
      if (outcome.kind === 'ok' && found !== outcome.detail) lies.push(`told booked ${outcome.detail}, stored ${found ?? 'nothing'}`);
      if (outcome.kind !== 'ok' && found) lies.push(`told ${outcome.kind} ${outcome.detail}, but ${found} was committed`);
    }
    const booked = outcomes.filter((o) => o.kind === 'ok').length;
    const afterSignal = outcomes.slice(sigtermAt);
    console.info(`shutdown: ${outcomes.length} requests, ${booked} booked, ${afterSignal.length} after SIGTERM ` +
      `(${afterSignal.filter((o) => o.kind === 'ok').length} answered ok, ${afterSignal.filter((o) => o.kind === 'transport').length} without an answer), ` +
      `${afterSignal.filter((o) => o.connectionHeader === 'close').length} answered with Connection: close`);
    expect(lies, `${lies.join('; ')}\nserver output:\n${server.output().slice(-3000)}`).toEqual([]);
    expect(booked).toBeGreaterThanOrEqual(30);
    expect(outcomes.filter((o) => o.kind === 'error').map((o) => o.detail)).toEqual([]);
    expect(await closed).toBe(1001);
    expect(code).toBe(0);
  }, 120_000);
});
