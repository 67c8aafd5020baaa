import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { clock } from '../../clock';
import { User } from '../identity/user.entity';

/** A password-reset link: only the SHA-256 of its secret is stored; single use, 30 minutes. */
@Entity({ tableName: 'password_reset' })
@Index({ name: 'password_reset_user_idx', properties: ['user', 'createdAt'] })
export class PasswordReset {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  @Property({ type: 'datetime', length: 3, nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}
