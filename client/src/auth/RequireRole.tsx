// Guards an area: signed in, password no longer temporary, and the right role.
import { Navigate, useLocation } from 'react-router-dom';
import type { ReactNode } from 'react';
import type { Role } from '../gql/graphql';
import { Loading } from '../components/QueryState';
import { homeFor, useCurrentUser } from './CurrentUser';
import { getToken, setToken } from './token';

/** No user for the stored token: forget it, or sign-in would send this person straight back. */
function forgetRefusedToken(): void {
  if (getToken()) setToken(null);
}

export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { user, loading } = useCurrentUser();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) forgetRefusedToken();
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (user.role !== role) return <Navigate to={homeFor(user.role)} replace />;
  return <>{children}</>;
}

/** `/`: each person's own area, or the sign-in page. */
export function HomeRedirect() {
  const { user, loading } = useCurrentUser();
  if (loading) return <Loading />;
  if (!user) forgetRefusedToken();
  if (!user) return <Navigate to="/sign-in" replace />;
  return <Navigate to={user.mustChangePassword ? '/change-password' : homeFor(user.role)} replace />;
}
