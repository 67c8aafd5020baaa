import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { LocalDateScalar } from '../../shared/scalars';
import { Role } from '../identity/user.entity';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { AppointmentService } from './appointment.service';
import { AvailabilityService } from './availability.service';
import {
  AddAvailabilityBlockInput, AppointmentFilter, AppointmentPage, AvailabilityBlockView, AvailabilityRuleInput, AvailabilityRuleView,
  BookAppointmentInput, DayAvailability, Slot,
} from './scheduling.types';

/** Doctors' hours, blocks and free slots. */
@Resolver()
export class AvailabilityResolver {
  @Query(() => [AvailabilityRuleView], { description: 'A doctor\'s weekly hours, by weekday and start. Anyone may read them.' })
  weeklyAvailability(@Ctx() ctx: Context, @Arg('doctorId', () => ID) doctorId: string): Promise<AvailabilityRuleView[]> {
    return new AvailabilityService(ctx).weeklyRules(doctorId);
  }

  @Authorized(Role.DOCTOR, Role.ADMIN)
  @Mutation(() => [AvailabilityRuleView], {
    description: 'That DOCTOR or ADMIN: replace the doctor\'s weekly hours. Booked appointments are kept. Invalid ranges are BAD_USER_INPUT with fields like "rules.0.endTime".',
  })
  setWeeklyAvailability(
    @Ctx() ctx: Context,
    @Arg('doctorId', () => ID) doctorId: string,
    @Arg('rules', () => [AvailabilityRuleInput]) rules: AvailabilityRuleInput[],
  ): Promise<AvailabilityRuleView[]> {
    return new AvailabilityService(ctx).setWeeklyAvailability(doctorId, rules);
  }

  @Authorized(Role.DOCTOR, Role.ADMIN)
  @Query(() => [AvailabilityBlockView], { description: 'That DOCTOR or ADMIN: blocks that end after `from` (default now), by start.' })
  availabilityBlocks(
    @Ctx() ctx: Context,
    @Arg('doctorId', () => ID) doctorId: string,
    @Arg('from', () => Date, { nullable: true, description: 'Blocks ending after this instant; default now.' }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Blocks starting before this instant.' }) to: Date | null,
  ): Promise<AvailabilityBlockView[]> {
    return new AvailabilityService(ctx).listBlocks(doctorId, from, to);
  }

  @Authorized(Role.DOCTOR, Role.ADMIN)
  @Mutation(() => AvailabilityBlockView, {
    description: 'That DOCTOR or ADMIN: block time (leave, surgery, a slot). Over booked appointments it is CONFLICT unless an ADMIN sets cancelAppointments.',
  })
  addAvailabilityBlock(@Ctx() ctx: Context, @Arg('input', () => AddAvailabilityBlockInput) input: AddAvailabilityBlockInput): Promise<AvailabilityBlockView> {
    return new AvailabilityService(ctx).addBlock(input);
  }

  @Authorized(Role.DOCTOR, Role.ADMIN)
  @Mutation(() => Boolean, { description: 'That DOCTOR or ADMIN: remove a block; its time becomes bookable again.' })
  removeAvailabilityBlock(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return new AvailabilityService(ctx).removeBlock(id);
  }

  @Query(() => [Slot], {
    description: 'Free slots of one hospital day, in time order: never past, taken, blocked or beyond HMS_BOOKING_WINDOW_DAYS. Anyone may ask.',
  })
  availableSlots(
    @Ctx() ctx: Context,
    @Arg('doctorId', () => ID) doctorId: string,
    @Arg('date', () => LocalDateScalar) date: string,
  ): Promise<Slot[]> {
    return new AvailabilityService(ctx).availableSlots(doctorId, date);
  }

  @Query(() => [DayAvailability], {
    description: 'Free-slot counts per hospital day, for picking a day to book. Days outside the booking window count 0. Anyone may ask.',
  })
  availableDays(
    @Ctx() ctx: Context,
    @Arg('doctorId', () => ID) doctorId: string,
    @Arg('from', () => LocalDateScalar, { nullable: true, description: 'First day; default today (hospital time).' }) from: string | null,
    @Arg('days', () => Int, { nullable: true, description: 'How many days, 1 to 62; default HMS_BOOKING_WINDOW_DAYS.' }) days: number | null,
  ): Promise<DayAvailability[]> {
    return new AvailabilityService(ctx).availableDays(doctorId, from, days);
  }
}

/** Booking and the appointment lists. */
@Resolver()
export class AppointmentResolver {
  @Authorized(Role.PATIENT, Role.ADMIN)
  @Mutation(() => Appointment, {
    description: 'PATIENT for self, ADMIN for any patient: book a free slot. A lost race, a taken, blocked, past, off-grid or out-of-window time, or an overlap with the patient\'s other appointments is SLOT_UNAVAILABLE.',
  })
  bookAppointment(@Ctx() ctx: Context, @Arg('input', () => BookAppointmentInput) input: BookAppointmentInput): Promise<Appointment> {
    return new AppointmentService(ctx).book(input);
  }

  @Authorized()
  @Mutation(() => Appointment, {
    description: 'The PATIENT (own) or an ADMIN: move a SCHEDULED appointment to another free slot of the same doctor, atomically (same rules as booking).',
  })
  rescheduleAppointment(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('startsAt', () => Date) startsAt: Date,
  ): Promise<Appointment> {
    return new AppointmentService(ctx).reschedule(id, startsAt);
  }

  @Authorized()
  @Mutation(() => Appointment, { description: 'The PATIENT (own, before it starts), the appointment\'s DOCTOR or an ADMIN: cancel it, keeping the reason.' })
  cancelAppointment(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, at most 500 characters.' }) reason: string | null,
  ): Promise<Appointment> {
    return new AppointmentService(ctx).cancel(id, reason);
  }

  @Authorized(Role.DOCTOR, Role.ADMIN)
  @Mutation(() => Appointment, {
    description: 'The appointment\'s DOCTOR or an ADMIN: SCHEDULED -> CHECKED_IN (from 1 hour before the start to the end of that hospital day) -> COMPLETED; SCHEDULED -> NO_SHOW (once started); SCHEDULED/CHECKED_IN -> CANCELLED. Anything else is INVALID_TRANSITION.',
  })
  setAppointmentStatus(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => AppointmentStatus) status: AppointmentStatus,
  ): Promise<Appointment> {
    return new AppointmentService(ctx).setStatus(id, status);
  }

  @Authorized(Role.DOCTOR, Role.ADMIN)
  @Query(() => [Appointment], { description: 'That DOCTOR or ADMIN: the doctor\'s appointments of one hospital day, by start, with patients.' })
  doctorDay(
    @Ctx() ctx: Context,
    @Arg('doctorId', () => ID) doctorId: string,
    @Arg('date', () => LocalDateScalar) date: string,
    @Arg('includeCancelled', () => Boolean, { nullable: true, defaultValue: false, description: 'Also list cancelled appointments.' }) includeCancelled: boolean | null,
  ): Promise<Appointment[]> {
    return new AppointmentService(ctx).doctorDay(doctorId, date, includeCancelled ?? false);
  }

  @Authorized()
  @Query(() => Appointment, { nullable: true, description: 'One appointment: its patient, its doctor, or an admin; anyone else gets NOT_FOUND.' })
  appointment(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Appointment> {
    return new AppointmentService(ctx).get(id);
  }

  @Authorized(Role.PATIENT)
  @Query(() => AppointmentPage, { description: 'PATIENT: your appointments; upcoming ones soonest first, past ones (and all) latest first.' })
  myAppointments(
    @Ctx() ctx: Context,
    @Arg('upcoming', () => Boolean, { nullable: true, description: 'true: not yet ended; false: ended; omitted: all.' }) upcoming: boolean | null,
    @Arg('status', () => AppointmentStatus, { nullable: true, description: 'Only this status (e.g. COMPLETED for a count).' }) status: AppointmentStatus | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page.' }) after: string | null,
  ) {
    return new AppointmentService(ctx).mine(upcoming, status, first, after);
  }

  @Authorized(Role.ADMIN, Role.DOCTOR)
  @Query(() => AppointmentPage, { description: 'ADMIN: all appointments; DOCTOR: their own schedule. Soonest first, filtered, cursor-paged.' })
  appointments(
    @Ctx() ctx: Context,
    @Arg('filter', () => AppointmentFilter, { nullable: true, description: 'Filters, combined with AND.' }) filter: AppointmentFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page.' }) after: string | null,
  ) {
    return new AppointmentService(ctx).list(filter, first, after);
  }
}
