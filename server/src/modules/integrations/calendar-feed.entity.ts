import { Entity, type Opt, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../identity/user.entity';

/**
 * A person's calendar feed. The URL's secret is an HMAC of (user, nonce) under the server secret,
 * so the database alone does not reveal it; rotating draws a new nonce and the old URL stops.
 */
@Entity({ tableName: 'calendar_feed' })
export class CalendarFeed {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @OneToOne({ entity: () => User, owner: true, unique: 'calendar_feed_user_unique', deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 64 })
  nonce!: string;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();
}
