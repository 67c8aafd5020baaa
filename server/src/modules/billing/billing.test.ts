import { clock } from '../../clock';
import { DateTime } from 'luxon';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, type TestApp } from '../../../test/harness';
import { failurePoints } from '../../test-hooks';
import {
  createAdmin, createDoctor, type DoctorSession, insertAppointment, type PatientSession, registerPatient, type Session,
} from '../../../test/factories';

let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let patientA: PatientSession;
let patientB: PatientSession;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin, { consultationFee: '120.50' });
  patientA = await registerPatient(t);
  patientB = await registerPatient(t);
});
afterAll(async () => { await t.close(); });

const INVOICE_FIELDS = `id number status currency total { amount currency } paid { amount } balance { amount } issuedAt paidAt voidedAt voidReason
  appointment { id status doctor { id } } patient { id }
  lines { id kind description quantity unitPrice { amount } amount { amount } }
  payments { id amount { amount } method reference reason isRefund }`;
const ISSUE = `mutation($id: ID!) { issueInvoice(appointmentId: $id) { ${INVOICE_FIELDS} } }`;
const DRAFT = `mutation($id: ID!) { createDraftInvoice(appointmentId: $id) { ${INVOICE_FIELDS} } }`;
const GET = `query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`;
const PAY = `mutation($id: ID!, $amount: String!, $method: PaymentMethod!, $ref: String) {
  recordPayment(invoiceId: $id, amount: $amount, method: $method, reference: $ref) { ${INVOICE_FIELDS} } }`;
const REFUND = `mutation($id: ID!, $amount: String!, $reason: String!) { refundPayment(invoiceId: $id, amount: $amount, reason: $reason) { ${INVOICE_FIELDS} } }`;
const ADD_LINE = `mutation($id: ID!, $input: InvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $input) { ${INVOICE_FIELDS} } }`;
const REMOVE_LINE = `mutation($id: ID!) { removeInvoiceLine(lineId: $id) { ${INVOICE_FIELDS} } }`;
const FINALIZE = `mutation($id: ID!) { finalizeInvoice(id: $id) { ${INVOICE_FIELDS} } }`;
const VOID = `mutation($id: ID!, $reason: String!) { voidInvoice(id: $id, reason: $reason) { ${INVOICE_FIELDS} } }`;
const MY_INVOICES = 'query($first: Int, $after: String) { myInvoices(first: $first, after: $after) { items { id number status } nextCursor totalCount } }';
const SUMMARY = '{ myBillingSummary { outstanding { amount currency } invoiceCount unpaidCount } }';
const LIST = `query($filter: InvoiceFilter, $first: Int, $after: String) {
  invoices(filter: $filter, first: $first, after: $after) { items { id number status patient { id } } nextCursor totalCount } }`;

// Each visit gets its own start, so the active-slot unique indexes never collide.
let slot = 0;
async function visit(options: { doctorId?: string; patientId?: string; status?: string } = {}): Promise<string> {
  slot += 1;
  return insertAppointment(t, {
    doctorId: options.doctorId ?? doctor.doctorId,
    patientId: options.patientId ?? patientA.patientId,
    status: options.status ?? 'COMPLETED',
    startsAt: new Date(Date.UTC(2026, 0, 5, 8) + slot * 30 * 60_000),
  });
}

async function issued(options: Parameters<typeof visit>[0] = {}) {
  const data = await t.ok(ISSUE, { id: await visit(options) }, admin.token);
  return data.issueInvoice;
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const rows = await t.orm.em.getConnection().execute<Array<{ n: number }>>(sql, params);
  return Number(rows[0].n);
}

const paymentRows = (invoiceId: string) => count('select count(*) as n from payment where invoice_id = ?', [invoiceId]);
const auditRows = (invoiceId: string) => count("select count(*) as n from audit_event where entity_type = 'invoice' and entity_id = ?", [invoiceId]);

describe('issueInvoice', () => {
  it('bills a completed visit with the doctor\'s consultation fee as its one line, audited', async () => {
    const appointmentId = await visit();
    const invoice = (await t.ok(ISSUE, { id: appointmentId }, admin.token)).issueInvoice;
    expect(invoice).toMatchObject({
      status: 'ISSUED',
      currency: 'USD',
      total: { amount: '120.50', currency: 'USD' },
      paid: { amount: '0.00' },
      balance: { amount: '120.50' },
      appointment: { id: appointmentId, doctor: { id: doctor.doctorId } },
      patient: { id: patientA.patientId },
      payments: [],
      paidAt: null,
    });
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
    expect(invoice.issuedAt).toMatch(/Z$/);
    expect(invoice.lines).toEqual([
      expect.objectContaining({ kind: 'CONSULTATION', quantity: 1, unitPrice: { amount: '120.50' }, amount: { amount: '120.50' } }),
    ]);
    expect(invoice.lines[0].description).toContain(doctor.fullName);
    expect(await auditRows(invoice.id)).toBe(1);
  });

  it('bills a checked-in visit too', async () => {
    const invoice = await issued({ status: 'CHECKED_IN' });
    expect(invoice.status).toBe('ISSUED');
  });

  it('refuses a second invoice for the same visit with CONFLICT, even when attempted at once', async () => {
    const appointmentId = await visit();
    const results = await Promise.all(Array.from({ length: 5 }, () => t.gql(ISSUE, { id: appointmentId }, admin.token)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap(codes).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(codes(await t.gql(ISSUE, { id: appointmentId }, admin.token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(DRAFT, { id: appointmentId }, admin.token))).toEqual(['CONFLICT']);
  });

  it.each(['SCHEDULED', 'CANCELLED', 'NO_SHOW'])('refuses a %s visit with INVALID_TRANSITION', async (status) => {
    const result = await t.gql(ISSUE, { id: await visit({ status }) }, admin.token);
    expect(codes(result)).toEqual(['INVALID_TRANSITION']);
  });

  it('answers an unknown visit with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    expect(codes(await t.gql(ISSUE, { id: '99999999' }, admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(ISSUE, { id: 'abc' }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('is for admins only', async () => {
    const appointmentId = await visit();
    expect(codes(await t.gql(ISSUE, { id: appointmentId }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ISSUE, { id: appointmentId }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ISSUE, { id: appointmentId }, doctor.token))).toEqual(['FORBIDDEN']);
    expect(await count('select count(*) as n from invoice where appointment_id = ?', [appointmentId])).toBe(0);
  });

  it('gives 20 concurrent issues 20 distinct, consecutive numbers', async () => {
    const appointmentIds: string[] = [];
    for (let i = 0; i < 20; i += 1) appointmentIds.push(await visit());
    const results = await Promise.all(appointmentIds.map((id) => t.gql(ISSUE, { id }, admin.token)));
    expect(results.flatMap(codes)).toEqual([]);
    const numbers = results.map((r) => r.data.issueInvoice.number as string);
    expect(new Set(numbers).size).toBe(20);
    const years = new Set(numbers.map((n) => n.split('-')[1]));
    expect(years.size).toBe(1);
    const sequences = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    for (let i = 1; i < sequences.length; i += 1) expect(sequences[i]).toBe(sequences[i - 1] + 1);
    // Gapless over the whole year: 1..N with nothing missing, whatever other tests issued.
    const year = Number([...years][0]);
    const rows = await t.orm.em.getConnection().execute<Array<{ n: number; lo: number; hi: number }>>(
      'select count(*) as n, min(sequence) as lo, max(sequence) as hi from invoice where year = ?', [year]);
    expect(Number(rows[0].lo)).toBe(1);
    expect(Number(rows[0].hi)).toBe(Number(rows[0].n));
  });
});

describe('a rolled-back issue', () => {
  it('gives its number back: with one of 10 concurrent issues failing after its write, the year stays 1..N without a gap', async () => {
    const appointmentIds: string[] = [];
    for (let i = 0; i < 10; i += 1) appointmentIds.push(await visit());
    let calls = 0;
    let failedInvoice: { number: string } | null = null;
    // Inside the service's own transaction, after the invoice, its line and its audit row are written.
    failurePoints['invoice.create'] = async (em) => {
      calls += 1;
      if (calls !== 3) return;
      await em.flush();
      failedInvoice = (await em.getConnection().execute<Array<{ number: string }>>('select number from invoice order by id desc limit 1', [], 'all', em.getTransactionContext()))[0];
      throw new Error('injected failure after the write');
    };
    let results;
    try {
      results = await Promise.all(appointmentIds.map((id) => t.gql(ISSUE, { id }, admin.token)));
    } finally {
      delete failurePoints['invoice.create'];
    }
    expect(calls).toBeGreaterThanOrEqual(10);
    expect(results.flatMap(codes).sort()).toEqual(['INTERNAL_SERVER_ERROR']);
    // The failed one had taken a number inside its transaction; nothing of it is left.
    expect(failedInvoice).not.toBeNull();
    const failedVisit = appointmentIds[results.findIndex((r) => r.errors)];
    expect(await count('select count(*) as n from invoice where appointment_id = ?', [failedVisit])).toBe(0);
    // Its audit row went with it: every invoice audit row belongs to an invoice that exists.
    expect(await count("select count(*) as n from audit_event where entity_type = 'invoice' and entity_id not in (select id from invoice)", [])).toBe(0);
    const year = Number(results.find((r) => !r.errors)!.data.issueInvoice.number.split('-')[1]);
    const rows = await t.orm.em.getConnection().execute<Array<{ sequence: number }>>('select sequence from invoice where year = ? order by sequence', [year]);
    expect(rows.map((r: { sequence: number }) => Number(r.sequence))).toEqual(rows.map((_: unknown, i: number) => i + 1));
    // The visit that failed is billed afterwards with the next number, not one past a hole.
    const again = (await t.ok(ISSUE, { id: failedVisit }, admin.token)).issueInvoice;
    expect(Number(again.number.split('-')[2])).toBe(rows.length + 1);
  });
});

describe('billing a visit again after a void', () => {
  it('issues a new invoice with a new number once the only one is VOID, keeping the sequence gapless', async () => {
    const appointmentId = await visit();
    const first = (await t.ok(ISSUE, { id: appointmentId }, admin.token)).issueInvoice;
    await t.ok(VOID, { id: first.id, reason: 'Wrong fee' }, admin.token);
    const second = (await t.ok(ISSUE, { id: appointmentId }, admin.token)).issueInvoice;
    expect(second).toMatchObject({ status: 'ISSUED', appointment: { id: appointmentId }, total: { amount: '120.50' } });
    expect(second.id).not.toBe(first.id);
    expect(second.number).not.toBe(first.number);
    // The voided invoice keeps its number and status.
    expect((await t.ok(GET, { id: first.id }, admin.token)).invoice).toMatchObject({ number: first.number, status: 'VOID' });
    const [, year, seq] = (second.number as string).split('-');
    expect(Number(seq)).toBeGreaterThan(Number((first.number as string).split('-')[2]));
    const rows = await t.orm.em.getConnection().execute<Array<{ n: number; lo: number; hi: number }>>(
      'select count(*) as n, min(sequence) as lo, max(sequence) as hi from invoice where year = ?', [Number(year)]);
    expect(Number(rows[0].lo)).toBe(1);
    expect(Number(rows[0].hi)).toBe(Number(rows[0].n));
    // A draft is allowed too after a void, then voided again, then billed a third time.
    await t.ok(VOID, { id: second.id, reason: 'Still wrong' }, admin.token);
    const third = (await t.ok(DRAFT, { id: appointmentId }, admin.token)).createDraftInvoice;
    expect(third).toMatchObject({ status: 'DRAFT', appointment: { id: appointmentId } });
    expect(await count('select count(*) as n from invoice where appointment_id = ?', [appointmentId])).toBe(3);
  });

  it('still refuses a second non-void invoice with CONFLICT, whatever the status of the first', async () => {
    const appointmentId = await visit();
    const first = (await t.ok(ISSUE, { id: appointmentId }, admin.token)).issueInvoice;
    await t.ok(VOID, { id: first.id, reason: 'Wrong fee' }, admin.token);
    const draft = (await t.ok(DRAFT, { id: appointmentId }, admin.token)).createDraftInvoice;
    expect(codes(await t.gql(ISSUE, { id: appointmentId }, admin.token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(DRAFT, { id: appointmentId }, admin.token))).toEqual(['CONFLICT']);
    await t.ok(FINALIZE, { id: draft.id }, admin.token);
    await t.ok(PAY, { id: draft.id, amount: '120.50', method: 'CASH' }, admin.token);
    expect(codes(await t.gql(ISSUE, { id: appointmentId }, admin.token))).toEqual(['CONFLICT']);
    expect(await count('select count(*) as n from invoice where appointment_id = ?', [appointmentId])).toBe(2);
  });

  it('lets one of two simultaneous issues after a void through; the other gets CONFLICT', async () => {
    const appointmentId = await visit();
    const first = (await t.ok(ISSUE, { id: appointmentId }, admin.token)).issueInvoice;
    await t.ok(VOID, { id: first.id, reason: 'Wrong fee' }, admin.token);
    const results = await Promise.all([t.gql(ISSUE, { id: appointmentId }, admin.token), t.gql(DRAFT, { id: appointmentId }, admin.token)]);
    expect(results.flatMap(codes)).toEqual(['CONFLICT']);
    expect(results.filter((r) => r.data?.issueInvoice ?? r.data?.createDraftInvoice)).toHaveLength(1);
    expect(await count("select count(*) as n from invoice where appointment_id = ? and status <> 'VOID'", [appointmentId])).toBe(1);
  });

  it('enforces one non-void invoice per visit in the database itself (unique index on the generated column)', async () => {
    const appointmentId = await visit();
    const first = (await t.ok(ISSUE, { id: appointmentId }, admin.token)).issueInvoice;
    const connection = t.orm.em.getConnection();
    const copy = `insert into invoice (appointment_id, patient_id, number, year, sequence, status, currency, created_at)
      select appointment_id, patient_id, concat('TEST-', id), 1900, id, ?, currency, created_at from invoice where id = ?`;
    await expect(connection.execute(copy, ['ISSUED', first.id])).rejects.toThrow(/invoice_active_appointment_unique/);
    await connection.execute(copy, ['VOID', first.id]);
    expect(await count('select count(*) as n from invoice where appointment_id = ?', [appointmentId])).toBe(2);
    await expect(connection.execute("update invoice set status = 'ISSUED' where appointment_id = ? and year = 1900", [appointmentId]))
      .rejects.toThrow(/invoice_active_appointment_unique/);
    await connection.execute('delete from invoice where appointment_id = ? and year = 1900', [appointmentId]);
  });
});

describe('appointments(filter: { unbilled })', () => {
  it('offers "Bill a visit" only visits without a live invoice (a voided one counts as unbilled), and the billed ones with false', async () => {
    const own = await createDoctor(t, admin, { consultationFee: '10.00' });
    const billed = await visit({ doctorId: own.doctorId });
    const voided = await visit({ doctorId: own.doctorId, status: 'CHECKED_IN' });
    const open = await visit({ doctorId: own.doctorId });
    await t.ok(ISSUE, { id: billed }, admin.token);
    const v = (await t.ok(ISSUE, { id: voided }, admin.token)).issueInvoice;
    await t.ok(VOID, { id: v.id, reason: 'wrong visit' }, admin.token);
    const list = async (unbilled: boolean) => (await t.ok(
      'query($f: AppointmentFilter) { appointments(filter: $f, first: 50) { items { id invoice { id } } } }',
      { f: { doctorId: own.doctorId, unbilled } }, admin.token,
    )).appointments.items.map((a: { id: string }) => a.id).sort();
    expect(await list(true)).toEqual([voided, open].sort());
    expect(await list(false)).toEqual([billed]);
  });
});

describe('draft invoices and lines', () => {
  it('keeps a draft hidden from the patient, adds lines with exact arithmetic, and issues it', async () => {
    const draft = (await t.ok(DRAFT, { id: await visit() }, admin.token)).createDraftInvoice;
    expect(draft).toMatchObject({ status: 'DRAFT', issuedAt: null, total: { amount: '120.50' } });
    expect(codes(await t.gql(GET, { id: draft.id }, patientA.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(PAY, { id: draft.id, amount: '1.00', method: 'CASH' }, admin.token))).toEqual(['INVALID_TRANSITION']);

    const withLab = (await t.ok(ADD_LINE, { id: draft.id, input: { kind: 'LAB_TEST', description: 'Blood panel', quantity: 3, unitPrice: '33.33' } }, admin.token)).addInvoiceLine;
    expect(withLab.lines).toHaveLength(2);
    expect(withLab.lines[1]).toMatchObject({ kind: 'LAB_TEST', quantity: 3, unitPrice: { amount: '33.33' }, amount: { amount: '99.99' } });
    expect(withLab.total.amount).toBe('220.49');

    const withMedicine = (await t.ok(ADD_LINE, { id: draft.id, input: { kind: 'MEDICINE', description: 'Paracetamol', unitPrice: '0.10' } }, admin.token)).addInvoiceLine;
    expect(withMedicine.lines[2]).toMatchObject({ quantity: 1, amount: { amount: '0.10' } });
    expect(withMedicine.total.amount).toBe('220.59');

    const removed = (await t.ok(REMOVE_LINE, { id: withMedicine.lines[2].id }, admin.token)).removeInvoiceLine;
    expect(removed.lines.map((l: { kind: string }) => l.kind)).toEqual(['CONSULTATION', 'LAB_TEST']);
    expect(removed.total.amount).toBe('220.49');

    const final = (await t.ok(FINALIZE, { id: draft.id }, admin.token)).finalizeInvoice;
    expect(final).toMatchObject({ status: 'ISSUED', number: draft.number, balance: { amount: '220.49' } });
    expect(final.issuedAt).toMatch(/Z$/);
    expect(codes(await t.gql(FINALIZE, { id: draft.id }, admin.token))).toEqual(['INVALID_TRANSITION']);
    expect((await t.ok(GET, { id: draft.id }, patientA.token)).invoice.total.amount).toBe('220.49');
    // draft, 2 x line.add, line.remove, finalize
    expect(await auditRows(draft.id)).toBe(5);
  });

  it.each([
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: -1 }, 'quantity'],
    [{ description: '  ' }, 'description'],
    [{ unitPrice: '-1.00' }, 'unitPrice'],
    [{ unitPrice: '1.001' }, 'unitPrice'],
    [{ unitPrice: 'ten' }, 'unitPrice'],
  ])('refuses line %o with BAD_USER_INPUT on %s and writes nothing', async (bad, field) => {
    const invoice = await issued();
    const result = await t.gql(ADD_LINE, { id: invoice.id, input: { kind: 'PROCEDURE', description: 'Dressing', quantity: 1, unitPrice: '5.00', ...bad } }, admin.token);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(result.errors![0].extensions!.fields!)).toContain(field);
    expect((await t.ok(GET, { id: invoice.id }, admin.token)).invoice.lines).toHaveLength(1);
  });

  it('allows line changes on an ISSUED invoice only before any payment, and never removes the last line', async () => {
    const invoice = await issued();
    expect(codes(await t.gql(REMOVE_LINE, { id: invoice.lines[0].id }, admin.token))).toEqual(['INVALID_TRANSITION']);
    const added = (await t.ok(ADD_LINE, { id: invoice.id, input: { kind: 'OTHER', description: 'Certificate', unitPrice: '9.50' } }, admin.token)).addInvoiceLine;
    expect(added.total.amount).toBe('130.00');
    await t.ok(PAY, { id: invoice.id, amount: '10.00', method: 'CARD' }, admin.token);
    expect(codes(await t.gql(ADD_LINE, { id: invoice.id, input: { kind: 'OTHER', description: 'More', unitPrice: '1.00' } }, admin.token)))
      .toEqual(['INVALID_TRANSITION']);
    expect(codes(await t.gql(REMOVE_LINE, { id: added.lines[1].id }, admin.token))).toEqual(['INVALID_TRANSITION']);
  });

  it('answers line changes by non-admins with FORBIDDEN and unknown ids with NOT_FOUND', async () => {
    const invoice = await issued();
    const input = { kind: 'OTHER', description: 'X', unitPrice: '1.00' };
    expect(codes(await t.gql(ADD_LINE, { id: invoice.id, input }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ADD_LINE, { id: invoice.id, input }, doctor.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ADD_LINE, { id: '99999999', input }, admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(REMOVE_LINE, { id: '99999999' }, admin.token))).toEqual(['NOT_FOUND']);
  });
});

describe('recordPayment', () => {
  it('reduces the balance by exactly the amount, down to a last 0.01, then PAID', async () => {
    const draft = (await t.ok(DRAFT, { id: await visit() }, admin.token)).createDraftInvoice;
    // The last line cannot go; once another is added, the fee line can be waived.
    expect(codes(await t.gql(REMOVE_LINE, { id: draft.lines[0].id }, admin.token))).toEqual(['INVALID_TRANSITION']);
    await t.ok(ADD_LINE, { id: draft.id, input: { kind: 'LAB_TEST', description: 'Panel', quantity: 3, unitPrice: '33.33' } }, admin.token);
    await t.ok(REMOVE_LINE, { id: draft.lines[0].id }, admin.token);
    const invoice = (await t.ok(FINALIZE, { id: draft.id }, admin.token)).finalizeInvoice;
    expect(invoice.total.amount).toBe('99.99');

    const first = (await t.ok(PAY, { id: invoice.id, amount: '99.98', method: 'CARD', ref: 'slip-1' }, admin.token)).recordPayment;
    expect(first).toMatchObject({ status: 'ISSUED', paid: { amount: '99.98' }, balance: { amount: '0.01' }, paidAt: null });
    expect(first.payments).toEqual([expect.objectContaining({ amount: { amount: '99.98' }, method: 'CARD', reference: 'slip-1', isRefund: false })]);

    const last = (await t.ok(PAY, { id: invoice.id, amount: '0.01', method: 'CASH' }, admin.token)).recordPayment;
    expect(last).toMatchObject({ status: 'PAID', paid: { amount: '99.99' }, balance: { amount: '0.00' } });
    expect(last.paidAt).toMatch(/Z$/);
    expect(codes(await t.gql(PAY, { id: invoice.id, amount: '0.01', method: 'CASH' }, admin.token))).toEqual(['INVALID_TRANSITION']);

    // Each payment is audited with its actor, in the same transaction.
    const audits = await t.orm.em.getConnection().execute<Array<{ actor_id: number; changes: unknown }>>(
      "select actor_id, changes from audit_event where entity_type = 'invoice' and entity_id = ? and action = 'payment.record' order by id",
      [invoice.id]);
    expect(audits).toHaveLength(2);
    expect(audits.map((a: { actor_id: number }) => String(a.actor_id))).toEqual([admin.userId, admin.userId]);
    const last2 = (typeof audits[1].changes === 'string' ? JSON.parse(audits[1].changes) : audits[1].changes) as Record<string, { before: unknown; after: unknown }>;
    expect(last2.status).toEqual({ before: 'ISSUED', after: 'PAID' });
    expect(last2.paidMinor).toEqual({ before: 9998, after: 9999 });
    expect(last2.payment.after).toMatchObject({ amountMinor: 1, method: 'CASH' });
  });

  it.each([
    ['0', 'zero'],
    ['0.00', 'zero with decimals'],
    ['-5.00', 'negative'],
    ['abc', 'non-numeric'],
    ['1e2', 'exponent'],
    ['', 'empty'],
    ['12.345', 'too many decimals'],
    ['120.51', 'more than the balance'],
    ['99999999999', 'far more than the balance'],
  ])('refuses %s (%s) with BAD_USER_INPUT and writes nothing', async (amount) => {
    const invoice = await issued();
    const audits = await auditRows(invoice.id);
    const result = await t.gql(PAY, { id: invoice.id, amount, method: 'CASH' }, admin.token);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions!.fields).toHaveProperty('amount');
    expect(await paymentRows(invoice.id)).toBe(0);
    expect(await auditRows(invoice.id)).toBe(audits);
    expect((await t.ok(GET, { id: invoice.id }, admin.token)).invoice.balance.amount).toBe('120.50');
  });

  it('lets only one of two simultaneous full payments through', async () => {
    const invoice = await issued();
    const results = await Promise.all([1, 2, 3].map(() => t.gql(PAY, { id: invoice.id, amount: '120.50', method: 'CASH' }, admin.token)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    for (const code of results.flatMap(codes)) expect(['BAD_USER_INPUT', 'INVALID_TRANSITION']).toContain(code);
    const after = (await t.ok(GET, { id: invoice.id }, admin.token)).invoice;
    expect(after).toMatchObject({ status: 'PAID', paid: { amount: '120.50' }, balance: { amount: '0.00' } });
    expect(await paymentRows(invoice.id)).toBe(1);
  });

  it('refuses unknown invoices (NOT_FOUND) and everyone but admins', async () => {
    const invoice = await issued();
    expect(codes(await t.gql(PAY, { id: '99999999', amount: '1.00', method: 'CASH' }, admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(PAY, { id: invoice.id, amount: '1.00', method: 'CASH' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(PAY, { id: invoice.id, amount: '1.00', method: 'CASH' }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(PAY, { id: invoice.id, amount: '1.00', method: 'CASH' }, doctor.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(PAY, { id: invoice.id, amount: '1.00', method: 'BITCOIN' }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(await paymentRows(invoice.id)).toBe(0);
  });
});

describe('refunds and void', () => {
  it('refunds as a negative entry with a reason; a PAID invoice goes back to ISSUED', async () => {
    const invoice = await issued();
    await t.ok(PAY, { id: invoice.id, amount: '120.50', method: 'CARD' }, admin.token);
    const refunded = (await t.ok(REFUND, { id: invoice.id, amount: '20.50', reason: 'Overcharged lab' }, admin.token)).refundPayment;
    expect(refunded).toMatchObject({ status: 'ISSUED', paid: { amount: '100.00' }, balance: { amount: '20.50' }, paidAt: null });
    expect(refunded.payments[1]).toMatchObject({ amount: { amount: '-20.50' }, method: 'CARD', reason: 'Overcharged lab', isRefund: true });

    expect(codes(await t.gql(REFUND, { id: invoice.id, amount: '100.01', reason: 'Too much' }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(REFUND, { id: invoice.id, amount: '-1.00', reason: 'Negative' }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(REFUND, { id: invoice.id, amount: '1.00', reason: ' ' }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(REFUND, { id: invoice.id, amount: '1.00', reason: 'Mine' }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(await paymentRows(invoice.id)).toBe(2);
  });

  it('voids only without payments; a voided invoice owes nothing and takes no payment', async () => {
    const invoice = await issued();
    expect(codes(await t.gql(VOID, { id: invoice.id, reason: '' }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(VOID, { id: invoice.id, reason: 'Mine' }, patientA.token))).toEqual(['FORBIDDEN']);
    const voided = (await t.ok(VOID, { id: invoice.id, reason: 'Billed the wrong visit' }, admin.token)).voidInvoice;
    expect(voided).toMatchObject({ status: 'VOID', voidReason: 'Billed the wrong visit', balance: { amount: '0.00' }, number: invoice.number });
    expect(voided.voidedAt).toMatch(/Z$/);
    expect(codes(await t.gql(VOID, { id: invoice.id, reason: 'Again' }, admin.token))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await t.gql(PAY, { id: invoice.id, amount: '1.00', method: 'CASH' }, admin.token))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await t.gql(REFUND, { id: invoice.id, amount: '1.00', reason: 'x' }, admin.token))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await t.gql(ADD_LINE, { id: invoice.id, input: { kind: 'OTHER', description: 'X', unitPrice: '1.00' } }, admin.token)))
      .toEqual(['INVALID_TRANSITION']);

    const partlyPaid = await issued();
    await t.ok(PAY, { id: partlyPaid.id, amount: '0.50', method: 'CASH' }, admin.token);
    expect(codes(await t.gql(VOID, { id: partlyPaid.id, reason: 'Mistake' }, admin.token))).toEqual(['INVALID_TRANSITION']);
    await t.ok(REFUND, { id: partlyPaid.id, amount: '0.50', reason: 'Mistake' }, admin.token);
    expect((await t.ok(VOID, { id: partlyPaid.id, reason: 'Mistake' }, admin.token)).voidInvoice.status).toBe('VOID');

    const paid = await issued();
    await t.ok(PAY, { id: paid.id, amount: '120.50', method: 'CASH' }, admin.token);
    expect(codes(await t.gql(VOID, { id: paid.id, reason: 'Mistake' }, admin.token))).toEqual(['INVALID_TRANSITION']);
  });
});

describe('who sees which invoice', () => {
  it('shows a patient their own invoices only; doctors none; anonymous nobody', async () => {
    const mine = await issued({ patientId: patientA.patientId });
    expect((await t.ok(GET, { id: mine.id }, patientA.token)).invoice.number).toBe(mine.number);
    expect((await t.ok(GET, { id: mine.id }, admin.token)).invoice.number).toBe(mine.number);
    expect(codes(await t.gql(GET, { id: mine.id }, patientB.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(GET, { id: '99999999' }, patientB.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(GET, { id: mine.id }, doctor.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(GET, { id: mine.id }))).toEqual(['UNAUTHENTICATED']);

    const listB = (await t.ok(MY_INVOICES, { first: 100 }, patientB.token)).myInvoices;
    expect(listB.items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    expect(codes(await t.gql(MY_INVOICES, {}, doctor.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(MY_INVOICES, {}, admin.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(LIST, {}, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(LIST, {}, doctor.token))).toEqual(['FORBIDDEN']);
  });

  it('pages a patient\'s invoices and sums what they owe', async () => {
    const patient = await registerPatient(t);
    const a = await issued({ patientId: patient.patientId });
    const b = await issued({ patientId: patient.patientId });
    const c = await issued({ patientId: patient.patientId });
    await t.ok(DRAFT, { id: await visit({ patientId: patient.patientId }) }, admin.token);
    await t.ok(PAY, { id: a.id, amount: '20.50', method: 'CASH' }, admin.token);
    await t.ok(PAY, { id: b.id, amount: '120.50', method: 'CASH' }, admin.token);
    await t.ok(VOID, { id: c.id, reason: 'Duplicate' }, admin.token);

    const page1 = (await t.ok(MY_INVOICES, { first: 2 }, patient.token)).myInvoices;
    expect(page1.totalCount).toBe(3);
    expect(page1.items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
    const page2 = (await t.ok(MY_INVOICES, { first: 2, after: page1.nextCursor }, patient.token)).myInvoices;
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(page2.nextCursor).toBeNull();

    expect((await t.ok(SUMMARY, {}, patient.token)).myBillingSummary).toEqual({
      outstanding: { amount: '100.00', currency: 'USD' }, invoiceCount: 3, unpaidCount: 1,
    });
    expect(codes(await t.gql(SUMMARY, {}, admin.token))).toEqual(['FORBIDDEN']);
  });

  it('lets admins filter and page every invoice', async () => {
    const other = await createDoctor(t, admin, { consultationFee: '10.00' });
    const first = await issued({ doctorId: other.doctorId, patientId: patientB.patientId });
    const second = await issued({ doctorId: other.doctorId, patientId: patientB.patientId });
    await t.ok(PAY, { id: second.id, amount: '10.00', method: 'CASH' }, admin.token);

    const byDoctor = (await t.ok(LIST, { filter: { doctorId: other.doctorId }, first: 1 }, admin.token)).invoices;
    expect(byDoctor.totalCount).toBe(2);
    expect(byDoctor.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
    const next = (await t.ok(LIST, { filter: { doctorId: other.doctorId }, first: 1, after: byDoctor.nextCursor }, admin.token)).invoices;
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    expect(next.nextCursor).toBeNull();

    const paid = (await t.ok(LIST, { filter: { departmentId: other.departmentId, status: 'PAID' } }, admin.token)).invoices;
    expect(paid.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
    const byPatient = (await t.ok(LIST, { filter: { patientId: patientB.patientId, doctorId: other.doctorId } }, admin.token)).invoices;
    expect(byPatient.totalCount).toBe(2);
    const today = DateTime.fromJSDate(clock.now()).setZone(t.config.timezone).toISODate()!;
    const dated = (await t.ok(LIST, { filter: { doctorId: other.doctorId, from: today, to: today } }, admin.token)).invoices;
    expect(dated.totalCount).toBe(2);
    const past = (await t.ok(LIST, { filter: { doctorId: other.doctorId, from: '2020-01-01', to: '2020-12-31' } }, admin.token)).invoices;
    expect(past.totalCount).toBe(0);
    expect(codes(await t.gql(LIST, { filter: { from: '2026-02-01', to: '2026-01-01' } }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(LIST, { first: 0 }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(LIST, { after: '!!' }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('invoice PDF download', () => {
  async function download(id: string, token?: string) {
    return fetch(`${t.url}/exports/invoices/${id}.pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  }

  it('prints the invoice with its lines, payments and balance for the patient and admins', async () => {
    const invoice = await issued({ patientId: patientA.patientId });
    await t.ok(PAY, { id: invoice.id, amount: '20.50', method: 'CARD', ref: 'slip-77' }, admin.token);
    for (const token of [admin.token, patientA.token]) {
      const response = await download(invoice.id, token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(`${invoice.number}.pdf`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const parser = new PDFParse({ data: bytes });
      const { text } = await parser.getText();
      await parser.destroy();
      expect(text).toContain(invoice.number);
      expect(text).toContain(patientA.fullName);
      expect(text).toContain(doctor.fullName);
      expect(text).toContain('120.50 USD');
      expect(text).toContain('100.00 USD');
      expect(text).toContain('slip-77');
    }
  });

  it('answers others as the invoice query does: 401, 403 for doctors, 404 for another patient', async () => {
    const invoice = await issued({ patientId: patientA.patientId });
    expect((await download(invoice.id)).status).toBe(401);
    expect((await download(invoice.id, 'not-a-token')).status).toBe(401);
    const other = await download(invoice.id, patientB.token);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Invoice not found' } });
    expect((await download(invoice.id, doctor.token)).status).toBe(403);
    expect((await download('99999999', admin.token)).status).toBe(404);
    expect((await download('abc', admin.token)).status).toBe(400);
  });
});

describe('batched loading', () => {
  it('lists invoices with lines, payments, visit, doctor and patient in a constant number of SQL statements', async () => {
    const queries: string[] = [];
    const logger = t.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (context) => { queries.push(context.query ?? ''); };
    const LIST_DEEP = `query($filter: InvoiceFilter) { invoices(filter: $filter, first: 50) { totalCount items {
      number total { amount } lines { kind amount { amount } } payments { amount { amount } }
      patient { fullName } appointment { startsAt doctor { fullName department { name } } patient { fullName } } } } }`;
    const statements = async (doctorId: string) => {
      queries.length = 0;
      const data = await t.ok(LIST_DEEP, { filter: { doctorId } }, admin.token);
      return { n: queries.length, items: data.invoices.items.length };
    };
    try {
      const few = await createDoctor(t, admin, { consultationFee: '5.00' });
      const many = await createDoctor(t, admin, { consultationFee: '5.00' });
      for (const [d, count] of [[few, 2], [many, 8]] as const) {
        for (let i = 0; i < count; i += 1) {
          const patient = i % 2 ? patientA : patientB;
          const invoice = await issued({ doctorId: d.doctorId, patientId: patient.patientId });
          await t.ok(PAY, { id: invoice.id, amount: '1.00', method: 'CASH' }, admin.token);
        }
      }
      const small = await statements(few.doctorId);
      const large = await statements(many.doctorId);
      expect(small.items).toBe(2);
      expect(large.items).toBe(8);
      expect(small.n).toBeGreaterThan(0);
      expect(large.n).toBe(small.n);
    } finally {
      logger.logQuery = original;
    }
  });
});

describe('Appointment.invoice', () => {
  const APPOINTMENT = 'query($id: ID!) { appointment(id: $id) { id invoice { id number status } } }';

  it('shows the visit\'s invoice to admins and its patient (not drafts), never to doctors', async () => {
    const billedVisit = await visit();
    const invoice = (await t.ok(DRAFT, { id: billedVisit }, admin.token)).createDraftInvoice;
    expect((await t.ok(APPOINTMENT, { id: billedVisit }, admin.token)).appointment.invoice).toMatchObject({ id: invoice.id, status: 'DRAFT' });
    expect((await t.ok(APPOINTMENT, { id: billedVisit }, patientA.token)).appointment.invoice).toBeNull();
    await t.ok(FINALIZE, { id: invoice.id }, admin.token);
    expect((await t.ok(APPOINTMENT, { id: billedVisit }, patientA.token)).appointment.invoice).toMatchObject({ number: invoice.number });
    expect((await t.ok(APPOINTMENT, { id: billedVisit }, doctor.token)).appointment.invoice).toBeNull();
    expect((await t.ok(APPOINTMENT, { id: await visit() }, admin.token)).appointment.invoice).toBeNull();
  });

  it('shows the current invoice of a visit billed again after a void, else its latest void one (batched over a list)', async () => {
    const patient = await registerPatient(t);
    const [rebilled, voidedOnly, twiceVoided] = [
      await visit({ patientId: patient.patientId }), await visit({ patientId: patient.patientId }), await visit({ patientId: patient.patientId }),
    ];
    const old = (await t.ok(ISSUE, { id: rebilled }, admin.token)).issueInvoice;
    await t.ok(VOID, { id: old.id, reason: 'Wrong fee' }, admin.token);
    const current = (await t.ok(ISSUE, { id: rebilled }, admin.token)).issueInvoice;
    const onlyVoid = (await t.ok(ISSUE, { id: voidedOnly }, admin.token)).issueInvoice;
    await t.ok(VOID, { id: onlyVoid.id, reason: 'Not billable' }, admin.token);
    const v1 = (await t.ok(ISSUE, { id: twiceVoided }, admin.token)).issueInvoice;
    await t.ok(VOID, { id: v1.id, reason: 'Wrong' }, admin.token);
    const v2 = (await t.ok(ISSUE, { id: twiceVoided }, admin.token)).issueInvoice;
    await t.ok(VOID, { id: v2.id, reason: 'Wrong again' }, admin.token);

    expect((await t.ok(APPOINTMENT, { id: rebilled }, admin.token)).appointment.invoice).toMatchObject({ id: current.id, status: 'ISSUED' });
    expect((await t.ok(APPOINTMENT, { id: voidedOnly }, admin.token)).appointment.invoice).toMatchObject({ id: onlyVoid.id, status: 'VOID' });
    expect((await t.ok(APPOINTMENT, { id: twiceVoided }, admin.token)).appointment.invoice).toMatchObject({ id: v2.id, status: 'VOID' });

    const list = await t.ok(
      'query($filter: AppointmentFilter) { appointments(filter: $filter, first: 10) { items { id invoice { id status } } } }',
      { filter: { patientId: patient.patientId } }, admin.token);
    const byVisit = new Map(list.appointments.items.map((a: { id: string; invoice: { id: string } | null }) => [a.id, a.invoice?.id]));
    expect(byVisit.get(rebilled)).toBe(current.id);
    expect(byVisit.get(voidedOnly)).toBe(onlyVoid.id);
    expect(byVisit.get(twiceVoided)).toBe(v2.id);
    expect((await t.ok(APPOINTMENT, { id: rebilled }, patient.token)).appointment.invoice).toMatchObject({ id: current.id });
  });
});

describe('a currency without minor units (HMS_CURRENCY=JPY)', () => {
  it('bills and takes payments in whole yen, refusing decimals', async () => {
    const yen = await createTestApp({ HMS_CURRENCY: 'JPY' });
    try {
      const yenAdmin = await createAdmin(yen);
      const yenDoctor = await createDoctor(yen, yenAdmin, { consultationFee: '3000' });
      const patient = await registerPatient(yen);
      slot += 1;
      const appointmentId = await insertAppointment(yen, {
        doctorId: yenDoctor.doctorId, patientId: patient.patientId, status: 'CHECKED_IN', startsAt: new Date(Date.UTC(2026, 0, 5, 8) + slot * 30 * 60_000),
      });
      const invoice = (await yen.ok(ISSUE, { id: appointmentId }, yenAdmin.token)).issueInvoice;
      expect(invoice).toMatchObject({ currency: 'JPY', total: { amount: '3000', currency: 'JPY' }, balance: { amount: '3000' } });
      const decimals = await yen.gql(PAY, { id: invoice.id, amount: '0.5', method: 'CASH' }, yenAdmin.token);
      expect(codes(decimals)).toEqual(['BAD_USER_INPUT']);
      const paid = (await yen.ok(PAY, { id: invoice.id, amount: '3000', method: 'CASH' }, yenAdmin.token)).recordPayment;
      expect(paid).toMatchObject({ status: 'PAID', balance: { amount: '0' } });
    } finally {
      await yen.close();
    }
  });
});
