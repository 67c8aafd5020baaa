import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Page } from '../../shared/pagination';
import { Role } from '../identity/user.entity';

@ObjectType('AuditEvent', { description: 'One recorded change: who did what to which record, and when. Append-only.' })
export class AuditEventView {
  @Field(() => ID, { description: 'Stable id; larger is later.' })
  id!: string;

  @Field(() => String, {
    description: 'What was done, e.g. appointment.book, doctor.update, record.history (a read of clinical records), ' +
      'record.history.denied (a refused one), access.denied (any other FORBIDDEN), data_key.rotate.',
  })
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

  @Field(() => String, { nullable: true, description: 'Name of the actor: the doctor\'s or patient\'s full name, else the sign-in email; null for the system.' })
  actorName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The patient this event is about (reads of their clinical records, refusals of them, changes to their profile).' })
  subjectPatientId!: string | null;

  @Field(() => String, { nullable: true, description: 'Full name of that patient.' })
  subjectName!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the record changed, where it has one and still exists (a doctor, a department).' })
  entityName!: string | null;

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

  @Field(() => String, { nullable: true, description: 'Only events by people whose name or sign-in email contains this (any case).' })
  actorSearch?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only this action (e.g. record.history), or with no dot a whole family (record, access, appointment, doctor...).',
  })
  action?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events about this patient (reads of their records, refusals, profile changes).' })
  subjectPatientId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only events about patients whose name or medical record number contains this (any case).' })
  patientSearch?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  to?: Date | null;
}

@ObjectType({ description: 'A page of audit events.' })
export class AuditEventPage extends Page(AuditEventView) {}
