import { clock } from '../../clock';
import { Check, Collection, Entity, Index, ManyToOne, OneToMany, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Patient } from '../directory/patient.entity';
import { Appointment } from '../scheduling/appointment.entity';
import { InvoiceLine } from './invoice-line.entity';
import { Payment } from './payment.entity';

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  PAID = 'PAID',
  VOID = 'VOID',
}

registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'Where an invoice is: DRAFT -> ISSUED -> PAID, or VOID (only without payments).',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the front desk; lines may change; not shown to the patient.' },
    ISSUED: { description: 'Sent to the patient and awaiting payment (balance above zero, or nothing paid yet).' },
    PAID: { description: 'The balance reached zero.' },
    VOID: { description: 'Cancelled with a reason; it keeps its number, and nothing is owed.' },
  },
});

/** The bill of one visit. Amounts are integer minor units of `currency`. */
@ObjectType({ description: 'The bill of one visit: its lines, payments and balance.' })
@Entity({ tableName: 'invoice' })
@Unique({ name: 'invoice_year_seq_unique', properties: ['year', 'sequence'] })
@Index({ name: 'invoice_issued_idx', properties: ['issuedAt'] })
@Unique({ name: 'invoice_active_appointment_unique', properties: ['activeAppointmentId'] })
@Check({ name: 'invoice_status_check', expression: "status in ('DRAFT','ISSUED','PAID','VOID')" })
export class Invoice {
  @Field(() => ID, { description: 'Stable id.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /**
   * The visit billed. A visit may have any number of VOID invoices but at most
   * one other (see activeAppointmentId). ON UPDATE RESTRICT, not CASCADE:
   * MariaDB refuses a stored generated column over a cascading foreign key.
   */
  @ManyToOne({ entity: () => Appointment, deleteRule: 'restrict', updateRule: 'restrict' })
  appointment!: Appointment;

  /**
   * The visit's id while the invoice is not VOID, NULL once voided: its unique
   * index lets a visit have at most one non-void invoice (a voided one no longer
   * blocks billing the visit again). Computed by the database; never written.
   */
  @Property({
    type: 'integer',
    generated: "(if(`status` <> 'VOID',`appointment_id`,NULL)) stored",
  })
  activeAppointmentId?: number | null;

  @ManyToOne({ entity: () => Patient, deleteRule: 'restrict' })
  patient!: Patient;

  /** INV-2026-000001: gapless per year, taken from invoice_counter. */
  @Field(() => String, { description: 'Invoice number, INV-<year>-<6 digits>: unique and gapless per year.' })
  @Property({ type: 'string', length: 32, unique: true })
  number!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  sequence!: number;

  @Field(() => InvoiceStatus, { description: 'Current status.' })
  @Property({ type: 'string', length: 8, default: 'ISSUED' })
  status: Opt<InvoiceStatus> = InvoiceStatus.ISSUED;

  @Field(() => String, { description: 'ISO 4217 currency of every amount on the invoice.' })
  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'integer', default: 0 })
  totalMinor: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
  paidMinor: Opt<number> = 0;

  @Field(() => Date, { nullable: true, description: 'When it was issued (left DRAFT); null for a draft.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  issuedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the balance reached zero; null unless PAID.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  paidAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was voided.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  voidedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was voided.' })
  @Property({ type: 'string', length: 500, nullable: true })
  voidReason?: string | null;

  @OneToMany({ entity: () => InvoiceLine, mappedBy: 'invoice', orderBy: { id: 'asc' } })
  lines = new Collection<InvoiceLine>(this);

  @OneToMany({ entity: () => Payment, mappedBy: 'invoice', orderBy: { id: 'asc' } })
  payments = new Collection<Payment>(this);

  @Field(() => Date, { description: 'When it was created (as a draft or issued).' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}
