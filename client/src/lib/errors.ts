// Turning GraphQL errors into what a person can act on: a sentence, and per-field messages.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export type FieldErrors = Record<string, string>;

const FRIENDLY: Record<string, string> = {
  UNAUTHENTICATED: 'Please sign in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'That record no longer exists.',
  SLOT_UNAVAILABLE: 'That time is no longer available. Please pick another slot.',
  INVALID_TRANSITION: 'That change is not possible in the current status.',
  CONFLICT: 'That conflicts with something already saved.',
};

export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.extensions?.code as string | undefined;
  return undefined;
}

/** extensions.fields of every BAD_USER_INPUT error, merged. */
export function fieldErrors(error: unknown): FieldErrors {
  const fields: FieldErrors = {};
  if (!CombinedGraphQLErrors.is(error)) return fields;
  for (const e of error.errors) {
    const bad = e.extensions?.fields;
    if (bad && typeof bad === 'object') Object.assign(fields, bad as FieldErrors);
  }
  return fields;
}

/** One sentence for an alert. Server messages are written for people, so prefer them. */
export function errorMessage(error: unknown): string {
  if (!error) return '';
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code as string | undefined;
    if (first?.message && code !== 'INTERNAL_SERVER_ERROR') return first.message;
    return (code && FRIENDLY[code]) || 'Something went wrong. Please try again.';
  }
  if (ServerError.is(error) || (error instanceof TypeError && /fetch/i.test(error.message))) {
    return 'The hospital server could not be reached. Check your connection and try again.';
  }
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}
