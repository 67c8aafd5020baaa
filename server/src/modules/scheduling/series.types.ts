import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/scalars';
import { Appointment } from './appointment.entity';
import { SeriesMode, SeriesRepeat } from './series.service';

registerEnumType(SeriesMode, {
  name: 'SeriesMode',
  description: 'What a series booking does when some of its dates cannot be booked.',
  valuesConfig: {
    ALL_OR_NOTHING: { description: 'Any clash books nothing; every clashing date is reported.' },
    BOOK_WHAT_FITS: { description: 'The dates that fit are booked; each skipped date is reported with its reason.' },
  },
});

registerEnumType(SeriesRepeat, {
  name: 'SeriesRepeat',
  description: 'How a series repeats, in hospital time.',
  valuesConfig: {
    WEEKLY: { description: 'Every `everyWeeks` weeks on the weekday of the first visit.' },
    MONTHLY_WEEKDAY: { description: 'Monthly on the same weekday of the same week of the month (e.g. the 2nd Tuesday); the first visit must fall in the first four weeks.' },
  },
});

@InputType({ description: 'A recurring visit: the first visit, a rule, and a count or an end date.' })
export class BookAppointmentSeriesInput {
  @Field(() => ID, { description: 'The doctor.' })
  doctorId!: string;

  @Field(() => Date, { description: 'Start of the first visit: a slot of the doctor, as listed by availableSlots.' })
  startsAt!: Date;

  @Field(() => Int, { nullable: true, description: 'WEEKLY: repeat every this many weeks, 1 to 12 (default 1).' })
  everyWeeks?: number | null;

  @Field(() => SeriesRepeat, { nullable: true, description: 'WEEKLY (default) or MONTHLY_WEEKDAY.' })
  repeat?: SeriesRepeat | null;

  @Field(() => Int, { nullable: true, description: 'How many visits, 2 to 12 (give this or `until`).' })
  count?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last hospital day a visit may fall on, within HMS_SERIES_WINDOW_DAYS (give this or `count`); at most 12 visits.' })
  until?: string | null;

  @Field(() => SeriesMode, { description: 'What to do when some dates clash.' })
  mode!: SeriesMode;

  @Field(() => ID, { nullable: true, description: 'ADMIN: the patient (required). PATIENT: omit it or pass your own id.' })
  patientId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the patient is coming, at most 500 characters; kept on every visit.' })
  reason?: string | null;
}

@ObjectType({ description: 'One date of a series that was not booked, and why.' })
export class SeriesOccurrenceClash {
  @Field(() => Date, { description: 'The date and time the rule gave.' })
  startsAt!: Date;

  @Field(() => String, { description: 'An error code from the contract, e.g. SLOT_UNAVAILABLE.' })
  code!: string;

  @Field(() => String, { description: 'Why, for people.' })
  message!: string;
}

@ObjectType({ description: 'What a series booking did.' })
export class AppointmentSeriesResult {
  @Field(() => ID, { nullable: true, description: 'The series, when anything was booked.' })
  seriesId!: string | null;

  @Field(() => [Appointment], { description: 'The visits booked, by start.' })
  booked!: Appointment[];

  @Field(() => [SeriesOccurrenceClash], { description: 'The dates not booked (ALL_OR_NOTHING with a clash: every clashing date; nothing is booked then).' })
  skipped!: SeriesOccurrenceClash[];
}

@InputType({ description: 'An urgent visit squeezed in by the front desk.' })
export class BookUrgentAppointmentInput {
  @Field(() => ID, { description: 'The doctor.' })
  doctorId!: string;

  @Field(() => ID, { description: 'The patient.' })
  patientId!: string;

  @Field(() => Date, { description: 'Start: any minute from an hour ago to the end of the booking window, over taken slots and outside hours.' })
  startsAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Length in minutes, 5 to 240 (default 30).' })
  minutes?: number | null;

  @Field(() => String, { description: 'Why it is urgent, 3 to 500 characters; audited and shown with the visit.' })
  reason!: string;
}

@ObjectType({ description: 'No-shows of one doctor or one department in a date range.' })
export class NoShowCount {
  @Field(() => ID, { description: 'The doctor or the department.' })
  id!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => Int, { description: 'Visits marked NO_SHOW.' })
  noShows!: number;

  @Field(() => Int, { description: 'Visits that have ended (completed, no-show), for a rate.' })
  visits!: number;
}

@ObjectType({ description: 'The scheduling numbers of the dashboard for a date range.' })
export class SchedulingStats {
  @Field(() => Int, { description: 'Urgent visits (counted apart from ordinary bookings).' })
  urgentVisits!: number;

  @Field(() => Int, { description: 'No-shows.' })
  noShows!: number;

  @Field(() => [NoShowCount], { description: 'No-shows per doctor, most first.' })
  noShowsByDoctor!: NoShowCount[];

  @Field(() => [NoShowCount], { description: 'No-shows per department, most first.' })
  noShowsByDepartment!: NoShowCount[];

  @Field(() => Int, { description: 'Freed slots offered to the waitlist (a slot freed again later counts again).' })
  freedSlots!: number;

  @Field(() => Int, { description: 'Of those, slots a waiter accepted.' })
  refilledSlots!: number;

  @Field(() => Float, { nullable: true, description: 'refilledSlots / freedSlots (0 to 1); null when nothing was freed.' })
  fillRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median minutes from a slot coming free to a waiter accepting it; null when none was refilled.' })
  medianMinutesToRefill!: number | null;
}
