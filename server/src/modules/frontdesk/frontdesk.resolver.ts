import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context';
import { LocalDateScalar } from '../../shared/scalars';
import { Appointment } from '../scheduling/appointment.entity';
import { DisplayService } from './display.service';
import {
  CreateDisplayTokenInput, CreatedDisplayToken, DisplayTokenView, FlowBoard, FlowBoardChange, LobbyQueue,
} from './frontdesk.types';
import { flowBoardStream, QueueService, queueNumberOf } from './queue.service';

@Resolver()
export class FrontDeskResolver {
  @Authorized()
  @Query(() => FlowBoard, { description: 'ADMIN (the front desk): every doctor\'s visits of one hospital day with state, queue number and minutes waited.' })
  flowBoard(
    @Ctx() ctx: Context,
    @Arg('date', () => LocalDateScalar, { nullable: true, description: 'Hospital day; default today.' }) date: string | null,
  ): Promise<FlowBoard> {
    return new QueueService(ctx).flowBoard(date);
  }

  @Subscription(() => FlowBoardChange, {
    description: 'ADMIN: every committed change to a visit of that hospital day (default today), as it happens; refetch flowBoard on each.',
    subscribe: ({ args, context }) => flowBoardStream(context as Context, args.date as string | null | undefined),
  })
  flowBoardChanged(
    @Root() change: FlowBoardChange,
    @Arg('date', () => LocalDateScalar, { nullable: true, description: 'Hospital day; default today.' }) _date?: string | null,
  ): FlowBoardChange {
    return change;
  }

  @Authorized()
  @Mutation(() => Appointment, {
    nullable: true,
    description: 'That DOCTOR or an ADMIN: the checked-in patient with the lowest queue number today goes IN_CONSULTATION; null when nobody waits. ' +
      'INVALID_TRANSITION while another patient is with the doctor.',
  })
  callNextPatient(@Ctx() ctx: Context, @Arg('doctorId', () => ID, { description: 'The doctor calling.' }) doctorId: string): Promise<Appointment | null> {
    return new QueueService(ctx).callNext(doctorId);
  }

  @Authorized()
  @Query(() => [DisplayTokenView], { description: 'ADMIN: the lobby screens\' display tokens (never their secrets).' })
  displayTokens(@Ctx() ctx: Context): Promise<DisplayTokenView[]> {
    return new DisplayService(ctx).list();
  }

  @Authorized()
  @Mutation(() => CreatedDisplayToken, { description: 'ADMIN: a display token for a lobby screen; the secret is returned once.' })
  createDisplayToken(@Ctx() ctx: Context, @Arg('input', () => CreateDisplayTokenInput) input: CreateDisplayTokenInput): Promise<CreatedDisplayToken> {
    return new DisplayService(ctx).create(input);
  }

  @Authorized()
  @Mutation(() => CreatedDisplayToken, { description: 'ADMIN: replace a display token\'s secret; the old one stops at once and open screens close.' })
  rotateDisplayToken(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The display token.' }) id: string): Promise<CreatedDisplayToken> {
    return new DisplayService(ctx).rotate(id);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'ADMIN: switch a display token off for good; open screens close.' })
  revokeDisplayToken(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The display token.' }) id: string): Promise<boolean> {
    return new DisplayService(ctx).revoke(id);
  }

  @Query(() => LobbyQueue, { description: 'No sign-in: a lobby screen\'s "now calling" numbers per doctor today. A wrong, rotated or revoked token is UNAUTHENTICATED.' })
  lobbyQueue(@Ctx() ctx: Context, @Arg('displayToken', () => String, { description: 'The screen\'s display token (hmsd_…).' }) displayToken: string): Promise<LobbyQueue> {
    return new DisplayService(ctx).lobby(displayToken);
  }

  @Subscription(() => LobbyQueue, {
    description: 'No sign-in: the lobby screen\'s state now, then each time it changes. Ends (UNAUTHENTICATED) when the token is rotated or revoked.',
    subscribe: ({ args, context }) => new DisplayService(context as Context).lobbyStream(args.displayToken as string),
  })
  lobbyQueueChanged(
    @Root() state: LobbyQueue,
    @Arg('displayToken', () => String, { description: 'The screen\'s display token (hmsd_…).' }) _displayToken: string,
  ): LobbyQueue {
    return state;
  }
}

@Resolver(() => Appointment)
export class AppointmentQueueResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'The queue number issued at check-in (per doctor per hospital day); null before.' })
  queueNumber(@Root() appointment: Appointment, @Ctx() ctx: Context): Promise<number | null> {
    return queueNumberOf(ctx, appointment);
  }
}
