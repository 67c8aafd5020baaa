import { Migration } from '@mikro-orm/migrations';

export class Migration20261122181255_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`department\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(120) not null, \`description\` text null, \`active\` tinyint(1) not null default true, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`department\` add unique \`department_name_unique\`(\`name\`);`);

    this.addSql(`create table \`invoice_counter\` (\`year\` int unsigned not null, \`last_sequence\` int not null default 0, primary key (\`year\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`outbox_event\` (\`id\` bigint unsigned not null auto_increment primary key, \`kind\` varchar(32) not null, \`doctor_id\` int not null, \`appointment_id\` int not null, \`previous_starts_at\` datetime(3) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`outbox_event\` add index \`outbox_event_created_at_index\`(\`created_at\`);`);
    this.addSql(`alter table \`outbox_event\` add index \`outbox_event_doctor_idx\`(\`doctor_id\`, \`id\`);`);

    this.addSql(`create table \`system_setting\` (\`name\` varchar(64) not null, \`value\` text not null, primary key (\`name\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`user\` (\`id\` int unsigned not null auto_increment primary key, \`email\` varchar(254) not null, \`password_hash\` varchar(255) not null, \`role\` varchar(16) not null, \`active\` tinyint(1) not null default true, \`failed_login_count\` int not null default 0, \`locked_until\` datetime(3) null, \`must_change_password\` tinyint(1) not null default false, \`token_version\` int not null default 0, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, constraint user_role_check check (role in ('PATIENT','DOCTOR','ADMIN'))) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`user\` add unique \`user_email_unique\`(\`email\`);`);

    this.addSql(`create table \`patient\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned null, \`full_name\` varchar(120) not null, \`medical_record_number\` varchar(32) not null, \`date_of_birth\` date null, \`gender\` varchar(32) null, \`phone\` varchar(32) null, \`address\` varchar(500) null, \`blood_group\` varchar(8) null, \`height_cm\` int null, \`weight_kg\` numeric(5,1) null, \`allergies\` varchar(1000) null, \`reminder_opt_in\` tinyint(1) not null default false, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`patient\` add unique \`patient_user_id_unique\`(\`user_id\`);`);
    this.addSql(`alter table \`patient\` add unique \`patient_medical_record_number_unique\`(\`medical_record_number\`);`);
    this.addSql(`alter table \`patient\` add index \`patient_phone_index\`(\`phone\`);`);

    this.addSql(`create table \`notification\` (\`id\` int unsigned not null auto_increment primary key, \`recipient_id\` int unsigned not null, \`kind\` varchar(40) not null, \`message\` varchar(500) not null, \`payload\` json null, \`read_at\` datetime(3) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`notification\` add index \`notification_recipient_id_index\`(\`recipient_id\`);`);
    this.addSql(`alter table \`notification\` add index \`notification_recipient_idx\`(\`recipient_id\`, \`read_at\`, \`id\`);`);

    this.addSql(`create table \`doctor\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`department_id\` int unsigned not null, \`full_name\` varchar(120) not null, \`specialization\` varchar(120) not null, \`consultation_fee_minor\` int not null default 0, \`phone\` varchar(32) null, \`gender\` varchar(32) null, \`experience_years\` int null, \`about\` text null, \`active\` tinyint(1) not null default true, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`doctor\` add unique \`doctor_user_id_unique\`(\`user_id\`);`);
    this.addSql(`alter table \`doctor\` add index \`doctor_department_id_index\`(\`department_id\`);`);

    this.addSql(`create table \`availability_rule\` (\`id\` int unsigned not null auto_increment primary key, \`doctor_id\` int unsigned not null, \`weekday\` tinyint not null, \`start_minute\` smallint not null, \`end_minute\` smallint not null, \`slot_minutes\` smallint not null, constraint availability_rule_range_check check (start_minute < end_minute and slot_minutes > 0), constraint availability_rule_weekday_check check (weekday between 1 and 7)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`availability_rule\` add index \`availability_rule_doctor_id_index\`(\`doctor_id\`);`);

    this.addSql(`create table \`availability_block\` (\`id\` int unsigned not null auto_increment primary key, \`doctor_id\` int unsigned not null, \`starts_at\` datetime(3) not null, \`ends_at\` datetime(3) not null, \`reason\` varchar(16) not null, \`note\` varchar(500) null, \`created_by_id\` int unsigned null, \`created_at\` datetime(3) not null, constraint availability_block_range_check check (starts_at < ends_at)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`availability_block\` add index \`availability_block_doctor_id_index\`(\`doctor_id\`);`);
    this.addSql(`alter table \`availability_block\` add index \`availability_block_starts_at_index\`(\`starts_at\`);`);
    this.addSql(`alter table \`availability_block\` add index \`availability_block_created_by_id_index\`(\`created_by_id\`);`);

    this.addSql(`create table \`audit_event\` (\`id\` int unsigned not null auto_increment primary key, \`actor_id\` int unsigned null, \`action\` varchar(64) not null, \`entity_type\` varchar(32) not null, \`entity_id\` varchar(32) not null, \`changes\` json null, \`request_id\` varchar(64) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`audit_event\` add index \`audit_event_actor_id_index\`(\`actor_id\`);`);
    this.addSql(`alter table \`audit_event\` add index \`audit_event_created_idx\`(\`created_at\`);`);
    this.addSql(`alter table \`audit_event\` add index \`audit_event_entity_idx\`(\`entity_type\`, \`entity_id\`);`);

    this.addSql(`create table \`appointment\` (\`id\` int unsigned not null auto_increment primary key, \`patient_id\` int unsigned not null, \`doctor_id\` int unsigned not null, \`starts_at\` datetime(3) not null, \`ends_at\` datetime(3) not null, \`status\` varchar(16) not null default 'SCHEDULED', \`active_starts_at\` datetime(3) generated always as (if(\`status\` in ('SCHEDULED','CHECKED_IN','COMPLETED'),\`starts_at\`,NULL)) stored, \`reason\` varchar(500) null, \`cancel_reason\` varchar(500) null, \`created_by_id\` int unsigned null, \`idempotency_key\` varchar(100) null, \`checked_in_at\` datetime(3) null, \`cancelled_at\` datetime(3) null, \`version\` int not null default 1, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, constraint appointment_status_check check (status in ('SCHEDULED','CHECKED_IN','COMPLETED','CANCELLED','NO_SHOW')), constraint appointment_range_check check (starts_at < ends_at)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`appointment\` add index \`appointment_patient_id_index\`(\`patient_id\`);`);
    this.addSql(`alter table \`appointment\` add index \`appointment_doctor_id_index\`(\`doctor_id\`);`);
    this.addSql(`alter table \`appointment\` add index \`appointment_created_by_id_index\`(\`created_by_id\`);`);
    this.addSql(`alter table \`appointment\` add index \`appointment_starts_idx\`(\`starts_at\`);`);
    this.addSql(`alter table \`appointment\` add index \`appointment_patient_starts_idx\`(\`patient_id\`, \`starts_at\`);`);
    this.addSql(`alter table \`appointment\` add index \`appointment_doctor_starts_idx\`(\`doctor_id\`, \`starts_at\`);`);
    this.addSql(`alter table \`appointment\` add unique \`appointment_idempotency_unique\`(\`created_by_id\`, \`idempotency_key\`);`);
    this.addSql(`alter table \`appointment\` add unique \`appointment_patient_active_slot_unique\`(\`patient_id\`, \`active_starts_at\`);`);
    this.addSql(`alter table \`appointment\` add unique \`appointment_doctor_active_slot_unique\`(\`doctor_id\`, \`active_starts_at\`);`);

    this.addSql(`create table \`treatment\` (\`id\` int unsigned not null auto_increment primary key, \`appointment_id\` int unsigned not null, \`patient_id\` int unsigned not null, \`doctor_id\` int unsigned not null, \`diagnosis_enc\` text not null, \`icd_code\` varchar(16) null, \`prescription_enc\` text null, \`medicines_enc\` text null, \`tests_ordered_enc\` text null, \`precautions_enc\` text null, \`notes_enc\` text null, \`visit_type\` varchar(16) not null default 'CONSULTATION', \`follow_up_date\` date null, \`version\` int not null default 1, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`treatment\` add index \`treatment_appointment_id_index\`(\`appointment_id\`);`);
    this.addSql(`alter table \`treatment\` add index \`treatment_patient_id_index\`(\`patient_id\`);`);
    this.addSql(`alter table \`treatment\` add index \`treatment_doctor_id_index\`(\`doctor_id\`);`);
    this.addSql(`alter table \`treatment\` add index \`treatment_patient_created_idx\`(\`patient_id\`, \`created_at\`);`);

    this.addSql(`create table \`treatment_revision\` (\`id\` int unsigned not null auto_increment primary key, \`treatment_id\` int unsigned not null, \`edited_by_id\` int unsigned not null, \`changed_fields\` json not null, \`previous_enc\` text not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`treatment_revision\` add index \`treatment_revision_treatment_id_index\`(\`treatment_id\`);`);
    this.addSql(`alter table \`treatment_revision\` add index \`treatment_revision_edited_by_id_index\`(\`edited_by_id\`);`);

    this.addSql(`create table \`invoice\` (\`id\` int unsigned not null auto_increment primary key, \`appointment_id\` int unsigned not null, \`patient_id\` int unsigned not null, \`number\` varchar(32) not null, \`year\` int not null, \`sequence\` int not null, \`status\` varchar(8) not null default 'ISSUED', \`currency\` varchar(3) not null, \`total_minor\` int not null default 0, \`paid_minor\` int not null default 0, \`issued_at\` datetime(3) null, \`paid_at\` datetime(3) null, \`voided_at\` datetime(3) null, \`void_reason\` varchar(500) null, \`created_at\` datetime(3) not null, constraint invoice_status_check check (status in ('DRAFT','ISSUED','PAID','VOID'))) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`invoice\` add unique \`invoice_appointment_id_unique\`(\`appointment_id\`);`);
    this.addSql(`alter table \`invoice\` add index \`invoice_patient_id_index\`(\`patient_id\`);`);
    this.addSql(`alter table \`invoice\` add unique \`invoice_number_unique\`(\`number\`);`);
    this.addSql(`alter table \`invoice\` add unique \`invoice_year_seq_unique\`(\`year\`, \`sequence\`);`);

    this.addSql(`create table \`payment\` (\`id\` int unsigned not null auto_increment primary key, \`invoice_id\` int unsigned not null, \`amount_minor\` int not null, \`method\` varchar(16) not null, \`reference\` varchar(100) null, \`reason\` varchar(500) null, \`recorded_by_id\` int unsigned null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`payment\` add index \`payment_invoice_id_index\`(\`invoice_id\`);`);
    this.addSql(`alter table \`payment\` add index \`payment_recorded_by_id_index\`(\`recorded_by_id\`);`);
    this.addSql(`alter table \`payment\` add index \`payment_created_at_index\`(\`created_at\`);`);

    this.addSql(`create table \`invoice_line\` (\`id\` int unsigned not null auto_increment primary key, \`invoice_id\` int unsigned not null, \`kind\` varchar(16) not null default 'OTHER', \`description\` varchar(200) not null, \`quantity\` int not null default 1, \`unit_price_minor\` int not null, constraint invoice_line_quantity_check check (quantity > 0)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`invoice_line\` add index \`invoice_line_invoice_id_index\`(\`invoice_id\`);`);

    this.addSql(`alter table \`patient\` add constraint \`patient_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete restrict;`);

    this.addSql(`alter table \`notification\` add constraint \`notification_recipient_id_foreign\` foreign key (\`recipient_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`doctor\` add constraint \`doctor_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`alter table \`doctor\` add constraint \`doctor_department_id_foreign\` foreign key (\`department_id\`) references \`department\` (\`id\`) on update cascade on delete restrict;`);

    this.addSql(`alter table \`availability_rule\` add constraint \`availability_rule_doctor_id_foreign\` foreign key (\`doctor_id\`) references \`doctor\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`availability_block\` add constraint \`availability_block_doctor_id_foreign\` foreign key (\`doctor_id\`) references \`doctor\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`availability_block\` add constraint \`availability_block_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`audit_event\` add constraint \`audit_event_actor_id_foreign\` foreign key (\`actor_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`appointment\` add constraint \`appointment_patient_id_foreign\` foreign key (\`patient_id\`) references \`patient\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`alter table \`appointment\` add constraint \`appointment_doctor_id_foreign\` foreign key (\`doctor_id\`) references \`doctor\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`alter table \`appointment\` add constraint \`appointment_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`treatment\` add constraint \`treatment_appointment_id_foreign\` foreign key (\`appointment_id\`) references \`appointment\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`alter table \`treatment\` add constraint \`treatment_patient_id_foreign\` foreign key (\`patient_id\`) references \`patient\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`alter table \`treatment\` add constraint \`treatment_doctor_id_foreign\` foreign key (\`doctor_id\`) references \`doctor\` (\`id\`) on update cascade on delete restrict;`);

    this.addSql(`alter table \`treatment_revision\` add constraint \`treatment_revision_treatment_id_foreign\` foreign key (\`treatment_id\`) references \`treatment\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`treatment_revision\` add constraint \`treatment_revision_edited_by_id_foreign\` foreign key (\`edited_by_id\`) references \`user\` (\`id\`) on update cascade on delete restrict;`);

    this.addSql(`alter table \`invoice\` add constraint \`invoice_appointment_id_foreign\` foreign key (\`appointment_id\`) references \`appointment\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`alter table \`invoice\` add constraint \`invoice_patient_id_foreign\` foreign key (\`patient_id\`) references \`patient\` (\`id\`) on update cascade on delete restrict;`);

    this.addSql(`alter table \`payment\` add constraint \`payment_invoice_id_foreign\` foreign key (\`invoice_id\`) references \`invoice\` (\`id\`) on update cascade on delete restrict;`);
    this.addSql(`alter table \`payment\` add constraint \`payment_recorded_by_id_foreign\` foreign key (\`recorded_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`invoice_line\` add constraint \`invoice_line_invoice_id_foreign\` foreign key (\`invoice_id\`) references \`invoice\` (\`id\`) on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`doctor\` drop foreign key \`doctor_department_id_foreign\`;`);

    this.addSql(`alter table \`patient\` drop foreign key \`patient_user_id_foreign\`;`);

    this.addSql(`alter table \`notification\` drop foreign key \`notification_recipient_id_foreign\`;`);

    this.addSql(`alter table \`doctor\` drop foreign key \`doctor_user_id_foreign\`;`);

    this.addSql(`alter table \`availability_block\` drop foreign key \`availability_block_created_by_id_foreign\`;`);

    this.addSql(`alter table \`audit_event\` drop foreign key \`audit_event_actor_id_foreign\`;`);

    this.addSql(`alter table \`appointment\` drop foreign key \`appointment_created_by_id_foreign\`;`);

    this.addSql(`alter table \`treatment_revision\` drop foreign key \`treatment_revision_edited_by_id_foreign\`;`);

    this.addSql(`alter table \`payment\` drop foreign key \`payment_recorded_by_id_foreign\`;`);

    this.addSql(`alter table \`appointment\` drop foreign key \`appointment_patient_id_foreign\`;`);

    this.addSql(`alter table \`treatment\` drop foreign key \`treatment_patient_id_foreign\`;`);

    this.addSql(`alter table \`invoice\` drop foreign key \`invoice_patient_id_foreign\`;`);

    this.addSql(`alter table \`availability_rule\` drop foreign key \`availability_rule_doctor_id_foreign\`;`);

    this.addSql(`alter table \`availability_block\` drop foreign key \`availability_block_doctor_id_foreign\`;`);

    this.addSql(`alter table \`appointment\` drop foreign key \`appointment_doctor_id_foreign\`;`);

    this.addSql(`alter table \`treatment\` drop foreign key \`treatment_doctor_id_foreign\`;`);

    this.addSql(`alter table \`treatment\` drop foreign key \`treatment_appointment_id_foreign\`;`);

    this.addSql(`alter table \`invoice\` drop foreign key \`invoice_appointment_id_foreign\`;`);

    this.addSql(`alter table \`treatment_revision\` drop foreign key \`treatment_revision_treatment_id_foreign\`;`);

    this.addSql(`alter table \`payment\` drop foreign key \`payment_invoice_id_foreign\`;`);

    this.addSql(`alter table \`invoice_line\` drop foreign key \`invoice_line_invoice_id_foreign\`;`);

    this.addSql(`drop table if exists \`department\`;`);

    this.addSql(`drop table if exists \`invoice_counter\`;`);

    this.addSql(`drop table if exists \`outbox_event\`;`);

    this.addSql(`drop table if exists \`system_setting\`;`);

    this.addSql(`drop table if exists \`user\`;`);

    this.addSql(`drop table if exists \`patient\`;`);

    this.addSql(`drop table if exists \`notification\`;`);

    this.addSql(`drop table if exists \`doctor\`;`);

    this.addSql(`drop table if exists \`availability_rule\`;`);

    this.addSql(`drop table if exists \`availability_block\`;`);

    this.addSql(`drop table if exists \`audit_event\`;`);

    this.addSql(`drop table if exists \`appointment\`;`);

    this.addSql(`drop table if exists \`treatment\`;`);

    this.addSql(`drop table if exists \`treatment_revision\`;`);

    this.addSql(`drop table if exists \`invoice\`;`);

    this.addSql(`drop table if exists \`payment\`;`);

    this.addSql(`drop table if exists \`invoice_line\`;`);
  }

}
