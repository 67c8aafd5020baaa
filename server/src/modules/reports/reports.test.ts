import { clock } from '../../clock';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDepartment, createDoctor, type DoctorSession, insertAppointment, type PatientSession, registerPatient, type Session,
} from '../../../test/factories';

// A zone far from UTC, so a visit late in the evening falls on the next UTC day
// but must be counted on its hospital day.
const ZONE = 'America/New_York';

let t: TestApp;
let admin: Session;
let departmentId: string;
let otherDepartmentId: string;
let x: DoctorSession; // fee 100.00
let y: DoctorSession; // fee 33.33
let z: DoctorSession; // other department, fee 50.00
let patients: PatientSession[];

// On the server's clock (test/setup.ts pins it to midday UTC: 07:00 or 08:00 in New York, far from midnight).
const today = DateTime.fromJSDate(clock.now()).setZone(ZONE).startOf('day');
const day1 = today.minus({ days: 3 });
const day2 = today.minus({ days: 2 });
const from = day1.toISODate()!;
const to = today.toISODate()!;

interface Visit { doctor: DoctorSession; startsAt: DateTime; status: string; patient: number; appointmentId?: string }
interface Bill { doctor: DoctorSession; totalMinor: number; paidMinor: number; status: string; collectedMinor: number }

const visits: Visit[] = [];
const bills: Bill[] = [];

const DASHBOARD = `query($from: LocalDate!, $to: LocalDate!, $departmentId: ID, $doctorId: ID) {
  dashboard(from: $from, to: $to, departmentId: $departmentId, doctorId: $doctorId) {
    from to timezone currency
    totals { doctors newPatients appointments completed cancelled noShow patients invoiceCount
      invoiced { amount currency } collected { amount } outstanding { amount } appointmentsByStatus { status count } }
    daily { date appointments completed patients invoiceCount invoiced { amount } collected { amount } outstanding { amount } }
    byDoctor { doctorId doctorName departmentId departmentName appointments completed patients invoiceCount invoiced { amount } collected { amount } outstanding { amount } }
    byDepartment { departmentId departmentName appointments patients invoiceCount invoiced { amount } collected { amount } outstanding { amount } }
  } }`;

const minor = (amount: string) => Math.round(Number(amount) * 100);
const amount = (m: number) => (m / 100).toFixed(2);

async function bill(visit: Visit, lines: Array<{ quantity: number; unitPrice: string }>, payments: string[], refunds: string[], voidIt = false): Promise<void> {
  let invoice;
  if (lines.length) {
    const draft = (await t.ok('mutation($id: ID!) { createDraftInvoice(appointmentId: $id) { id } }', { id: visit.appointmentId }, admin.token)).createDraftInvoice;
    for (const line of lines) {
      await t.ok('mutation($id: ID!, $input: InvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $input) { id } }',
        { id: draft.id, input: { kind: 'LAB_TEST', description: 'Lab', ...line } }, admin.token);
    }
    invoice = (await t.ok('mutation($id: ID!) { finalizeInvoice(id: $id) { id total { amount } } }', { id: draft.id }, admin.token)).finalizeInvoice;
  } else {
    invoice = (await t.ok('mutation($id: ID!) { issueInvoice(appointmentId: $id) { id total { amount } } }', { id: visit.appointmentId }, admin.token)).issueInvoice;
  }
  for (const p of payments) {
    await t.ok('mutation($id: ID!, $a: String!) { recordPayment(invoiceId: $id, amount: $a, method: CASH) { id } }', { id: invoice.id, a: p }, admin.token);
  }
  for (const r of refunds) {
    await t.ok('mutation($id: ID!, $a: String!) { refundPayment(invoiceId: $id, amount: $a, reason: "test") { id } }', { id: invoice.id, a: r }, admin.token);
  }
  if (voidIt) await t.ok('mutation($id: ID!) { voidInvoice(id: $id, reason: "test") { id } }', { id: invoice.id }, admin.token);
  const final = (await t.ok('query($id: ID!) { invoice(id: $id) { status total { amount } paid { amount } } }', { id: invoice.id }, admin.token)).invoice;
  const collected = payments.reduce((s, p) => s + minor(p), 0) - refunds.reduce((s, r) => s + minor(r), 0);
  bills.push({ doctor: visit.doctor, totalMinor: minor(final.total.amount), paidMinor: minor(final.paid.amount), status: final.status, collectedMinor: collected });
}

beforeAll(async () => {
  t = await createTestApp({ HMS_TIMEZONE: ZONE });
  admin = await createAdmin(t);
  departmentId = await createDepartment(t, admin);
  otherDepartmentId = await createDepartment(t, admin);
  x = await createDoctor(t, admin, { departmentId, consultationFee: '100.00' });
  y = await createDoctor(t, admin, { departmentId, consultationFee: '33.33' });
  z = await createDoctor(t, admin, { departmentId: otherDepartmentId, consultationFee: '50.00' });
  patients = [await registerPatient(t), await registerPatient(t), await registerPatient(t)];

  const at = (day: DateTime, hour: number, minute = 0) => day.set({ hour, minute });
  visits.push(
    { doctor: x, startsAt: at(day1, 23, 30), status: 'COMPLETED', patient: 0 }, // 04:30 UTC the next day
    { doctor: x, startsAt: at(day2, 10), status: 'COMPLETED', patient: 1 },
    { doctor: x, startsAt: at(day2, 11), status: 'CANCELLED', patient: 0 },
    { doctor: x, startsAt: at(day2, 12), status: 'NO_SHOW', patient: 2 },
    { doctor: x, startsAt: at(day2, 13), status: 'CHECKED_IN', patient: 1 },
    { doctor: y, startsAt: at(day1, 9), status: 'COMPLETED', patient: 2 },
    { doctor: y, startsAt: at(day1, 10), status: 'SCHEDULED', patient: 0 },
    { doctor: z, startsAt: at(day1, 9), status: 'COMPLETED', patient: 0 },
    // Outside the range: must not count.
    { doctor: x, startsAt: at(day1.minus({ days: 1 }), 23, 0), status: 'COMPLETED', patient: 1 },
  );
  for (const v of visits) {
    v.appointmentId = await insertAppointment(t, {
      doctorId: v.doctor.doctorId, patientId: patients[v.patient].patientId, startsAt: v.startsAt.toJSDate(), status: v.status,
    });
  }
  await bill(visits[0], [{ quantity: 3, unitPrice: '33.33' }], ['199.99'], []); // 100.00 + 99.99, PAID
  await bill(visits[1], [], ['40.01'], []); // partly paid
  await bill(visits[4], [], [], [], true); // void: not revenue
  await bill(visits[5], [], ['33.33'], ['3.33']); // paid then partly refunded
  await bill(visits[7], [], [], []); // other department, unpaid
});
afterAll(async () => { await t.close(); });

/** Expected figures computed from the rows this test created, for the visits/bills that pass `keep`. */
function expected(keep: (doctor: DoctorSession) => boolean) {
  const inRange = visits.filter((v) => keep(v.doctor) && v.startsAt >= day1 && v.startsAt < today.plus({ days: 1 }));
  const revenue = bills.filter((b) => keep(b.doctor) && b.status !== 'VOID');
  return {
    appointments: inRange.length,
    completed: inRange.filter((v) => v.status === 'COMPLETED').length,
    cancelled: inRange.filter((v) => v.status === 'CANCELLED').length,
    noShow: inRange.filter((v) => v.status === 'NO_SHOW').length,
    // "Patients seen": only visits that happened (checked in or completed), not cancelled or missed ones.
    patients: new Set(inRange.filter((v) => v.status === 'CHECKED_IN' || v.status === 'COMPLETED').map((v) => v.patient)).size,
    invoiceCount: revenue.length,
    invoiced: amount(revenue.reduce((s, b) => s + b.totalMinor, 0)),
    collected: amount(bills.filter((b) => keep(b.doctor)).reduce((s, b) => s + b.collectedMinor, 0)),
    outstanding: amount(revenue.filter((b) => b.status === 'ISSUED').reduce((s, b) => s + b.totalMinor - b.paidMinor, 0)),
  };
}

describe('dashboard', () => {
  it('totals a department from the rows created, in SQL, with days in the hospital zone', async () => {
    const { dashboard } = await t.ok(DASHBOARD, { from, to, departmentId }, admin.token);
    const e = expected((d) => d.departmentId === departmentId);
    expect(e).toMatchObject({ appointments: 7, invoiced: '333.32', collected: '270.00', outstanding: '63.32' });
    expect(dashboard).toMatchObject({ from, to, timezone: ZONE, currency: 'USD' });
    expect(dashboard.totals).toMatchObject({
      doctors: 2,
      appointments: e.appointments,
      completed: e.completed,
      cancelled: e.cancelled,
      noShow: e.noShow,
      patients: e.patients,
      invoiceCount: e.invoiceCount,
      invoiced: { amount: e.invoiced, currency: 'USD' },
      collected: { amount: e.collected },
      outstanding: { amount: e.outstanding },
    });
    expect(dashboard.totals.appointmentsByStatus).toEqual([
      { status: 'SCHEDULED', count: 1 },
      { status: 'CHECKED_IN', count: 1 },
      { status: 'IN_CONSULTATION', count: 0 },
      { status: 'COMPLETED', count: 3 },
      { status: 'CANCELLED', count: 1 },
      { status: 'NO_SHOW', count: 1 },
    ]);

    // Daily: every day of the range in order; the 23:30 visit counts on day1.
    expect(dashboard.daily.map((d: { date: string }) => d.date)).toEqual([0, 1, 2, 3].map((n) => day1.plus({ days: n }).toISODate()));
    const byDate = new Map(dashboard.daily.map((d: { date: string }) => [d.date, d]));
    expect(byDate.get(day1.toISODate())).toMatchObject({ appointments: 3, completed: 2 });
    expect(byDate.get(day2.toISODate())).toMatchObject({ appointments: 4, completed: 1 });
    // Invoices and payments were made today.
    expect(byDate.get(to)).toMatchObject({ appointments: 0, invoiceCount: e.invoiceCount, invoiced: { amount: e.invoiced }, collected: { amount: e.collected } });
    const sum = (key: 'invoiced' | 'collected') => amount(dashboard.daily.reduce((s: number, d: Record<string, { amount: string }>) => s + minor(d[key].amount), 0));
    expect(sum('invoiced')).toBe(e.invoiced);
    expect(sum('collected')).toBe(e.collected);

    expect(dashboard.byDepartment).toHaveLength(1);
    expect(dashboard.byDepartment[0]).toMatchObject({
      departmentId, appointments: e.appointments, patients: e.patients, invoiced: { amount: e.invoiced }, collected: { amount: e.collected }, outstanding: { amount: e.outstanding },
    });
    const doctors = new Map(dashboard.byDoctor.map((d: { doctorId: string }) => [d.doctorId, d]));
    expect([...doctors.keys()].sort()).toEqual([x.doctorId, y.doctorId].sort());
    for (const doctor of [x, y]) {
      const ed = expected((d) => d === doctor);
      expect(doctors.get(doctor.doctorId)).toMatchObject({
        doctorName: doctor.fullName, departmentId, appointments: ed.appointments, completed: ed.completed, patients: ed.patients, invoiceCount: ed.invoiceCount,
        invoiced: { amount: ed.invoiced }, collected: { amount: ed.collected }, outstanding: { amount: ed.outstanding },
      });
    }
    // x saw patients 0 and 1; patient 2 only missed a visit.
    expect(doctors.get(x.doctorId)).toMatchObject({ patients: 2 });
    expect(doctors.get(x.doctorId)).toMatchObject({ invoiced: { amount: '299.99' }, collected: { amount: '240.00' }, outstanding: { amount: '59.99' } });
  });

  it('narrows to one doctor', async () => {
    const { dashboard } = await t.ok(DASHBOARD, { from, to, doctorId: y.doctorId }, admin.token);
    const e = expected((d) => d === y);
    expect(dashboard.totals).toMatchObject({
      doctors: 1, appointments: e.appointments, invoiced: { amount: e.invoiced }, collected: { amount: e.collected }, outstanding: { amount: e.outstanding },
    });
    expect(dashboard.byDoctor.map((d: { doctorId: string }) => d.doctorId)).toEqual([y.doctorId]);
  });

  it('puts visits on their hospital day across a DST change, on both sides of each change', async () => {
    // New York, 2026: clocks go forward on 8 March (02:00 -> 03:00), back on 1 November (02:00 -> 01:00).
    const doctor = await createDoctor(t, admin, { departmentId: otherDepartmentId });
    const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
    const instants = [
      local('2026-10-31T23:45'), // the evening before: 03:45 UTC on 1 November
      local('2026-11-01T00:15'), local('2026-11-01T01:30'), local('2026-11-01T23:30'), // fall-back day; 23:30 is 04:30 UTC on 2 November
      local('2026-11-02T00:15'),
      local('2026-03-07T23:30'), local('2026-03-08T03:30'), local('2026-03-08T23:59'), local('2026-03-09T00:00'),
    ];
    for (const startsAt of instants) {
      await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patients[0].patientId, startsAt, minutes: 15, status: 'COMPLETED' });
    }
    const daily = async (from: string, to: string) => Object.fromEntries((await t.ok(DASHBOARD, { from, to, doctorId: doctor.doctorId }, admin.token))
      .dashboard.daily.map((d: { date: string; appointments: number }) => [d.date, d.appointments]));
    expect(await daily('2026-10-30', '2026-11-03')).toEqual({ '2026-10-30': 0, '2026-10-31': 1, '2026-11-01': 3, '2026-11-02': 1, '2026-11-03': 0 });
    expect(await daily('2026-03-07', '2026-03-09')).toEqual({ '2026-03-07': 1, '2026-03-08': 2, '2026-03-09': 1 });
    // A range that starts on the change day itself.
    expect(await daily('2026-11-01', '2026-11-01')).toEqual({ '2026-11-01': 3 });
  });

  it('counts nothing outside the range', async () => {
    const before = day1.minus({ days: 10 });
    const { dashboard } = await t.ok(DASHBOARD, { from: before.toISODate(), to: before.plus({ days: 5 }).toISODate(), departmentId }, admin.token);
    expect(dashboard.totals).toMatchObject({ appointments: 0, invoiceCount: 0, invoiced: { amount: '0.00' }, collected: { amount: '0.00' } });
    expect(dashboard.daily).toHaveLength(6);
    expect(dashboard.byDoctor).toEqual([]);
  });

  it('is for admins only and checks its arguments', async () => {
    const vars = { from, to, departmentId };
    expect(codes(await t.gql(DASHBOARD, vars))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(DASHBOARD, vars, patients[0].token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(DASHBOARD, vars, x.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(DASHBOARD, { from: to, to: from }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(DASHBOARD, { from: '2020-01-01', to: '2021-06-01' }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(DASHBOARD, { from: '2026-13-01', to }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(DASHBOARD, { from, to, departmentId: '99999999' }, admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(DASHBOARD, { from, to, doctorId: 'x' }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('dashboard downloads', () => {
  const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const query = () => `from=${from}&to=${to}&departmentId=${departmentId}`;

  it('exports the same figures as CSV', async () => {
    const response = await get(`/exports/reports/dashboard.csv?${query()}`, admin.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(`hms-dashboard-${from}-to-${to}.csv`);
    const csv = await response.text();
    const e = expected((d) => d.departmentId === departmentId);
    const lines = csv.split('\n');
    for (const section of ['# Totals', '# Daily', '# Doctors', '# Departments']) expect(lines).toContain(section);
    expect(lines).toContain(`invoiced,${e.invoiced}`);
    expect(lines).toContain(`collected,${e.collected}`);
    expect(lines).toContain(`outstanding,${e.outstanding}`);
    expect(lines).toContain(`appointments,${e.appointments}`);
    expect(lines).toContain('date,appointments,completed,cancelled,no_show,patients,invoices,invoiced,collected,outstanding');
    expect(lines.some((l) => l.startsWith(`${x.doctorId},${x.fullName},${departmentId},`) && l.endsWith(',299.99,240.00,59.99'))).toBe(true);
  });

  it('exports the same figures as an Excel workbook', async () => {
    const response = await get(`/exports/reports/dashboard.xlsx?${query()}`, admin.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Totals', 'Daily', 'Doctors', 'Departments']);
    const totals = new Map<string, unknown>();
    workbook.getWorksheet('Totals')!.eachRow((row) => { totals.set(String(row.getCell(1).value), row.getCell(2).value); });
    const e = expected((d) => d.departmentId === departmentId);
    expect(totals.get('invoiced')).toBe(Number(e.invoiced));
    expect(totals.get('collected')).toBe(Number(e.collected));
    expect(totals.get('appointments')).toBe(e.appointments);
    expect(workbook.getWorksheet('Daily')!.rowCount).toBe(1 + 4);
    expect(workbook.getWorksheet('Doctors')!.rowCount).toBe(1 + 2);
  });

  it('refuses everyone but admins, and bad arguments', async () => {
    expect((await get(`/exports/reports/dashboard.csv?${query()}`)).status).toBe(401);
    expect((await get(`/exports/reports/dashboard.csv?${query()}`, patients[0].token)).status).toBe(403);
    expect((await get(`/exports/reports/dashboard.xlsx?${query()}`, x.token)).status).toBe(403);
    const missing = await get('/exports/reports/dashboard.csv', admin.token);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('BAD_USER_INPUT');
  });
});
