import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { LocalDateScalar } from '../../shared/scalars';
import { Role } from '../identity/user.entity';
import { DoctorReportService } from './doctor-report.service';
import { ExportJobService } from './export-jobs';
import { ExportJobView, StartExportInput } from './export-jobs.types';
import { ReportsService } from './reports.service';
import { Dashboard, DoctorMonthlyReport } from './reports.types';

@Resolver(() => Dashboard)
export class ReportsResolver {
  @Authorized(Role.ADMIN)
  @Query(() => Dashboard, {
    description: 'ADMIN: the hospital\'s numbers for hospital days from..to (at most 366 days), optionally for one department or doctor: '
      + 'totals, a daily series for charts, and per-doctor and per-department tables.',
  })
  dashboard(
    @Ctx() ctx: Context,
    @Arg('from', () => LocalDateScalar, { description: 'First hospital day.' }) from: string,
    @Arg('to', () => LocalDateScalar, { description: 'Last hospital day (included).' }) to: string,
    @Arg('departmentId', () => ID, { nullable: true, description: 'Only doctors of this department.' }) departmentId: string | null,
    @Arg('doctorId', () => ID, { nullable: true, description: 'Only this doctor.' }) doctorId: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dashboard> {
    const args = { from, to, departmentId, doctorId, dailyPatients: asksDailyPatients(info) };
    // Only admins reach here, and every admin gets the same figures: answers are shared for a few seconds.
    const key = JSON.stringify([ctx.deps.config.timezone, from, to, departmentId, doctorId, args.dailyPatients]);
    return ctx.deps.dashboardCache.get(key, () => new ReportsService(ctx).dashboard(args));
  }

  @Authorized(Role.DOCTOR, Role.ADMIN)
  @Query(() => DoctorMonthlyReport, {
    description: 'DOCTOR (their own) or ADMIN (doctorId required): a doctor\'s month in numbers, no clinical free text. '
      + 'The same figures as GET /exports/reports/doctor-monthly.pdf?month=YYYY-MM.',
  })
  doctorMonthlyReport(
    @Ctx() ctx: Context,
    @Arg('month', () => String, { description: 'The hospital calendar month, YYYY-MM.' }) month: string,
    @Arg('doctorId', () => ID, { nullable: true, description: 'ADMIN: whose report. Doctors get their own.' }) doctorId: string | null,
  ): Promise<DoctorMonthlyReport> {
    return new DoctorReportService(ctx).monthly(month, doctorId);
  }

  @Authorized()
  @Mutation(() => ExportJobView, {
    description: 'Starts a large export as a background job (a year of the dashboard, a patient\'s whole history); '
      + 'poll exportJob(id) for progress and the download link. The same rules as the direct downloads apply.',
  })
  startExport(
    @Ctx() ctx: Context,
    @Arg('input', () => StartExportInput, { description: 'What to export, and as what.' }) input: StartExportInput,
  ): Promise<ExportJobView> {
    return new ExportJobService(ctx).start(input);
  }

  @Authorized()
  @Query(() => ExportJobView, { description: 'One of my exports: status, progress, and when DONE a fresh signed download link. NOT_FOUND for others\' jobs.' })
  exportJob(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The job id from startExport.' }) id: string,
  ): Promise<ExportJobView> {
    return new ExportJobService(ctx).get(id);
  }

  @Authorized()
  @Query(() => [ExportJobView], { description: 'My 20 most recent exports, newest first.' })
  myExports(@Ctx() ctx: Context): Promise<ExportJobView[]> {
    return new ExportJobService(ctx).mine();
  }
}

/** Whether the operation selects `daily { patients }` (fragments count as asking: they are not followed here). */
function asksDailyPatients(info: GraphQLResolveInfo): boolean {
  const within = (set: SelectionSetNode | undefined, name: string): SelectionSetNode[] | boolean => {
    const found: SelectionSetNode[] = [];
    for (const selection of set?.selections ?? []) {
      if (selection.kind !== 'Field') return true;
      if (selection.name.value === name && selection.selectionSet) found.push(selection.selectionSet);
    }
    return found;
  };
  for (const node of info.fieldNodes) {
    const daily = within(node.selectionSet, 'daily');
    if (daily === true) return true;
    for (const set of daily as SelectionSetNode[]) {
      if (set.selections.some((s) => s.kind !== 'Field' || s.name.value === 'patients')) return true;
    }
  }
  return false;
}
