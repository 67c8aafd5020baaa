import { useMutation } from '@apollo/client/react';
import { Link, Typography } from '@mui/material';
import { Link as RouterLink, Navigate, useNavigate } from 'react-router-dom';
import { homeFor, useCurrentUser } from '../../auth/CurrentUser';
import { Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { AuthLayout } from './AuthLayout';
import { NewPasswordForm } from './NewPasswordForm';
import { useT } from '../../i18n';

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
  const { t } = useT();
  const { user, loading: userLoading, signIn } = useCurrentUser();
  const navigate = useNavigate();
  const [changePassword] = useMutation(ChangePasswordDocument);

  if (userLoading) return <Loading />;
  if (!user) return <Navigate to="/sign-in?next=/change-password" replace />;
  const forced = user.mustChangePassword;

  const submit = async (passwords: { currentPassword: string; newPassword: string }) => {
    const { data } = await changePassword({ variables: passwords });
    if (!data) return;
    await signIn(data.changePasswordAndSignIn.token);
    navigate(homeFor(data.changePasswordAndSignIn.user.role), { replace: true });
  };

  return (
    <AuthLayout
      title={forced ? t('Choose your own password') : t('Change password')}
      subtitle={forced
        ? t('Your account was created with a temporary password. Replace it to continue.')
        : t('Every other session of your account will be signed out.')}
    >
      <NewPasswordForm
        currentLabel={forced ? t('Temporary password') : t('Current password')}
        newField="newPassword"
        repeatLabel={t('Repeat new password')}
        submitLabel={t('Save new password')}
        onSubmit={submit}
      />
      <Typography sx={{ mt: 3, textAlign: 'center' }} color="text.secondary">
        {forced
          ? <Link component={RouterLink} to="/sign-out">{t('Sign out')}</Link>
          : <Link component={RouterLink} to={homeFor(user.role)}>{t('Back')}</Link>}
      </Typography>
    </AuthLayout>
  );
}
