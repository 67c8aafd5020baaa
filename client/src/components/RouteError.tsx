// One error boundary per route: a crash in a page shows this instead of a blank screen.
import { Alert, Box, Button, Typography } from '@mui/material';
import { isRouteErrorResponse, Link as RouterLink, useRouteError } from 'react-router-dom';
import { UnavailableScreen } from '../auth/Unavailable';
import { isChunkLoadError, useReloadWhenReachable } from '../lib/reachability';

export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // The page's code did not arrive: the system is unreachable, not broken.
  const unreachable = isChunkLoadError(error);
  const retryIn = useReloadWhenReachable(unreachable);
  if (unreachable) return <UnavailableScreen retryInSeconds={retryIn} />;
  return (
    <Box sx={{ p: 4, maxWidth: 640, mx: 'auto' }}>
      <Typography variant="h4" component="h1" gutterBottom>{notFound ? 'Page not found' : 'Something went wrong'}</Typography>
      {!notFound && <Alert severity="error" sx={{ mb: 2 }}>{error instanceof Error ? error.message : 'Unexpected error'}</Alert>}
      <Button component={RouterLink} to="/" variant="contained">Go to my home page</Button>
    </Box>
  );
}

export function NotFoundPage() {
  return (
    <Box sx={{ py: 4 }}>
      <Typography variant="h4" component="h1" gutterBottom>Page not found</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>There is nothing at this address.</Typography>
      <Button component={RouterLink} to="/" variant="contained">Go to my home page</Button>
    </Box>
  );
}
