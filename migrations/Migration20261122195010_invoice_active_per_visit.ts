import { Migration } from '@mikro-orm/migrations';

/**
 * A visit may be billed again once its invoice is VOID: the unique index on
 * invoice.appointment_id becomes a plain index, and a STORED generated column
 * (appointment_id unless the invoice is VOID, else NULL) carries a unique
 * index instead: at most one non-void invoice per visit.
 * MariaDB refuses a stored generated column over a column whose foreign key
 * has ON UPDATE CASCADE (error 1901), so the appointment foreign key is
 * re-created with ON UPDATE RESTRICT (ids never change). Indexes are added
 * before the foreign key so MariaDB does not create an extra one for it.
 */
export class Migration20261122195010_invoice_active_per_visit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`invoice\` drop foreign key \`invoice_appointment_id_foreign\`;`);
    this.addSql(`alter table \`invoice\` drop index \`invoice_appointment_id_unique\`;`);
    this.addSql(`alter table \`invoice\` add index \`invoice_appointment_id_index\`(\`appointment_id\`);`);

    this.addSql(`alter table \`invoice\` add \`active_appointment_id\` int generated always as (if(\`status\` <> 'VOID',\`appointment_id\`,NULL)) stored;`);
    this.addSql(`alter table \`invoice\` add unique \`invoice_active_appointment_unique\`(\`active_appointment_id\`);`);
    this.addSql(`alter table \`invoice\` add constraint \`invoice_appointment_id_foreign\` foreign key (\`appointment_id\`) references \`appointment\` (\`id\`) on update restrict on delete restrict;`);
  }

  override async down(): Promise<void> {
    // Fails with a duplicate key if a visit was billed again after a void; settle those rows by hand first.
    this.addSql(`alter table \`invoice\` drop foreign key \`invoice_appointment_id_foreign\`;`);
    this.addSql(`alter table \`invoice\` drop index \`invoice_active_appointment_unique\`;`);
    this.addSql(`alter table \`invoice\` drop column \`active_appointment_id\`;`);

    this.addSql(`alter table \`invoice\` drop index \`invoice_appointment_id_index\`;`);
    this.addSql(`alter table \`invoice\` add unique \`invoice_appointment_id_unique\`(\`appointment_id\`);`);
    this.addSql(`alter table \`invoice\` add constraint \`invoice_appointment_id_foreign\` foreign key (\`appointment_id\`) references \`appointment\` (\`id\`) on update cascade on delete restrict;`);
  }

}
