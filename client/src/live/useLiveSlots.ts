// Grey out a doctor's slots the moment someone else takes them (slotsChanged), and let
// the picker reload when one is freed.
import { useSubscription } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { graphql } from '../gql';

const SlotsChangedDocument = graphql(`
  subscription SlotsChanged($doctorId: ID!) {
    slotsChanged(doctorId: $doctorId) { doctorId startsAt endsAt available }
  }
`);

/** Instants are compared as numbers: the same slot may be spelled with or without milliseconds. */
const key = (iso: string) => Date.parse(iso);

export function useLiveSlots(doctorId: string, onFreed?: () => void): { isTaken(startsAt: string): boolean } {
  const [taken, setTaken] = useState<ReadonlySet<number>>(() => new Set());
  const freed = useRef(onFreed);
  freed.current = onFreed;

  useSubscription(SlotsChangedDocument, {
    variables: { doctorId },
    onData: ({ data }) => {
      const change = data.data?.slotsChanged;
      if (!change) return;
      setTaken((previous) => {
        const next = new Set(previous);
        if (change.available) next.delete(key(change.startsAt));
        else next.add(key(change.startsAt));
        return next;
      });
      // A freed slot is not in the list yet: the picker asks the server again.
      if (change.available) freed.current?.();
    },
  });

  const isTaken = useCallback((startsAt: string) => taken.has(key(startsAt)), [taken]);
  return { isTaken };
}
