import { type EntityClass, type EntityManager, LockMode, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { createHash, randomBytes } from 'node:crypto';
import { clock } from '../../clock';
import { BadInputError } from '../../errors';
import { User } from './user.entity';

/**
 * A link that works once for one account until it expires (invitations, password resets). Only the
 * SHA-256 of its secret is stored: a database reader cannot use an open link. The tables that hold
 * them extend this class (their columns: id, user, token_hash, expires_at, created_at, plus how the
 * link was spent).
 */
export abstract class OneTimeToken {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: User;

  /** hex SHA-256 of the secret in the link. */
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new secret for a link (32 random bytes) and the hash to store in its place. */
export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashOneTimeToken(token) };
}

/**
 * The row of a link being used, on `em` (the caller's transaction), locked so two simultaneous uses
 * cannot both succeed; BAD_USER_INPUT (`notValid`, on the field `token`) unless it is unspent,
 * unexpired and its account active. The caller marks it spent in the same transaction.
 */
export async function openOneTimeToken<T extends OneTimeToken>(
  em: EntityManager, entity: EntityClass<T>, token: string, spent: (row: T) => boolean, notValid: string,
): Promise<T> {
  const row = await em.findOne(entity, { tokenHash: hashOneTimeToken(String(token ?? '')) } as never, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['user'] as never });
  if (!row || spent(row) || row.expiresAt <= clock.now() || !row.user.active) {
    throw new BadInputError(notValid, { token: notValid });
  }
  return row;
}

/**
 * What a used link does to its account: the password the person chose, no forced change, a lockout
 * cleared, and every token issued before it ended (the version they carry is bumped).
 */
export function setChosenPassword(user: User, passwordHash: string): void {
  user.passwordHash = passwordHash;
  user.mustChangePassword = false;
  user.tokenVersion += 1;
  user.failedLoginCount = 0;
  user.lockedUntil = null;
}
