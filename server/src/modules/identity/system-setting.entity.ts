import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Per-database values generated on first start in development (JWT secret, data key). */
@Entity({ tableName: 'system_setting' })
export class SystemSetting {
  @PrimaryKey({ type: 'string', length: 64 })
  name!: string;

  @Property({ type: 'text' })
  value!: string;
}
