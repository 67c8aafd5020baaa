import { Check, Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { clock } from '../../clock';

export enum Role {
  PATIENT = 'PATIENT',
  DOCTOR = 'DOCTOR',
  ADMIN = 'ADMIN',
}

/** A person who can sign in. Profiles (patient, doctor) point at it. */
@Entity({ tableName: 'user' })
@Check({ name: 'user_role_check', expression: "role in ('PATIENT','DOCTOR','ADMIN')" })
export class User {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Stored lower-cased and trimmed, so uniqueness ignores case. */
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  /** argon2id hash (PHC string). */
  @Property({ type: 'string', length: 255, lazy: true })
  passwordHash!: string;

  // varchar, not a native enum: MikroORM's diff re-emits native enums on MariaDB.
  @Property({ type: 'string', length: 16 })
  role!: Role;

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Property({ type: 'integer', default: 0 })
  failedLoginCount: Opt<number> = 0;

  @Property({ type: 'datetime', length: 3, nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'boolean', default: false })
  mustChangePassword: Opt<boolean> = false;

  /** Bumped to invalidate every token issued before (password change, sign-out everywhere). */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: Opt<number> = 0;

  /** The language for this person's e-mails, SMS and mailed reports (a client/src/i18n/locales code); null: English. */
  @Property({ type: 'string', length: 16, nullable: true })
  language?: string | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();

  @Property({ type: 'datetime', length: 3, onUpdate: () => clock.now() })
  updatedAt: Opt<Date> = clock.now();
}
