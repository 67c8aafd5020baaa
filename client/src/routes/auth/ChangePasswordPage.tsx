import { useMutation } from '@apollo/client/react';
import { Alert, Button, Link, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useNavigate } from 'react-router-dom';
import { homeFor, useCurrentUser } from '../../auth/CurrentUser';
import { Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { useForm } from '../../lib/form';
import { AuthLayout } from './AuthLayout';

const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
      user { id role mustChangePassword }
    }
  }
`);

/**
 * Replaces the password. Doctors created by an admin land here first
 * (me.mustChangePassword) and cannot reach anything else until they do.
 */
export function ChangePasswordPage() {
  const { user, loading: userLoading, signIn } = useCurrentUser();
  const navigate = useNavigate();
  const form = useForm({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);

  if (userLoading) return <Loading />;
  if (!user) return <Navigate to="/sign-in?next=/change-password" replace />;
  const forced = user.mustChangePassword;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (form.values.newPassword !== form.values.confirmPassword) {
      form.setErrors({ confirmPassword: 'The two new passwords differ' });
      return;
    }
    try {
      const { data } = await changePassword({
        variables: { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword },
      });
      if (!data) return;
      await signIn(data.changePasswordAndSignIn.token);
      navigate(homeFor(data.changePasswordAndSignIn.user.role), { replace: true });
    } catch (error) {
      if (!form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };

  return (
    <AuthLayout
      title={forced ? 'Choose your own password' : 'Change password'}
      subtitle={forced
        ? 'Your account was created with a temporary password. Replace it to continue.'
        : 'Every other session of your account will be signed out.'}
    >
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        <TextField
          label={forced ? 'Temporary password' : 'Current password'}
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          {...form.field('currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          {...form.field('newPassword', 'At least 10 characters, mixing letters with digits or symbols')}
        />
        <TextField label="Repeat new password" type="password" autoComplete="new-password" required {...form.field('confirmPassword')} />
        <Button type="submit" variant="contained" size="large" disabled={loading}>
          {loading ? 'Saving…' : 'Save new password'}
        </Button>
      </Stack>
      <Typography sx={{ mt: 3, textAlign: 'center' }} color="text.secondary">
        {forced
          ? <Link component={RouterLink} to="/sign-out">Sign out</Link>
          : <Link component={RouterLink} to={homeFor(user.role)}>Back</Link>}
      </Typography>
    </AuthLayout>
  );
}
