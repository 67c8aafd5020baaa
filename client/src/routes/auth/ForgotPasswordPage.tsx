// /forgot-password — asks for a reset link by e-mail. The answer is the same whether or not the
// address has an account (the server always says true), so the page never tells.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Link, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { useForm } from '../../lib/form';
import { AuthLayout } from './AuthLayout';
import { useT } from '../../i18n';

const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export function ForgotPasswordPage() {
  const { t } = useT();
  const form = useForm({ email: '' });
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [request, { loading }] = useMutation(RequestPasswordResetDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await request({ variables: { email: form.values.email } });
      setSent(true);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <AuthLayout title={t('Forgot password?')} subtitle={t('We e-mail you a link to choose a new one.')}>
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      {sent ? (
        <Alert severity="success">
          {t('If an account uses {{email}}, an e-mail with a link is on its way. The link works once, for 30 minutes.', { email: form.values.email })}
        </Alert>
      ) : (
        <Stack component="form" spacing={2} onSubmit={submit} noValidate>
          <TextField label={t('Email')} type="email" autoComplete="email" autoFocus required {...form.field('email')} />
          <Button type="submit" variant="contained" size="large" disabled={loading || !form.values.email}>
            {loading ? t('Sending…') : t('Send me a link')}
          </Button>
        </Stack>
      )}
      <Typography sx={{ mt: 3, textAlign: 'center' }}>
        <Link component={RouterLink} to="/sign-in">{t('Back to sign in')}</Link>
      </Typography>
    </AuthLayout>
  );
}
