import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
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
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dashboard> {
    return new ReportsService(ctx).dashboard({ from, to, departmentId, doctorId, dailyPatients: asksDailyPatients(info) });
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
