// The "choose a new password" form shared by the invitation and change-password pages: an optional
// current-password field, the new password twice (compared before anything is sent), the server's
// field errors under their fields and any other failure on top.
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { useForm } from '../../lib/form';
import { useT } from '../../i18n';

export interface NewPasswordFormProps {
  /** With a label: a current-password field first (the server names it `currentPassword`). */
  currentLabel?: string;
  /** The server's name of the new-password field, so its errors land under it. */
  newField: 'password' | 'newPassword';
  repeatLabel: string;
  submitLabel: string;
  /** Server field errors that belong to no field here (shown on top), e.g. an invitation `token`. */
  topLevelFields?: string[];
  /** Sends the passwords; throws the mutation's error to be shown. */
  onSubmit: (passwords: { currentPassword: string; newPassword: string }) => Promise<void>;
}

export function NewPasswordForm({ currentLabel, newField, repeatLabel, submitLabel, topLevelFields = [], onSubmit }: NewPasswordFormProps) {
  const { t } = useT();
  const form = useForm<Record<string, string>>({ currentPassword: '', [newField]: '', confirmPassword: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (form.values[newField] !== form.values.confirmPassword) {
      form.setErrors({ confirmPassword: currentLabel ? t('The two new passwords differ') : t('The two passwords differ') });
      return;
    }
    setSaving(true);
    try {
      await onSubmit({ currentPassword: form.values.currentPassword, newPassword: form.values[newField] });
    } catch (error) {
      const onTop = topLevelFields.some((name) => fieldErrors(error)[name]);
      if (onTop || !form.showServerErrors(error)) setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        {currentLabel && (
          <TextField label={currentLabel} type="password" autoComplete="current-password" required autoFocus {...form.field('currentPassword')} />
        )}
        <TextField
          label={t('New password')}
          type="password"
          autoComplete="new-password"
          required
          autoFocus={!currentLabel}
          {...form.field(newField, t('At least 10 characters, mixing letters with digits or symbols'))}
        />
        <TextField label={repeatLabel} type="password" autoComplete="new-password" required {...form.field('confirmPassword')} />
        <Button type="submit" variant="contained" size="large" disabled={saving}>
          {saving ? t('Saving…') : submitLabel}
        </Button>
      </Stack>
    </>
  );
}
