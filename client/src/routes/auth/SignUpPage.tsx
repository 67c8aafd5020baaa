// Patient sign-up, like sign-in without Apollo Client or MUI: one fetch for `register`.
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { getToken, setToken } from '../../auth/token';
import { graphql } from '../../gql';
import { GENDERS, genderLabel } from '../../lib/options';
import { request } from '../../lib/public-graphql';
import { failureMessage, usePublicForm } from './public-form';
import { Field, PublicLayout } from './PublicLayout';
import { useT } from '../../i18n';

const SignUpDocument = graphql(`
  mutation SignUp($input: RegisterInput!) {
    register(input: $input) {
      token
      user { id role }
    }
  }
`);

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function SignUpPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const form = usePublicForm({ email: '', password: '', fullName: '', phone: '', dateOfBirth: '', gender: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  if (getToken() && !loading) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setLoading(true);
    const { values } = form;
    try {
      const { register } = await request(SignUpDocument, {
        input: {
          email: values.email,
          password: values.password,
          fullName: values.fullName,
          phone: blankToNull(values.phone),
          dateOfBirth: blankToNull(values.dateOfBirth),
          gender: blankToNull(values.gender),
        },
      });
      setToken(register.token);
      navigate('/patient', { replace: true });
    } catch (error) {
      setLoading(false);
      if (!form.showServerErrors(error)) setFailure(failureMessage(error));
    }
  };

  return (
    <PublicLayout title={t('Create your patient account')} subtitle={t('Book visits with our doctors and keep your appointments in one place.')}>
      {failure && <p className="alert error" role="alert">{failure}</p>}
      <form onSubmit={submit} noValidate>
        <Field label={t('Full name')} autoComplete="name" required autoFocus {...form.field('fullName')} />
        <Field label={t('Email')} type="email" autoComplete="email" required {...form.field('email')} />
        <Field label={t('Password')} type="password" autoComplete="new-password" required
          helper={t('At least 10 characters, mixing letters with digits or symbols')} {...form.field('password')} />
        <div className="row">
          <Field label={t('Phone')} type="tel" autoComplete="tel" {...form.field('phone')} />
          <Field label={t('Date of birth')} type="date" autoComplete="bday" {...form.field('dateOfBirth')} />
        </div>
        <Field label={t('Gender')} {...form.field('gender')}>
          <option value="">{t('Not stated')}</option>
          {GENDERS.map((gender) => <option key={gender} value={gender}>{genderLabel(gender)}</option>)}
        </Field>
        <button type="submit" disabled={loading}>{loading ? t('Creating account…') : t('Create account')}</button>
      </form>
      <p className="footer">{t('Already registered?')}{' '}<Link to="/sign-in">{t('Sign in')}</Link></p>
    </PublicLayout>
  );
}
