import { Migration } from '@mikro-orm/migrations';

// Widens the message kind check by WAITLIST_OFFER (nothing else).
export class Migration20261201134517_waitlist_offer_messages extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`message\` drop constraint message_kind_check;`);

    this.addSql(`alter table \`message\` add constraint message_kind_check check(kind in ('BOOKING_CONFIRMATION','RESCHEDULE_NOTICE','CANCEL_NOTICE','REMINDER','PASSWORD_RESET','DOCTOR_INVITATION','DOCTOR_BOOKING_NOTICE','WAITLIST_OFFER'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`message\` drop constraint message_kind_check;`);

    this.addSql(`alter table \`message\` add constraint message_kind_check check(\`kind\` in ('BOOKING_CONFIRMATION','RESCHEDULE_NOTICE','CANCEL_NOTICE','REMINDER','PASSWORD_RESET','DOCTOR_INVITATION','DOCTOR_BOOKING_NOTICE'));`);
  }

}
