// /invitation/:token — the one-time link an admin gave a new doctor or admin: choose a password
// and you are signed in. A used, replaced or expired link says so (ask the admin for a new one).
import { useMutation } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router-dom';
import { homeFor, useCurrentUser } from '../../auth/CurrentUser';
import { graphql } from '../../gql';
import { AuthLayout } from './AuthLayout';
import { NewPasswordForm } from './NewPasswordForm';

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
  const [accept] = useMutation(AcceptInvitationDocument);

  const submit = async ({ newPassword }: { newPassword: string }) => {
    const { data } = await accept({ variables: { token, password: newPassword } });
    if (!data) return;
    await signIn(data.acceptInvitation.token);
    navigate(homeFor(data.acceptInvitation.user.role), { replace: true });
  };

  return (
    <AuthLayout title="Welcome to HMS" subtitle="Choose the password you will sign in with.">
      {/* The token's error belongs to no field on this page: shown on top. */}
      <NewPasswordForm newField="password" repeatLabel="Repeat password" submitLabel="Set password and sign in" topLevelFields={['token']} onSubmit={submit} />
    </AuthLayout>
  );
}
