// The state of the live-update socket, for the connection indicators: the graphql-ws
// client in apollo.ts reports its events here, pages read them with useLiveConnection().
import { useSyncExternalStore } from 'react';

export type LiveStatus =
  /** No subscription is running (the socket is opened lazily). */
  | 'idle'
  | 'connecting'
  | 'live'
  /** The socket dropped; graphql-ws is retrying. */
  | 'reconnecting'
  /** Retries ran out or the browser is offline: nothing arrives until we reconnect. */
  | 'paused';

export interface LiveConnection {
  status: LiveStatus;
  /** Bumped on every successful connection: a change means "catch up on what you missed". */
  connections: number;
}

let state: LiveConnection = { status: 'idle', connections: 0 };
const listeners = new Set<() => void>();
let everConnected = false;
/** Whether a socket is open right now (the browser's offline flag does not always close it). */
let socketOpen = false;

function set(next: Partial<LiveConnection>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

/** The graphql-ws `on` handlers; wired in apollo.ts. */
export const liveConnectionEvents = {
  connecting: () => set({ status: everConnected ? 'reconnecting' : 'connecting' }),
  connected: () => {
    everConnected = true;
    socketOpen = true;
    set({ status: 'live', connections: state.connections + 1 });
  },
  closed: (event: unknown) => {
    // 1000: closed on purpose (no subscription left, or sign-out); anything else is a drop.
    const code = (event as { code?: number } | undefined)?.code;
    socketOpen = false;
    set({ status: code === 1000 ? 'idle' : 'reconnecting' });
  },
};

/** A subscription gave up (retries exhausted): show that updates are paused. */
export function markLivePaused(): void {
  if (state.status !== 'live') set({ status: 'paused' });
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => set({ status: 'paused' }));
  // Back online with the socket still open: nothing was lost, it is live again.
  window.addEventListener('online', () => { if (socketOpen) set({ status: 'live' }); });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveConnection(): LiveConnection {
  return useSyncExternalStore(subscribe, () => state);
}

export function getLiveConnection(): LiveConnection {
  return state;
}
