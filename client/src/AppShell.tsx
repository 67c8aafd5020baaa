// Everything the signed-in app needs around its pages: the MUI theme (light or dark, as
// chosen in the account menu or by the system), Apollo Client and the current user. Loaded
// lazily (router.tsx), so the signed-out pages never download MUI or Apollo.
import { ApolloProvider } from '@apollo/client/react';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { useMemo } from 'react';
import { Outlet } from 'react-router-dom';
import { apolloClient } from './apollo';
import { CurrentUserProvider } from './auth/CurrentUser';
import { CurrentUserDocument } from './auth/current-user-document';
import { markCurrentUserPrimed, takeEarlyCurrentUser } from './auth/early-current-user';
import { useHourCycle, useResolvedScheme } from './lib/preferences';
import { makeTheme } from './theme';

/** Before the first render: the answer to the entry's early "who am I?" goes into Apollo's cache. */
export async function primeFromEarlyRequest(): Promise<void> {
  const data = await takeEarlyCurrentUser();
  if (!data) return;
  apolloClient.writeQuery({ query: CurrentUserDocument, data });
  markCurrentUserPrimed();
}

export function AppShell() {
  const scheme = useResolvedScheme();
  const theme = useMemo(() => makeTheme(scheme), [scheme]);
  // Times are formatted while rendering: a new 12/24-hour choice redraws the pages (from the cache).
  const hourCycle = useHourCycle();
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <ApolloProvider client={apolloClient}>
        <CurrentUserProvider>
          <Outlet key={hourCycle} />
        </CurrentUserProvider>
      </ApolloProvider>
    </ThemeProvider>
  );
}
