import { Migration } from '@mikro-orm/migrations';

export class Migration20261201092754_live_relay extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`outbox_event\` add \`starts_at\` datetime(3) null, add \`ends_at\` datetime(3) null, add \`status\` varchar(16) null, add \`published_at\` datetime(3) null;`);
    this.addSql(`alter table \`outbox_event\` add index \`outbox_event_unpublished_idx\`(\`published_at\`, \`id\`);`);

    this.addSql(`alter table \`notification\` add \`published_at\` datetime(3) null;`);
    this.addSql(`alter table \`notification\` add index \`notification_unpublished_idx\`(\`published_at\`, \`id\`);`);
    // Rows from before the relay were published in the request that wrote them: not again.
    this.addSql(`update \`outbox_event\` set \`published_at\` = \`created_at\`;`);
    this.addSql(`update \`notification\` set \`published_at\` = \`created_at\`;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`outbox_event\` drop index \`outbox_event_unpublished_idx\`;`);
    this.addSql(`alter table \`outbox_event\` drop column \`starts_at\`, drop column \`ends_at\`, drop column \`status\`, drop column \`published_at\`;`);

    this.addSql(`alter table \`notification\` drop index \`notification_unpublished_idx\`;`);
    this.addSql(`alter table \`notification\` drop column \`published_at\`;`);
  }

}
