import { Migration } from '@mikro-orm/migrations';

export class Migration20261201115623_scheduling_series_waitlist_urgent extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`appointment_series\` (\`id\` int unsigned not null auto_increment primary key, \`patient_id\` int unsigned not null, \`doctor_id\` int unsigned not null, \`rule\` varchar(20) not null, \`every_weeks\` int null, \`created_by_id\` int unsigned null, \`created_at\` datetime(3) not null, constraint appointment_series_rule_check check (rule in ('WEEKLY','MONTHLY_WEEKDAY'))) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`appointment_series\` add index \`appointment_series_patient_id_index\`(\`patient_id\`);`);
    this.addSql(`alter table \`appointment_series\` add index \`appointment_series_doctor_id_index\`(\`doctor_id\`);`);
    this.addSql(`alter table \`appointment_series\` add index \`appointment_series_created_by_id_index\`(\`created_by_id\`);`);

    this.addSql(`create table \`waitlist_entry\` (\`id\` int unsigned not null auto_increment primary key, \`patient_id\` int unsigned not null, \`doctor_id\` int unsigned null, \`department_id\` int unsigned null, \`from_day\` date not null, \`to_day\` date not null, \`periods\` varchar(40) not null default '', \`status\` varchar(16) not null default 'WAITING', \`created_by_id\` int unsigned null, \`created_at\` datetime(3) not null, \`closed_at\` datetime(3) null, constraint waitlist_entry_range_check check (from_day <= to_day), constraint waitlist_entry_status_check check (status in ('WAITING','OFFERED','BOOKED','CLOSED'))) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`waitlist_entry\` add index \`waitlist_entry_patient_id_index\`(\`patient_id\`);`);
    this.addSql(`alter table \`waitlist_entry\` add index \`waitlist_entry_doctor_id_index\`(\`doctor_id\`);`);
    this.addSql(`alter table \`waitlist_entry\` add index \`waitlist_entry_department_id_index\`(\`department_id\`);`);
    this.addSql(`alter table \`waitlist_entry\` add index \`waitlist_entry_created_by_id_index\`(\`created_by_id\`);`);
    this.addSql(`alter table \`waitlist_entry\` add index \`waitlist_entry_patient_idx\`(\`patient_id\`, \`status\`);`);
    this.addSql(`alter table \`waitlist_entry\` add index \`waitlist_entry_status_idx\`(\`status\`, \`id\`);`);

    this.addSql(`create table \`waitlist_offer\` (\`id\` int unsigned not null auto_increment primary key, \`entry_id\` int unsigned not null, \`appointment_id\` int unsigned not null, \`doctor_id\` int unsigned not null, \`starts_at\` datetime(3) not null, \`ends_at\` datetime(3) not null, \`freed_at\` datetime(3) not null, \`expires_at\` datetime(3) not null, \`status\` varchar(16) not null default 'OPEN', \`decided_at\` datetime(3) null, \`created_at\` datetime(3) not null, constraint waitlist_offer_status_check check (status in ('OPEN','ACCEPTED','DECLINED','EXPIRED'))) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`waitlist_offer\` add index \`waitlist_offer_entry_id_index\`(\`entry_id\`);`);
    this.addSql(`alter table \`waitlist_offer\` add index \`waitlist_offer_appointment_id_index\`(\`appointment_id\`);`);
    this.addSql(`alter table \`waitlist_offer\` add index \`waitlist_offer_doctor_id_index\`(\`doctor_id\`);`);
    this.addSql(`alter table \`waitlist_offer\` add index \`waitlist_offer_freed_idx\`(\`freed_at\`);`);
    this.addSql(`alter table \`waitlist_offer\` add index \`waitlist_offer_open_idx\`(\`status\`, \`expires_at\`);`);
    this.addSql(`alter table \`waitlist_offer\` add index \`waitlist_offer_slot_idx\`(\`doctor_id\`, \`starts_at\`, \`entry_id\`);`);

    this.addSql(`alter table \`appointment_series\` add constraint \`appointment_series_patient_id_foreign\` foreign key (\`patient_id\`) references \`patient\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`alter table \`appointment_series\` add constraint \`appointment_series_doctor_id_foreign\` foreign key (\`doctor_id\`) references \`doctor\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`alter table \`appointment_series\` add constraint \`appointment_series_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`waitlist_entry\` add constraint \`waitlist_entry_patient_id_foreign\` foreign key (\`patient_id\`) references \`patient\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`waitlist_entry\` add constraint \`waitlist_entry_doctor_id_foreign\` foreign key (\`doctor_id\`) references \`doctor\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`waitlist_entry\` add constraint \`waitlist_entry_department_id_foreign\` foreign key (\`department_id\`) references \`department\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`waitlist_entry\` add constraint \`waitlist_entry_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`waitlist_offer\` add constraint \`waitlist_offer_entry_id_foreign\` foreign key (\`entry_id\`) references \`waitlist_entry\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`waitlist_offer\` add constraint \`waitlist_offer_appointment_id_foreign\` foreign key (\`appointment_id\`) references \`appointment\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`waitlist_offer\` add constraint \`waitlist_offer_doctor_id_foreign\` foreign key (\`doctor_id\`) references \`doctor\` (\`id\`) on update cascade on delete cascade;`);

    // The active column changes in place (MODIFY, not drop and add: dropping it would quietly
    // shrink the patient's unique index to its other column). The doctor's index moves to
    // IN_CONSULTATION comes from the front-desk migration just before this one.
    // slot_starts_at, which leaves urgent visits out (see appointment.entity.ts).
    this.addSql(`alter table \`appointment\` drop constraint appointment_status_check;`);
    this.addSql(`alter table \`appointment\` add \`urgent\` tinyint(1) not null default false, add \`urgent_reason\` varchar(500) null, add \`series_id\` int unsigned null, modify \`active_starts_at\` datetime(3) generated always as (if(\`status\` in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED','HELD'),\`starts_at\`,NULL)) stored, add \`slot_starts_at\` datetime(3) generated always as (if(\`status\` in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED','HELD') and \`urgent\` = 0,\`starts_at\`,NULL)) stored;`);
    this.addSql(`alter table \`appointment\` add constraint appointment_status_check check(status in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED','CANCELLED','NO_SHOW','HELD','RELEASED'));`);
    this.addSql(`alter table \`appointment\` add index \`appointment_doctor_active_idx\`(\`doctor_id\`, \`active_starts_at\`);`);
    this.addSql(`alter table \`appointment\` add unique \`appointment_doctor_slot_unique_next\`(\`doctor_id\`, \`slot_starts_at\`);`);
    this.addSql(`alter table \`appointment\` drop index \`appointment_doctor_active_slot_unique\`;`);
    this.addSql(`alter table \`appointment\` rename index \`appointment_doctor_slot_unique_next\` to \`appointment_doctor_active_slot_unique\`;`);
    this.addSql(`alter table \`appointment\` add constraint \`appointment_series_id_foreign\` foreign key (\`series_id\`) references \`appointment_series\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`appointment\` add index \`appointment_series_id_index\`(\`series_id\`);`);
    this.addSql(`alter table \`appointment\` add index \`appointment_series_idx\`(\`series_id\`, \`starts_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`update \`appointment\` set \`status\` = 'CANCELLED' where \`status\` in ('HELD','RELEASED');`);
    this.addSql(`alter table \`appointment\` drop foreign key \`appointment_series_id_foreign\`;`);
    this.addSql(`alter table \`appointment\` drop index \`appointment_series_id_index\`;`);
    this.addSql(`alter table \`appointment\` drop index \`appointment_series_idx\`;`);
    this.addSql(`alter table \`appointment\` add unique \`appointment_doctor_active_next\`(\`doctor_id\`, \`active_starts_at\`);`);
    this.addSql(`alter table \`appointment\` drop index \`appointment_doctor_active_slot_unique\`;`);
    this.addSql(`alter table \`appointment\` rename index \`appointment_doctor_active_next\` to \`appointment_doctor_active_slot_unique\`;`);
    this.addSql(`alter table \`appointment\` drop index \`appointment_doctor_active_idx\`;`);
    this.addSql(`alter table \`appointment\` drop constraint appointment_status_check;`);
    this.addSql(`alter table \`appointment\` drop column \`slot_starts_at\`, drop column \`urgent\`, drop column \`urgent_reason\`, drop column \`series_id\`, modify \`active_starts_at\` datetime(3) generated always as (if(\`status\` in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED'),\`starts_at\`,NULL)) stored;`);
    this.addSql(`alter table \`appointment\` add constraint appointment_status_check check(status in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION','COMPLETED','CANCELLED','NO_SHOW'));`);
    this.addSql(`drop table if exists \`waitlist_offer\`;`);
    this.addSql(`drop table if exists \`waitlist_entry\`;`);
    this.addSql(`drop table if exists \`appointment_series\`;`);
  }

}
