import { Check, Collection, Entity, ManyToOne, OneToMany, OneToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
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

/** The bill of one visit. Amounts are integer minor units of `currency`. */
@Entity({ tableName: 'invoice' })
@Unique({ name: 'invoice_year_seq_unique', properties: ['year', 'sequence'] })
@Check({ name: 'invoice_status_check', expression: "status in ('DRAFT','ISSUED','PAID','VOID')" })
export class Invoice {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @OneToOne({ entity: () => Appointment, owner: true, unique: true, deleteRule: 'restrict' })
  appointment!: Appointment;

  @ManyToOne({ entity: () => Patient, deleteRule: 'restrict' })
  patient!: Patient;

  /** INV-2026-000001: gapless per year, taken from invoice_counter. */
  @Property({ type: 'string', length: 32, unique: true })
  number!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', length: 8, default: 'ISSUED' })
  status: Opt<InvoiceStatus> = InvoiceStatus.ISSUED;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'integer', default: 0 })
  totalMinor: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
  paidMinor: Opt<number> = 0;

  @Property({ type: 'datetime', length: 3, nullable: true })
  issuedAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  paidAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  voidedAt?: Date | null;

  @Property({ type: 'string', length: 500, nullable: true })
  voidReason?: string | null;

  @OneToMany({ entity: () => InvoiceLine, mappedBy: 'invoice', orderBy: { id: 'asc' } })
  lines = new Collection<InvoiceLine>(this);

  @OneToMany({ entity: () => Payment, mappedBy: 'invoice', orderBy: { id: 'asc' } })
  payments = new Collection<Payment>(this);

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();
}
