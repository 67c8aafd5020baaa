import { Entity, Index, Property } from '@mikro-orm/core';
import { OneTimeToken } from '../identity/one-time-token';

/** A password-reset link: single use, 30 minutes (see OneTimeToken). */
@Entity({ tableName: 'password_reset' })
@Index({ name: 'password_reset_user_idx', properties: ['user', 'createdAt'] })
export class PasswordReset extends OneTimeToken {
  @Property({ type: 'datetime', length: 3, nullable: true })
  usedAt?: Date | null;
}
