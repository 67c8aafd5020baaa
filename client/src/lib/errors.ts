// Turning GraphQL errors into what a person can act on: a sentence, and per-field messages.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { locale, t } from '../i18n';

export type FieldErrors = Record<string, string>;

/** The contract's error codes in the reader's language (built when asked: t() at render time). */
function friendly(code: string | undefined): string | undefined {
  const texts: Record<string, string> = {
    UNAUTHENTICATED: t('Please sign in again.'),
    FORBIDDEN: t('You are not allowed to do that.'),
    NOT_FOUND: t('That record no longer exists.'),
    SLOT_UNAVAILABLE: t('That time is no longer available. Please pick another slot.'),
    INVALID_TRANSITION: t('That change is not possible in the current status.'),
    CONFLICT: t('That conflicts with something already saved.'),
  };
  return code ? texts[code] : undefined;
}

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

/**
 * One sentence for an alert. Server messages are written for people (in English), so English
 * readers get them as they are; other languages get the client's own text for the error's code
 * when it has one, else the server's English sentence.
 */
export function errorMessage(error: unknown): string {
  if (!error) return '';
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code as string | undefined;
    const own = friendly(code);
    if (own && locale() !== 'en') return own;
    if (first?.message && code !== 'INTERNAL_SERVER_ERROR') return first.message;
    return own || t('Something went wrong. Please try again.');
  }
  if (ServerError.is(error) || (error instanceof TypeError && /fetch/i.test(error.message))) {
    return t('The hospital server could not be reached. Check your connection and try again.');
  }
  return error instanceof Error ? error.message : t('Something went wrong. Please try again.');
}
