import { Migration } from '@mikro-orm/migrations';

/**
 * Queries shaped for growth (issue 10): a covering index for the dashboard's date
 * ranges (replacing the plain starts_at index), (status, starts_at) and
 * (doctor_id, status, starts_at) for filtered admin lists and their counts,
 * invoice.issued_at, audit (entity_type, id) for the filtered log, patient search on
 * indexes (full text over name and record number, the phone's digits forwards and
 * backwards as stored generated columns), patient.created_at; and a check that no
 * visit outlasts the longest slot, which bounds every clash check.
 */
export class Migration20261201093634_queries_for_growth extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`patient\` add \`phone_digits\` varchar(32) generated always as (regexp_replace(\`phone\`,'[^0-9]','')) stored, add \`phone_reversed\` varchar(32) generated always as (reverse(regexp_replace(\`phone\`,'[^0-9]',''))) stored;`);
    this.addSql(`alter table \`patient\` add index \`patient_created_idx\`(\`created_at\`);`);
    this.addSql(`alter table \`patient\` add index \`patient_phone_reversed_idx\`(\`phone_reversed\`);`);
    this.addSql(`alter table \`patient\` add index \`patient_phone_digits_idx\`(\`phone_digits\`);`);
    this.addSql(`alter table \`patient\` add index \`patient_name_idx\`(\`full_name\`);`);
    this.addSql(`alter table \`patient\` add fulltext index \`patient_search_ft\`(\`full_name\`,\`medical_record_number\`);`);

    this.addSql(`alter table \`audit_event\` add index \`audit_event_type_id_idx\`(\`entity_type\`, \`id\`);`);

    this.addSql(`alter table \`appointment\` drop index \`appointment_starts_idx\`;`);

    this.addSql(`alter table \`appointment\` add index \`appointment_doctor_status_starts_idx\`(\`doctor_id\`, \`status\`, \`starts_at\`);`);
    this.addSql(`alter table \`appointment\` add index \`appointment_status_starts_idx\`(\`status\`, \`starts_at\`);`);
    this.addSql(`alter table \`appointment\` add index \`appointment_report_idx\`(\`starts_at\`, \`doctor_id\`, \`status\`, \`patient_id\`);`);
    this.addSql(`alter table \`appointment\` add constraint appointment_length_check check(ends_at <= starts_at + interval 240 minute);`);

    this.addSql(`alter table \`invoice\` add index \`invoice_issued_idx\`(\`issued_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`appointment\` drop index \`appointment_doctor_status_starts_idx\`;`);
    this.addSql(`alter table \`appointment\` drop index \`appointment_status_starts_idx\`;`);
    this.addSql(`alter table \`appointment\` drop index \`appointment_report_idx\`;`);
    this.addSql(`alter table \`appointment\` drop constraint appointment_length_check;`);

    this.addSql(`alter table \`appointment\` add index \`appointment_starts_idx\`(\`starts_at\`);`);

    this.addSql(`alter table \`audit_event\` drop index \`audit_event_type_id_idx\`;`);

    this.addSql(`alter table \`patient\` drop index \`patient_created_idx\`;`);
    this.addSql(`alter table \`patient\` drop index \`patient_phone_reversed_idx\`;`);
    this.addSql(`alter table \`patient\` drop index \`patient_phone_digits_idx\`;`);
    this.addSql(`alter table \`patient\` drop index \`patient_name_idx\`;`);
    this.addSql(`alter table \`patient\` drop index \`patient_search_ft\`;`);
    this.addSql(`alter table \`patient\` drop column \`phone_digits\`, drop column \`phone_reversed\`;`);

    this.addSql(`alter table \`invoice\` drop index \`invoice_issued_idx\`;`);
  }

}
