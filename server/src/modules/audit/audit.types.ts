import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Page } from '../../shared/pagination';
import { Role } from '../identity/user.entity';

@ObjectType('AuditEvent', { description: 'One recorded change: who did what to which record, and when. Append-only.' })
export class AuditEventView {
  @Field(() => ID, { description: 'Stable id; larger is later.' })
  id!: string;

  @Field(() => String, { description: 'What was done, e.g. appointment.book, appointment.cancel, availability.set.' })
  action!: string;

  @Field(() => String, { description: 'Kind of record changed, e.g. appointment, doctor, availability_block.' })
  entityType!: string;

  @Field(() => ID, { description: 'Id of the record changed.' })
  entityId!: string;

  @Field(() => ID, { nullable: true, description: 'User id of the actor; null for the system or a deleted user.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Sign-in email of the actor.' })
  actorEmail!: string | null;

  @Field(() => Role, { nullable: true, description: 'Role of the actor.' })
  actorRole!: Role | null;

  @Field(() => String, { nullable: true, description: 'Changed fields as a JSON object string: {"field": {"before": ..., "after": ...}}.' })
  changes!: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the request that made the change (X-Request-Id or generated).' })
  requestId!: string | null;

  @Field(() => Date, { description: 'When it happened.' })
  createdAt!: Date;
}

@InputType({ description: 'Filters of the audit log; all optional and combined with AND.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Only this kind of record, e.g. appointment.' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this record (with entityType).' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes made by this user id.' })
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  to?: Date | null;
}

@ObjectType({ description: 'A page of audit events.' })
export class AuditEventPage extends Page(AuditEventView) {}
