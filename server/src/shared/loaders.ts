import { Reference, Utils, wrap } from '@mikro-orm/core';

/**
 * The entity behind a relation, loaded if it is only a reference. Loads made
 * in the same tick are batched into one query by MikroORM's dataloader, so a
 * list of N parents costs one query per relation, not N. Plain row objects (see
 * scheduling/appointment.rows.ts) are returned as they are.
 */
export function loaded<T extends object>(entity: T): T | Promise<T> {
  // A plain object read for a read-only path (e.g. the day view's patients) is complete as it is,
  // and is returned as it is, not in a promise: graphql-js completes a plain value in the same
  // tick, a promise per row (40 on a day view) costs it a round of microtasks each.
  if (!Utils.isEntity(entity)) return entity;
  if (wrap(entity).isInitialized()) return entity;
  return Reference.create(entity).load({ dataloader: true }) as Promise<T>;
}
