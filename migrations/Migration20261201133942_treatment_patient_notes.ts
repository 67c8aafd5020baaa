import { Migration } from '@mikro-orm/migrations';

// Issue 15 item 2: notes for the patient get their own column; the existing notes_enc stays as the
// private clinical notes (existing notes thereby become private).
export class Migration20261201133942_treatment_patient_notes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`treatment\` add \`patient_notes_enc\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`treatment\` drop column \`patient_notes_enc\`;`);
  }

}
