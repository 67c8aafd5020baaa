import type { RequestHandler } from 'express';
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { clientIpOf } from './client-ip';
import { buildContext, type AppDeps, type Context, type Viewer } from './context';
import { ForbiddenError, HmsError, UnauthenticatedError } from './errors';
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

/**
 * What a token of an account that must change its password may still do: its own account, the
 * password change, signing out, and `hospital` (public: the client reads its time zone with `me`).
 */
export const ALLOWED_WHILE_MUST_CHANGE_PASSWORD = new Set([
  'me', 'hospital', 'changePassword', 'changePasswordAndSignIn', 'signOutEverywhere', 'login', 'acceptInvitation',
  '__typename', '__schema', '__type',
]);

export const MUST_CHANGE_PASSWORD_MESSAGE =
  'Change your password first: until then this account may only read `me`, change its password or sign out';

/**
 * The refusal for an operation sent with a token that must change its password, or null when it
 * may run. Decided on the whole document before anything executes (HTTP and WebSocket alike).
 */
/** `extensions.reason` of that refusal, so clients can send the person to the change-password page. */
export const MUST_CHANGE_PASSWORD_REASON = 'MUST_CHANGE_PASSWORD';

export function mustChangePasswordRefusal(viewer: Viewer | null, document: DocumentNode, operationName?: string | null): HmsError | null {
  if (!viewer?.mustChangePassword) return null;
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  if (!operation) return null;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const rootFields = new Set<string>();
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) rootFields.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment);
      }
    }
  };
  collect(operation.selectionSet);
  const refused = [...rootFields].filter((name) => !ALLOWED_WHILE_MUST_CHANGE_PASSWORD.has(name));
  if (operation.operation !== 'subscription' && refused.length === 0) return null;
  return new HmsError('FORBIDDEN', MUST_CHANGE_PASSWORD_MESSAGE, { reason: MUST_CHANGE_PASSWORD_REASON });
}

/** The /exports/* downloads refuse such a token too (403, the same JSON shape as the exports' own errors). */
export function refuseExportsWhileMustChangePassword(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    if (!req.headers.authorization) { next(); return; }
    buildContext(deps, req.headers.authorization, undefined, clientIpOf(req, deps.config.trustProxy))
      .then((ctx) => {
        if (ctx.viewer?.mustChangePassword) res.status(403).json({ error: { code: 'FORBIDDEN', reason: MUST_CHANGE_PASSWORD_REASON, message: MUST_CHANGE_PASSWORD_MESSAGE } });
        // API keys read through GraphQL and FHIR within their scopes; the downloads are for people.
        else if (ctx.viewer?.apiKey) res.status(403).json({ error: { code: 'FORBIDDEN', message: 'API keys may not use the downloads' } });
        else next();
      })
      .catch(next);
  };
}
