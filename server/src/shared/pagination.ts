import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadInputError } from '../errors';

/** A page of a list that can grow. Pass `nextCursor` back as `after` for the next page. */
export function Page<T extends object>(itemType: ClassType<T>) {
  @ObjectType()
  abstract class PageClass {
    @Field(() => [itemType], { description: 'The items of this page, in the list\'s order.' })
    items!: T[];

    @Field(() => String, { nullable: true, description: 'Cursor of the next page; null on the last page.' })
    nextCursor!: string | null;

    @Field(() => Int, { description: 'Number of items matching the filters, over all pages. Counted only when selected: ask for it when it is shown (e.g. with the first page), not with every page.' })
    totalCount!: number;
  }
  return PageClass;
}

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadInputError(`first must be from 1 to ${MAX_PAGE_SIZE}`, { first: `From 1 to ${MAX_PAGE_SIZE}` });
  }
  return size;
}

/** Opaque cursors: base64url of a JSON value (typically the sort key and the id). */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | null | undefined): T | null {
  if (!cursor) return null;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw new BadInputError('after is not a cursor from this list', { after: 'Invalid cursor' });
  }
}

/** `totalCount` as the GraphQL resolver sees it: a number, or a count still to run. */
export type TotalCount = number | Promise<number>;

/**
 * A page's `totalCount`, counted only if the client selects the field: the
 * GraphQL default resolver reads the getter, so a page fetched without it never
 * runs the count (a `count(*)` over every matching row, the costly part of a
 * deep page). A first page that is also the last is counted for free.
 */
export function withTotalCount<T extends object>(page: T, isFirstPage: boolean, itemsOnPage: number, hasMore: boolean, count: () => Promise<number>): T & { totalCount: TotalCount } {
  let counted: Promise<number> | undefined;
  return Object.defineProperty(page, 'totalCount', {
    enumerable: true,
    get: (): TotalCount => {
      if (isFirstPage && !hasMore) return itemsOnPage;
      counted ??= count();
      return counted;
    },
  }) as T & { totalCount: TotalCount };
}
