// Shown instead of any page while the API cannot be reached for a signed-in person: the session is
// still good, so the sign-in form would be a lie. It retries on its own.
import { Box, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import CloudOff from '@mui/icons-material/CloudOff';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useT } from '../i18n';

/** True when an error means "the API (or what it needs) is down", not "you are not allowed". */
export function isUnavailable(error: unknown): boolean {
  if (!error) return false;
  if (CombinedGraphQLErrors.is(error)) return error.errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
  // A network failure, a 502/503/504 from a proxy, an unreadable answer.
  return true;
}

export function UnavailableScreen({ retryInSeconds }: { retryInSeconds: number }) {
  const { t } = useT();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 480, textAlign: 'center' }} role="alert" data-testid="unavailable">
        <CloudOff sx={{ fontSize: 48, color: 'text.secondary' }} />
        <Typography variant="h5" sx={{ mt: 1 }}>{t('The hospital system is unavailable, retrying')}</Typography>
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {t('You are still signed in. This page comes back by itself as soon as the system answers again.')}</Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'center', alignItems: 'center' }}>
          <CircularProgress size={16} />
          <Typography variant="body2" color="text.secondary">{t('Trying again in {{seconds}} s…', { seconds: retryInSeconds })}</Typography>
        </Stack>
      </Paper>
    </Box>
  );
}
