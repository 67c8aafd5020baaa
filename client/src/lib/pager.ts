// Cursor paging with Previous/Next: remember the cursors of the pages visited.
import { useCallback, useState } from 'react';

export function useCursorPager() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const next = useCallback((cursor: string) => setCursors((list) => [...list, cursor]), []);
  const previous = useCallback(() => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list)), []);
  const reset = useCallback(() => setCursors([null]), []);
  return { after, page: cursors.length, next, previous, reset };
}
