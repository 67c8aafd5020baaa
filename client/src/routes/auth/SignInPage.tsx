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
import { t, useT } from '../../i18n';

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
  const count = Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : 15;
  return t('Too many failed attempts. This account is locked; try again in {{count}} minutes.', { count });
}

/** The server's sentence, or ours for the one it says most (the server writes English). */
function signInFailure(error: unknown): string {
  return error instanceof RequestFailed && error.message === 'Wrong email or password' ? t('Wrong email or password') : failureMessage(error); // i18n-ignore: the server's text
}

export function SignInPage() {
  const { t } = useT();
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
        const tries = left === 0
          ? t('No tries left: the next wrong password locks the account for 15 minutes.')
          : t('{{count}} tries left before the account is locked for 15 minutes.', { count: left });
        setFailure(`${signInFailure(error)}. ${tries} ${t('Forgot your password? Reset it below.')}`);
      } else if (!form.showServerErrors(error)) setFailure(signInFailure(error));
    }
  };

  return (
    <PublicLayout title={t('Sign in')} subtitle={t('Welcome back. Sign in to book and manage your visits.')}>
      {params.get('expired') && !failure && <p className="alert info" role="status">{t('Your session has ended. Please sign in again.')}</p>}
      {failure && <p className="alert error" role="alert">{failure}</p>}
      <form onSubmit={submit} noValidate>
        <Field label={t('Email')} type="email" autoComplete="email" autoFocus required {...form.field('email')} />
        <Field label={t('Password')} type="password" autoComplete="current-password" required {...form.field('password')} />
        <button type="submit" disabled={loading}>{loading ? t('Signing in…') : t('Sign in')}</button>
      </form>
      <p className="footer"><Link to="/forgot-password">{t('Forgot password?')}</Link></p>
      <p className="footer">{t('New patient?')}{' '}<Link to="/sign-up">{t('Create an account')}</Link></p>
    </PublicLayout>
  );
}
