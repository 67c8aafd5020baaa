import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { UnauthenticatedError } from '../../errors';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { AuthPayload, RegisterInput, UserType } from './identity.types';
import DataLoader from 'dataloader';
import { IdentityService, languagesOf } from './identity.service';
import { User } from './user.entity';

@Resolver(() => UserType)
export class IdentityResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in account; null when anonymous. A refused token is UNAUTHENTICATED.' })
  me(@Ctx() ctx: Context): UserType | null {
    if (ctx.tokenError) throw new UnauthenticatedError(ctx.tokenError);
    if (!ctx.viewer) return null;
    // The context read this row a moment ago to check the token: answer from it.
    const { userId, email, role, mustChangePassword } = ctx.viewer;
    // A viewer exists only for an active account.
    return { id: userId, email, role, mustChangePassword, active: true };
  }

  @Mutation(() => AuthPayload, { description: 'Sign up as a PATIENT. A used email is CONFLICT; a weak password BAD_USER_INPUT.' })
  register(@Ctx() ctx: Context, @Arg('input', () => RegisterInput) input: RegisterInput): Promise<AuthPayload> {
    return new IdentityService(ctx).register(input);
  }

  @Mutation(() => AuthPayload, {
    description: 'Sign in. Wrong email or password is UNAUTHENTICATED; 5 failures in a row lock the account for 15 minutes (ACCOUNT_LOCKED).',
  })
  login(
    @Ctx() ctx: Context,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<AuthPayload> {
    return new IdentityService(ctx).login(email, password);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Replace your password; every token issued before stops working.' })
  async changePassword(
    @Ctx() ctx: Context,
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<boolean> {
    await new IdentityService(ctx).changePassword(currentPassword, newPassword);
    return true;
  }

  @Authorized()
  @Mutation(() => AuthPayload, { description: 'Like changePassword, and returns a fresh token so this client stays signed in.' })
  changePasswordAndSignIn(
    @Ctx() ctx: Context,
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<AuthPayload> {
    return new IdentityService(ctx).changePassword(currentPassword, newPassword);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'End every session of your account, this one included.' })
  signOutEverywhere(@Ctx() ctx: Context): Promise<boolean> {
    return new IdentityService(ctx).signOutEverywhere();
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Remember your language (a code the client speaks, e.g. "hi") for the e-mails, SMS and reports HMS sends you. An unsupported code is BAD_USER_INPUT.',
  })
  setMyLanguage(@Ctx() ctx: Context, @Arg('language', () => String) language: string): Promise<boolean> {
    return new IdentityService(ctx).setLanguage(language);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The language chosen with setMyLanguage (e.g. "hi"); null until one is chosen (English).' })
  language(@Root() user: UserType, @Ctx() ctx: Context): Promise<string | null> {
    return languageLoader(ctx).load(Number(user.id));
  }

  @FieldResolver(() => Patient, { nullable: true, description: 'The patient profile, for PATIENT accounts.' })
  patient(@Root() user: User, @Ctx() ctx: Context): Promise<Patient | null> {
    return ctx.em.findOne(Patient, { user: user.id });
  }

  @FieldResolver(() => Doctor, { nullable: true, description: 'The doctor profile, for DOCTOR accounts.' })
  doctor(@Root() user: User, @Ctx() ctx: Context): Promise<Doctor | null> {
    return ctx.em.findOne(Doctor, { user: user.id });
  }
}

// One query per operation for every account asked about.
const languageLoaders = new WeakMap<Context, DataLoader<number, string | null>>();
function languageLoader(ctx: Context): DataLoader<number, string | null> {
  let loader = languageLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const byId = await languagesOf(ctx.em, ids);
      return ids.map((id) => byId.get(id) ?? null);
    });
    languageLoaders.set(ctx, loader);
  }
  return loader;
}
