// The error boundary outside the signed-in app (sign-in, sign-up, a failed app download):
// plain elements, like the pages it stands in for.
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { isChunkLoadError, useReloadWhenReachable } from '../../lib/reachability';
import { PublicLayout } from './PublicLayout';

export function PublicRouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const unreachable = isChunkLoadError(error);
  const retryIn = useReloadWhenReachable(unreachable);
  if (unreachable) {
    return (
      <PublicLayout title="The hospital system is unavailable, retrying">
        <p className="alert info" role="alert">
          This page could not be loaded. It comes back by itself as soon as the system answers again (trying again in {retryIn} s).
        </p>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout title={notFound ? 'Page not found' : 'Something went wrong'}>
      {!notFound && <p className="alert error" role="alert">{error instanceof Error ? error.message : 'Unexpected error'}</p>}
      {/* A full load: the app's files may be what failed to arrive. */}
      <p className="footer"><a href="/">Go to my home page</a></p>
    </PublicLayout>
  );
}
