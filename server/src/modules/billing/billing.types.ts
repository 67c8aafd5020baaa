import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Money } from '../../shared/money';
import { Page } from '../../shared/pagination';
import { LocalDateScalar } from '../../shared/scalars';
import { Invoice, InvoiceStatus } from './invoice.entity';
import { InvoiceLineKind } from './invoice-line.entity';

@InputType({ description: 'A charge to add to a DRAFT invoice, or an ISSUED one without payments.' })
export class InvoiceLineInput {
  @Field(() => InvoiceLineKind, { description: 'What the line charges for.' })
  kind!: InvoiceLineKind;

  @Field(() => String, { description: 'What was provided, 1 to 200 characters.' })
  description!: string;

  @Field(() => Int, { defaultValue: 1, description: 'How many, 1 to 10000.' })
  quantity!: number;

  @Field(() => String, { description: 'Price of one, a decimal string in the invoice currency, e.g. "33.33"; zero or more.' })
  unitPrice!: string;
}

@InputType({ description: 'Filters for the admin invoice list; all optional, combined with AND.' })
export class InvoiceFilter {
  @Field(() => InvoiceStatus, { nullable: true, description: 'Only invoices in this status.' })
  status?: InvoiceStatus | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Created on or after this hospital day.' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Created on or before this hospital day.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this patient\'s invoices.' })
  patientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only visits with this doctor.' })
  doctorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only visits with a doctor of this department.' })
  departmentId?: string | null;
}

@ObjectType({ description: 'A page of invoices, newest first.' })
export class InvoicePage extends Page(Invoice) {}

@ObjectType({ description: 'What a patient owes over all their invoices.' })
export class BillingSummary {
  @Field(() => Money, { description: 'Sum of the balances of ISSUED invoices.' })
  outstanding!: Money;

  @Field(() => Int, { description: 'Invoices visible to the patient (every status except DRAFT).' })
  invoiceCount!: number;

  @Field(() => Int, { description: 'ISSUED invoices with a balance to pay.' })
  unpaidCount!: number;
}
