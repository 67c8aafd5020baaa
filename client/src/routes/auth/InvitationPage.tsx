// /invitation/:token — the one-time link an admin gave a new doctor or admin: choose a password
// and you are signed in. A used, replaced or expired link says so (ask the admin for a new one).
import { useMutation } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router-dom';
import { homeFor, useCurrentUser } from '../../auth/CurrentUser';
import { graphql } from '../../gql';
import { AuthLayout } from './AuthLayout';
import { NewPasswordForm } from './NewPasswordForm';
import { useT } from '../../i18n';

const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      token
      user { id role }
    }
  }
`);

export function InvitationPage() {
  const { t } = useT();
  const { token = '' } = useParams();
  const { signIn } = useCurrentUser();
  const navigate = useNavigate();
  const [accept] = useMutation(AcceptInvitationDocument);

  const submit = async ({ newPassword }: { newPassword: string }) => {
    const { data } = await accept({ variables: { token, password: newPassword } });
    if (!data) return;
    await signIn(data.acceptInvitation.token);
    navigate(homeFor(data.acceptInvitation.user.role), { replace: true });
  };

  return (
    <AuthLayout title={t('Welcome to HMS')} subtitle={t('Choose the password you will sign in with.')}>
      {/* The token's error belongs to no field on this page: shown on top. */}
      <NewPasswordForm newField="password" repeatLabel={t('Repeat password')} submitLabel={t('Set password and sign in')} topLevelFields={['token']} onSubmit={submit} />
    </AuthLayout>
  );
}
