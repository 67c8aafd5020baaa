// Who is signed in, for every page: the `me` query plus sign-in and sign-out actions.
import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CurrentUserDocument } from './current-user-document';
import { takePrimedCurrentUser } from './early-current-user';
import type { CurrentUserQuery } from '../gql/graphql';
import { setHospitalZone } from '../lib/hospital-zone';
import { setPreferenceAccount } from '../lib/preferences';
import { getToken, onPasswordChangeRequired, onSessionExpired, setToken } from './token';
import { isUnavailable, UnavailableScreen } from './Unavailable';

/** How often a signed-in person's page asks again while the API is unreachable. */
const RETRY_SECONDS = 3;



export type CurrentUser = NonNullable<CurrentUserQuery['me']>;

interface CurrentUserValue {
  user: CurrentUser | null;
  /** True until the first answer about the stored token arrives. */
  loading: boolean;
  /** Stores the token and reloads everything as the new account. */
  signIn(token: string): Promise<CurrentUser | null>;
  signOut(): Promise<void>;
}

const CurrentUserContext = createContext<CurrentUserValue | null>(null);

export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [primed] = useState(takePrimedCurrentUser);
  const { data, loading, error, refetch } = useQuery(CurrentUserDocument, {
    // Sign-in and sign-up live outside this provider: each time it mounts, ask about the token in
    // hand, unless the answer to the request sent while the app was downloading is in the cache.
    fetchPolicy: primed ? 'cache-first' : 'network-only',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: false,
  });
  // Signed in but the API is down: say so and retry, rather than showing the sign-in form.
  const unavailable = Boolean(getToken()) && !data && !loading && isUnavailable(error);
  const [retryIn, setRetryIn] = useState(RETRY_SECONDS);
  useEffect(() => {
    if (!unavailable) return undefined;
    setRetryIn(RETRY_SECONDS);
    let left = RETRY_SECONDS;
    const timer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        left = RETRY_SECONDS;
        void refetch().catch(() => {});
      }
      setRetryIn(left);
    }, 1000);
    return () => clearInterval(timer);
  }, [unavailable, refetch]);

  // The token can also disappear behind our back (refused by the server): forget cached data.
  useEffect(
    () =>
      onSessionExpired(() => {
        void client.clearStore().then(() => refetch());
      }),
    [client, refetch],
  );

  // The server insists on a new password: re-read `me`, whose mustChangePassword sends every
  // guarded page to /change-password (RequireRole).
  useEffect(() => onPasswordChangeRequired(() => { void refetch(); }), [refetch]);

  const signIn = useCallback(
    async (token: string) => {
      setToken(token);
      await client.clearStore();
      const result = await refetch();
      return result.data?.me ?? null;
    },
    [client, refetch],
  );

  const signOut = useCallback(async () => {
    setToken(null);
    await client.clearStore();
    await refetch();
  }, [client, refetch]);

  // Times read in the hospital's zone wherever the browser happens to be.
  if (data?.hospital) setHospitalZone(data.hospital.timezone);
  // Whose 12/24-hour choice applies.
  setPreferenceAccount(getToken() ? (data?.me?.id ?? null) : null);

  const value = useMemo<CurrentUserValue>(
    () => ({ user: getToken() ? (data?.me ?? null) : null, loading: loading && !data, signIn, signOut }),
    [data, loading, signIn, signOut],
  );
  if (unavailable) return <UnavailableScreen retryInSeconds={retryIn} />;
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUserValue {
  const value = useContext(CurrentUserContext);
  if (!value) throw new Error('useCurrentUser outside CurrentUserProvider');
  return value;
}

export { homeFor } from './home';
