import { Migration } from '@mikro-orm/migrations';

export class Migration20261201134706_outbox_subject extends Migration {

  // The invoice, payment or treatment an INVOICE_ISSUED, PAYMENT_RECORDED or TREATMENT_RECORDED row is about.
  override async up(): Promise<void> {
    this.addSql(`alter table \`outbox_event\` add \`subject_id\` int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`outbox_event\` drop column \`subject_id\`;`);
  }

}
