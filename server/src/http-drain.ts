import type http from 'node:http';
import type { Socket } from 'node:net';

/** The longest an in-flight HTTP request may run after shutdown began before its connection is cut. */
export const DRAIN_GRACE_MS = 10_000;

interface SocketState {
  responses: Set<http.ServerResponse>;
  upgraded: boolean;
}

export interface HttpDrain {
  /**
   * Stops accepting, answers every request already read (with `Connection: close`), closes idle
   * keep-alive connections without reading from them again, and resolves when no plain HTTP
   * connection is left (WebSocket connections are the caller's to close, after this).
   */
  drain(graceMs?: number): Promise<void>;
}

/**
 * Serves `handler` on `server` with a shutdown that never lies to a client: a request is either
 * answered for real or never executed. Apollo's drain plugin ends idle sockets with a FIN, but Node
 * keeps reading them: a request a client sent on a kept-alive connection at that moment ran (and
 * committed) with nowhere to send the answer.
 */
export function serveWithDrain(server: http.Server, handler: http.RequestListener): HttpDrain {
  const sockets = new Map<Socket, SocketState>();
  let draining = false;
  let allClosed: (() => void) | null = null;

  const stateOf = (socket: Socket): SocketState => {
    let state = sockets.get(socket);
    if (!state) {
      state = { responses: new Set(), upgraded: false };
      sockets.set(socket, state);
      socket.once('close', () => {
        sockets.delete(socket);
        if (draining && allClosed && plainCount() === 0) allClosed();
      });
    }
    return state;
  };
  const plainCount = () => [...sockets.values()].filter((s) => !s.upgraded).length;

  server.on('connection', (socket: Socket) => {
    // A connection accepted as shutdown begins has sent nothing we have read: closing it executes nothing.
    if (draining) socket.destroy();
    else stateOf(socket);
  });
  // WebSocket connections leave HTTP here; graphql-ws closes them (1001) after the HTTP drain.
  server.on('upgrade', (req: http.IncomingMessage) => { stateOf(req.socket).upgraded = true; });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = stateOf(req.socket);
    if (draining) {
      // Only a connection busy when shutdown began is still open, and its answer says "close":
      // a request read from it now is not started (refused, safe to retry).
      refuse(res);
      return;
    }
    state.responses.add(res);
    res.once('close', () => {
      state.responses.delete(res);
      // An answer whose headers were already out (a download) could not say "close": close after it.
      if (draining && state.responses.size === 0) req.socket.end();
    });
    handler(req, res);
  });

  return {
    drain(graceMs = DRAIN_GRACE_MS) {
      draining = true;
      const closed = new Promise<void>((resolve) => {
        allClosed = resolve;
      });
      // Stop accepting. Its callback waits for WebSockets too, so completion is tracked here instead.
      server.close();
      for (const [socket, state] of sockets) {
        if (state.upgraded) continue;
        if (state.responses.size === 0) {
          // Idle: destroyed, so bytes a client is sending right now are never parsed, never executed.
          socket.destroy();
          continue;
        }
        for (const res of state.responses) if (!res.headersSent) res.setHeader('Connection', 'close');
      }
      if (plainCount() === 0) return Promise.resolve();
      const timer = setTimeout(() => {
        for (const [socket, state] of sockets) if (!state.upgraded) socket.destroy();
      }, graceMs);
      timer.unref();
      return closed.finally(() => clearTimeout(timer));
    },
  };
}

/** The answer to a request that arrived after shutdown began: not executed, safe to retry elsewhere. */
function refuse(res: http.ServerResponse): void {
  const body = JSON.stringify({
    errors: [{ message: 'This server is shutting down; try again', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 } }],
  });
  res.writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '1', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
