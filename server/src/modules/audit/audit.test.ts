// The audit trail a regulator accepts: append-only in the database, directory and patient changes with
// before/after, every FORBIDDEN answered to a signed-in caller, and an admin log filterable by person and patient.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, uid, type TestApp } from '../../../test/harness';
import { createAdmin, createDepartment, createDoctor, registerPatient, type DoctorSession, type PatientSession, type Session } from '../../../test/factories';

let t: TestApp;
let admin: Session;
let patient: PatientSession;
let doctor: DoctorSession;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  [patient, doctor] = await Promise.all([registerPatient(t), createDoctor(t, admin)]);
});
afterAll(async () => { await t.close(); });

type Row = { id: number; action: string; actor_id: number | null; entity_type: string; entity_id: string; subject_patient_id: number | null; changes: unknown };
const rows = async (where: string, params: unknown[] = []): Promise<Row[]> =>
  (await t.orm.em.getConnection().execute(`select * from audit_event where ${where} order by id`, params)) as Row[];
const changesOf = (row: Row) => (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as Record<string, { before: unknown; after: unknown }>;

describe('append-only in the database', () => {
  it('an UPDATE and a DELETE of an audit row fail in the database itself (SQLSTATE 45000); the row is unchanged', async () => {
    await createDepartment(t, admin);
    const [row] = (await rows("action = 'department.create'")).slice(-1);
    const connection = t.orm.em.getConnection();
    await expect(connection.execute("update audit_event set action = 'forged' where id = ?", [row.id])).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from audit_event where id = ?', [row.id])).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from audit_event')).rejects.toThrow(/append-only/);
    const [again] = await rows('id = ?', [row.id]);
    expect(again.action).toBe('department.create');
  });

  it('no code updates or deletes audit rows (pruning, tests and the app alike)', () => {
    const root = path.resolve(__dirname, '../../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (name === 'node_modules') continue;
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.ts$/.test(name) && file !== __filename && /(update\s+`?audit_event|delete\s+from\s+`?audit_event|truncate\s+(table\s+)?`?audit_event|nativeDelete\(\s*AuditEvent)/i.test(readFileSync(file, 'utf8'))) offenders.push(file);
      }
    };
    walk(path.join(root, 'src'));
    walk(path.join(root, 'test'));
    expect(offenders).toEqual([]);
  });
});

describe('directory and patient changes', () => {
  it('department create, update and delete, with before/after of the changed fields and the admin as actor', async () => {
    const name = `Audited ${uid()}`;
    const id = await createDepartment(t, admin, name);
    await t.ok('mutation($id: ID!, $input: UpdateDepartmentInput!) { updateDepartment(id: $id, input: $input) { id } }',
      { id, input: { name: `${name} 2`, description: 'Second floor' } }, admin.token);
    // An update that changes nothing writes nothing.
    await t.ok('mutation($id: ID!, $input: UpdateDepartmentInput!) { updateDepartment(id: $id, input: $input) { id } }', { id, input: { name: `${name} 2` } }, admin.token);
    await t.ok('mutation($id: ID!) { deleteDepartment(id: $id) }', { id }, admin.token);
    const found = await rows("entity_type = 'department' and entity_id = ?", [id]);
    expect(found.map((r) => r.action)).toEqual(['department.create', 'department.update', 'department.delete']);
    expect(found.every((r) => String(r.actor_id) === admin.userId)).toBe(true);
    expect(changesOf(found[0]).name).toEqual({ before: null, after: name });
    expect(changesOf(found[1])).toEqual({ name: { before: name, after: `${name} 2` }, description: { before: null, after: 'Second floor' } });
    expect(changesOf(found[2]).name).toEqual({ before: `${name} 2`, after: null });
  });

  it('doctor create and update (fee, department, active); a refused update writes no change row', async () => {
    const other = await createDepartment(t, admin);
    const d = await createDoctor(t, admin);
    await t.ok('mutation($id: ID!, $input: UpdateDoctorInput!) { updateDoctor(id: $id, input: $input) { id } }',
      { id: d.doctorId, input: { consultationFee: '75.00', departmentId: other, active: false } }, admin.token);
    const found = await rows("entity_type = 'doctor' and entity_id = ? and action like 'doctor.%'", [d.doctorId]);
    expect(found.map((r) => r.action)).toEqual(['doctor.create', 'doctor.update']);
    expect(changesOf(found[0])).toMatchObject({ email: { before: null, after: d.email }, fullName: { before: null, after: d.fullName } });
    expect(changesOf(found[1])).toEqual({
      consultationFeeMinor: { before: 5000, after: 7500 }, departmentId: { before: Number(d.departmentId), after: Number(other) }, active: { before: true, after: false },
    });
    expect(codes(await t.gql('mutation($id: ID!) { updateDoctor(id: $id, input: { fullName: "Forged" }) { id } }', { id: d.doctorId }, doctor.token))).toEqual(['FORBIDDEN']);
    expect(await rows("entity_type = 'doctor' and entity_id = ? and action like 'doctor.%'", [d.doctorId])).toHaveLength(2);
  });

  it('patient profile edits and walk-ins: before/after, health facts by name only, about that patient', async () => {
    await t.ok('mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id } }',
      { input: { address: '1 High Street', allergies: 'Penicillin', bloodGroup: 'O+' } }, patient.token);
    const [edit] = await rows("action = 'patient.update' and entity_id = ?", [patient.patientId]);
    expect(String(edit.actor_id)).toBe(patient.userId);
    expect(String(edit.subject_patient_id)).toBe(patient.patientId);
    expect(changesOf(edit)).toEqual({
      address: { before: null, after: '1 High Street' },
      allergies: { before: null, after: '[health, not audited]' },
      bloodGroup: { before: null, after: '[health, not audited]' },
    });
    expect(JSON.stringify(edit)).not.toContain('Penicillin');

    const { createWalkInPatient } = await t.ok('mutation($input: CreateWalkInPatientInput!) { createWalkInPatient(input: $input) { id fullName } }',
      { input: { fullName: `Walk In ${uid()}`, phone: '+44 20 7946 0000' } }, admin.token);
    const [created] = await rows("action = 'patient.create' and entity_id = ?", [createWalkInPatient.id]);
    expect(String(created.subject_patient_id)).toBe(createWalkInPatient.id);
    expect(changesOf(created)).toMatchObject({ fullName: { before: null, after: createWalkInPatient.fullName }, phone: { after: '+44 20 7946 0000' } });
  });
});

describe('permission refusals', () => {
  it('every FORBIDDEN answered to a signed-in caller leaves one row naming the operation and paths; anonymous callers leave none', async () => {
    const before = await rows("action = 'access.denied' and actor_id = ?", [Number(patient.userId)]);
    const result = await t.gql('query Snoop { appointments(first: 5) { totalCount } }', {}, patient.token);
    expect(codes(result)).toEqual(['FORBIDDEN']);
    const after = await rows("action = 'access.denied' and actor_id = ?", [Number(patient.userId)]);
    expect(after).toHaveLength(before.length + 1);
    const row = after[after.length - 1];
    expect(row).toMatchObject({ entity_type: 'operation', entity_id: 'Snoop' });
    expect(changesOf(row).paths.after).toEqual(['appointments']);

    const total = (await rows("action = 'access.denied'")).length;
    expect(codes(await t.gql('{ appointments(first: 5) { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    expect(await rows("action = 'access.denied'")).toHaveLength(total);
  });

  it('a refused mutation is recorded though its work rolled back, and so is a refusal over WebSocket', async () => {
    const name = `Denied ${uid()}`;
    expect(codes(await t.gql('mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }', { input: { name } }, doctor.token))).toEqual(['FORBIDDEN']);
    const [row] = await rows("action = 'access.denied' and actor_id = ? and entity_id = 'createDepartment'", [Number(doctor.userId)]);
    expect(row).toBeDefined();
    expect(await t.orm.em.getConnection().execute('select id from department where name = ?', [name])).toEqual([]);

    const other = await createDoctor(t, admin);
    const client = t.wsClient(other.token);
    const errors = await new Promise<unknown[]>((resolve) => {
      const seen: unknown[] = [];
      client.subscribe({ query: 'subscription($d: ID!) { doctorScheduleChanged(doctorId: $d) { kind } }', variables: { d: doctor.doctorId } }, {
        next: (value) => { if (value.errors) seen.push(...value.errors); },
        error: (error) => { seen.push(error); resolve(seen); },
        complete: () => resolve(seen),
      });
    });
    expect(errors.map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await rows("action = 'access.denied' and actor_id = ? and entity_id = 'doctorScheduleChanged'", [Number(other.userId)])).toHaveLength(1);
  });
});

describe('refused downloads', () => {
  it('a signed-in caller refused a download (403) leaves an access.denied row naming it', async () => {
    const response = await fetch(`${t.url}/exports/reports/dashboard.csv?from=2026-01-01&to=2026-01-31`, { headers: { authorization: `Bearer ${patient.token}` } });
    expect(response.status).toBe(403);
    const found = await rows("action = 'access.denied' and actor_id = ? and entity_id = 'reports.dashboard.csv'", [Number(patient.userId)]);
    expect(found).toHaveLength(1);
  });
});

describe('auditEvents for admins', () => {
  const QUERY = `query($f: AuditEventFilter, $first: Int!, $after: String) { auditEvents(filter: $f, first: $first, after: $after) {
    totalCount nextCursor items { id action entityType entityId actorId actorName actorRole subjectPatientId subjectName createdAt } } }`;

  it('filters by action family, person, record, patient and time; rows carry names', async () => {
    const name = `Filtered ${uid()}`;
    const id = await createDepartment(t, admin, name);
    const byRecord = (await t.ok(QUERY, { f: { entityType: 'department', entityId: id }, first: 10 }, admin.token)).auditEvents;
    expect(byRecord.items).toHaveLength(1);
    expect(byRecord.items[0]).toMatchObject({ action: 'department.create', actorId: admin.userId, actorName: admin.email, actorRole: 'ADMIN' });

    const family = (await t.ok(QUERY, { f: { action: 'department' }, first: 100 }, admin.token)).auditEvents;
    expect(family.items.every((e: { action: string }) => e.action.startsWith('department.'))).toBe(true);
    expect(family.items.map((e: { entityId: string }) => e.entityId)).toContain(id);
    const exact = (await t.ok(QUERY, { f: { action: 'department.delete', entityId: id, entityType: 'department' }, first: 10 }, admin.token)).auditEvents;
    expect(exact.totalCount).toBe(0);

    const createdAt = new Date(byRecord.items[0].createdAt).getTime();
    const window = (from: number, to: number) => t.ok(QUERY, {
      f: { entityType: 'department', entityId: id, from: new Date(from).toISOString(), to: new Date(to).toISOString() }, first: 10,
    }, admin.token);
    expect((await window(createdAt - 1000, createdAt + 1000)).auditEvents.totalCount).toBe(1);
    expect((await window(createdAt + 1000, createdAt + 60_000)).auditEvents.totalCount).toBe(0);

    await t.ok('mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id } }', { input: { address: `Flat ${uid()}` } }, patient.token);
    const aboutPatient = (await t.ok(QUERY, { f: { subjectPatientId: patient.patientId, action: 'patient' }, first: 10 }, admin.token)).auditEvents;
    expect(aboutPatient.items[0]).toMatchObject({ action: 'patient.update', actorName: patient.fullName, actorRole: 'PATIENT', subjectName: patient.fullName });
    const byPerson = (await t.ok(QUERY, { f: { actorSearch: patient.fullName.toUpperCase() }, first: 100 }, admin.token)).auditEvents;
    expect(byPerson.items.length).toBeGreaterThan(0);
    expect(byPerson.items.every((e: { actorName: string }) => e.actorName === patient.fullName)).toBe(true);

    // Keyset paging still holds with the joins.
    const page1 = (await t.ok(QUERY, { f: { action: 'department' }, first: 1 }, admin.token)).auditEvents;
    const page2 = (await t.ok(QUERY, { f: { action: 'department' }, first: 1, after: page1.nextCursor }, admin.token)).auditEvents;
    expect(Number(page2.items[0].id)).toBeLessThan(Number(page1.items[0].id));
  });

  it('only admins read it', async () => {
    for (const who of [patient, doctor]) expect(codes(await t.gql(QUERY, { first: 5 }, who.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(QUERY, { first: 5 }))).toEqual(['UNAUTHENTICATED']);
  });
});
