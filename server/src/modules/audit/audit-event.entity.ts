import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../identity/user.entity';
import { clock } from '../../clock';

/**
 * Append-only record of a change, a read of clinical records or a refusal.
 * Changes are written in the same transaction as the change; reads and
 * refusals straight away, outside any transaction (nothing rolls them back).
 * Triggers in the database refuse UPDATE and DELETE on this table.
 */
@Entity({ tableName: 'audit_event' })
@Index({ name: 'audit_event_entity_idx', properties: ['entityType', 'entityId'] })
@Index({ name: 'audit_event_created_idx', properties: ['createdAt'] })
// Newest first within one entity type: the filtered log reads one page of index entries.
@Index({ name: 'audit_event_type_id_idx', properties: ['entityType', 'id'] })
// Counts of one type over a time range (the log's "invoices, last 90 days" filter) read a range, not the table.
@Index({ name: 'audit_event_type_created_idx', properties: ['entityType', 'createdAt'] })
@Index({ name: 'audit_event_subject_idx', properties: ['subjectPatientId', 'id'] })
@Index({ name: 'audit_event_action_idx', properties: ['action', 'id'] })
export class AuditEvent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  actor?: User | null;

  /** e.g. appointment.book, treatment.update, record.history, access.denied, data_key.rotate */
  @Property({ type: 'string', length: 64 })
  action!: string;

  @Property({ type: 'string', length: 32 })
  entityType!: string;

  @Property({ type: 'string', length: 32 })
  entityId!: string;

  /**
   * The patient whose records this is about (reads of clinical records, refusals of them, patient changes).
   * A plain number, not a foreign key: an audit row outlives whatever it names and never blocks a write.
   */
  @Property({ type: 'integer', unsigned: true, nullable: true })
  subjectPatientId?: number | null;

  /** { field: { before, after } }; clinical fields appear by name only. */
  @Property({ type: 'json', nullable: true })
  changes?: Record<string, { before: unknown; after: unknown }> | null;

  @Property({ type: 'string', length: 64, nullable: true })
  requestId?: string | null;

  /** The caller's address (ctx.clientIp) when the row was written. */
  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}
