import { useEffect } from 'react';
import { useResolvedScheme } from './preferences';

/** Keeps <html data-scheme="light|dark"> in step with the choice, for the plain-CSS pages. */
export function SchemeAttribute() {
  const scheme = useResolvedScheme();
  useEffect(() => { document.documentElement.dataset.scheme = scheme; }, [scheme]);
  return null;
}
