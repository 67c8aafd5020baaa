import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, setClock, type TestApp } from '../../../test/harness';
import { bookAppointment, createAdmin, createDoctor, hospitalTime, insertAppointment, openAllWeek, registerPatient, type DoctorSession, type PatientSession, type Session } from '../../../test/factories';
import { clock } from '../../clock';
import { failurePoints } from '../../test-hooks';
import { deliverDueWebhooks, fanOutWebhooks } from './webhooks.service';

interface Received { headers: http.IncomingHttpHeaders; body: string }

/** A local receiver: answers with the next status in `script` (then 200), records every request. */
async function receiver(script: number[] = []) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let patient: PatientSession;
beforeAll(async () => {
  t = await createTestApp({ HMS_WEBHOOK_ALLOW_PRIVATE: 'true' });
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  await openAllWeek(t, admin.token, doctor.doctorId);
  patient = await registerPatient(t);
});
afterAll(async () => { await t?.close(); });

const CREATE = 'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id secret } }';
const DELIVERIES = 'query($e: ID!) { webhookDeliveries(endpointId: $e) { id type status attempts lastStatusCode nextAttemptAt } }';

/** Runs the fan-out and one round of deliveries, as the worker does each second. */
async function pump() {
  await fanOutWebhooks(t.app.deps);
  return deliverDueWebhooks(t.app.deps);
}

describe('createWebhook', () => {
  it('is for admins; refuses bad URLs, unknown events and (without the override) private targets', async () => {
    const input = { url: 'https://example.org/hook', events: ['appointment.booked'] };
    expect(codes(await t.gql(CREATE, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(CREATE, { input }, patient.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(CREATE, { input }, doctor.token))).toEqual(['FORBIDDEN']);
    for (const bad of [
      { url: 'ftp://example.org/x', events: ['appointment.booked'] },
      { url: 'not a url', events: ['appointment.booked'] },
      { url: 'https://user:pw@example.org/', events: ['appointment.booked'] },
      { url: 'https://example.org/hook', events: [] },
      { url: 'https://example.org/hook', events: ['treatment.diagnosis'] },
    ]) {
      expect(codes(await t.gql(CREATE, { input: bad }, admin.token)), JSON.stringify(bad)).toEqual(['BAD_USER_INPUT']);
    }
    const strict = await createTestApp();
    try {
      const strictAdmin = await createAdmin(strict);
      for (const url of ['http://127.0.0.1:9/x', 'http://localhost/x', 'http://10.1.2.3/x', 'http://[::1]/x', 'http://169.254.169.254/latest']) {
        const result = await strict.gql(CREATE, { input: { url, events: ['appointment.booked'] } }, strictAdmin.token);
        expect(codes(result), url).toEqual(['BAD_USER_INPUT']);
        expect(result.errors![0].extensions!.fields).toHaveProperty('url');
      }
    } finally {
      await strict.close();
    }
  });
});

describe('deliveries', () => {
  it('sends each committed booking once, signed per Standard Webhooks, retries after a 500, lists and replays', async () => {
    const hook = await receiver([500]);
    try {
      const created = (await t.ok(CREATE, { input: { url: hook.url, events: ['appointment.booked', 'appointment.cancelled'] } }, admin.token)).createWebhook;
      expect(created.secret).toMatch(/^whsec_/);
      const verifier = new Webhook(created.secret);
      const id = await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 1, '09:00') });
      // A rolled-back booking (slot taken) produces nothing.
      const rival = await registerPatient(t);
      expect(codes(await t.gql('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }', { i: { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 1, '09:00') } }, rival.token))).toEqual(['SLOT_UNAVAILABLE']);

      const first = await pump();
      expect(first.map((o) => o.statusCode)).toEqual([500]);
      let list = (await t.ok(DELIVERIES, { e: created.id }, admin.token)).webhookDeliveries;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ type: 'appointment.booked', status: 'PENDING', attempts: 1, lastStatusCode: 500 });
      expect(new Date(list[0].nextAttemptAt).getTime()).toBeGreaterThan(clock.nowMs());
      // Not due yet: nothing is sent; after the backoff, the retry goes out.
      expect(await pump()).toEqual([]);
      const undo = setClock(new Date(clock.nowMs() + 6_000));
      try {
        expect((await pump()).map((o) => o.statusCode)).toEqual([200]);
      } finally {
        undo();
      }
      expect(hook.received).toHaveLength(2);
      for (const request of hook.received) {
        const payload = verifier.verify(request.body, {
          'webhook-id': String(request.headers['webhook-id']),
          'webhook-timestamp': String(request.headers['webhook-timestamp']),
          'webhook-signature': String(request.headers['webhook-signature']),
        }) as { type: string; data: { appointmentId: string; patientId: string } };
        expect(payload.type).toBe('appointment.booked');
        expect(payload.data).toMatchObject({ appointmentId: id, patientId: patient.patientId });
      }
      // The same message id on the retry, so receivers can drop repeats.
      expect(hook.received[0].headers['webhook-id']).toBe(hook.received[1].headers['webhook-id']);
      // A tampered body fails verification.
      expect(() => verifier.verify(hook.received[0].body.replace('booked', 'cancelled'), {
        'webhook-id': String(hook.received[0].headers['webhook-id']),
        'webhook-timestamp': String(hook.received[0].headers['webhook-timestamp']),
        'webhook-signature': String(hook.received[0].headers['webhook-signature']),
      })).toThrow();

      list = (await t.ok(DELIVERIES, { e: created.id }, admin.token)).webhookDeliveries;
      expect(list[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 2, lastStatusCode: 200 });
      // Running the fan-out again queues nothing new: once per committed change.
      expect(await fanOutWebhooks(t.app.deps)).toBe(0);

      // Replay: sent again on the next round.
      expect(codes(await t.gql('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }', { id: list[0].id }, patient.token))).toEqual(['FORBIDDEN']);
      await t.ok('mutation($id: ID!) { replayWebhookDelivery(id: $id) { status } }', { id: list[0].id }, admin.token);
      expect((await pump()).map((o) => o.statusCode)).toEqual([200]);
      expect(hook.received).toHaveLength(3);

      // Cancelling sends appointment.cancelled; the reschedule (not subscribed) sends nothing.
      await t.ok('mutation($id: ID!) { cancelAppointment(id: $id) { id } }', { id }, patient.token);
      await pump();
      expect(JSON.parse(hook.received[3].body).type).toBe('appointment.cancelled');
      expect(codes(await t.gql(DELIVERIES, { e: created.id }, doctor.token))).toEqual(['FORBIDDEN']);
      await t.ok('mutation($id: ID!) { setWebhookActive(id: $id, active: false) { active } }', { id: created.id }, admin.token);
    } finally {
      await hook.close();
    }
  });

  it('keeps each appointment\'s events in order: a later one waits while an earlier one is retried', async () => {
    const hook = await receiver([503]);
    try {
      const created = (await t.ok(CREATE, { input: { url: hook.url, events: ['appointment.booked', 'appointment.rescheduled'] } }, admin.token)).createWebhook;
      const id = await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 2, '09:00') });
      await t.ok('mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s) { id } }', { id, s: await hospitalTime(t, 2, '10:00') }, patient.token);
      expect((await pump()).map((o) => o.statusCode)).toEqual([503]);
      const undo = setClock(new Date(clock.nowMs() + 6_000));
      try {
        await pump();
        await pump();
      } finally {
        undo();
      }
      expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['appointment.booked', 'appointment.booked', 'appointment.rescheduled']);
      await t.ok('mutation($id: ID!) { setWebhookActive(id: $id, active: false) { active } }', { id: created.id }, admin.token);
    } finally {
      await hook.close();
    }
  });

  it('runs on the job engine: its webhooks.deliver sweep fans out and sends', async () => {
    const hook = await receiver();
    try {
      const created = (await t.ok(CREATE, { input: { url: hook.url, events: ['appointment.booked'] } }, admin.token)).createWebhook;
      await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 4, '09:00') });
      await t.app.deps.jobs.runDueNow();
      expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['appointment.booked']);
      await t.ok('mutation($id: ID!) { setWebhookActive(id: $id, active: false) { active } }', { id: created.id }, admin.token);
    } finally {
      await hook.close();
    }
  });

  it('disables an endpoint failing for 3 days and tells the admins', async () => {
    const hook = await receiver(Array(50).fill(500));
    try {
      const created = (await t.ok(CREATE, { input: { url: hook.url, events: ['appointment.booked'] } }, admin.token)).createWebhook;
      await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 3, '09:00') });
      await pump();
      const undo = setClock(new Date(clock.nowMs() + 3 * 24 * 3600_000 + 60_000));
      try {
        await pump();
      } finally {
        undo();
      }
      const endpoint = (await t.ok('{ webhooks { id active disabledAt } }', {}, admin.token)).webhooks.find((w: { id: string }) => w.id === created.id);
      expect(endpoint.active).toBe(false);
      expect((await t.ok(DELIVERIES, { e: created.id }, admin.token)).webhookDeliveries[0].status).toBe('FAILED');
      const notes = await t.ok('{ myNotifications(first: 10) { items { kind message } } }', {}, admin.token);
      expect(notes.myNotifications.items.some((n: { kind: string }) => n.kind === 'WEBHOOK_DISABLED')).toBe(true);
    } finally {
      await hook.close();
    }
  });
});

describe('invoice, payment and treatment events', () => {
  const verify = (secret: string, request: Received) => new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  }) as { type: string; data: Record<string, unknown> };
  const ISSUE = 'mutation($id: ID!) { issueInvoice(appointmentId: $id) { id number total { amount currency } } }';
  const PAY = 'mutation($id: ID!, $amount: String!, $method: PaymentMethod!) { recordPayment(invoiceId: $id, amount: $amount, method: $method) { id } }';
  const RECORD = 'mutation($a: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $a, input: $input) { id createdAt } }';

  it('each committed one arrives once, signed, in order; a rolled-back issue sends nothing; treatments carry no clinical text', async () => {
    const hook = await receiver();
    try {
      const created = (await t.ok(CREATE, { input: { url: hook.url, events: ['invoice.issued', 'payment.recorded', 'treatment.recorded'] } }, admin.token)).createWebhook;
      const visit = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: new Date(clock.nowMs() - 3600_000), status: 'CHECKED_IN' });

      // Rolled back after its writes (outbox row included): no delivery.
      failurePoints['invoice.create'] = async (em) => {
        await em.flush();
        throw new Error('injected failure after the invoice was written');
      };
      try {
        expect(codes(await t.gql(ISSUE, { id: visit }, admin.token))).toEqual(['INTERNAL_SERVER_ERROR']);
      } finally {
        delete failurePoints['invoice.create'];
      }
      await pump();
      expect(hook.received).toHaveLength(0);

      const invoice = (await t.ok(ISSUE, { id: visit }, admin.token)).issueInvoice;
      const payment = (await t.ok(PAY, { id: invoice.id, amount: '1.00', method: 'CARD' }, admin.token)).recordPayment;
      expect(payment.id).toBe(invoice.id);
      const secrets = ['Diagnosis-SECRET-d1', 'Prescription-SECRET-p1', 'Notes-SECRET-n1', 'Medicine-SECRET-m1', 'Precaution-SECRET-x1', 'Test-SECRET-t1'];
      const treatment = (await t.ok(RECORD, {
        a: visit,
        input: {
          diagnosis: secrets[0], prescription: secrets[1], notes: secrets[2], medicines: [{ name: secrets[3], dose: '5 mg' }],
          precautions: secrets[4], testsOrdered: secrets[5],
        },
      }, doctor.token)).recordTreatment;

      // The outbox holds ids only.
      const outbox = await t.orm.em.getConnection().execute('select * from outbox_event where appointment_id = ?', [visit]);
      expect(outbox.map((row: { kind: string }) => row.kind)).toEqual(['INVOICE_ISSUED', 'PAYMENT_RECORDED', 'TREATMENT_RECORDED']);
      for (const secret of secrets) expect(JSON.stringify(outbox)).not.toContain(secret);

      // The rolled-back issue left a gap in the outbox ids: the fan-out waits (30 s) in case it was
      // a transaction still committing, then goes on past it.
      expect(await pump()).toEqual([]);
      const undo = setClock(new Date(clock.nowMs() + 31_000));
      try {
        // One visit's events go one at a time (each waits for the earlier one): a round each.
        for (let round = 0; round < 3; round += 1) expect((await pump()).map((o) => o.statusCode)).toEqual([200]);
        expect(await pump()).toEqual([]);
        expect(await fanOutWebhooks(t.app.deps)).toBe(0);
      } finally {
        undo();
      }
      expect(hook.received).toHaveLength(3);
      const payloads = hook.received.map((request) => verify(created.secret, request));
      expect(payloads.map((p) => p.type)).toEqual(['invoice.issued', 'payment.recorded', 'treatment.recorded']);
      expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(3);
      expect(payloads[0].data).toEqual({
        invoiceId: invoice.id, number: invoice.number, total: invoice.total.amount, currency: invoice.total.currency,
        appointmentId: visit, doctorId: doctor.doctorId, patientId: patient.patientId,
      });
      expect(payloads[1].data).toEqual({
        paymentId: expect.any(String), invoiceId: invoice.id, amount: '1.00', currency: invoice.total.currency, method: 'CARD',
        appointmentId: visit, doctorId: doctor.doctorId, patientId: patient.patientId,
      });
      expect(payloads[2].data).toEqual({
        treatmentId: treatment.id, appointmentId: visit, doctorId: doctor.doctorId, patientId: patient.patientId,
        createdAt: new Date(treatment.createdAt).toISOString(),
      });
      for (const secret of secrets) expect(hook.received[2].body).not.toContain(secret);
      expect(hook.received[2].body).not.toMatch(/diagnosis|prescription|notes|medicine|precaution|testsOrdered/i);
      // Not subscribed to appointment events: the check-in visit's own rows are not sent here.
      await t.ok('mutation($id: ID!) { setWebhookActive(id: $id, active: false) { active } }', { id: created.id }, admin.token);
    } finally {
      await hook.close();
    }
  });
});
