// Failure injection for tests: the services call `failurePoint(name, em)` inside their real
// transactions after the writes; a test in the same process sets `failurePoints[name]` to flush and
// throw there, proving the rollback path of the service itself (not a copy of it in the test).
// Nothing outside the process can set one; unset (always, in production) it does nothing.
import type { EntityManager } from '@mikro-orm/core';

export type FailurePoint = 'appointment.book' | 'appointment.reschedule' | 'appointment.status' | 'invoice.create';

export const failurePoints: Partial<Record<FailurePoint, (em: EntityManager) => Promise<void>>> = {};

export async function failurePoint(name: FailurePoint, em: EntityManager): Promise<void> {
  const hook = failurePoints[name];
  if (hook) await hook(em);
}
