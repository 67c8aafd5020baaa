// Values and per-field server errors for the plain signed-out forms (lib/form.ts is the MUI one).
import { useState } from 'react';
import { RequestFailed } from '../../lib/public-graphql';
import { t } from '../../i18n';

export function usePublicForm<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const field = (name: keyof T & string) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (value: string) => {
      setValues((previous) => ({ ...previous, [name]: value }));
      // Editing a field clears its error: the person is fixing it.
      setErrors(({ [name]: _fixed, ...rest }) => rest);
    },
  });
  /** Takes the server's extensions.fields; returns true when there were any. */
  const showServerErrors = (error: unknown): boolean => {
    const fields = error instanceof RequestFailed ? error.fields : {};
    setErrors(fields);
    return Object.keys(fields).length > 0;
  };
  return { values, field, showServerErrors };
}

export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : t('Something went wrong. Please try again.');
}

/** Where to go after signing in: the page asked for (same site only), else the person's home. */
export function landingFor(next: string | null, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
