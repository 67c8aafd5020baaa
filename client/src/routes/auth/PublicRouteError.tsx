// The error boundary outside the signed-in app (sign-in, sign-up, a failed app download):
// plain elements, like the pages it stands in for.
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { isChunkLoadError, useReloadWhenReachable } from '../../lib/reachability';
import { PublicLayout } from './PublicLayout';
import { useT } from '../../i18n';

export function PublicRouteError() {
  const { t } = useT();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const unreachable = isChunkLoadError(error);
  const retryIn = useReloadWhenReachable(unreachable);
  if (unreachable) {
    return (
      <PublicLayout title={t('The hospital system is unavailable, retrying')}>
        <p className="alert info" role="alert">
          {t('This page could not be loaded. It comes back by itself as soon as the system answers again (trying again in {{seconds}} s).', { seconds: retryIn })}
        </p>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout title={notFound ? t('Page not found') : t('Something went wrong')}>
      {!notFound && <p className="alert error" role="alert">{error instanceof Error ? error.message : t('Unexpected error')}</p>}
      {/* A full load: the app's files may be what failed to arrive. */}
      <p className="footer"><a href="/">{t('Go to my home page')}</a></p>
    </PublicLayout>
  );
}
