import { Entity, ManyToOne, type Opt, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../identity/user.entity';

/** What a key may do; never clinical content, whatever its scopes. */
export const API_KEY_SCOPES = ['schedule:read', 'appointments:read', 'appointments:write', 'patients:read', 'billing:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * A service account's key. The key acts through a `user` row of its own (role ADMIN, no usable
 * password), so audit rows, revocation and socket bookkeeping work as for people; its scopes
 * narrow what that account may call (scopes.ts). Only the SHA-256 of the secret is stored.
 */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The account the key acts as (one per key). */
  @OneToOne({ entity: () => User, owner: true, unique: 'api_key_user_unique', deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The first characters of the secret ("hms_ab12cd"), to tell keys apart in lists. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  /** SHA-256 hex of the whole secret: a 256-bit random secret needs no slow hash. */
  @Property({ type: 'string', length: 64, unique: 'api_key_secret_hash_unique' })
  secretHash!: string;

  @Property({ type: 'json' })
  scopes!: ApiKeyScope[];

  @Property({ type: 'datetime', length: 3, nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = new Date();
}
