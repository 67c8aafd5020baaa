import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Page } from '../../shared/pagination';
import { Appointment } from '../scheduling/appointment.entity';
import { Notification } from './notification.entity';

export enum ScheduleChangeKindEnum {
  BOOKED = 'BOOKED',
  RESCHEDULED = 'RESCHEDULED',
  CANCELLED = 'CANCELLED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}

registerEnumType(ScheduleChangeKindEnum, {
  name: 'ScheduleChangeKind',
  description: 'What changed on a doctor\'s schedule.',
  valuesConfig: {
    BOOKED: { description: 'A new appointment was booked.' },
    RESCHEDULED: { description: 'An appointment moved to another time; previousStartsAt says from when.' },
    CANCELLED: { description: 'An appointment was cancelled; its slot is free again.' },
    STATUS_CHANGED: { description: 'An appointment changed status (checked in, completed, no-show).' },
  },
});

@ObjectType({ description: 'One committed change to a doctor\'s schedule.' })
export class ScheduleChange {
  @Field(() => ScheduleChangeKindEnum, { description: 'What happened.' })
  kind!: ScheduleChangeKindEnum;

  @Field(() => Appointment, { description: 'The appointment as it is now (after this change; for a replayed event, as it is at delivery).' })
  appointment!: Appointment;

  @Field(() => Date, { nullable: true, description: 'For RESCHEDULED: where it started before the move; null otherwise.' })
  previousStartsAt!: Date | null;

  @Field(() => String, {
    description: 'Position of this event in the doctor\'s stream. Pass the last one you received as `after` when you resubscribe to get what you missed.',
  })
  cursor!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the change was committed (server clock; for an event replayed after `after`, when it was recorded).',
  })
  occurredAt!: Date | null;
}

@ObjectType({ description: 'A page of your notifications, newest first.' })
export class NotificationPage extends Page(Notification) {
  @Field(() => Int, { description: 'How many of your notifications are unread (over all pages, whatever the filter).' })
  unreadCount!: number;
}

@ObjectType({ description: 'A slot of a doctor that was just taken or freed. Carries no patient data.' })
export class SlotChange {
  @Field(() => ID, { description: 'The doctor whose slot it is.' })
  doctorId!: string;

  @Field(() => Date, { description: 'Start of the slot (UTC).' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End of the slot (UTC).' })
  endsAt!: Date;

  @Field(() => Boolean, {
    description: 'False: an appointment now holds this slot. True: an appointment released it (it may still be blocked or past; availableSlots has the final word).',
  })
  available!: boolean;
}

@ObjectType({ description: 'Whether this server can deliver live changes right now.' })
export class LiveStatus {
  @Field(() => Boolean, {
    description: 'False while the fan-out between servers (Redis) cannot be reached: changes are kept and delivered once it is back, so show live views as delayed.',
  })
  live!: boolean;
}
