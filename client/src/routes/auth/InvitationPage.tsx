// /invitation/:token — the one-time link an admin gave a new doctor or admin: choose a password
// and you are signed in. A used, replaced or expired link says so (ask the admin for a new one).
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { homeFor, useCurrentUser } from '../../auth/CurrentUser';
import { graphql } from '../../gql';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { useForm } from '../../lib/form';
import { AuthLayout } from './AuthLayout';

const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      token
      user { id role }
    }
  }
`);

export function InvitationPage() {
  const { token = '' } = useParams();
  const { signIn } = useCurrentUser();
  const navigate = useNavigate();
  const form = useForm({ password: '', confirmPassword: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [accept, { loading }] = useMutation(AcceptInvitationDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (form.values.password !== form.values.confirmPassword) {
      form.setErrors({ confirmPassword: 'The two passwords differ' });
      return;
    }
    try {
      const { data } = await accept({ variables: { token, password: form.values.password } });
      if (!data) return;
      await signIn(data.acceptInvitation.token);
      navigate(homeFor(data.acceptInvitation.user.role), { replace: true });
    } catch (error) {
      // The token's error belongs to no field on this page: show it on top.
      if (fieldErrors(error).token || !form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };

  return (
    <AuthLayout title="Welcome to HMS" subtitle="Choose the password you will sign in with.">
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          autoFocus
          {...form.field('password', 'At least 10 characters, mixing letters with digits or symbols')}
        />
        <TextField label="Repeat password" type="password" autoComplete="new-password" required {...form.field('confirmPassword')} />
        <Button type="submit" variant="contained" size="large" disabled={loading}>
          {loading ? 'Saving…' : 'Set password and sign in'}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
