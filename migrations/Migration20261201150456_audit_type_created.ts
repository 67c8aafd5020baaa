import { Migration } from '@mikro-orm/migrations';

// The audit log filtered by entity type and time ("invoices, last 90 days"): its totalCount read the
// whole table (250,000 rows in bench:scale); with this index it reads the range.

export class Migration20261201150456_audit_type_created extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`audit_event\` add index \`audit_event_type_created_idx\`(\`entity_type\`, \`created_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`audit_event\` drop index \`audit_event_type_created_idx\`;`);
  }

}
