import { Migration } from '@mikro-orm/migrations';

export class Migration20261201115637_integrations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`calendar_feed\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`nonce\` varchar(64) not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`calendar_feed\` add unique \`calendar_feed_user_unique\`(\`user_id\`);`);

    this.addSql(`create table \`api_key\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`name\` varchar(100) not null, \`prefix\` varchar(16) not null, \`secret_hash\` varchar(64) not null, \`scopes\` json not null, \`expires_at\` datetime(3) null, \`last_used_at\` datetime(3) null, \`revoked_at\` datetime(3) null, \`created_by_id\` int unsigned null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`api_key\` add unique \`api_key_user_unique\`(\`user_id\`);`);
    this.addSql(`alter table \`api_key\` add unique \`api_key_secret_hash_unique\`(\`secret_hash\`);`);
    this.addSql(`alter table \`api_key\` add index \`api_key_created_by_id_index\`(\`created_by_id\`);`);

    this.addSql(`create table \`webhook_endpoint\` (\`id\` int unsigned not null auto_increment primary key, \`url\` varchar(2000) not null, \`events\` json not null, \`secret_sealed\` text not null, \`active\` tinyint(1) not null default true, \`failing_since\` datetime(3) null, \`disabled_at\` datetime(3) null, \`created_by_id\` int unsigned null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`webhook_endpoint\` add index \`webhook_endpoint_created_by_id_index\`(\`created_by_id\`);`);

    this.addSql(`create table \`webhook_delivery\` (\`id\` bigint unsigned not null auto_increment primary key, \`endpoint_id\` int unsigned not null, \`source_id\` bigint not null, \`ordering_key\` varchar(64) not null, \`type\` varchar(40) not null, \`body\` text not null, \`status\` varchar(16) not null default 'PENDING', \`attempts\` int not null default 0, \`next_attempt_at\` datetime(3) null, \`last_status_code\` int null, \`last_error\` varchar(500) null, \`delivered_at\` datetime(3) null, \`created_at\` datetime(3) not null, constraint webhook_delivery_status_check check (status in ('PENDING','SUCCEEDED','FAILED'))) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`webhook_delivery\` add index \`webhook_delivery_endpoint_id_index\`(\`endpoint_id\`);`);
    this.addSql(`alter table \`webhook_delivery\` add index \`webhook_delivery_endpoint_idx\`(\`endpoint_id\`, \`id\`);`);
    this.addSql(`alter table \`webhook_delivery\` add index \`webhook_delivery_due_idx\`(\`status\`, \`next_attempt_at\`);`);
    this.addSql(`alter table \`webhook_delivery\` add unique \`webhook_delivery_source_unique\`(\`endpoint_id\`, \`source_id\`);`);

    this.addSql(`create table \`webhook_feed_state\` (\`id\` int unsigned not null auto_increment primary key, \`last_outbox_id\` bigint not null default 0) default character set utf8mb4 engine = InnoDB;`);

    // The fan-out's one cursor row.
    this.addSql(`insert into \`webhook_feed_state\` (\`id\`, \`last_outbox_id\`) values (1, 0);`);

    this.addSql(`alter table \`calendar_feed\` add constraint \`calendar_feed_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`api_key\` add constraint \`api_key_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`api_key\` add constraint \`api_key_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`webhook_endpoint\` add constraint \`webhook_endpoint_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`webhook_delivery\` add constraint \`webhook_delivery_endpoint_id_foreign\` foreign key (\`endpoint_id\`) references \`webhook_endpoint\` (\`id\`) on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`webhook_delivery\` drop foreign key \`webhook_delivery_endpoint_id_foreign\`;`);

    this.addSql(`drop table if exists \`calendar_feed\`;`);

    this.addSql(`drop table if exists \`api_key\`;`);

    this.addSql(`drop table if exists \`webhook_endpoint\`;`);

    this.addSql(`drop table if exists \`webhook_delivery\`;`);

    this.addSql(`drop table if exists \`webhook_feed_state\`;`);
  }

}
