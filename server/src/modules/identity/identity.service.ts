import type { EntityManager } from '@mikro-orm/core';
import argon2 from 'argon2';
import { z } from 'zod';
import type { Context } from '../../context';
import { requireViewer } from '../../auth';
import type { Config } from '../../config';
import { AccountLockedError, BadInputError, ConflictError, UnauthenticatedError } from '../../errors';
import { consumeRateLimit } from '../../rate-limit';
import { unknownAccountTriesLeft } from './login-tries';
import { clock } from '../../clock';
import { logger } from '../../logger';
import { type AuditEntry, recordAudit, recordAuditNow } from '../audit/audit.service';
import { emailSchema, optionalText, passwordSchema, phoneSchema, requiredText, validate } from '../../shared/validation';
import { Patient } from '../directory/patient.entity';
import { nextMedicalRecordNumber } from '../directory/patient.service';
import type { RegisterInput } from './identity.types';
import { publishAccountRevoked } from './revocation';
import { signToken } from './tokens';
import { LANGUAGES, supportedLanguage } from '../../shared/i18n';
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
  dateOfBirth: z.string().nullish().refine((d) => !d || d <= clock.now().toISOString().slice(0, 10), 'Cannot be in the future'),
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

  /**
   * Sign-in with a lockout that holds however many requests arrive at once, on any number of
   * processes: each attempt first takes one of MAX_FAILED_LOGINS places with a conditional
   * UPDATE (the database serialises them), and only an attempt holding a place has its password
   * checked. The attempt that takes the last place starts the lock. A right password clears the
   * count only if no attempt took a place after it, so one guessed inside a burst is refused too.
   */
  async login(rawEmail: string, password: string): Promise<{ token: string; user: User }> {
    const email = rawEmail.trim().toLowerCase();
    await consumeRateLimit(this.ctx, 'login', email);
    const user = await this.em.findOne(User, { email }, { populate: ['passwordHash'] });
    if (!user) {
      dummyHashPromise ??= hashPassword('not-a-real-password-0');
      await argon2.verify(await dummyHashPromise, password).catch(() => false);
      await this.audit({ action: 'login.failure', entityType: 'user', entityId: '-', changes: { email: { before: null, after: email.slice(0, 254) } } });
      throw new UnauthenticatedError('Wrong email or password', { triesLeft: await unknownAccountTriesLeft(this.ctx.deps, email) });
    }
    const place = await this.takeLoginPlace(user.id);
    if (place === null) throw new AccountLockedError(await this.lockSecondsLeft(user.id));
    // No password yet (an invited doctor who has not accepted) never matches.
    const ok = user.passwordHash !== '' && (await argon2.verify(user.passwordHash, password).catch(() => false));
    if (!ok) {
      await this.audit({ action: 'login.failure', entityType: 'user', entityId: user.id, actorId: user.id, changes: { attempt: { before: null, after: place } } });
      if (place >= MAX_FAILED_LOGINS) {
        logger.warn('account locked after repeated failed sign-ins', { userId: user.id });
        await this.audit({ action: 'login.lockout', entityType: 'user', entityId: user.id, actorId: user.id, changes: { lockedMinutes: { before: null, after: LOCK_MINUTES } } });
        throw new AccountLockedError(LOCK_MINUTES * 60);
      }
      throw new UnauthenticatedError('Wrong email or password', { triesLeft: MAX_FAILED_LOGINS - place });
    }
    const cleared = await this.em.getConnection().execute(
      'update `user` set failed_login_count = 0, locked_until = null where id = ? and failed_login_count = ?', [user.id, place], 'run');
    if (!cleared.affectedRows) {
      // Other attempts came in while this one was checked: the burst is treated as an attack.
      await this.audit({ action: 'login.failure', entityType: 'user', entityId: user.id, actorId: user.id, changes: { reason: { before: null, after: 'concurrent attempts' } } });
      const seconds = await this.lockSecondsLeft(user.id);
      if (seconds > 0) throw new AccountLockedError(seconds);
      throw new UnauthenticatedError('Several sign-ins to this account arrived at once; try again');
    }
    if (!user.active) {
      await this.audit({ action: 'login.failure', entityType: 'user', entityId: user.id, actorId: user.id, changes: { reason: { before: null, after: 'account deactivated' } } });
      throw new UnauthenticatedError('This account has been deactivated; ask an administrator');
    }
    await this.audit({ action: 'login.success', entityType: 'user', entityId: user.id, actorId: user.id });
    return { token: this.issueToken(user), user };
  }

  /**
   * Takes the next place (1..MAX_FAILED_LOGINS) for a password check, or null while locked.
   * One statement, so simultaneous attempts on any process each get a distinct place;
   * LAST_INSERT_ID(expr) hands this connection its own new count.
   */
  private async takeLoginPlace(userId: number): Promise<number | null> {
    const now = clock.now();
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    // MySQL and MariaDB apply SET left to right: locked_until sees the new count.
    const result = await this.em.getConnection().execute(
      'update `user` set ' +
        'failed_login_count = last_insert_id(if(locked_until is not null and locked_until <= ?, 0, failed_login_count) + 1), ' +
        'locked_until = if(failed_login_count >= ?, ?, null) ' +
        'where id = ? and (locked_until is null or locked_until <= ?)',
      [now, MAX_FAILED_LOGINS, lockUntil, userId, now],
      'run',
    );
    return result.affectedRows ? Number(result.insertId) : null;
  }

  private async lockSecondsLeft(userId: number): Promise<number> {
    const [row] = await this.em.getConnection().execute<Array<{ locked_until: Date | string | null }>>('select locked_until from `user` where id = ?', [userId]);
    if (!row?.locked_until) return 0;
    return Math.max(1, Math.ceil((new Date(row.locked_until).getTime() - clock.nowMs()) / 1000));
  }

  /** Sign-in events are kept even though the sign-in then fails: written at once, outside any transaction. */
  private audit(entry: AuditEntry): Promise<void> {
    return recordAuditNow(this.em, this.ctx, entry);
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
    const wasForced = user.mustChangePassword;
    user.mustChangePassword = false;
    // Every token carries the version it was issued under: bumping it ends them all.
    user.tokenVersion += 1;
    recordAudit(this.em, this.ctx, { action: 'password.change', entityType: 'user', entityId: user.id, changes: wasForced ? { mustChangePassword: { before: true, after: false } } : null });
    await this.em.flush();
    publishAccountRevoked(this.ctx.deps, user.id);
    return { token: this.issueToken(user), user };
  }

  /** Ends every session of the viewer, including this one. */
  async signOutEverywhere(): Promise<boolean> {
    const viewer = requireViewer(this.ctx);
    await this.em.transactional(async (em) => {
      await em.getConnection().execute('update `user` set token_version = token_version + 1 where id = ?', [viewer.userId], 'run', em.getTransactionContext());
      recordAudit(em, this.ctx, { action: 'session.sign_out_everywhere', entityType: 'user', entityId: viewer.userId });
    });
    publishAccountRevoked(this.ctx.deps, viewer.userId);
    return true;
  }

  /** Remembers the viewer's language for what the server sends them (e-mails, SMS, mailed reports). */
  async setLanguage(language: string): Promise<boolean> {
    const viewer = requireViewer(this.ctx);
    const code = supportedLanguage(language);
    if (!code) {
      throw new BadInputError(`Unsupported language; one of ${LANGUAGES.join(', ')}`, { language: 'Unsupported language' });
    }
    await this.em.getConnection().execute('update `user` set language = ? where id = ?', [code, viewer.userId], 'run');
    return true;
  }
}

/** The languages of many accounts at once (null: none chosen). */
export async function languagesOf(em: EntityManager, userIds: readonly number[]): Promise<Map<number, string | null>> {
  if (!userIds.length) return new Map();
  const rows = await em.getConnection().execute<Array<{ id: number; language: string | null }>>(
    `select id, language from \`user\` where id in (${userIds.map(() => '?').join(',')})`, [...userIds]);
  return new Map(rows.map((row: { id: number; language: string | null }) => [Number(row.id), row.language]));
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
