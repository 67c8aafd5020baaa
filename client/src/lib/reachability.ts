// A page's code that could not be downloaded (the server went away between two pages) is not a
// bug in the page: say the system is unreachable and load the page again once it answers.
import { useEffect, useState } from 'react';

const RETRY_SECONDS = 3;

/** True for the errors browsers give when a lazily loaded chunk cannot be fetched. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error ?? '');
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported|Unable to preload CSS/i.test(message);
}

/** While `active`: asks /healthz every few seconds and reloads the page when it answers; returns seconds to the next try. */
export function useReloadWhenReachable(active: boolean): number {
  const [retryIn, setRetryIn] = useState(RETRY_SECONDS);
  useEffect(() => {
    if (!active) return undefined;
    let left = RETRY_SECONDS;
    const timer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        left = RETRY_SECONDS;
        void fetch('/healthz', { cache: 'no-store' }).then((response) => { if (response.ok) window.location.reload(); }, () => {});
      }
      setRetryIn(left);
    }, 1000);
    return () => clearInterval(timer);
  }, [active]);
  return retryIn;
}
