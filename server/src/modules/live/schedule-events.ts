import type { EntityManager } from '@mikro-orm/core';
import type { Context } from '../../context';
import { logger } from '../../logger';
import type { Appointment } from '../scheduling/appointment.entity';
import { OutboxEvent } from './outbox-event.entity';

export type ScheduleChangeKind = 'BOOKED' | 'RESCHEDULED' | 'CANCELLED' | 'STATUS_CHANGED';

/**
 * Writes the outbox row of one schedule change. Call it with the transaction's
 * EntityManager, so the event exists exactly when the change committed.
 * Returns the row; hand it to `publishScheduleChanges` after the commit.
 */
export function recordScheduleChange(
  em: EntityManager,
  change: { kind: ScheduleChangeKind; appointment: Appointment; previousStartsAt?: Date | null },
): OutboxEvent {
  const event = em.create(OutboxEvent, {
    kind: change.kind,
    doctorId: change.appointment.doctor.id,
    appointmentId: change.appointment.id,
    previousStartsAt: change.previousStartsAt ?? null,
  });
  em.persist(event);
  return event;
}

/** After commit: tells subscribers (in this process or, with Redis, every process). */
export async function publishScheduleChanges(ctx: Pick<Context, 'deps'>, events: OutboxEvent[]): Promise<void> {
  for (const event of events) {
    try {
      ctx.deps.pubsub.publish('SCHEDULE_CHANGED', {
        cursor: String(event.id),
        doctorId: event.doctorId,
        appointmentId: event.appointmentId,
        kind: event.kind,
        previousStartsAt: event.previousStartsAt ? event.previousStartsAt.toISOString() : null,
      });
    } catch (error) {
      // The change is committed and in the outbox; subscribers catch up from there.
      logger.warn('publishing a schedule change failed', { error: (error as Error).message });
    }
  }
}
