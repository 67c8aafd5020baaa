import { Migration } from '@mikro-orm/migrations';

export class Migration20261201121452_reports_export_jobs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`report_delivery\` (\`id\` int unsigned not null auto_increment primary key, \`kind\` varchar(32) not null, \`month\` varchar(7) not null, \`recipient_id\` int unsigned not null, \`status\` varchar(16) not null default 'PENDING', \`attempts\` int not null default 0, \`last_error\` varchar(500) null, \`sent_at\` datetime(3) null, \`created_at\` datetime(3) not null, constraint report_delivery_status_check check (status in ('PENDING','SENT','FAILED')), constraint report_delivery_kind_check check (kind in ('DOCTOR_MONTHLY','HOSPITAL_MONTHLY'))) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`report_delivery\` add index \`report_delivery_recipient_id_index\`(\`recipient_id\`);`);
    this.addSql(`alter table \`report_delivery\` add unique \`report_delivery_once\`(\`kind\`, \`month\`, \`recipient_id\`);`);

    this.addSql(`create table \`export_job\` (\`id\` varchar(36) not null, \`owner_id\` int unsigned not null, \`kind\` varchar(32) not null, \`format\` varchar(8) not null, \`params\` json not null, \`status\` varchar(16) not null default 'QUEUED', \`progress\` int not null default 0, \`stage\` varchar(100) null, \`file_name\` varchar(200) null, \`content_type\` varchar(100) null, \`data\` longblob null, \`size\` int null, \`error\` varchar(500) null, \`attempts\` int not null default 0, \`created_at\` datetime(3) not null, \`started_at\` datetime(3) null, \`finished_at\` datetime(3) null, \`expires_at\` datetime(3) null, primary key (\`id\`), constraint export_job_progress_check check (progress between 0 and 100), constraint export_job_status_check check (status in ('QUEUED','RUNNING','DONE','FAILED','EXPIRED')), constraint export_job_format_check check (format in ('CSV','XLSX','PDF')), constraint export_job_kind_check check (kind in ('DASHBOARD','PATIENT_HISTORY'))) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`export_job\` add index \`export_job_owner_id_index\`(\`owner_id\`);`);
    this.addSql(`alter table \`export_job\` add index \`export_job_status_created_idx\`(\`status\`, \`created_at\`);`);
    this.addSql(`alter table \`export_job\` add index \`export_job_owner_created_idx\`(\`owner_id\`, \`created_at\`);`);

    this.addSql(`alter table \`report_delivery\` add constraint \`report_delivery_recipient_id_foreign\` foreign key (\`recipient_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`export_job\` add constraint \`export_job_owner_id_foreign\` foreign key (\`owner_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`report_delivery\`;`);

    this.addSql(`drop table if exists \`export_job\`;`);
  }

}
