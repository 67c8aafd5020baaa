import { Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../identity/user.entity';
import { Treatment } from './treatment.entity';
import { clock } from '../../clock';

/** The state of a treatment before one edit: who edited, when, which fields changed. */
@Entity({ tableName: 'treatment_revision' })
export class TreatmentRevision {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Treatment, deleteRule: 'cascade' })
  treatment!: Treatment;

  @ManyToOne({ entity: () => User, deleteRule: 'restrict' })
  editedBy!: User;

  /** Names of the fields this edit changed. */
  @Property({ type: 'json' })
  changedFields!: string[];

  /** Encrypted JSON of the changed fields' previous values. */
  @Property({ type: 'text' })
  previousEnc!: string;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}
