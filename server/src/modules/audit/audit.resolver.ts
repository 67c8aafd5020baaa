import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Role } from '../identity/user.entity';
import { listAuditEvents } from './audit.query';
import { AuditEventFilter, AuditEventPage } from './audit.types';

@Resolver()
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEventPage, { description: 'ADMIN: the audit log, newest first, filtered and cursor-paged.' })
  auditEvents(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Filters, combined with AND.' }) filter: AuditEventFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page.' }) after: string | null,
  ) {
    return listAuditEvents(ctx, filter, first, after);
  }
}
