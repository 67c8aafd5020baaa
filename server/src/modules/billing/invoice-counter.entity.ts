import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** The last invoice number used per year; locked FOR UPDATE so numbers stay gapless. */
@Entity({ tableName: 'invoice_counter' })
export class InvoiceCounter {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'integer', default: 0 })
  lastSequence: Opt<number> = 0;
}
