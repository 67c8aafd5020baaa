import { Migration } from '@mikro-orm/migrations';

export class Migration20261201115613_frontdesk_queue_patients extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`display_token\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(100) not null, \`token_hash\` varchar(64) not null, \`department_id\` int unsigned null, \`revoked_at\` datetime(3) null, \`rotated_at\` datetime(3) null, \`created_at\` datetime(3) not null, \`version\` int not null default 1) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`display_token\` add unique \`display_token_token_hash_unique\`(\`token_hash\`);`);
    this.addSql(`alter table \`display_token\` add index \`display_token_department_id_index\`(\`department_id\`);`);

    this.addSql(`create table \`queue_counter\` (\`doctor_id\` int unsigned not null, \`day\` date not null, \`last_number\` int not null, primary key (\`doctor_id\`, \`day\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`queue_counter\` add index \`queue_counter_doctor_id_index\`(\`doctor_id\`);`);

    this.addSql(`create table \`queue_ticket\` (\`appointment_id\` int unsigned not null, \`doctor_id\` int unsigned not null, \`day\` date not null, \`number\` int not null, \`issued_at\` datetime(3) not null, \`called_at\` datetime(3) null, primary key (\`appointment_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`queue_ticket\` add index \`queue_ticket_appointment_id_index\`(\`appointment_id\`);`);
    this.addSql(`alter table \`queue_ticket\` add index \`queue_ticket_doctor_id_index\`(\`doctor_id\`);`);
    this.addSql(`alter table \`queue_ticket\` add unique \`queue_ticket_number_unique\`(\`doctor_id\`, \`day\`, \`number\`);`);

    this.addSql(`alter table \`display_token\` add constraint \`display_token_department_id_foreign\` foreign key (\`department_id\`) references \`department\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`queue_counter\` add constraint \`queue_counter_doctor_id_foreign\` foreign key (\`doctor_id\`) references \`doctor\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`queue_ticket\` add constraint \`queue_ticket_appointment_id_foreign\` foreign key (\`appointment_id\`) references \`appointment\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`queue_ticket\` add constraint \`queue_ticket_doctor_id_foreign\` foreign key (\`doctor_id\`) references \`doctor\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`patient\` add \`active\` tinyint(1) not null default true, add \`merged_into_id\` int unsigned null;`);
    this.addSql(`alter table \`patient\` add constraint \`patient_merged_into_id_foreign\` foreign key (\`merged_into_id\`) references \`patient\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`patient\` add index \`patient_merged_into_id_index\`(\`merged_into_id\`);`);

    // IN_CONSULTATION holds its slot like CHECKED_IN. The generated column is modified in place:
    // dropping it would take the active-slot unique indexes with it.
    this.addSql(`alter table \`appointment\` drop constraint appointment_status_check;`);
    this.addSql(`alter table \`appointment\` modify \`active_starts_at\` datetime(3) generated always as (if(\`status\` in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED'),\`starts_at\`,NULL)) stored;`);
    this.addSql(`alter table \`appointment\` add constraint appointment_status_check check(status in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED','CANCELLED','NO_SHOW'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`display_token\`;`);

    this.addSql(`drop table if exists \`queue_counter\`;`);

    this.addSql(`drop table if exists \`queue_ticket\`;`);

    this.addSql(`alter table \`patient\` drop foreign key \`patient_merged_into_id_foreign\`;`);

    this.addSql(`update \`appointment\` set \`status\` = 'CHECKED_IN' where \`status\` = 'IN_CONSULTATION';`);
    this.addSql(`alter table \`appointment\` drop constraint appointment_status_check;`);
    this.addSql(`alter table \`appointment\` modify \`active_starts_at\` datetime(3) generated always as (if(\`status\` in ('SCHEDULED','CHECKED_IN','COMPLETED'),\`starts_at\`,NULL)) stored;`);
    this.addSql(`alter table \`appointment\` add constraint appointment_status_check check(\`status\` in ('SCHEDULED','CHECKED_IN','COMPLETED','CANCELLED','NO_SHOW'));`);

    this.addSql(`alter table \`patient\` drop index \`patient_merged_into_id_index\`;`);
    this.addSql(`alter table \`patient\` drop column \`active\`, drop column \`merged_into_id\`;`);
  }

}
