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
      if (error instanceof RequestFailed && error.code === 'ACCOUNT_LOCKED') setFailure(lockedMessage(error));
      else if (!form.showServerErrors(error)) setFailure(failureMessage(error));
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
      <p className="footer">New patient? <Link to="/sign-up">Create an account</Link></p>
    </PublicLayout>
  );
}
