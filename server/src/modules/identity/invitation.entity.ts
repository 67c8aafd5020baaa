import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { User } from './user.entity';
import { OneTimeToken } from './one-time-token';

/** A one-time link that lets a person choose their own password (doctors created by an admin). */
@Entity({ tableName: 'invitation' })
@Index({ name: 'invitation_user_idx', properties: ['user'] })
export class Invitation extends OneTimeToken {
  /** Set when the link was used; a used link never works again. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  acceptedAt?: Date | null;

  /** Set when a newer invitation replaced this one. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;
}
