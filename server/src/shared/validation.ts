import { z } from 'zod';
import { BadInputError } from '../errors';

/**
 * Parses `input` with a zod schema; on failure throws BAD_USER_INPUT with
 * `extensions.fields` naming each bad field, so forms can show them in place.
 */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || 'input';
    fields[key] ??= issue.message;
  }
  throw new BadInputError(`Invalid input: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, fields);
}

/** Optional free text: trimmed, empty becomes null, bounded. */
export const optionalText = (max: number) =>
  z.string().max(max, `At most ${max} characters`).nullish().transform((v) => (v?.trim() ? v.trim() : null));

export const requiredText = (max: number, label = 'This field') =>
  z.string().trim().min(1, `${label} is required`).max(max, `At most ${max} characters`);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'At most 254 characters')
  .email('Not a valid email address');

/** At least 10 characters, not all of one class (letters, digits, other). */
export const passwordSchema = z
  .string()
  .min(10, 'At least 10 characters')
  .max(200, 'At most 200 characters')
  .refine((p) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(p)).length >= 2, {
    message: 'Mix at least two of: lower-case, upper-case, digits, symbols',
  });

export const phoneSchema = z
  .string()
  .trim()
  .max(32, 'At most 32 characters')
  .regex(/^[+0-9 ()-]*$/, 'Digits, spaces, +, (, ) and - only')
  .nullish()
  .transform((v) => (v ? v : null));

/** A database id given as a GraphQL ID. */
export function parseId(value: string | number, field = 'id'): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new BadInputError(`${field} is not a valid id`, { [field]: 'Not a valid id' });
  return id;
}
