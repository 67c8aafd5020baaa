import { Reference, wrap } from '@mikro-orm/core';

/**
 * The entity behind a relation, loaded if it is only a reference. Loads made
 * in the same tick are batched into one query by MikroORM's dataloader, so a
 * list of N parents costs one query per relation, not N.
 */
export async function loaded<T extends object>(entity: T): Promise<T> {
  if (wrap(entity).isInitialized()) return entity;
  return (await Reference.create(entity).load({ dataloader: true })) as T;
}
