// Failure injection for tests: the services call `failurePoint(name, em)` inside their real
// transactions after the writes; a test in the same process sets `failurePoints[name]` to flush and
// throw there, proving the rollback path of the service itself (not a copy of it in the test).
// Nothing outside the process can set one; unset (always, in production) it does nothing.
import type { EntityManager } from '@mikro-orm/core';
import { EventEmitter } from 'node:events';

export type FailurePoint = 'appointment.book' | 'appointment.reschedule' | 'appointment.status' | 'invoice.create';

export const failurePoints: Partial<Record<FailurePoint, (em: EntityManager) => Promise<void>>> = {};

export async function failurePoint(name: FailurePoint, em: EntityManager): Promise<void> {
  const hook = failurePoints[name];
  if (hook) await hook(em);
}

/**
 * ('ready', stream, key) once a live subscription listens and, for the schedule stream, its first
 * outbox reads (catch-up, warm-up) are done: tests wait for it instead of sleeping. Emitted only
 * when someone in the process listens for it.
 */
export const liveSignals = new EventEmitter();

export function signalLiveReady(stream: 'doctorScheduleChanged' | 'slotsChanged' | 'notificationAdded' | 'flowBoardChanged' | 'lobbyQueueChanged', key: number): void {
  if (liveSignals.listenerCount('ready') > 0) liveSignals.emit('ready', stream, key);
}
