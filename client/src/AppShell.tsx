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
import i18next from 'i18next';
import { locale, useLanguage } from './i18n';
import { useHourCycle, useResolvedScheme } from './lib/preferences';
import { makeTheme } from './theme';

/** Before the first render: the answer to the entry's early "who am I?" goes into Apollo's cache. */
export async function primeFromEarlyRequest(): Promise<void> {
  const data = await takeEarlyCurrentUser();
  if (!data) return;
  apolloClient.writeQuery({ query: CurrentUserDocument, data });
  markCurrentUserPrimed();
}

// luxon's locale follows the language (lib/luxon-locale.ts). Our modules that use luxon import it
// themselves; for any other page it is fetched here, as early as possible, once a language other than
// English is on (English needs nothing: luxon's default is the browser's locale). No luxon download
// for English readers of pages that do not need it.
const followLuxon = () => { if (locale() !== 'en') void import('./lib/luxon-locale'); };
followLuxon();
i18next.on('languageChanged', followLuxon);

export function AppShell() {
  const scheme = useResolvedScheme();
  const theme = useMemo(() => makeTheme(scheme), [scheme]);
  // Times and words are formatted while rendering: a new 12/24-hour choice or language redraws
  // the pages (from the cache; the booking steps are in the URL, so they survive).
  const hourCycle = useHourCycle();
  const language = useLanguage();
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <ApolloProvider client={apolloClient}>
        <CurrentUserProvider>
          <Outlet key={`${hourCycle}-${language}`} />
        </CurrentUserProvider>
      </ApolloProvider>
    </ThemeProvider>
  );
}
