import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { loaded } from '../../shared/loaders';
import { Money } from '../../shared/money';
import { Patient } from '../directory/patient.entity';
import { Role } from '../identity/user.entity';
import { Appointment } from '../scheduling/appointment.entity';
import { BillingService, invoiceMoney } from './billing.service';
import { BillingSummary, InvoiceFilter, InvoiceLineInput, InvoicePage } from './billing.types';
import { Invoice, InvoiceStatus } from './invoice.entity';
import { InvoiceLine } from './invoice-line.entity';
import { Payment, PaymentMethod } from './payment.entity';

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Authorized()
  @Query(() => Invoice, {
    nullable: true,
    description: 'One invoice. ADMIN: any; PATIENT: their own (not drafts), another\'s is NOT_FOUND; DOCTOR: FORBIDDEN (billing is the front desk\'s).',
  })
  invoice(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Invoice id.' }) id: string): Promise<Invoice> {
    return new BillingService(ctx).get(id);
  }

  @Authorized(Role.PATIENT)
  @Query(() => InvoicePage, { description: 'PATIENT: your invoices, newest first (drafts are not shown).' })
  myInvoices(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page.' }) after: string | null,
  ) {
    return new BillingService(ctx).listMine(first, after);
  }

  @Authorized(Role.PATIENT)
  @Query(() => BillingSummary, { description: 'PATIENT: what you owe over all your invoices.' })
  myBillingSummary(@Ctx() ctx: Context): Promise<BillingSummary> {
    return new BillingService(ctx).summaryMine();
  }

  @Authorized(Role.ADMIN)
  @Query(() => InvoicePage, { description: 'ADMIN: every invoice matching the filter, newest first.' })
  invoices(
    @Ctx() ctx: Context,
    @Arg('filter', () => InvoiceFilter, { nullable: true, description: 'Optional filters.' }) filter: InvoiceFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page.' }) after: string | null,
  ) {
    return new BillingService(ctx).list(filter, first, after);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Invoice, {
    description: 'ADMIN: bill a CHECKED_IN or COMPLETED visit: its one invoice, ISSUED, with the doctor\'s consultation fee as its line. '
      + 'Another status is INVALID_TRANSITION; a second invoice for the visit is CONFLICT.',
  })
  issueInvoice(@Ctx() ctx: Context, @Arg('appointmentId', () => ID, { description: 'The visit to bill.' }) appointmentId: string): Promise<Invoice> {
    return new BillingService(ctx).create(appointmentId, InvoiceStatus.ISSUED);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Invoice, {
    description: 'ADMIN: like issueInvoice, but the invoice stays a DRAFT (hidden from the patient) until finalizeInvoice, so lines can be added first.',
  })
  createDraftInvoice(@Ctx() ctx: Context, @Arg('appointmentId', () => ID, { description: 'The visit to bill.' }) appointmentId: string): Promise<Invoice> {
    return new BillingService(ctx).create(appointmentId, InvoiceStatus.DRAFT);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Invoice, { description: 'ADMIN: add a line to a DRAFT invoice, or an ISSUED one before any payment (else INVALID_TRANSITION).' })
  addInvoiceLine(
    @Ctx() ctx: Context,
    @Arg('invoiceId', () => ID, { description: 'The invoice.' }) invoiceId: string,
    @Arg('input', () => InvoiceLineInput, { description: 'The charge.' }) input: InvoiceLineInput,
  ): Promise<Invoice> {
    return new BillingService(ctx).addLine(invoiceId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Invoice, {
    description: 'ADMIN: remove a line from a DRAFT invoice, or an ISSUED one before any payment; the last line cannot be removed (void instead).',
  })
  removeInvoiceLine(@Ctx() ctx: Context, @Arg('lineId', () => ID, { description: 'The line.' }) lineId: string): Promise<Invoice> {
    return new BillingService(ctx).removeLine(lineId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Invoice, { description: 'ADMIN: issue a DRAFT invoice (DRAFT -> ISSUED); any other status is INVALID_TRANSITION.' })
  finalizeInvoice(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The invoice.' }) id: string): Promise<Invoice> {
    return new BillingService(ctx).finalize(id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Invoice, {
    description: 'ADMIN: void a DRAFT or ISSUED invoice with nothing paid on it (net of refunds); otherwise INVALID_TRANSITION. It keeps its number.',
  })
  voidInvoice(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The invoice.' }) id: string,
    @Arg('reason', () => String, { description: 'Why, 1 to 500 characters.' }) reason: string,
  ): Promise<Invoice> {
    return new BillingService(ctx).void(id, reason);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Invoice, {
    description: 'ADMIN: take a payment on an ISSUED invoice. The amount must be more than zero, have at most the currency\'s decimals '
      + 'and not exceed the balance (else BAD_USER_INPUT); the invoice becomes PAID when the balance reaches zero. '
      + 'A DRAFT, PAID or VOID invoice is INVALID_TRANSITION.',
  })
  recordPayment(
    @Ctx() ctx: Context,
    @Arg('invoiceId', () => ID, { description: 'The invoice.' }) invoiceId: string,
    @Arg('amount', () => String, { description: 'Decimal string in the invoice currency, e.g. "25.00".' }) amount: string,
    @Arg('method', () => PaymentMethod, { description: 'How it was paid.' }) method: PaymentMethod,
    @Arg('reference', () => String, { nullable: true, description: 'Receipt, card slip or claim reference, at most 100 characters.' }) reference: string | null,
  ): Promise<Invoice> {
    return new BillingService(ctx).recordPayment(invoiceId, amount, method, reference);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Invoice, {
    description: 'ADMIN: refund money paid on an ISSUED or PAID invoice, recorded as a negative payment with a reason. At most what was paid '
      + '(else BAD_USER_INPUT); a PAID invoice goes back to ISSUED.',
  })
  refundPayment(
    @Ctx() ctx: Context,
    @Arg('invoiceId', () => ID, { description: 'The invoice.' }) invoiceId: string,
    @Arg('amount', () => String, { description: 'Positive decimal string: how much to give back.' }) amount: string,
    @Arg('reason', () => String, { description: 'Why, 1 to 500 characters.' }) reason: string,
    @Arg('method', () => PaymentMethod, { nullable: true, description: 'How it is given back; default: the method of the latest payment.' }) method: PaymentMethod | null,
  ): Promise<Invoice> {
    return new BillingService(ctx).refund(invoiceId, amount, reason, method);
  }

  @FieldResolver(() => Money, { description: 'Sum of the lines.' })
  total(@Root() invoice: Invoice): Money {
    return invoiceMoney(invoice, invoice.totalMinor);
  }

  @FieldResolver(() => Money, { description: 'Paid so far, net of refunds.' })
  paid(@Root() invoice: Invoice): Money {
    return invoiceMoney(invoice, invoice.paidMinor);
  }

  @FieldResolver(() => Money, { description: 'Still to pay: total minus paid (zero for a VOID invoice).' })
  balance(@Root() invoice: Invoice): Money {
    return invoiceMoney(invoice, invoice.status === InvoiceStatus.VOID ? 0 : invoice.totalMinor - invoice.paidMinor);
  }

  @FieldResolver(() => Appointment, { description: 'The visit billed.' })
  appointment(@Root() invoice: Invoice): Appointment | Promise<Appointment> {
    return loaded(invoice.appointment);
  }

  @FieldResolver(() => Patient, { description: 'The patient billed.' })
  patient(@Root() invoice: Invoice): Patient | Promise<Patient> {
    return loaded(invoice.patient);
  }

  @FieldResolver(() => [InvoiceLine], { description: 'The charges, in the order they were added.' })
  async lines(@Root() invoice: Invoice): Promise<InvoiceLine[]> {
    return (await invoice.lines.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [Payment], { description: 'Payments (positive) and refunds (negative), oldest first.' })
  async payments(@Root() invoice: Invoice): Promise<Payment[]> {
    return (await invoice.payments.load({ dataloader: true })).getItems();
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => Money, { description: 'Price of one.' })
  async unitPrice(@Root() line: InvoiceLine): Promise<Money> {
    return invoiceMoney(await loaded(line.invoice), line.unitPriceMinor);
  }

  @FieldResolver(() => Money, { description: 'Quantity times unit price.' })
  async amount(@Root() line: InvoiceLine): Promise<Money> {
    return invoiceMoney(await loaded(line.invoice), line.quantity * line.unitPriceMinor);
  }
}

@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Money, { description: 'Amount received; negative for a refund.' })
  async amount(@Root() payment: Payment): Promise<Money> {
    return invoiceMoney(await loaded(payment.invoice), payment.amountMinor);
  }

  @FieldResolver(() => Boolean, { description: 'True for a refund (negative amount).' })
  isRefund(@Root() payment: Payment): boolean {
    return payment.amountMinor < 0;
  }
}

/** Appointment.invoice: the front desk sees from a visit whether it is billed yet. */
@Resolver(() => Appointment)
export class AppointmentInvoiceResolver {
  @FieldResolver(() => Invoice, {
    nullable: true,
    description: 'The visit\'s invoice: the one that is not VOID, else (voided and not billed again) the latest VOID one; for admins (any status) and the patient (not a DRAFT); null when none, and always null for doctors.',
  })
  invoice(@Root() appointment: Appointment, @Ctx() ctx: Context): Promise<Invoice | null> {
    return new BillingService(ctx).forAppointment(appointment);
  }
}
