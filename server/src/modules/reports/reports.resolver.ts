import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { LocalDateScalar } from '../../shared/scalars';
import { Role } from '../identity/user.entity';
import { ReportsService } from './reports.service';
import { Dashboard } from './reports.types';

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
  ): Promise<Dashboard> {
    return new ReportsService(ctx).dashboard({ from, to, departmentId, doctorId });
  }
}
