import { Migration } from '@mikro-orm/migrations';

export class Migration20261201121104_messages_ledger extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`message\` (\`id\` bigint unsigned not null auto_increment primary key, \`kind\` varchar(32) not null, \`subject\` varchar(160) not null, \`channel\` varchar(8) not null, \`status\` varchar(16) not null default 'PENDING', \`recipient_user_id\` int null, \`patient_id\` int null, \`appointment_id\` int null, \`appointment_starts_at\` datetime(3) null, \`address\` varchar(255) null, \`sealed_payload\` text null, \`due_at\` datetime(3) not null, \`not_before\` datetime(3) null, \`attempts\` int not null default 0, \`last_error\` varchar(1000) null, \`provider_id\` varchar(255) null, \`sent_at\` datetime(3) null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, constraint message_status_check check (status in ('PENDING','SENT','FAILED','CANCELLED')), constraint message_channel_check check (channel in ('EMAIL','SMS')), constraint message_kind_check check (kind in ('BOOKING_CONFIRMATION','RESCHEDULE_NOTICE','CANCEL_NOTICE','REMINDER','PASSWORD_RESET','DOCTOR_INVITATION','DOCTOR_BOOKING_NOTICE'))) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`message\` add index \`message_created_idx\`(\`created_at\`);`);
    this.addSql(`alter table \`message\` add index \`message_appointment_idx\`(\`appointment_id\`, \`kind\`);`);
    this.addSql(`alter table \`message\` add index \`message_patient_idx\`(\`patient_id\`, \`created_at\`);`);
    this.addSql(`alter table \`message\` add index \`message_status_due_idx\`(\`status\`, \`due_at\`);`);
    this.addSql(`alter table \`message\` add unique \`message_kind_subject_channel_uniq\`(\`kind\`, \`subject\`, \`channel\`);`);

    this.addSql(`create table \`password_reset\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`token_hash\` varchar(64) not null, \`expires_at\` datetime(3) not null, \`used_at\` datetime(3) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`password_reset\` add index \`password_reset_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`password_reset\` add unique \`password_reset_token_hash_unique\`(\`token_hash\`);`);
    this.addSql(`alter table \`password_reset\` add index \`password_reset_user_idx\`(\`user_id\`, \`created_at\`);`);

    this.addSql(`alter table \`password_reset\` add constraint \`password_reset_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`patient\` add \`reminder_sms_opt_in\` tinyint(1) not null default false;`);

    this.addSql(`alter table \`doctor\` add \`booking_notices\` tinyint(1) not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`message\`;`);

    this.addSql(`drop table if exists \`password_reset\`;`);

    this.addSql(`alter table \`doctor\` drop column \`booking_notices\`;`);

    this.addSql(`alter table \`patient\` drop column \`reminder_sms_opt_in\`;`);
  }

}
