import type { AuthChecker } from 'type-graphql';
import type { Context, Viewer } from './context';
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { Role } from './modules/identity/user.entity';

/** Backs every `@Authorized(...)`: signed in, and (when roles are listed) one of them. */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  requireViewer(context);
  if (roles.length > 0 && !roles.includes(context.viewer!.role)) throw new ForbiddenError();
  return true;
};

/** The signed-in viewer, or UNAUTHENTICATED (saying why a presented token was refused). */
export function requireViewer(context: Pick<Context, 'viewer' | 'tokenError'>): Viewer {
  if (context.viewer) return context.viewer;
  throw new UnauthenticatedError(context.tokenError ?? 'Sign in first');
}
