import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Doctor } from '../directory/doctor.entity';
import { AccountService, type AccountPageResult } from './accounts.service';
import { AccountPage, AuthPayload, CreateAdminInput, CreatedAccount, InvitationLinkPayload, UserType } from './identity.types';
import { freshInvitationUrl, InvitationService } from './invitation.service';
import { Role, User } from './user.entity';

interface AccountFacts { fullName: string | null; awaitingInvitation: boolean; createdAt: Date }

// One query per operation for every account on a page, not one per account.
const factLoaders = new WeakMap<Context, DataLoader<number, AccountFacts>>();
function accountFacts(ctx: Context): DataLoader<number, AccountFacts> {
  let loader = factLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<number, AccountFacts>(async (ids) => {
      type Row = { id: number; awaiting: number; full_name: string | null; created_at: Date | string };
      const rows = (await ctx.em.getConnection().execute(
        "select u.id, u.password_hash = '' as awaiting, coalesce(d.full_name, p.full_name) as full_name, u.created_at from `user` u " +
          `left join doctor d on d.user_id = u.id left join patient p on p.user_id = u.id where u.id in (${ids.map(() => '?').join(',')})`,
        [...ids])) as Row[];
      const byId = new Map<number, Row>(rows.map((row) => [Number(row.id), row]));
      return ids.map((id) => {
        const row = byId.get(id);
        return { fullName: row?.full_name ?? null, awaitingInvitation: Boolean(Number(row?.awaiting ?? 0)), createdAt: new Date(row?.created_at ?? 0) };
      });
    });
    factLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => UserType)
export class AccountsResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AccountPage, { description: 'ADMIN: every account that can sign in (patients, doctors, admins), oldest first.' })
  accounts(
    @Ctx() ctx: Context,
    @Arg('role', () => Role, { nullable: true, description: 'Only accounts of this role.' }) role: Role | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the email.' }) search: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page.' }) after: string | null,
  ): Promise<AccountPageResult> {
    return new AccountService(ctx).list(role, search, first, after);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserType, {
    description: 'ADMIN: switch an account off (it cannot sign in; its tokens and open sockets end at once, on every process) or back on. ' +
      'A doctor\'s profile follows. The last active admin cannot be switched off (CONFLICT).',
  })
  setAccountActive(
    @Ctx() ctx: Context,
    @Arg('userId', () => ID, { description: 'The account.' }) userId: string,
    @Arg('active', () => Boolean, { description: 'false: deactivate; true: reactivate.' }) active: boolean,
  ): Promise<User> {
    return new AccountService(ctx).setActive(userId, active);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedAccount, { description: 'ADMIN: add another administrator, with an initial password or a one-time invitation link.' })
  createAdmin(@Ctx() ctx: Context, @Arg('input', () => CreateAdminInput) input: CreateAdminInput): Promise<CreatedAccount> {
    return new AccountService(ctx).createAdmin(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InvitationLinkPayload, {
    description: 'ADMIN: a new one-time invitation link for an account that has not chosen its own password yet (else CONFLICT); earlier links stop working.',
  })
  issueInvitation(@Ctx() ctx: Context, @Arg('userId', () => ID, { description: 'The account.' }) userId: string): Promise<InvitationLinkPayload> {
    return new InvitationService(ctx).reissue(userId);
  }

  @Mutation(() => AuthPayload, {
    description: 'Choose your password with the token from an invitation link, and sign in. A used, replaced or expired link is BAD_USER_INPUT.',
  })
  acceptInvitation(
    @Ctx() ctx: Context,
    @Arg('token', () => String, { description: 'The last part of the invitation link.' }) token: string,
    @Arg('password', () => String, { description: 'The new password (same rules as sign-up).' }) password: string,
  ): Promise<AuthPayload> {
    return new InvitationService(ctx).accept(token, password);
  }

  @FieldResolver(() => Date, { description: 'When the account was created.' })
  async createdAt(@Root() user: { id: number; createdAt?: Date }, @Ctx() ctx: Context): Promise<Date> {
    return user.createdAt ?? (await accountFacts(ctx).load(user.id)).createdAt;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The person\'s name from their doctor or patient profile; null for admins.' })
  async fullName(@Root() user: { id: number }, @Ctx() ctx: Context): Promise<string | null> {
    return (await accountFacts(ctx).load(user.id)).fullName;
  }

  @FieldResolver(() => Boolean, { description: 'True while the person has no password yet: invited, and the link not used.' })
  async awaitingInvitation(@Root() user: { id: number }, @Ctx() ctx: Context): Promise<boolean> {
    return (await accountFacts(ctx).load(user.id)).awaitingInvitation;
  }
}

@Resolver(() => Doctor)
export class DoctorInvitationResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Only in the answer to createDoctor without a password: the one-time link with which the doctor chooses their password (shown this once). Null everywhere else.',
  })
  invitationUrl(@Root() doctor: Doctor): string | null {
    return freshInvitationUrl(doctor);
  }
}
