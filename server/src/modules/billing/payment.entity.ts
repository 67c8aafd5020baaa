import { clock } from '../../clock';
import { Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../identity/user.entity';
import { Invoice } from './invoice.entity';

export enum PaymentMethod {
  CASH = 'CASH',
  CARD = 'CARD',
  INSURANCE = 'INSURANCE',
  ONLINE = 'ONLINE',
}

registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How money was paid (or refunded).',
  valuesConfig: {
    CASH: { description: 'Cash at the front desk.' },
    CARD: { description: 'Debit or credit card.' },
    INSURANCE: { description: 'Paid by the patient\'s insurer.' },
    ONLINE: { description: 'Online payment or bank transfer.' },
  },
});

/** A payment (positive) or refund (negative, with a reason) against an invoice. */
@ObjectType({ description: 'Money received for an invoice (positive amount) or refunded (negative amount, with a reason).' })
@Entity({ tableName: 'payment' })
export class Payment {
  @Field(() => ID, { description: 'Stable id.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Invoice, deleteRule: 'restrict' })
  invoice!: Invoice;

  @Property({ type: 'integer' })
  amountMinor!: number;

  @Field(() => PaymentMethod, { description: 'How it was paid or refunded.' })
  @Property({ type: 'string', length: 16 })
  method!: PaymentMethod;

  @Field(() => String, { nullable: true, description: 'Receipt, card slip or insurer claim reference.' })
  @Property({ type: 'string', length: 100, nullable: true })
  reference?: string | null;

  /** Required for refunds. */
  @Field(() => String, { nullable: true, description: 'Why it was refunded; set on refunds only.' })
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  recordedBy?: User | null;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', length: 3, index: true })
  createdAt: Opt<Date> = clock.now();
}
