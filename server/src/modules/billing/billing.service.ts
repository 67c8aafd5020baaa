import { failurePoint } from '../../test-hooks';
import { clock } from '../../clock';
import {
  DeadlockException, type EntityManager, LockMode, LockWaitTimeoutException, UniqueConstraintViolationException,
} from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { z } from 'zod';
import { requireViewer } from '../../auth';
import type { Context } from '../../context';
import { BadInputError, ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../../errors';
import { formatMinor, MAX_MINOR, type Money, money, parseMinor } from '../../shared/money';
import { decodeCursor, encodeCursor, pageSize, type TotalCount, withTotalCount } from '../../shared/pagination';
import { optionalText, parseId, requiredText, validate } from '../../shared/validation';
import { type AuditChanges, diff, recordAudit } from '../audit/audit.service';
import { Doctor } from '../directory/doctor.entity';
import { recordDomainEvent } from '../live/domain-events';
import { Role } from '../identity/user.entity';
import { dayRange, hospitalYear } from '../reports/hospital-days';
import { Appointment, AppointmentStatus } from '../scheduling/appointment.entity';
import type { BillingSummary, InvoiceFilter, InvoiceLineInput } from './billing.types';
import { Invoice, InvoiceStatus } from './invoice.entity';
import { InvoiceLine, InvoiceLineKind } from './invoice-line.entity';
import { Payment, PaymentMethod } from './payment.entity';

/** The invoice columns are signed 32-bit integers of minor units. */
const MAX_QUANTITY = 10_000;

/** Visits that can be billed: the patient came. */
const BILLABLE = [AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_CONSULTATION, AppointmentStatus.COMPLETED];

const lineSchema = z.object({
  kind: z.enum(InvoiceLineKind),
  description: requiredText(200, 'Description'),
  quantity: z.number().int('A whole number').min(1, 'At least 1').max(MAX_QUANTITY, `At most ${MAX_QUANTITY}`),
});

export interface InvoicePageResult {
  items: Invoice[];
  nextCursor: string | null;
  totalCount: TotalCount;
}

/** Minor digits of an ISO currency (2 for USD, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function invoiceMoney(invoice: Pick<Invoice, 'currency'>, minor: number): Money {
  return money(minor, invoice.currency, currencyDigits(invoice.currency));
}

export function formatInvoiceNumber(year: number, sequence: number): string {
  return `INV-${year}-${String(sequence).padStart(6, '0')}`;
}

/** What an audit row keeps of an invoice. */
function snapshot(invoice: Invoice): Record<string, unknown> {
  return {
    status: invoice.status,
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    issuedAt: invoice.issuedAt ?? null,
    paidAt: invoice.paidAt ?? null,
    voidedAt: invoice.voidedAt ?? null,
    voidReason: invoice.voidReason ?? null,
  };
}

/** Lock waits and deadlocks between concurrent writers are retried, not reported. */
async function retryOnLockConflict<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const retriable = error instanceof DeadlockException || error instanceof LockWaitTimeoutException;
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

/** One loader per operation: the invoices of many appointments in one query. */
const invoiceByAppointment = new WeakMap<Context, DataLoader<number, Invoice | null>>();

/** Invoices and payments: the front desk bills each visit and takes payment. */
export class BillingService {
  constructor(private readonly ctx: Context) {}

  private get config() { return this.ctx.deps.config; }

  private parseAmount(value: string, field = 'amount'): number {
    const minor = parseMinor(value, this.config.currencyDigits, field);
    if (minor <= 0) throw new BadInputError(`${field} must be more than zero`, { [field]: 'Must be more than zero' });
    if (minor > MAX_MINOR) throw new BadInputError(`${field} is too large`, { [field]: 'Too large' });
    return minor;
  }

  // ---------------------------------------------------------------- reading

  /** Admins see every invoice; a patient their own (never drafts); doctors none (billing is the front desk's). */
  async get(id: string): Promise<Invoice> {
    const viewer = requireViewer(this.ctx);
    if (viewer.role === Role.DOCTOR) throw new ForbiddenError('Doctors do not see invoices');
    const invoice = await this.ctx.em.findOne(Invoice, parseId(id));
    if (!invoice) throw new NotFoundError('Invoice');
    if (viewer.role === Role.ADMIN) return invoice;
    if (viewer.patientId !== null && invoice.patient.id === viewer.patientId && invoice.status !== InvoiceStatus.DRAFT) return invoice;
    throw new NotFoundError('Invoice');
  }

  /**
   * The invoice of a visit as the viewer may see it: admins any, the patient
   * their own unless DRAFT, doctors none (null). Batched over a list of visits.
   * A visit billed again after a void has several invoices: this is the one
   * that is not VOID (at most one, by the database), else the latest VOID one.
   */
  async forAppointment(appointment: Appointment): Promise<Invoice | null> {
    const viewer = this.ctx.viewer;
    if (!viewer || viewer.role === Role.DOCTOR) return null;
    let loader = invoiceByAppointment.get(this.ctx);
    if (!loader) {
      const em = this.ctx.em;
      loader = new DataLoader(async (ids: readonly number[]) => {
        // Oldest first, so the last one kept per visit is its current (non-void)
        // invoice if it has one, else its latest voided one.
        const invoices = await em.find(Invoice, { appointment: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
        const byAppointment = new Map<number, Invoice>();
        for (const invoice of invoices) {
          const kept = byAppointment.get(invoice.appointment.id);
          if (!kept || kept.status === InvoiceStatus.VOID || invoice.status !== InvoiceStatus.VOID) {
            byAppointment.set(invoice.appointment.id, invoice);
          }
        }
        return ids.map((id) => byAppointment.get(id) ?? null);
      });
      invoiceByAppointment.set(this.ctx, loader);
    }
    const invoice = await loader.load(appointment.id);
    if (!invoice || viewer.role === Role.ADMIN) return invoice;
    return invoice.patient.id === viewer.patientId && invoice.status !== InvoiceStatus.DRAFT ? invoice : null;
  }

  /** One invoice (same visibility as `get`) with everything its printout shows. */
  async getForPrint(id: string): Promise<Invoice> {
    const invoice = await this.get(id);
    await this.ctx.em.populate(invoice, ['lines', 'payments', 'patient', 'appointment.doctor.department']);
    return invoice;
  }

  /** The signed-in patient's invoices, newest first, drafts excluded. */
  async listMine(first: number | null | undefined, after: string | null | undefined): Promise<InvoicePageResult> {
    const viewer = requireViewer(this.ctx);
    if (!viewer.patientId) throw new ForbiddenError('Only patients have invoices of their own');
    return this.page(['i.patient_id = ?', "i.status <> 'DRAFT'"], [viewer.patientId], first, after);
  }

  async summaryMine(): Promise<BillingSummary> {
    const viewer = requireViewer(this.ctx);
    if (!viewer.patientId) throw new ForbiddenError('Only patients have invoices of their own');
    const rows = await this.ctx.em.getConnection().execute<Array<{ outstanding: string | null; invoices: number; unpaid: string | null }>>(
      "select sum(case when status = 'ISSUED' then total_minor - paid_minor else 0 end) as outstanding, count(*) as invoices, " +
        "sum(case when status = 'ISSUED' and total_minor > paid_minor then 1 else 0 end) as unpaid " +
        "from invoice where patient_id = ? and status <> 'DRAFT'",
      [viewer.patientId],
    );
    const row = rows[0];
    return {
      outstanding: money(Number(row?.outstanding ?? 0), this.config.currency, this.config.currencyDigits),
      invoiceCount: Number(row?.invoices ?? 0),
      unpaidCount: Number(row?.unpaid ?? 0),
    };
  }

  /** ADMIN: every invoice matching the filter, newest first. */
  async list(filter: InvoiceFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<InvoicePageResult> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter?.status) {
      where.push('i.status = ?');
      params.push(filter.status);
    }
    const { start, end } = dayRange(filter?.from, filter?.to, this.config.timezone);
    if (start) {
      where.push('i.created_at >= ?');
      params.push(start);
    }
    if (end) {
      where.push('i.created_at < ?');
      params.push(end);
    }
    if (filter?.patientId) {
      where.push('i.patient_id = ?');
      params.push(parseId(filter.patientId, 'patientId'));
    }
    if (filter?.doctorId) {
      where.push('a.doctor_id = ?');
      params.push(parseId(filter.doctorId, 'doctorId'));
    }
    if (filter?.departmentId) {
      where.push('d.department_id = ?');
      params.push(parseId(filter.departmentId, 'departmentId'));
    }
    return this.page(where, params, first, after);
  }

  /** Keyset paging on the id (newest first); filters may reach the visit and its doctor. */
  private async page(where: string[], params: unknown[], first: number | null | undefined, after: string | null | undefined): Promise<InvoicePageResult> {
    const limit = pageSize(first);
    const cursor = decodeCursor<{ id: number }>(after);
    if (cursor && !Number.isSafeInteger(cursor.id)) throw new BadInputError('after is not a cursor from this list', { after: 'Invalid cursor' });
    const from = 'from invoice i join appointment a on a.id = i.appointment_id join doctor d on d.id = a.doctor_id';
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const connection = this.ctx.em.getConnection();
    const pageWhere = cursor ? [...where, 'i.id < ?'] : where;
    const rows = await connection.execute<Array<{ id: number }>>(
      `select i.id ${from} ${pageWhere.length ? `where ${pageWhere.join(' and ')}` : ''} order by i.id desc limit ?`,
      [...params, ...(cursor ? [cursor.id] : []), limit + 1],
    );
    const ids: number[] = rows.slice(0, limit).map((r: { id: number }) => Number(r.id));
    const invoices = ids.length ? await this.ctx.em.find(Invoice, { id: { $in: ids } }) : [];
    const byId = new Map(invoices.map((i) => [i.id, i]));
    const items = ids.map((id) => byId.get(id)!).filter(Boolean);
    const page = { items, nextCursor: rows.length > limit ? encodeCursor({ id: ids[ids.length - 1] }) : null };
    return withTotalCount(page, !cursor, items.length, rows.length > limit, async () =>
      Number((await connection.execute<Array<{ total: number }>>(`select count(*) as total ${from} ${filter}`, params))[0].total));
  }

  // ---------------------------------------------------------------- invoices

  /**
   * The visit's invoice (one that is not VOID: a voided one does not block
   * billing the visit again), with the doctor's consultation fee as its first
   * line; ISSUED, or DRAFT for the front desk to add lines before issuing.
   * Its number is taken from the year's counter row in the same transaction,
   * so numbers stay gapless: a rolled-back invoice gives its number back.
   */
  async create(appointmentId: string, status: InvoiceStatus.ISSUED | InvoiceStatus.DRAFT): Promise<Invoice> {
    const id = parseId(appointmentId, 'appointmentId');
    const year = hospitalYear(clock.now(), this.config.timezone);
    // The year's counter row exists before any issuing transaction locks it
    // (inserting it inside concurrent transactions would deadlock them).
    await this.ctx.em.getConnection().execute('insert ignore into invoice_counter (year, last_sequence) values (?, 0)', [year]);
    try {
      return await retryOnLockConflict(() => this.ctx.em.transactional(async (em) => {
        // Locking the visit serialises two attempts to bill it.
        const appointment = await em.findOne(Appointment, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!appointment) throw new NotFoundError('Appointment');
        if (!BILLABLE.includes(appointment.status)) {
          throw new InvalidTransitionError(`A ${appointment.status} visit cannot be billed; check the patient in first`);
        }
        // Voided invoices keep their numbers but no longer count: the visit may be billed again.
        if (await em.count(Invoice, { appointment: id, status: { $ne: InvoiceStatus.VOID } })) {
          throw new ConflictError('This visit already has an invoice');
        }
        const doctor = await em.findOneOrFail(Doctor, appointment.doctor.id);
        const sequence = await this.nextSequence(em, year);
        const now = clock.now();
        const invoice = em.create(Invoice, {
          appointment,
          patient: appointment.patient,
          number: formatInvoiceNumber(year, sequence),
          year,
          sequence,
          status,
          currency: this.config.currency,
          totalMinor: doctor.consultationFeeMinor,
          paidMinor: 0,
          issuedAt: status === InvoiceStatus.ISSUED ? now : null,
          createdAt: now,
        });
        em.create(InvoiceLine, {
          invoice,
          kind: InvoiceLineKind.CONSULTATION,
          description: `Consultation: ${doctor.fullName}`.slice(0, 200),
          quantity: 1,
          unitPriceMinor: doctor.consultationFeeMinor,
        });
        await em.flush();
        // In this transaction: the invoice.issued webhook exists exactly when the invoice does.
        if (status === InvoiceStatus.ISSUED) {
          recordDomainEvent(em, { kind: 'INVOICE_ISSUED', doctorId: appointment.doctor.id, appointmentId: appointment.id, subjectId: invoice.id });
        }
        recordAudit(em, this.ctx, {
          action: status === InvoiceStatus.ISSUED ? 'invoice.issue' : 'invoice.draft',
          entityType: 'invoice',
          entityId: invoice.id,
          changes: { ...diff({}, snapshot(invoice)), number: { before: null, after: invoice.number }, appointmentId: { before: null, after: id } },
        });
        await failurePoint('invoice.create', em);
        return invoice;
      }));
    } catch (error) {
      // The unique index invoice_active_appointment_unique (visit id unless VOID)
      // is the last word on "one non-void invoice per visit".
      if (error instanceof UniqueConstraintViolationException && /active_appointment/i.test(error.message)) {
        throw new ConflictError('This visit already has an invoice');
      }
      throw error;
    }
  }

  /** Next number of the year; the counter row stays locked until this transaction ends. */
  private async nextSequence(em: EntityManager, year: number): Promise<number> {
    const connection = em.getConnection();
    const trx = em.getTransactionContext();
    await connection.execute('update invoice_counter set last_sequence = last_sequence + 1 where year = ?', [year], 'run', trx);
    const rows = await connection.execute<Array<{ last_sequence: number }>>(
      'select last_sequence from invoice_counter where year = ?', [year], 'all', trx);
    return Number(rows[0].last_sequence);
  }

  /** Runs `change` on the invoice locked FOR UPDATE, then audits it, all in one transaction. */
  private async change(
    invoiceId: string | number,
    action: string,
    change: (invoice: Invoice, em: EntityManager) => Promise<AuditChanges | void>,
  ): Promise<Invoice> {
    const id = typeof invoiceId === 'number' ? invoiceId : parseId(invoiceId, 'invoiceId');
    return retryOnLockConflict(() => this.ctx.em.transactional(async (em) => {
      const invoice = await em.findOne(Invoice, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!invoice) throw new NotFoundError('Invoice');
      const before = snapshot(invoice);
      const extra = await change(invoice, em);
      await em.flush();
      recordAudit(em, this.ctx, { action, entityType: 'invoice', entityId: invoice.id, changes: { ...diff(before, snapshot(invoice)), ...extra } });
      return invoice;
    }));
  }

  /** The invoice.issued outbox row of a DRAFT being issued (in the caller's transaction). */
  private async recordIssued(invoice: Invoice, em: EntityManager): Promise<void> {
    const appointment = await em.findOneOrFail(Appointment, invoice.appointment.id);
    recordDomainEvent(em, { kind: 'INVOICE_ISSUED', doctorId: appointment.doctor.id, appointmentId: appointment.id, subjectId: invoice.id });
  }

  /** Lines may change while DRAFT, or ISSUED before any payment was taken. */
  private async assertEditable(invoice: Invoice, em: EntityManager): Promise<void> {
    if (invoice.status === InvoiceStatus.DRAFT) return;
    if (invoice.status === InvoiceStatus.ISSUED && (await em.count(Payment, { invoice })) === 0) return;
    throw new InvalidTransitionError(`Lines of a ${invoice.status} invoice${invoice.status === InvoiceStatus.ISSUED ? ' with payments' : ''} cannot change`);
  }

  private async recomputeTotal(invoice: Invoice, em: EntityManager): Promise<void> {
    await em.flush();
    const [{ total }] = await em.getConnection().execute<Array<{ total: string | null }>>(
      'select coalesce(sum(quantity * unit_price_minor), 0) as total from invoice_line where invoice_id = ?',
      [invoice.id], 'all', em.getTransactionContext());
    const totalMinor = Number(total);
    if (totalMinor > MAX_MINOR) throw new BadInputError('The invoice total would be too large', { unitPrice: 'Too large' });
    invoice.totalMinor = totalMinor;
  }

  async addLine(invoiceId: string, input: InvoiceLineInput): Promise<Invoice> {
    const data = validate(lineSchema, input);
    const unitPriceMinor = parseMinor(input.unitPrice, this.config.currencyDigits, 'unitPrice');
    if (unitPriceMinor < 0) throw new BadInputError('unitPrice cannot be negative', { unitPrice: 'Cannot be negative' });
    if (unitPriceMinor * data.quantity > MAX_MINOR) throw new BadInputError('The line amount is too large', { unitPrice: 'Too large' });
    return this.change(invoiceId, 'invoice.line.add', async (invoice, em) => {
      await this.assertEditable(invoice, em);
      const line = em.create(InvoiceLine, { invoice, kind: data.kind, description: data.description, quantity: data.quantity, unitPriceMinor });
      await this.recomputeTotal(invoice, em);
      return {
        line: {
          before: null,
          after: { id: line.id, kind: line.kind, description: line.description, quantity: line.quantity, unitPrice: formatMinor(unitPriceMinor, this.config.currencyDigits) },
        },
      };
    });
  }

  /** An invoice keeps at least one line: void it instead of emptying it. */
  async removeLine(lineId: string): Promise<Invoice> {
    const id = parseId(lineId, 'lineId');
    const found = await this.ctx.em.getConnection().execute<Array<{ invoice_id: number }>>('select invoice_id from invoice_line where id = ?', [id]);
    if (!found.length) throw new NotFoundError('Invoice line');
    return this.change(Number(found[0].invoice_id), 'invoice.line.remove', async (invoice, em) => {
      await this.assertEditable(invoice, em);
      const line = await em.findOne(InvoiceLine, { id, invoice });
      if (!line) throw new NotFoundError('Invoice line');
      if ((await em.count(InvoiceLine, { invoice })) <= 1) {
        throw new InvalidTransitionError('An invoice keeps at least one line; void it instead');
      }
      const removed = { id: line.id, kind: line.kind, description: line.description, quantity: line.quantity, unitPrice: formatMinor(line.unitPriceMinor, this.config.currencyDigits) };
      em.remove(line);
      await this.recomputeTotal(invoice, em);
      return { line: { before: removed, after: null } };
    });
  }

  /** DRAFT -> ISSUED: the patient sees it and may pay it. */
  async finalize(invoiceId: string): Promise<Invoice> {
    return this.change(invoiceId, 'invoice.finalize', async (invoice, em) => {
      if (invoice.status !== InvoiceStatus.DRAFT) throw new InvalidTransitionError(`A ${invoice.status} invoice cannot be issued again`);
      invoice.status = InvoiceStatus.ISSUED;
      invoice.issuedAt = clock.now();
      await this.recordIssued(invoice, em);
    });
  }

  /** Only an invoice with nothing paid on it (net of refunds) can be voided; it keeps its number. */
  async void(invoiceId: string, reason: string): Promise<Invoice> {
    const data = validate(z.object({ reason: requiredText(500, 'Reason') }), { reason });
    return this.change(invoiceId, 'invoice.void', async (invoice) => {
      if (invoice.status === InvoiceStatus.VOID) throw new InvalidTransitionError('This invoice is already void');
      if (invoice.status === InvoiceStatus.PAID || invoice.paidMinor !== 0) {
        throw new InvalidTransitionError('An invoice with payments cannot be voided; refund them first');
      }
      invoice.status = InvoiceStatus.VOID;
      invoice.voidedAt = clock.now();
      invoice.voidReason = data.reason;
    });
  }

  // ---------------------------------------------------------------- payments

  /**
   * Takes a payment against an ISSUED invoice: more than zero, at most the
   * balance. The invoice row is locked so two desks cannot overpay it.
   */
  async recordPayment(invoiceId: string, amount: string, method: PaymentMethod, reference?: string | null): Promise<Invoice> {
    const amountMinor = this.parseAmount(amount);
    const data = validate(z.object({ reference: optionalText(100) }), { reference });
    return this.change(invoiceId, 'payment.record', async (invoice, em) => {
      if (invoice.status !== InvoiceStatus.ISSUED) {
        throw new InvalidTransitionError(`A ${invoice.status} invoice cannot take payments`);
      }
      const balance = invoice.totalMinor - invoice.paidMinor;
      if (amountMinor > balance) {
        const max = formatMinor(balance, currencyDigits(invoice.currency));
        throw new BadInputError(`amount exceeds the balance of ${max} ${invoice.currency}`, { amount: `At most ${max}` });
      }
      const payment = em.create(Payment, {
        invoice, amountMinor, method, reference: data.reference, recordedBy: this.ctx.viewer!.userId, createdAt: clock.now(),
      });
      invoice.paidMinor += amountMinor;
      if (invoice.paidMinor === invoice.totalMinor) {
        invoice.status = InvoiceStatus.PAID;
        invoice.paidAt = clock.now();
      }
      await em.flush();
      const appointment = await em.findOneOrFail(Appointment, invoice.appointment.id);
      recordDomainEvent(em, { kind: 'PAYMENT_RECORDED', doctorId: appointment.doctor.id, appointmentId: appointment.id, subjectId: payment.id });
      return { payment: { before: null, after: { id: payment.id, amountMinor, method, reference: data.reference } } };
    });
  }

  /**
   * A refund is a negative payment with a reason, at most what was paid. A
   * PAID invoice that is refunded owes money again, so it returns to ISSUED.
   */
  async refund(invoiceId: string, amount: string, reason: string, method: PaymentMethod | null | undefined): Promise<Invoice> {
    const amountMinor = this.parseAmount(amount);
    const data = validate(z.object({ reason: requiredText(500, 'Reason') }), { reason });
    return this.change(invoiceId, 'payment.refund', async (invoice, em) => {
      if (invoice.status !== InvoiceStatus.ISSUED && invoice.status !== InvoiceStatus.PAID) {
        throw new InvalidTransitionError(`A ${invoice.status} invoice has nothing to refund`);
      }
      if (amountMinor > invoice.paidMinor) {
        const max = formatMinor(invoice.paidMinor, currencyDigits(invoice.currency));
        throw new BadInputError(`amount exceeds what was paid (${max} ${invoice.currency})`, { amount: `At most ${max}` });
      }
      const last = await em.findOne(Payment, { invoice, amountMinor: { $gt: 0 } }, { orderBy: { id: 'desc' } });
      const payment = em.create(Payment, {
        invoice,
        amountMinor: -amountMinor,
        method: method ?? last?.method ?? PaymentMethod.CASH,
        reason: data.reason,
        recordedBy: this.ctx.viewer!.userId,
        createdAt: clock.now(),
      });
      invoice.paidMinor -= amountMinor;
      if (invoice.status === InvoiceStatus.PAID) {
        invoice.status = InvoiceStatus.ISSUED;
        invoice.paidAt = null;
      }
      await em.flush();
      return { payment: { before: null, after: { id: payment.id, amountMinor: -amountMinor, method: payment.method, reason: data.reason } } };
    });
  }
}
