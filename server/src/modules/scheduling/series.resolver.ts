import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { LocalDateScalar } from '../../shared/scalars';
import { Role } from '../identity/user.entity';
import { Appointment } from './appointment.entity';
import { patientNoShowCount, schedulingStats } from './scheduling-stats';
import { SeriesService } from './series.service';
import { AppointmentSeriesResult, BookAppointmentSeriesInput, BookUrgentAppointmentInput, SchedulingStats } from './series.types';
import { bookUrgent } from './urgent.service';

/** Recurring visits, urgent visits and the scheduling numbers. */
@Resolver()
export class SeriesResolver {
  @Authorized(Role.PATIENT, Role.ADMIN)
  @Mutation(() => AppointmentSeriesResult, {
    description: 'PATIENT for self, ADMIN for any patient: book a recurring visit (every N weeks or monthly on the same weekday), up to 12 visits within HMS_SERIES_WINDOW_DAYS. Each visit is an ordinary appointment; clashing dates are reported per date (ALL_OR_NOTHING then books nothing).',
  })
  bookAppointmentSeries(@Ctx() ctx: Context, @Arg('input', () => BookAppointmentSeriesInput) input: BookAppointmentSeriesInput): Promise<AppointmentSeriesResult> {
    return new SeriesService(ctx).book(input);
  }

  @Authorized()
  @Mutation(() => [Appointment], {
    description: 'The series\' PATIENT, its DOCTOR or an ADMIN: cancel its upcoming SCHEDULED visits, all of them or from one occurrence on. Returns the visits cancelled. Cancel one visit with cancelAppointment, move one with rescheduleAppointment.',
  })
  cancelAppointmentSeries(
    @Ctx() ctx: Context,
    @Arg('seriesId', () => ID) seriesId: string,
    @Arg('fromAppointmentId', () => ID, { nullable: true, description: 'Cancel this occurrence and the later ones; omitted: every upcoming one.' }) fromAppointmentId: string | null,
    @Arg('reason', () => String, { nullable: true, description: 'Why, at most 500 characters.' }) reason: string | null,
  ): Promise<Appointment[]> {
    return new SeriesService(ctx).cancel(seriesId, fromAppointmentId, reason);
  }

  @Authorized()
  @Query(() => [Appointment], { description: 'The visits of a series by start: its patient, its doctor, or an admin.' })
  appointmentSeries(@Ctx() ctx: Context, @Arg('seriesId', () => ID) seriesId: string): Promise<Appointment[]> {
    return new SeriesService(ctx).visits(seriesId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Appointment, {
    description: 'ADMIN (front desk): book an urgent visit over a taken slot or outside the doctor\'s hours, with a reason. Marked urgent, audited, counted apart; never over the patient\'s own visits (SLOT_UNAVAILABLE).',
  })
  bookUrgentAppointment(@Ctx() ctx: Context, @Arg('input', () => BookUrgentAppointmentInput) input: BookUrgentAppointmentInput): Promise<Appointment> {
    return bookUrgent(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Query(() => SchedulingStats, { description: 'ADMIN: urgent visits, no-shows per doctor and department, waitlist fill rate and median time to refill, for hospital days from..to.' })
  schedulingStats(
    @Ctx() ctx: Context,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
  ): Promise<SchedulingStats> {
    return schedulingStats(ctx, from, to);
  }

  @Authorized(Role.ADMIN)
  @Query(() => Int, { description: 'ADMIN: how many visits this patient missed (NO_SHOW), for the front desk when booking.' })
  patientNoShowCount(@Ctx() ctx: Context, @Arg('patientId', () => ID) patientId: string): Promise<number> {
    return patientNoShowCount(ctx, patientId);
  }
}

/** Series and urgency of an appointment. */
@Resolver(() => Appointment)
export class AppointmentSeriesFieldsResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'The recurring series this visit belongs to, if any.' })
  seriesId(@Root() appointment: Appointment): string | null {
    return appointment.series ? String(appointment.series.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the visit was urgent: for the doctor and admins (null for patients and for ordinary visits).' })
  urgentReason(@Root() appointment: Appointment, @Ctx() ctx: Context): string | null {
    if (!appointment.urgent || ctx.viewer?.role === Role.PATIENT) return null;
    return appointment.urgentReason ?? null;
  }
}
