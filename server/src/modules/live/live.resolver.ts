import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context';
import type { NotificationAddedEvent, ScheduleChangedEvent } from '../../pubsub';
import { LiveService } from './live.service';
import { LiveStatus, NotificationPage, ScheduleChange, SlotChange } from './live.types';
import { Notification } from './notification.entity';

@Resolver()
export class LiveResolver {
  @Subscription(() => ScheduleChange, {
    description:
      'Every committed change to one doctor\'s appointments (book, move, cancel, status), once each, in order. The doctor themself or an ADMIN; others get FORBIDDEN. ' +
      'Pass the last `cursor` you received as `after` when you resubscribe: you first get every change you missed, then live ones.',
    subscribe: async ({ args, context }) => {
      const service = new LiveService(context as Context);
      const { doctorId, after } = await service.authorizeDoctorStream(args.doctorId as string, args.after as string | null | undefined);
      return service.doctorStream(doctorId, after);
    },
  })
  doctorScheduleChanged(
    @Root() event: ScheduleChangedEvent,
    @Ctx() ctx: Context,
    @Arg('doctorId', () => ID, { description: 'The doctor whose schedule to follow.' }) _doctorId: string,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this cursor: changes since then are delivered first.' }) _after?: string | null,
  ): Promise<ScheduleChange> {
    return new LiveService(ctx).toScheduleChange(event);
  }

  @Subscription(() => SlotChange, {
    description: 'Slots of one doctor being taken or freed, as it happens, so a booking page can grey them out. Any signed-in person; no patient data.',
    subscribe: async ({ args, context }) => {
      const service = new LiveService(context as Context);
      return service.slotStream(await service.authorizeSlotStream(args.doctorId as string));
    },
  })
  slotsChanged(
    @Root() change: SlotChange,
    @Arg('doctorId', () => ID, { description: 'The doctor whose slots to watch.' }) _doctorId: string,
  ): SlotChange {
    return change;
  }

  @Subscription(() => Notification, {
    description: 'Your new notifications as they are written. Any signed-in person.',
    subscribe: ({ context }) => new LiveService(context as Context).notificationStream(),
  })
  notificationAdded(@Root() event: NotificationAddedEvent, @Ctx() ctx: Context): Promise<Notification> {
    return new LiveService(ctx).loadNotification(event);
  }

  @Subscription(() => LiveStatus, {
    description: 'Whether live changes are flowing: the current state at once, then every change. Any signed-in person. ' +
      'While `live` is false (the fan-out is down) other subscriptions stay open and catch up when it is back.',
    subscribe: ({ context }) => new LiveService(context as Context).statusStream(),
  })
  liveStatus(@Root() status: LiveStatus): LiveStatus {
    return status;
  }

  @Authorized()
  @Query(() => NotificationPage, { description: 'Your notifications, newest first, with how many are unread.' })
  myNotifications(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page.' }) after: string | null,
    @Arg('unreadOnly', () => Boolean, { nullable: true, defaultValue: false, description: 'Only unread ones.' }) unreadOnly: boolean,
  ): Promise<NotificationPage> {
    return new LiveService(ctx).myNotifications(first, after, Boolean(unreadOnly));
  }

  @Authorized()
  @Mutation(() => Int, {
    description: 'Mark some (ids) or all (all: true) of your notifications read; returns how many stay unread. An id that is not yours is NOT_FOUND.',
  })
  markNotificationsRead(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { nullable: true, description: 'The notifications to mark read.' }) ids: string[] | null,
    @Arg('all', () => Boolean, { nullable: true, description: 'Mark every notification read.' }) all: boolean | null,
  ): Promise<number> {
    return new LiveService(ctx).markRead(ids, all);
  }
}

@Resolver(() => Notification)
export class NotificationFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'True once marked read.' })
  read(@Root() notification: Notification): boolean {
    return notification.readAt != null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The appointment it is about, when it is about one.' })
  appointmentId(@Root() notification: Notification): string | null {
    const id = notification.payload?.appointmentId;
    return id == null ? null : String(id);
  }
}
