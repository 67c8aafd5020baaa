import { Check, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Invoice } from './invoice.entity';

@Entity({ tableName: 'invoice_line' })
@Check({ name: 'invoice_line_quantity_check', expression: 'quantity > 0' })
export class InvoiceLine {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Invoice, deleteRule: 'cascade' })
  invoice!: Invoice;

  /** CONSULTATION, LAB_TEST, MEDICINE, PROCEDURE, OTHER */
  @Property({ type: 'string', length: 16, default: 'OTHER' })
  kind: Opt<string> = 'OTHER';

  @Property({ type: 'string', length: 200 })
  description!: string;

  @Property({ type: 'integer', default: 1 })
  quantity: Opt<number> = 1;

  @Property({ type: 'integer' })
  unitPriceMinor!: number;
}
