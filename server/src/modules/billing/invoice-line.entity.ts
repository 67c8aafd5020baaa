import { Check, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Invoice } from './invoice.entity';

export enum InvoiceLineKind {
  CONSULTATION = 'CONSULTATION',
  LAB_TEST = 'LAB_TEST',
  MEDICINE = 'MEDICINE',
  PROCEDURE = 'PROCEDURE',
  OTHER = 'OTHER',
}

registerEnumType(InvoiceLineKind, {
  name: 'InvoiceLineKind',
  description: 'What an invoice line charges for.',
  valuesConfig: {
    CONSULTATION: { description: 'The doctor\'s consultation fee (added when the invoice is created).' },
    LAB_TEST: { description: 'A laboratory test.' },
    MEDICINE: { description: 'Medicine dispensed.' },
    PROCEDURE: { description: 'A procedure performed.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType({ description: 'One charge on an invoice: quantity times unit price.' })
@Entity({ tableName: 'invoice_line' })
@Check({ name: 'invoice_line_quantity_check', expression: 'quantity > 0' })
export class InvoiceLine {
  @Field(() => ID, { description: 'Stable id.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Invoice, deleteRule: 'cascade' })
  invoice!: Invoice;

  /** CONSULTATION, LAB_TEST, MEDICINE, PROCEDURE, OTHER */
  @Field(() => InvoiceLineKind, { description: 'What the line charges for.' })
  @Property({ type: 'string', length: 16, default: 'OTHER' })
  kind: Opt<string> = 'OTHER';

  @Field(() => String, { description: 'What was provided, as printed on the invoice.' })
  @Property({ type: 'string', length: 200 })
  description!: string;

  @Field(() => Int, { description: 'How many, at least 1.' })
  @Property({ type: 'integer', default: 1 })
  quantity: Opt<number> = 1;

  @Property({ type: 'integer' })
  unitPriceMinor!: number;
}
