import { Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../identity/user.entity';
import { Invoice } from './invoice.entity';

export enum PaymentMethod {
  CASH = 'CASH',
  CARD = 'CARD',
  INSURANCE = 'INSURANCE',
  ONLINE = 'ONLINE',
}

/** A payment (positive) or refund (negative, with a reason) against an invoice. */
@Entity({ tableName: 'payment' })
export class Payment {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Invoice, deleteRule: 'restrict' })
  invoice!: Invoice;

  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'string', length: 16 })
  method!: PaymentMethod;

  @Property({ type: 'string', length: 100, nullable: true })
  reference?: string | null;

  /** Required for refunds. */
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  recordedBy?: User | null;

  @Property({ type: 'datetime', length: 3, index: true })
  createdAt: Opt<Date> = new Date();
}
