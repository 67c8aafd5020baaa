import { Check, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Doctor } from '../directory/doctor.entity';
import { User } from '../identity/user.entity';
import { clock } from '../../clock';

export enum BlockReason {
  LEAVE = 'LEAVE',
  SURGERY = 'SURGERY',
  BLOCKED_SLOT = 'BLOCKED_SLOT',
}

/** Time a doctor is not bookable although inside their weekly hours. */
@Entity({ tableName: 'availability_block' })
@Check({ name: 'availability_block_range_check', expression: 'starts_at < ends_at' })
export class AvailabilityBlock {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => Doctor, deleteRule: 'cascade' })
  doctor!: Doctor;

  @Property({ type: 'datetime', length: 3, index: true })
  startsAt!: Date;

  @Property({ type: 'datetime', length: 3 })
  endsAt!: Date;

  @Property({ type: 'string', length: 16 })
  reason!: BlockReason;

  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Opt<Date> = clock.now();
}
