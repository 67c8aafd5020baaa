import { Migration } from '@mikro-orm/migrations';

export class Migration20261201101500_audit_subject_append_only extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`audit_event\` add \`subject_patient_id\` int unsigned null;`);
    this.addSql(`alter table \`audit_event\` add index \`audit_event_action_idx\`(\`action\`, \`id\`);`);
    this.addSql(`alter table \`audit_event\` add index \`audit_event_subject_idx\`(\`subject_patient_id\`, \`id\`);`);

    this.addSql(`alter table \`treatment\` add index \`treatment_doctor_patient_idx\`(\`doctor_id\`, \`patient_id\`);`);

    // Append-only in the database itself, whatever the application does. (Foreign-key actions, such as the
    // actor's "on delete set null", do not fire triggers; they only ever blank the actor of a deleted account.)
    this.addSql("create trigger `audit_event_no_update` before update on `audit_event` for each row " +
      "signal sqlstate '45000' set message_text = 'audit_event is append-only: rows cannot be changed';");
    this.addSql("create trigger `audit_event_no_delete` before delete on `audit_event` for each row " +
      "signal sqlstate '45000' set message_text = 'audit_event is append-only: rows cannot be deleted';");
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists `audit_event_no_update`;');
    this.addSql('drop trigger if exists `audit_event_no_delete`;');
    this.addSql(`alter table \`audit_event\` drop index \`audit_event_action_idx\`;`);
    this.addSql(`alter table \`audit_event\` drop index \`audit_event_subject_idx\`;`);
    this.addSql(`alter table \`audit_event\` drop column \`subject_patient_id\`;`);

    this.addSql(`alter table \`treatment\` drop index \`treatment_doctor_patient_idx\`;`);
  }

}
