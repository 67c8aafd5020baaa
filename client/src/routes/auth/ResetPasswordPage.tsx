// /reset-password/:token — the link from the reset e-mail: choose a new password, then sign in.
// A used, replaced or expired link says so (ask for a new one).
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Link, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { graphql } from '../../gql';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { useForm } from '../../lib/form';
import { AuthLayout } from './AuthLayout';
import { useT } from '../../i18n';

const ResetPasswordDocument = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

export function ResetPasswordPage() {
  const { t } = useT();
  const { token = '' } = useParams();
  const form = useForm({ password: '', confirmPassword: '' });
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [reset, { loading }] = useMutation(ResetPasswordDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (form.values.password !== form.values.confirmPassword) {
      form.setErrors({ confirmPassword: t('The two passwords differ') });
      return;
    }
    try {
      await reset({ variables: { token, newPassword: form.values.password } });
      setDone(true);
    } catch (error) {
      const fields = fieldErrors(error);
      if (fields.password) form.setErrors({ password: fields.password });
      else setFailure(errorMessage(error));
    }
  };

  return (
    <AuthLayout title={t('Choose a new password')} subtitle={t('Every other session of your account ends.')}>
      {failure && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {failure} <Link component={RouterLink} to="/forgot-password">{t('Ask for a new link')}</Link>
        </Alert>
      )}
      {done ? (
        <Alert severity="success">{t('Your password is changed.')}{' '}<Link component={RouterLink} to="/sign-in">{t('Sign in')}</Link></Alert>
      ) : (
        <Stack component="form" spacing={2} onSubmit={submit} noValidate>
          <TextField label={t('New password')} type="password" autoComplete="new-password" required autoFocus
            {...form.field('password', t('At least 10 characters, mixing letters with digits or symbols'))} />
          <TextField label={t('Repeat password')} type="password" autoComplete="new-password" required {...form.field('confirmPassword')} />
          <Button type="submit" variant="contained" size="large" disabled={loading}>{loading ? t('Saving…') : t('Set password')}</Button>
        </Stack>
      )}
      <Typography sx={{ mt: 3, textAlign: 'center' }}>
        <Link component={RouterLink} to="/sign-in">{t('Back to sign in')}</Link>
      </Typography>
    </AuthLayout>
  );
}
