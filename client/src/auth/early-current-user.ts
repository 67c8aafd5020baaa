// A signed-in page load asks "who am I?" while the app's code is still downloading: with a
// plain fetch from the entry (main.tsx) instead of waiting for Apollo, which would put a full
// round trip after the download on every signed-in first paint (issue 11, slow 4G). AppShell
// writes the answer into Apollo's cache before the first render; CurrentUserProvider then
// reads it from there instead of asking again.
import type { CurrentUserQuery } from '../gql/graphql';
import { request } from '../lib/public-graphql';
import { CurrentUserDocument } from './current-user-document';
import { getToken } from './token';

let early: Promise<CurrentUserQuery | null> | null = null;
let primed = false;

/** Starts the request when a token is stored (any failure leaves it to CurrentUserProvider). */
export function startEarlyCurrentUser(): void {
  const token = getToken();
  if (!token || early) return;
  early = request(CurrentUserDocument, {}, { token, typename: true }).then(
    (data) => (data.me && getToken() === token ? data : null),
    () => null,
  );
}

/** The early answer, once (null when there was none, it failed, or the token changed meanwhile). */
export async function takeEarlyCurrentUser(): Promise<CurrentUserQuery | null> {
  const pending = early;
  early = null;
  return pending ? pending : null;
}

export function markCurrentUserPrimed(): void {
  primed = true;
}

/** True once after AppShell put the early answer in the cache. */
export function takePrimedCurrentUser(): boolean {
  const was = primed;
  primed = false;
  return was;
}
