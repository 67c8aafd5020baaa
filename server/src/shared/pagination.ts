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

    @Field(() => Int, { description: 'Number of items matching the filters, over all pages.' })
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
