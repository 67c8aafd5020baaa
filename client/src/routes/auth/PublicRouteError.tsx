// The error boundary outside the signed-in app (sign-in, sign-up, a failed app download):
// plain elements, like the pages it stands in for.
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { PublicLayout } from './PublicLayout';

export function PublicRouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <PublicLayout title={notFound ? 'Page not found' : 'Something went wrong'}>
      {!notFound && <p className="alert error" role="alert">{error instanceof Error ? error.message : 'Unexpected error'}</p>}
      {/* A full load: the app's files may be what failed to arrive. */}
      <p className="footer"><a href="/">Go to my home page</a></p>
    </PublicLayout>
  );
}
