import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../shared/money';
import { LocalDateScalar } from '../../shared/scalars';
import { AppointmentStatus } from '../scheduling/appointment.entity';

@ObjectType({ description: 'How many appointments are in one status.' })
export class StatusCount {
  @Field(() => AppointmentStatus, { description: 'The status.' })
  status!: AppointmentStatus;

  @Field(() => Int, { description: 'Appointments in it.' })
  count!: number;
}

@ObjectType({ description: 'Figures shared by every row of the dashboard: visits and money over the range.' })
export class Figures {
  @Field(() => Int, { description: 'Appointments starting in the range, any status.' })
  appointments!: number;

  @Field(() => Int, { description: 'Of those, COMPLETED.' })
  completed!: number;

  @Field(() => Int, { description: 'Of those, CANCELLED.' })
  cancelled!: number;

  @Field(() => Int, { description: 'Of those, NO_SHOW.' })
  noShow!: number;

  @Field(() => Int, { description: 'Distinct patients seen (a CHECKED_IN or COMPLETED visit) starting in the range.' })
  patients!: number;

  @Field(() => Int, { description: 'Invoices issued in the range (ISSUED or PAID now; drafts and void ones are not revenue).' })
  invoiceCount!: number;

  @Field(() => Money, { description: 'Total of the invoices issued in the range (ISSUED or PAID now).' })
  invoiced!: Money;

  @Field(() => Money, { description: 'Payments received in the range, net of refunds made in the range.' })
  collected!: Money;

  @Field(() => Money, { description: 'What is still owed today on the invoices issued in the range.' })
  outstanding!: Money;
}

@ObjectType({ description: 'Totals of the dashboard over the whole range and filters.' })
export class DashboardTotals extends Figures {
  @Field(() => Int, { description: 'Active doctors matching the department/doctor filter (now, not over the range).' })
  doctors!: number;

  @Field(() => Int, { description: 'Patients registered in the range (the department/doctor filters do not apply).' })
  newPatients!: number;

  @Field(() => [StatusCount], { description: 'Appointments starting in the range, per status (every status listed, zeros included).' })
  appointmentsByStatus!: StatusCount[];
}

@ObjectType({ description: 'The figures of one hospital day, for charts.' })
export class DailyFigures extends Figures {
  @Field(() => LocalDateScalar, { description: 'The hospital day (HMS_TIMEZONE).' })
  date!: string;
}

@ObjectType({ description: 'The figures of one doctor.' })
export class DoctorFigures extends Figures {
  @Field(() => ID, { description: 'The doctor\'s id.' })
  doctorId!: string;

  @Field(() => String, { description: 'The doctor\'s name.' })
  doctorName!: string;

  @Field(() => ID, { description: 'The doctor\'s department id.' })
  departmentId!: string;

  @Field(() => String, { description: 'The doctor\'s department name.' })
  departmentName!: string;
}

@ObjectType({ description: 'The figures of one department (its doctors\' visits and invoices).' })
export class DepartmentFigures extends Figures {
  @Field(() => ID, { description: 'The department id.' })
  departmentId!: string;

  @Field(() => String, { description: 'The department name.' })
  departmentName!: string;
}

@ObjectType({ description: 'The hospital\'s numbers for a range of hospital days, optionally for one department or doctor.' })
export class Dashboard {
  @Field(() => LocalDateScalar, { description: 'First day of the range.' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the range (included).' })
  to!: string;

  @Field(() => String, { description: 'The hospital time zone that days are counted in.' })
  timezone!: string;

  @Field(() => String, { description: 'Currency of every amount.' })
  currency!: string;

  @Field(() => DashboardTotals, { description: 'Totals over the range.' })
  totals!: DashboardTotals;

  @Field(() => [DailyFigures], { description: 'One entry per day of the range, in order, zeros included.' })
  daily!: DailyFigures[];

  @Field(() => [DoctorFigures], { description: 'Doctors with any appointment, invoice or payment in the range, by name.' })
  byDoctor!: DoctorFigures[];

  @Field(() => [DepartmentFigures], { description: 'Departments with any appointment, invoice or payment in the range, by name.' })
  byDepartment!: DepartmentFigures[];
}

@ObjectType({ description: 'How many visits of a month carry one ICD-10 code.' })
export class IcdCount {
  @Field(() => String, { description: 'The ICD-10 code, e.g. J11.1.' })
  code!: string;

  @Field(() => Int, { description: 'Visits of the month with a treatment entry coded so (a visit counts once per code).' })
  visits!: number;
}

@ObjectType({
  description: 'One doctor\'s month in numbers (hospital calendar month): visits by status, patients seen, no-shows, follow-ups due and '
    + 'ICD-10 code counts. No clinical free text.',
})
export class DoctorMonthlyReport {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => LocalDateScalar, { description: 'First day of the month.' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the month.' })
  to!: string;

  @Field(() => String, { description: 'The hospital time zone the month is counted in.' })
  timezone!: string;

  @Field(() => ID, { description: 'The doctor.' })
  doctorId!: string;

  @Field(() => String, { description: 'The doctor\'s name.' })
  doctorName!: string;

  @Field(() => String, { description: 'The doctor\'s department.' })
  departmentName!: string;

  @Field(() => Int, { description: 'Appointments starting in the month, any status.' })
  visits!: number;

  @Field(() => [StatusCount], { description: 'Visits starting in the month per status (the five visit statuses, zeros included; waitlist holds are not visits).' })
  visitsByStatus!: StatusCount[];

  @Field(() => Int, { description: 'Distinct patients with a CHECKED_IN or COMPLETED visit in the month (cancelled and no-show visits do not count).' })
  patientsSeen!: number;

  @Field(() => Int, { description: 'Visits of the month marked NO_SHOW.' })
  noShows!: number;

  @Field(() => Int, { description: 'Follow-up dates this doctor set (in any earlier entry) that fall in the month.' })
  followUpsDue!: number;

  @Field(() => Int, { description: 'Follow-up dates this doctor set that fall in the month after: the visits to plan for.' })
  followUpsDueNextMonth!: number;

  @Field(() => [IcdCount], { description: 'Visits of the month per ICD-10 code of their treatment entries, most frequent first.' })
  byIcdCode!: IcdCount[];

  @Field(() => Int, { description: 'Visits of the month with treatment entries but no ICD-10 code.' })
  uncodedVisits!: number;
}
