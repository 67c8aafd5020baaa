import { Migration } from '@mikro-orm/migrations';

export class Migration20261201105500_accounts_invitations_audit_ip extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`invitation\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`token_hash\` varchar(64) not null, \`expires_at\` datetime(3) not null, \`accepted_at\` datetime(3) null, \`revoked_at\` datetime(3) null, \`created_by_id\` int unsigned null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`invitation\` add unique \`invitation_token_hash_unique\`(\`token_hash\`);`);
    this.addSql(`alter table \`invitation\` add index \`invitation_created_by_id_index\`(\`created_by_id\`);`);
    this.addSql(`alter table \`invitation\` add index \`invitation_user_idx\`(\`user_id\`);`);

    this.addSql(`alter table \`invitation\` add constraint \`invitation_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`invitation\` add constraint \`invitation_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`audit_event\` add \`ip\` varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`invitation\`;`);

    this.addSql(`alter table \`audit_event\` drop column \`ip\`;`);
  }

}
