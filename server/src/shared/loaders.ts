import { Reference, Utils, wrap } from '@mikro-orm/core';

/**
 * The entity behind a relation, loaded if it is only a reference. Loads made
 * in the same tick are batched into one query by MikroORM's dataloader, so a
 * list of N parents costs one query per relation, not N. Plain row objects (see
 * scheduling/appointment.rows.ts) are returned as they are.
 */
export async function loaded<T extends object>(entity: T): Promise<T> {
  // A plain object read for a read-only path (e.g. the day view's patients) is complete as it is.
  if (!Utils.isEntity(entity)) return entity;
  if (wrap(entity).isInitialized()) return entity;
  return (await Reference.create(entity).load({ dataloader: true })) as T;
}
