// "Delete this row?": which row is asked about, the deletion's error, and the ConfirmDialog's open/close/confirm.
import { useState } from 'react';
import { errorMessage } from './errors';

export function useConfirmDelete<Row extends { id: string }>(
  remove: (id: string) => Promise<unknown>,
  /** After a successful delete, e.g. refetch the list. */
  afterDelete: () => Promise<unknown>,
) {
  const [deleting, setDeleting] = useState<Row | null>(null);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    if (!deleting) return;
    setError(null);
    try {
      await remove(deleting.id);
      setDeleting(null);
      await afterDelete();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return {
    /** The row asked about, or null. */
    deleting,
    ask: (row: Row) => { setError(null); setDeleting(row); },
    /** Spread into ConfirmDialog. */
    dialog: {
      open: deleting !== null,
      error,
      onConfirm: () => void confirm(),
      onClose: () => setDeleting(null),
    },
  };
}
