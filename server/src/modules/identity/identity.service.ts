import type { EntityManager } from '@mikro-orm/core';
import argon2 from 'argon2';
import { z } from 'zod';
import type { Context } from '../../context';
import { requireViewer } from '../../auth';
import type { Config } from '../../config';
import { AccountLockedError, BadInputError, ConflictError, UnauthenticatedError } from '../../errors';
import { consumeRateLimit } from '../../rate-limit';
import { logger } from '../../logger';
import { emailSchema, optionalText, passwordSchema, phoneSchema, requiredText, validate } from '../../shared/validation';
import { Patient } from '../directory/patient.entity';
import { nextMedicalRecordNumber } from '../directory/patient.service';
import type { RegisterInput } from './identity.types';
import { signToken } from './tokens';
import { Role, User } from './user.entity';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const ARGON2_OPTIONS = { type: argon2.argon2id } as const;
// Verified against when the email is unknown, so both failures take as long.
let dummyHashPromise: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  fullName: requiredText(120, 'Full name'),
  phone: phoneSchema,
  dateOfBirth: z.string().nullish().refine((d) => !d || d <= new Date().toISOString().slice(0, 10), 'Cannot be in the future'),
  gender: optionalText(32),
});

/** Accounts: sign-up, sign-in with lockout, password changes, the first admin. */
export class IdentityService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager { return this.ctx.em; }
  private get config(): Config { return this.ctx.deps.config; }

  issueToken(user: User): string {
    return signToken({ userId: user.id, role: user.role, tokenVersion: user.tokenVersion }, this.ctx.deps.secrets.jwtSecret, this.config.tokenTtlSeconds);
  }

  async register(input: RegisterInput): Promise<{ token: string; user: User }> {
    await consumeRateLimit(this.ctx, 'register');
    const data = validate(registerSchema, input);
    const passwordHash = await hashPassword(data.password);
    const user = await this.em.transactional(async (em) => {
      if (await em.count(User, { email: data.email })) {
        throw new ConflictError('An account with this email already exists', { email: 'Already registered' });
      }
      const user = em.create(User, { email: data.email, passwordHash, role: Role.PATIENT });
      em.persist(user);
      await em.flush();
      em.persist(em.create(Patient, {
        user,
        fullName: data.fullName,
        medicalRecordNumber: await nextMedicalRecordNumber(em),
        phone: data.phone,
        dateOfBirth: data.dateOfBirth ?? null,
        gender: data.gender,
      }));
      return user;
    }).catch(rethrowDuplicateEmail);
    return { token: this.issueToken(user), user };
  }

  async login(rawEmail: string, password: string): Promise<{ token: string; user: User }> {
    const email = rawEmail.trim().toLowerCase();
    await consumeRateLimit(this.ctx, 'login', email);
    const user = await this.em.findOne(User, { email }, { populate: ['passwordHash'] });
    const now = new Date();
    if (user?.lockedUntil && user.lockedUntil > now) {
      throw new AccountLockedError(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000));
    }
    if (!user || !user.active) {
      dummyHashPromise ??= hashPassword('not-a-real-password-0');
      await argon2.verify(await dummyHashPromise, password).catch(() => false);
      throw new UnauthenticatedError('Wrong email or password');
    }
    const ok = await argon2.verify(user.passwordHash, password).catch(() => false);
    const connection = this.em.getConnection();
    if (!ok) {
      // Atomic in SQL so simultaneous failures all count.
      await connection.execute(
        'update `user` set failed_login_count = failed_login_count + 1, ' +
          'locked_until = if(failed_login_count >= ?, ?, locked_until), ' +
          'failed_login_count = if(failed_login_count >= ?, 0, failed_login_count) where id = ?',
        [MAX_FAILED_LOGINS, new Date(now.getTime() + LOCK_MINUTES * 60_000), MAX_FAILED_LOGINS, user.id],
      );
      const [row] = await connection.execute<Array<{ locked_until: Date | null }>>('select locked_until from `user` where id = ?', [user.id]);
      if (row?.locked_until && new Date(row.locked_until) > now) {
        logger.warn('account locked after repeated failed sign-ins', { userId: user.id });
        throw new AccountLockedError(LOCK_MINUTES * 60);
      }
      throw new UnauthenticatedError('Wrong email or password');
    }
    if (user.failedLoginCount > 0 || user.lockedUntil) {
      await connection.execute('update `user` set failed_login_count = 0, locked_until = null where id = ?', [user.id]);
    }
    return { token: this.issueToken(user), user };
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<{ token: string; user: User }> {
    const viewer = requireViewer(this.ctx);
    const user = await this.em.findOneOrFail(User, viewer.userId, { populate: ['passwordHash'] });
    if (!(await argon2.verify(user.passwordHash, currentPassword).catch(() => false))) {
      throw new BadInputError('The current password is wrong', { currentPassword: 'Wrong password' });
    }
    const { newPassword: password } = validate(z.object({ newPassword: passwordSchema }), { newPassword });
    if (password === currentPassword) {
      throw new BadInputError('Choose a password different from the current one', { newPassword: 'Same as the current password' });
    }
    user.passwordHash = await hashPassword(password);
    user.mustChangePassword = false;
    // Every token carries the version it was issued under: bumping it ends them all.
    user.tokenVersion += 1;
    await this.em.flush();
    return { token: this.issueToken(user), user };
  }

  /** Ends every session of the viewer, including this one. */
  async signOutEverywhere(): Promise<boolean> {
    const viewer = requireViewer(this.ctx);
    await this.em.getConnection().execute('update `user` set token_version = token_version + 1 where id = ?', [viewer.userId]);
    return true;
  }
}

/** Creates the admin from HMS_ADMIN_EMAIL / HMS_ADMIN_PASSWORD when no admin exists yet. */
export async function bootstrapAdmin(em: EntityManager, config: Config): Promise<void> {
  if (!config.adminEmail || !config.adminPassword) return;
  if (await em.count(User, { role: Role.ADMIN })) return;
  const email = validate(emailSchema, config.adminEmail);
  if (await em.count(User, { email })) {
    logger.warn(`HMS_ADMIN_EMAIL ${email} belongs to a non-admin account; no admin was created`);
    return;
  }
  em.persist(em.create(User, { email, passwordHash: await hashPassword(config.adminPassword), role: Role.ADMIN }));
  await em.flush().catch((error) => {
    // Another process bootstrapping at the same moment won.
    if ((error as { code?: string }).code !== 'ER_DUP_ENTRY' && !String(error).includes('Duplicate')) throw error;
  });
  logger.info(`created admin account ${email}`);
}

export function rethrowDuplicateEmail(error: unknown): never {
  if (error instanceof Error && /Duplicate entry .* for key '.*email/i.test(error.message)) {
    throw new ConflictError('An account with this email already exists', { email: 'Already registered' });
  }
  throw error;
}
