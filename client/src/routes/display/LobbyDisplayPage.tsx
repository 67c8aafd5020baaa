// The lobby screen (/display/queue#token=hmsd_…): no sign-in, only the display token from the URL
// fragment (or ?token=). It opens its own WebSocket with the token in connection_init and follows
// lobbyQueueChanged, whose first message is the current state: doctors' names and the numbers
// they call, never a patient's name.
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { LobbyQueueChangedSubscription } from '../../gql/graphql';
import { formatTime } from '../../lib/format';
import { t, useT } from '../../i18n';

const LobbyQueueChangedDocument = graphql(`
  subscription LobbyQueueChanged($displayToken: String!) {
    lobbyQueueChanged(displayToken: $displayToken) {
      date
      title
      doctors { doctorId doctorName departmentName nowCalling waiting }
    }
  }
`);

type Lobby = LobbyQueueChangedSubscription['lobbyQueueChanged'];

const refused = () => t('This screen\'s link no longer works (it was replaced or revoked). Open the new link from Lobby screens.');

/** The token from #token=… (never sent to any server in requests' URLs), else from ?token=…. */
function displayToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  return fromHash ?? new URLSearchParams(window.location.search).get('token');
}

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

export function LobbyDisplayPage() {
  const { t } = useT();
  const [token] = useState(displayToken);
  const [lobby, setLobby] = useState<Lobby | null>(null);
  const [problem, setProblem] = useState<string | null>(token ? null : t('This screen has no display token. Open the link from Lobby screens.'));
  const [clock, setClock] = useState(() => new Date());

  useEffect(() => {
    const timer = setInterval(() => setClock(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!token) return;
    let disposed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const client = createClient({
      url: webSocketUrl(),
      connectionParams: { displayToken: token },
      // A screen runs for days: keep reconnecting (the first message after each is the current state).
      retryAttempts: Number.POSITIVE_INFINITY,
      // 4403: the server refused the token at connection_init; retrying will not help.
      shouldRetry: (event) => (event as { code?: number } | undefined)?.code !== 4403,
      on: {
        closed: (event) => {
          if ((event as { code?: number } | undefined)?.code === 4403) setProblem(refused());
        },
      },
    });
    let stop = () => {};
    const start = () => {
      stop = client.subscribe<{ lobbyQueueChanged: Lobby }>({ query: print(LobbyQueueChangedDocument), variables: { displayToken: token } }, {
        next: (result) => {
          if (result.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) { setProblem(refused()); return; }
          if (result.data) { setLobby(result.data.lobbyQueueChanged); setProblem(null); }
        },
        error: (error) => {
          if (Array.isArray(error) && error.some((e) => e?.extensions?.code === 'UNAUTHENTICATED')) { setProblem(refused()); return; }
          if (!disposed) retry = setTimeout(start, 5_000);
        },
        complete: () => { if (!disposed) retry = setTimeout(start, 5_000); },
      });
    };
    start();
    return () => {
      disposed = true;
      clearTimeout(retry);
      stop();
      void client.dispose();
    };
  }, [token]);

  return (
    <Box component="main" sx={{ minHeight: '100vh', bgcolor: 'background.default', p: { xs: 2, md: 4 } }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 3, flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h3" component="h1">{lobby?.title ?? t('Now calling')}</Typography>
        <Typography variant="h4" component="p" color="text.secondary">
          {formatTime(clock.toISOString())}
        </Typography>
      </Stack>
      {problem && <Alert severity="warning" sx={{ mb: 3, fontSize: '1.25rem' }}>{problem}</Alert>}
      {lobby && lobby.doctors.length === 0 && (
        <Typography variant="h5" color="text.secondary">{t('No clinics are running yet today.')}</Typography>
      )}
      <Box
        role="list"
        aria-label={t('Now calling')}
        sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(3, 1fr)' } }}
      >
        {lobby?.doctors.map((doctor) => (
          <Card key={doctor.doctorId} variant="outlined" role="listitem" data-testid="lobby-doctor" data-doctor-id={doctor.doctorId}>
            <CardContent>
              <Typography variant="h5" component="h2">{doctor.doctorName}</Typography>
              <Typography color="text.secondary" sx={{ mb: 2 }}>{doctor.departmentName}</Typography>
              <Typography variant="overline" component="p">{t('Now calling')}</Typography>
              <Typography variant="h1" component="p" data-testid="lobby-now-calling" aria-live="polite" sx={{ fontWeight: 700, lineHeight: 1 }}>
                {doctor.nowCalling ?? '–'}
              </Typography>
              <Typography sx={{ mt: 2 }} data-testid="lobby-waiting">{t('{{count}} waiting', { count: doctor.waiting })}</Typography>
            </CardContent>
          </Card>
        ))}
      </Box>
    </Box>
  );
}
