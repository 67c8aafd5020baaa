// A tiny form helper: values, per-field errors from the server, and TextField bindings.
import { useCallback, useState, type ChangeEvent } from 'react';
import { fieldErrors, type FieldErrors } from './errors';

export function useForm<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback((name: keyof T & string, value: string) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    // Editing a field clears its error: the person is fixing it.
    setErrors((previous) => {
      if (!(name in previous)) return previous;
      const { [name]: _removed, ...rest } = previous;
      return rest;
    });
  }, []);

  /** Props for an MUI TextField: name, value, onChange, error and helperText. */
  const field = (name: keyof T & string, helperText?: string) => ({
    name,
    id: `field-${name}`,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(name, event.target.value),
    error: Boolean(errors[name]),
    helperText: errors[name] ?? helperText,
  });

  /** Takes the server's extensions.fields; returns true when there were any. */
  const showServerErrors = (error: unknown): boolean => {
    const fields = fieldErrors(error);
    setErrors(fields);
    return Object.keys(fields).length > 0;
  };

  const reset = useCallback(() => { setValues(initial); setErrors({}); }, [initial]);

  return { values, set, setValues, errors, setErrors, field, showServerErrors, reset };
}

/** '' becomes null: optional GraphQL arguments are left empty rather than blank. */
export function blankToNull(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}
