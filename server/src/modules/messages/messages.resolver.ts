import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Role } from '../identity/user.entity';
import { Appointment } from '../scheduling/appointment.entity';
import { MessagesService } from './messages.service';
import { AppointmentReminder, JobQueueStatus, MessageFilter, OutboxMessage, OutboxMessagePage } from './messages.types';
import { PasswordResetService } from './password-reset.service';

@Resolver()
export class MessagesResolver {
  @Authorized(Role.ADMIN)
  @Query(() => OutboxMessagePage, { description: 'ADMIN: the message ledger (the Outbox), newest first; filter by patient, kind and status.' })
  messages(
    @Ctx() ctx: Context,
    @Arg('filter', () => MessageFilter, { nullable: true, description: 'Optional filters.' }) filter: MessageFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 50, at most 100).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page.' }) after: string | null,
  ): Promise<OutboxMessagePage> {
    return new MessagesService(ctx).list(filter, first, after) as Promise<OutboxMessagePage>;
  }

  @Authorized(Role.ADMIN)
  @Query(() => JobQueueStatus, { description: 'ADMIN: the job queues\' depth and failures, and the ledger\'s due and failed counts.' })
  jobQueues(@Ctx() ctx: Context): Promise<JobQueueStatus> {
    return new MessagesService(ctx).jobStatus();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => OutboxMessage, { description: 'ADMIN: send a FAILED message again (fresh tries, due now); CONFLICT for any other status.' })
  retryMessage(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The message.' }) id: string): Promise<OutboxMessage> {
    return new MessagesService(ctx).retry(id);
  }

  @Authorized(Role.DOCTOR)
  @Mutation(() => Boolean, { description: 'DOCTOR: receive (or stop) an e-mail for every new booking with me. Returns the new setting.' })
  setBookingNotices(@Ctx() ctx: Context, @Arg('enabled', () => Boolean, { description: 'On or off.' }) enabled: boolean): Promise<boolean> {
    return new MessagesService(ctx).setBookingNotices(enabled);
  }

  @Mutation(() => Boolean, { description: 'Anyone: e-mail a single-use link (valid 30 minutes) to choose a new password. Always true, whether or not the address has an account. Rate limited.' })
  requestPasswordReset(@Ctx() ctx: Context, @Arg('email', () => String, { description: 'The account\'s e-mail address.' }) email: string): Promise<boolean> {
    return new PasswordResetService(ctx).request(email);
  }

  @Mutation(() => Boolean, { description: 'Anyone holding a reset link: sets the password, clears a lockout and ends every older session. BAD_USER_INPUT for a used, replaced or expired link or a weak password.' })
  resetPassword(
    @Ctx() ctx: Context,
    @Arg('token', () => String, { description: 'The secret from the link.' }) token: string,
    @Arg('newPassword', () => String, { description: 'The new password (the usual policy).' }) newPassword: string,
  ): Promise<boolean> {
    return new PasswordResetService(ctx).reset(token, newPassword);
  }
}

@Resolver(() => Appointment)
export class AppointmentReminderResolver {
  @FieldResolver(() => [AppointmentReminder], { description: 'The visit\'s reminders (one per channel the patient switched on): due or sent. Only its patient sees them; empty for others.' })
  reminders(@Root() appointment: Appointment, @Ctx() ctx: Context): Promise<AppointmentReminder[]> {
    return new MessagesService(ctx).reminders(appointment.id, appointment.patient.id);
  }
}
