import { useMutation } from '@apollo/client/react';
import { Alert, Button, Link, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useSearchParams } from 'react-router-dom';
import { homeFor, useCurrentUser } from '../../auth/CurrentUser';
import { graphql } from '../../gql';
import { errorCode, errorMessage } from '../../lib/errors';
import { useForm } from '../../lib/form';
import { AuthLayout } from './AuthLayout';
import { CombinedGraphQLErrors } from '@apollo/client/errors';

const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user { id role mustChangePassword }
    }
  }
`);

/** The server says how many tries are left on a wrong password (for known and unknown e-mails alike). */
function triesLeftOf(error: unknown): number | null {
  const left = CombinedGraphQLErrors.is(error) ? Number(error.errors[0]?.extensions?.triesLeft) : NaN;
  return Number.isFinite(left) ? left : null;
}

function lockedMessage(error: unknown): string {
  const seconds = CombinedGraphQLErrors.is(error) ? Number(error.errors[0]?.extensions?.retryAfterSeconds) : NaN;
  const minutes = Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : 15;
  return `Too many failed attempts. This account is locked; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function SignInPage() {
  const { user, signIn } = useCurrentUser();
  const [params] = useSearchParams();
  const form = useForm({ email: '', password: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [login, { loading }] = useMutation(SignInDocument);

  // Once signed in (here or in another tab), go where the person was heading.
  const next = params.get('next');
  if (user) {
    const target = user.mustChangePassword ? '/change-password' : next && next.startsWith('/') && !next.startsWith('//') ? next : homeFor(user.role);
    return <Navigate to={target} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      const { data } = await login({ variables: { email: form.values.email, password: form.values.password } });
      // The signed-in user re-renders this page, which then redirects (above).
      if (data) await signIn(data.login.token);
    } catch (error) {
      const code = errorCode(error);
      const left = triesLeftOf(error);
      if (code === 'ACCOUNT_LOCKED') setFailure(lockedMessage(error));
      else if (code === 'UNAUTHENTICATED' && left !== null && left <= 2) {
        setFailure(`${errorMessage(error)}. ${left === 0 ? 'No tries left: the next wrong password locks the account for 15 minutes.' : `${left} ${left === 1 ? 'try' : 'tries'} left before the account is locked for 15 minutes.`} Forgot your password? Reset it below.`);
      } else if (!form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in to book and manage your visits.">
      {params.get('expired') && !failure && (
        <Alert severity="info" sx={{ mb: 2 }}>Your session has ended. Please sign in again.</Alert>
      )}
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        <TextField label="Email" type="email" autoComplete="email" autoFocus required {...form.field('email')} />
        <TextField label="Password" type="password" autoComplete="current-password" required {...form.field('password')} />
        <Button type="submit" variant="contained" size="large" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </Button>
      </Stack>
      <Typography sx={{ mt: 2, textAlign: 'center' }}>
        <Link component={RouterLink} to="/forgot-password">Forgot password?</Link>
      </Typography>
      <Typography sx={{ mt: 2, textAlign: 'center' }} color="text.secondary">
        New patient? <Link component={RouterLink} to="/sign-up">Create an account</Link>
      </Typography>
    </AuthLayout>
  );
}
