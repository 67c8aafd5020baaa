import { clock } from '../../clock';
import { type EntityManager, LockMode } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { requireViewer } from '../../auth';
import type { Context, Viewer } from '../../context';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { optionalText, parseId, validate } from '../../shared/validation';
import { diff, recordAudit } from '../audit/audit.service';
import { Doctor } from '../directory/doctor.entity';
import { Role, User } from '../identity/user.entity';
import { publishScheduleChanges, recordScheduleChange } from '../live/schedule-events';
import type { OutboxEvent } from '../live/outbox-event.entity';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { AvailabilityBlock, BlockReason } from './availability-block.entity';
import { AvailabilityRule } from './availability-rule.entity';
import { offerFreedTime } from '../waitlist/waitlist.service';
import { activeIntervalsQuery, sql, sqlTime, weeklyRanges, withDeadlockRetry } from './scheduling.db';
import type { AddAvailabilityBlockInput, AvailabilityRuleInput } from './scheduling.types';
import { AvailabilityBlockView, AvailabilityRuleView, DayAvailability, DayPeriod, Slot } from './scheduling.types';
import { bookingWindow, type ComputedSlot, formatClock, freeSlots, type Interval, localDay, parseClock, validateRanges, type WeeklyRange } from './slots';

const MAX_RANGE_DAYS = 62;

const ruleSchema = z.object({
  weekday: z.number().int('A whole number').min(1, 'From 1 (Monday) to 7 (Sunday)').max(7, 'From 1 (Monday) to 7 (Sunday)'),
  startTime: z.string().refine((v) => parseClock(v) !== null && v !== '24:00', 'Use HH:MM, e.g. 09:00'),
  endTime: z.string().refine((v) => parseClock(v) !== null, 'Use HH:MM, e.g. 17:00'),
  slotMinutes: z.number().int('A whole number of minutes'),
});

const blockSchema = z.object({
  note: optionalText(500),
});

export function toRuleView(rule: AvailabilityRule): AvailabilityRuleView {
  return Object.assign(new AvailabilityRuleView(), {
    id: String(rule.id),
    weekday: rule.weekday,
    startTime: formatClock(rule.startMinute),
    endTime: formatClock(rule.endMinute),
    slotMinutes: rule.slotMinutes,
  });
}

export function toBlockView(block: AvailabilityBlock): AvailabilityBlockView {
  return Object.assign(new AvailabilityBlockView(), {
    id: String(block.id),
    doctorId: String(block.doctor.id),
    startsAt: block.startsAt,
    endsAt: block.endsAt,
    reason: block.reason,
    note: block.note ?? null,
    createdAt: block.createdAt,
  });
}

function toSlot(slot: ComputedSlot): Slot {
  return Object.assign(new Slot(), { startsAt: slot.startsAt, endsAt: slot.endsAt, period: slot.period as DayPeriod });
}

/** Only the doctor themself or an admin manage a doctor's hours and blocks. */
export function assertManagesDoctor(viewer: Viewer, doctorId: number): void {
  if (viewer.role === Role.ADMIN) return;
  if (viewer.role === Role.DOCTOR && viewer.doctorId === doctorId) return;
  throw new ForbiddenError('Only this doctor or an admin may do this');
}

/** Weekly hours, blocks and free slots of doctors. */
export class AvailabilityService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager { return this.ctx.em; }

  private get zone(): string { return this.ctx.deps.config.timezone; }

  private async findDoctor(id: string, field = 'doctorId'): Promise<Doctor> {
    const doctor = await this.em.findOne(Doctor, parseId(id, field));
    const viewer = this.ctx.viewer;
    const mayAlwaysSee = viewer?.role === Role.ADMIN || (doctor && viewer?.doctorId === doctor.id);
    if (!doctor || (!doctor.active && !mayAlwaysSee)) throw new NotFoundError('Doctor');
    return doctor;
  }

  async weeklyRules(doctorId: string): Promise<AvailabilityRuleView[]> {
    const doctor = await this.findDoctor(doctorId);
    const rules = await this.em.find(AvailabilityRule, { doctor }, { orderBy: { weekday: 'asc', startMinute: 'asc' } });
    return rules.map(toRuleView);
  }

  /** Replaces all of the doctor's weekly rules; booked appointments stay as they are. */
  async setWeeklyAvailability(doctorId: string, input: AvailabilityRuleInput[]): Promise<AvailabilityRuleView[]> {
    const viewer = requireViewer(this.ctx);
    const id = parseId(doctorId, 'doctorId');
    assertManagesDoctor(viewer, id);
    if (input.length > 100) throw new BadInputError('At most 100 ranges', { rules: 'At most 100 ranges' });
    const fields: Record<string, string> = {};
    const ranges: WeeklyRange[] = [];
    input.forEach((raw, i) => {
      const result = ruleSchema.safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues) fields[`rules.${i}.${issue.path.join('.')}`] ??= issue.message;
        return;
      }
      const range = { weekday: raw.weekday, startMinute: parseClock(raw.startTime)!, endMinute: parseClock(raw.endTime)!, slotMinutes: raw.slotMinutes };
      if (range.startMinute >= range.endMinute) {
        fields[`rules.${i}.endTime`] ??= 'Must be after the start time';
        return;
      }
      ranges.push(range);
    });
    if (!Object.keys(fields).length) {
      // Indexes in validateRanges refer to `ranges`, which equals `input` when nothing failed above.
      Object.assign(fields, validateRanges(ranges));
    }
    if (Object.keys(fields).length) {
      throw new BadInputError(`Invalid weekly hours: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, fields);
    }
    const rules = await this.em.fork().transactional(async (em) => {
      const doctor = await em.findOne(Doctor, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!doctor) throw new NotFoundError('Doctor');
      const before = await em.find(AvailabilityRule, { doctor }, { orderBy: { weekday: 'asc', startMinute: 'asc' } });
      em.remove(before);
      const created = ranges.map((r) => em.create(AvailabilityRule, { doctor, ...r }));
      em.persist(created);
      const show = (list: WeeklyRange[]) => list.map((r) => `${r.weekday} ${formatClock(r.startMinute)}-${formatClock(r.endMinute)}/${r.slotMinutes}`);
      recordAudit(em, this.ctx, {
        action: 'availability.set',
        entityType: 'doctor',
        entityId: doctor.id,
        changes: diff({ weeklyHours: show(before) }, { weeklyHours: show(ranges) }),
      });
      return created;
    });
    // New hours may open slots that waiters are waiting for.
    await offerFreedTime(this.ctx.deps, id, clock.now(), bookingWindow(clock.now(), this.zone, this.ctx.deps.config.bookingWindowDays).endsAt);
    return rules.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute).map(toRuleView);
  }

  async listBlocks(doctorId: string, from: Date | null | undefined, to: Date | null | undefined): Promise<AvailabilityBlockView[]> {
    const viewer = requireViewer(this.ctx);
    const doctor = await this.findDoctor(doctorId);
    assertManagesDoctor(viewer, doctor.id);
    const where: Record<string, unknown> = { doctor, endsAt: { $gt: from ?? clock.now() } };
    if (to) where.startsAt = { $lt: to };
    const blocks = await this.em.find(AvailabilityBlock, where, { orderBy: { startsAt: 'asc', id: 'asc' }, limit: 500 });
    return blocks.map(toBlockView);
  }

  /**
   * Blocks time. Booked appointments inside it make it CONFLICT, unless an admin
   * asks to cancel them: then they are cancelled in the same transaction and
   * their doctor's subscribers (and, via the live module, patients) are told.
   */
  async addBlock(input: AddAvailabilityBlockInput): Promise<AvailabilityBlockView> {
    const viewer = requireViewer(this.ctx);
    const doctorId = parseId(input.doctorId, 'doctorId');
    assertManagesDoctor(viewer, doctorId);
    if (input.cancelAppointments && viewer.role !== Role.ADMIN) {
      throw new ForbiddenError('Only an admin may cancel booked appointments with a block');
    }
    const data = validate(blockSchema, { note: input.note });
    if (!(input.startsAt instanceof Date) || !(input.endsAt instanceof Date) || input.startsAt >= input.endsAt) {
      throw new BadInputError('The block must end after it starts', { endsAt: 'Must be after the start' });
    }
    if (input.endsAt.getTime() - input.startsAt.getTime() > 366 * 86_400_000) {
      throw new BadInputError('A block may last at most 366 days', { endsAt: 'At most 366 days after the start' });
    }
    if (!Object.values(BlockReason).includes(input.reason)) throw new BadInputError('Unknown reason', { reason: 'Unknown reason' });

    const events: OutboxEvent[] = [];
    const block = await withDeadlockRetry(this.em, async (em) => {
      events.length = 0;
      const doctor = await em.findOne(Doctor, doctorId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!doctor) throw new NotFoundError('Doctor');
      const inside = await em.find(Appointment, {
        doctor,
        status: { $in: [AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN] },
        startsAt: { $lt: input.endsAt },
        endsAt: { $gt: input.startsAt },
      }, { orderBy: { startsAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
      if (inside.length && !input.cancelAppointments) {
        throw new ConflictError(
          `${inside.length} booked appointment${inside.length > 1 ? 's fall' : ' falls'} inside this block; ` +
            'an admin can add it with cancelAppointments: true to cancel them',
        );
      }
      const created = em.create(AvailabilityBlock, {
        doctor,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        reason: input.reason,
        note: data.note,
        createdBy: em.getReference(User, viewer.userId),
      });
      em.persist(created);
      const cancelReason = data.note ?? `The doctor is unavailable (${input.reason.toLowerCase().replace('_', ' ')})`;
      for (const appointment of inside) {
        const before = { status: appointment.status, cancelReason: appointment.cancelReason ?? null };
        appointment.status = AppointmentStatus.CANCELLED;
        appointment.cancelReason = cancelReason;
        appointment.cancelledAt = clock.now();
        appointment.version += 1;
        recordAudit(em, this.ctx, {
          action: 'appointment.cancel',
          entityType: 'appointment',
          entityId: appointment.id,
          changes: diff(before, { status: appointment.status, cancelReason }),
        });
        events.push(recordScheduleChange(em, { kind: 'CANCELLED', appointment }, this.ctx));
      }
      await em.flush();
      recordAudit(em, this.ctx, {
        action: 'availability_block.add',
        entityType: 'availability_block',
        entityId: created.id,
        changes: diff({}, {
          doctorId: doctor.id, startsAt: created.startsAt, endsAt: created.endsAt, reason: created.reason, note: created.note ?? null,
          cancelledAppointments: inside.map((a) => a.id),
        }),
      });
      return created;
    });
    await publishScheduleChanges(this.ctx, events);
    return toBlockView(block);
  }

  async removeBlock(id: string): Promise<boolean> {
    const viewer = requireViewer(this.ctx);
    const block = await this.em.findOne(AvailabilityBlock, parseId(id));
    if (!block) throw new NotFoundError('Block');
    assertManagesDoctor(viewer, block.doctor.id);
    await this.em.fork().transactional(async (em) => {
      await em.nativeDelete(AvailabilityBlock, { id: block.id });
      recordAudit(em, this.ctx, {
        action: 'availability_block.remove',
        entityType: 'availability_block',
        entityId: block.id,
        changes: diff({ startsAt: block.startsAt, endsAt: block.endsAt, reason: block.reason }, {}),
      });
    });
    await offerFreedTime(this.ctx.deps, block.doctor.id, block.startsAt, block.endsAt);
    return true;
  }

  /** Free slots of one hospital day, in time order (anyone may ask). */
  async availableSlots(doctorId: string, date: string): Promise<Slot[]> {
    const [first] = await this.freeByDay(doctorId, date, 1);
    return first.slots.map(toSlot);
  }

  /** Free-slot counts for `days` hospital days from `from` (the booking page's day picker). */
  async availableDays(doctorId: string, from: string | null | undefined, days: number | null | undefined): Promise<DayAvailability[]> {
    const window = bookingWindow(clock.now(), this.zone, this.ctx.deps.config.bookingWindowDays);
    const count = days ?? this.ctx.deps.config.bookingWindowDays;
    if (!Number.isInteger(count) || count < 1 || count > MAX_RANGE_DAYS) {
      throw new BadInputError(`days must be from 1 to ${MAX_RANGE_DAYS}`, { days: `From 1 to ${MAX_RANGE_DAYS}` });
    }
    const result = await this.freeByDay(doctorId, from ?? window.firstDay.toISODate()!, count);
    return result.map((d) => Object.assign(new DayAvailability(), { date: d.date, freeSlots: d.slots.length }));
  }

  private async freeByDay(doctorId: string, date: string, days: number): Promise<Array<{ date: string; slots: ComputedSlot[] }>> {
    const first = localDay(date, this.zone);
    if (!first) throw new BadInputError('date must be YYYY-MM-DD', { date: 'Use YYYY-MM-DD' });
    const doctor = await this.findDoctor(doctorId);
    const dayList: DateTime[] = Array.from({ length: days }, (_, i) => first.plus({ days: i }).startOf('day'));
    if (!doctor.active) return dayList.map((d) => ({ date: d.toISODate()!, slots: [] }));
    const now = clock.now();
    const window = bookingWindow(now, this.zone, this.ctx.deps.config.bookingWindowDays);
    // Nothing to read when the whole range is past or beyond the window.
    const rangeStart = first.toJSDate();
    const rangeEnd = first.plus({ days }).startOf('day').toJSDate();
    if (rangeEnd <= now || rangeStart >= window.endsAt) return dayList.map((d) => ({ date: d.toISODate()!, slots: [] }));
    const [ranges, taken, blocks] = await Promise.all([
      weeklyRanges(this.em, doctor.id),
      this.intervals(activeIntervalsQuery(doctor.id, rangeStart, rangeEnd)),
      this.intervals({ sql: 'select starts_at, ends_at from availability_block where doctor_id = ? and starts_at < ? and ends_at > ?', params: [doctor.id, sqlTime(rangeEnd), sqlTime(rangeStart)] }),
    ]);
    const config = this.ctx.deps.config;
    return dayList.map((day) => ({
      date: day.toISODate()!,
      slots: freeSlots({ day, ranges, taken, blocks, now, windowDays: config.bookingWindowDays, zone: this.zone }),
    }));
  }

  private async intervals(query: { sql: string; params: unknown[] }): Promise<Interval[]> {
    const rows = await sql<{ starts_at: Date; ends_at: Date }>(this.em, query.sql, query.params);
    return rows.map((r) => ({ startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }));
  }
}
