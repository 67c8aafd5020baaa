import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Page } from '../../shared/pagination';
import { LocalDateScalar } from '../../shared/scalars';
import { Role } from './user.entity';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a signed-in person may do.',
  valuesConfig: {
    PATIENT: { description: 'Books and reads their own appointments, treatments and bills.' },
    DOCTOR: { description: 'Sees their own schedule and their patients\' records; records treatments.' },
    ADMIN: { description: 'Runs the hospital: directory, appointments, billing, reports, audit; no clinical content.' },
  },
});

@ObjectType('User', { description: 'A person who can sign in.' })
export class UserType {
  @Field(() => ID, { description: 'Stable id of the account.' })
  id!: number;

  @Field(() => String, { description: 'Sign-in email, lower-cased.' })
  email!: string;

  @Field(() => Role, { description: 'PATIENT, DOCTOR or ADMIN.' })
  role!: Role;

  @Field(() => Boolean, { description: 'True until the person replaces the password an admin chose for them.' })
  mustChangePassword!: boolean;

  @Field(() => Boolean, { description: 'False once an admin switched the account off: it cannot sign in and its sessions ended.' })
  active!: boolean;

  /** Resolved by AccountsResolver.createdAt (`me` answers from the token check's row, which lacks it). */
  createdAt?: Date;
}

@ObjectType({ description: 'The result of signing up or in.' })
export class AuthPayload {
  @Field(() => String, { description: 'Bearer token for the Authorization header (HTTP) or connection_init payload (WebSocket).' })
  token!: string;

  @Field(() => UserType, { description: 'The signed-in account.' })
  user!: UserType;
}

@InputType({ description: 'Sign-up details of a new patient.' })
export class RegisterInput {
  @Field(() => String, { description: 'Email used to sign in; must be unused.' })
  email!: string;

  @Field(() => String, { description: 'At least 10 characters, mixing two of: lower-case, upper-case, digits, symbols.' })
  password!: string;

  @Field(() => String, { description: 'Full name as it should appear on records.' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of birth.' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender, as the patient describes it.' })
  gender?: string | null;
}

@ObjectType({ description: 'A page of accounts, oldest first.' })
export class AccountPage extends Page(UserType) {}

@InputType({ description: 'A new administrator account.' })
export class CreateAdminInput {
  @Field(() => String, { description: 'Sign-in email; must be unused.' })
  email!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Initial password, to be changed at first sign-in. Omit it to get a one-time invitation link with which the new admin chooses their own.',
  })
  password?: string | null;
}

@ObjectType({ description: 'An account just created, with its invitation link when one was made.' })
export class CreatedAccount {
  @Field(() => UserType, { description: 'The new account.' })
  user!: UserType;

  @Field(() => String, { nullable: true, description: 'The one-time link (shown this once) with which the person chooses a password; null when a password was given.' })
  invitationUrl!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the invitation link stops working.' })
  invitationExpiresAt!: Date | null;
}

@ObjectType({ description: 'A new one-time invitation link; earlier links of the account stop working.' })
export class InvitationLinkPayload {
  @Field(() => String, { nullable: true, description: 'The link, shown this once; null when it was sent to the person another way (e-mail).' })
  url!: string | null;

  @Field(() => Date, { description: 'When the link stops working (72 hours after it was made).' })
  expiresAt!: Date;
}
