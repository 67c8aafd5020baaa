import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from './user.entity';
import { clock } from '../../clock';

/**
 * A one-time link that lets a person choose their own password (doctors created by an admin).
 * Only the SHA-256 of the secret is stored: a database reader cannot use an open invitation.
 */
@Entity({ tableName: 'invitation' })
@Index({ name: 'invitation_user_idx', properties: ['user'] })
export class Invitation {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: User;

  /** hex SHA-256 of the secret in the link. */
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  /** Set when the link was used; a used link never works again. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  acceptedAt?: Date | null;

  /** Set when a newer invitation replaced this one. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}
