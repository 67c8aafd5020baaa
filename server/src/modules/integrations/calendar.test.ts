import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, type TestApp } from '../../../test/harness';
import { bookAppointment, createAdmin, createDoctor, hospitalTime, openAllWeek, registerPatient, type DoctorSession, type PatientSession, type Session } from '../../../test/factories';

let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let patient: PatientSession;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  await openAllWeek(t, admin.token, doctor.doctorId);
  patient = await registerPatient(t);
});
afterAll(async () => { await t?.close(); });

const FEED = '{ myCalendarFeed }';

// ical.js is an ES module; this test file is compiled as CommonJS by tsc.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ICAL: any;
beforeAll(async () => { ICAL = (await import('ical.js')).default; });

function events(text: string): Array<{ uid: string; status: string; summary: string; start: string; sequence: number }> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return calendar.getAllSubcomponents('vevent').map((vevent: any) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    status: String(vevent.getFirstPropertyValue('status')),
    summary: String(vevent.getFirstPropertyValue('summary')),
    start: vevent.getFirstPropertyValue('dtstart').toJSDate().toISOString(),
    sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
  }));
}

async function fetchFeed(url: string) {
  const path = new URL(url).pathname;
  return fetch(`${t.url}${path}`);
}

describe('calendar feeds', () => {
  it('are for doctors and patients; admins, keys and anonymous callers are refused', async () => {
    expect(codes(await t.gql(FEED))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(FEED, {}, admin.token))).toEqual(['FORBIDDEN']);
    const key = (await t.ok('mutation { createApiKey(input: { name: "k", scopes: ["appointments:read"] }) { secret } }', {}, admin.token)).createApiKey.secret;
    expect(codes(await t.gql(FEED, {}, key))).toEqual(['FORBIDDEN']);
  });

  it('parse as iCalendar, keep UIDs across a move, and show a cancel as STATUS:CANCELLED', async () => {
    const startsAt = await hospitalTime(t, 1, '10:00');
    const id = await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt });
    const patientUrl = (await t.ok(FEED, {}, patient.token)).myCalendarFeed as string;
    expect(patientUrl).toMatch(new RegExp(`^${t.config.publicUrl}/calendar/\\d+/[A-Za-z0-9_-]{40,}\\.ics$`));
    // Asking again gives the same URL.
    expect((await t.ok(FEED, {}, patient.token)).myCalendarFeed).toBe(patientUrl);
    const first = await fetchFeed(patientUrl);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/calendar');
    const [visit] = events(await first.text());
    expect(visit).toMatchObject({ status: 'CONFIRMED', start: startsAt, summary: `Visit with ${doctor.fullName}` });

    const movedTo = await hospitalTime(t, 1, '11:00');
    await t.ok('mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s) { id } }', { id, s: movedTo }, patient.token);
    await t.ok('mutation($id: ID!) { cancelAppointment(id: $id, reason: "better") { id } }', { id }, patient.token);
    const after = events(await (await fetchFeed(patientUrl)).text());
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ uid: visit.uid, status: 'CANCELLED', start: movedTo });
    expect(after[0].sequence).toBeGreaterThan(visit.sequence);

    // The doctor's feed has the same visit, without the patient's name.
    const doctorUrl = (await t.ok(FEED, {}, doctor.token)).myCalendarFeed as string;
    const doctorText = await (await fetchFeed(doctorUrl)).text();
    expect(events(doctorText).map((e) => e.uid)).toContain(visit.uid);
    expect(doctorText).not.toContain(patient.fullName);
  });

  it('rotating stops the old URL; a wrong or tampered token is 404', async () => {
    const old = (await t.ok(FEED, {}, patient.token)).myCalendarFeed as string;
    const fresh = (await t.ok('mutation { rotateCalendarFeed }', {}, patient.token)).rotateCalendarFeed as string;
    expect(fresh).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(fresh)).status).toBe(200);
    expect((await fetchFeed(fresh.replace(/\/calendar\/\d+\//, `/calendar/${doctor.userId}/`))).status).toBe(404);
    expect((await fetch(`${t.url}/calendar/abc/xyz.ics`)).status).toBe(404);
  });

  it('gives one appointment as .ics to whoever may read it', async () => {
    const id = await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 2, '09:00') });
    const own = await fetch(`${t.url}/calendar/appointments/${id}.ics`, { headers: { authorization: `Bearer ${patient.token}` } });
    expect(own.status).toBe(200);
    expect(events(await own.text())).toHaveLength(1);
    const stranger = await registerPatient(t);
    expect((await fetch(`${t.url}/calendar/appointments/${id}.ics`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
    expect((await fetch(`${t.url}/calendar/appointments/${id}.ics`)).status).toBe(401);
  });
});

describe('calendar feed rate limit', () => {
  it('uses the tokenFree per-address budget', async () => {
    const limited = await createTestApp({ HMS_RATE_LIMIT_TOKEN_FREE_IP: '2/60' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${limited.url}/calendar/1/nothing.ics`)).status);
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});
