// Sign-in without Apollo Client or MUI (issue 11: the page people wait for on a slow line):
// one fetch for `login`, then the signed-in app (and Apollo) loads for the page asked for.
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { homeFor } from '../../auth/home';
import { getToken, setToken } from '../../auth/token';
import { graphql } from '../../gql';
import { request, RequestFailed } from '../../lib/public-graphql';
import { failureMessage, landingFor, usePublicForm } from './public-form';
import { Field, PublicLayout } from './PublicLayout';

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
  const left = error instanceof RequestFailed ? Number(error.errors[0]?.extensions?.triesLeft) : NaN;
  return Number.isFinite(left) ? left : null;
}

function lockedMessage(error: RequestFailed): string {
  const seconds = Number(error.errors[0]?.extensions?.retryAfterSeconds);
  const minutes = Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : 15;
  return `Too many failed attempts. This account is locked; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const form = usePublicForm({ email: '', password: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const next = params.get('next');

  // Already signed in (a stored token): the signed-in app decides where this person belongs.
  if (getToken() && !loading) return <Navigate to={landingFor(next, '/')} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setLoading(true);
    try {
      const { login } = await request(SignInDocument, { email: form.values.email, password: form.values.password });
      setToken(login.token);
      navigate(login.user.mustChangePassword ? '/change-password' : landingFor(next, homeFor(login.user.role)), { replace: true });
    } catch (error) {
      setLoading(false);
      const left = triesLeftOf(error);
      if (error instanceof RequestFailed && error.code === 'ACCOUNT_LOCKED') setFailure(lockedMessage(error));
      else if (error instanceof RequestFailed && error.code === 'UNAUTHENTICATED' && left !== null && left <= 2) {
        setFailure(`${failureMessage(error)}. ${left === 0 ? 'No tries left: the next wrong password locks the account for 15 minutes.' : `${left} ${left === 1 ? 'try' : 'tries'} left before the account is locked for 15 minutes.`} Forgot your password? Reset it below.`);
      } else if (!form.showServerErrors(error)) setFailure(failureMessage(error));
    }
  };

  return (
    <PublicLayout title="Sign in" subtitle="Welcome back. Sign in to book and manage your visits.">
      {params.get('expired') && !failure && <p className="alert info" role="status">Your session has ended. Please sign in again.</p>}
      {failure && <p className="alert error" role="alert">{failure}</p>}
      <form onSubmit={submit} noValidate>
        <Field label="Email" type="email" autoComplete="email" autoFocus required {...form.field('email')} />
        <Field label="Password" type="password" autoComplete="current-password" required {...form.field('password')} />
        <button type="submit" disabled={loading}>{loading ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <p className="footer"><Link to="/forgot-password">Forgot password?</Link></p>
      <p className="footer">New patient? <Link to="/sign-up">Create an account</Link></p>
    </PublicLayout>
  );
}
