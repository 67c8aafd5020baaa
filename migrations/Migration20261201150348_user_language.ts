import { Migration } from '@mikro-orm/migrations';

export class Migration20261201150348_user_language extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`user\` add \`language\` varchar(16) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`user\` drop column \`language\`;`);
  }

}
