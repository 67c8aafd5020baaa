import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../auth/CurrentUser';
import { Loading } from '../../components/QueryState';
import { useT } from '../../i18n';

/** Forgets the token and the cached data of this account, then shows the sign-in page. */
export function SignOutPage() {
  const { t } = useT();
  const { signOut } = useCurrentUser();
  const navigate = useNavigate();
  useEffect(() => {
    void signOut().then(() => navigate('/sign-in', { replace: true }));
  }, [signOut, navigate]);
  return <Loading label={t('Signing out…')} />;
}
