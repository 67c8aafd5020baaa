// One error boundary per route: a crash in a page shows this instead of a blank screen.
import { Alert, Box, Button, Typography } from '@mui/material';
import { isRouteErrorResponse, Link as RouterLink, useRouteError } from 'react-router-dom';
import { UnavailableScreen } from '../auth/Unavailable';
import { isChunkLoadError, useReloadWhenReachable } from '../lib/reachability';
import { useT } from '../i18n';

export function RouteError() {
  const { t } = useT();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // The page's code did not arrive: the system is unreachable, not broken.
  const unreachable = isChunkLoadError(error);
  const retryIn = useReloadWhenReachable(unreachable);
  if (unreachable) return <UnavailableScreen retryInSeconds={retryIn} />;
  return (
    <Box sx={{ p: 4, maxWidth: 640, mx: 'auto' }}>
      <Typography variant="h4" component="h1" gutterBottom>{notFound ? t('Page not found') : t('Something went wrong')}</Typography>
      {!notFound && <Alert severity="error" sx={{ mb: 2 }}>{error instanceof Error ? error.message : t('Unexpected error')}</Alert>}
      <Button component={RouterLink} to="/" variant="contained">{t('Go to my home page')}</Button>
    </Box>
  );
}

export function NotFoundPage() {
  const { t } = useT();
  return (
    <Box sx={{ py: 4 }}>
      <Typography variant="h4" component="h1" gutterBottom>{t('Page not found')}</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>{t('There is nothing at this address.')}</Typography>
      <Button component={RouterLink} to="/" variant="contained">{t('Go to my home page')}</Button>
    </Box>
  );
}
