// Follows one doctor's schedule over the WebSocket (doctorScheduleChanged) without ever
// missing a change: each event's cursor is kept, and after a dropped connection the
// subscription is restarted from the last cursor (the server replays what was missed)
// and the caller refetches the day.
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { graphql } from '../gql';
import type { DoctorScheduleChangedSubscription } from '../gql/graphql';
import { markLivePaused, useLiveConnection } from './connection';

const DoctorScheduleChangedDocument = graphql(`
  subscription DoctorScheduleChanged($doctorId: ID!, $after: String) {
    doctorScheduleChanged(doctorId: $doctorId, after: $after) {
      kind
      previousStartsAt
      cursor
      appointment {
        id
        startsAt
        endsAt
        status
        reason
        cancelReason
        checkedInAt
        updatedAt
        patient { id fullName }
        # Everything the day view's row shows, so a new booking can be listed before the day reloads.
        ...DayAppointmentRow_appointment
      }
    }
  }
`);

export type ScheduleChange = DoctorScheduleChangedSubscription['doctorScheduleChanged'];

/** How long to wait before trying again after the subscription failed. */
const RETRY_MS = 8_000;

export function useDoctorSchedule(
  doctorId: string | undefined,
  handlers: { onChange(change: ScheduleChange): void; onCatchUp(): void },
): { reconnect(): void } {
  const client = useApolloClient();
  const { connections } = useLiveConnection();
  const cursor = useRef<string | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;
  // Bumped to (re)start the subscription: after a reconnect, a failure, or on request.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!doctorId) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const failed = () => {
      markLivePaused();
      retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
    };
    const subscription = client
      .subscribe({
        query: DoctorScheduleChangedDocument,
        variables: { doctorId, after: cursor.current },
        context: { queryDeduplication: false },
      })
      .subscribe({
        next: (result) => {
          if (result.error) return failed();
          const change = result.data?.doctorScheduleChanged;
          if (!change) return;
          // A restarted subscription may replay what we already have: each cursor once.
          if (cursor.current !== null && BigInt(change.cursor) <= BigInt(cursor.current)) return;
          cursor.current = change.cursor;
          latest.current.onChange(change);
        },
        error: failed,
        // The server never ends this stream on its own; an end means the socket gave up.
        complete: failed,
      });
    return () => {
      clearTimeout(retry);
      subscription.unsubscribe();
    };
  }, [client, doctorId, attempt]);

  // A new connection after an earlier one: resume from the cursor and reload the day.
  const seen = useRef(connections);
  useEffect(() => {
    const before = seen.current;
    seen.current = connections;
    if (before > 0 && connections > before) {
      setAttempt((n) => n + 1);
      latest.current.onCatchUp();
    }
  }, [connections]);

  // Back online: try at once rather than at the next retry.
  useEffect(() => {
    const online = () => setAttempt((n) => n + 1);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  return { reconnect: () => { setAttempt((n) => n + 1); latest.current.onCatchUp(); } };
}
