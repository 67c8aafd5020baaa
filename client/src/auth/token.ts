// The session token lives in localStorage so a reload keeps you signed in.
// Listeners (the Apollo WebSocket, the current-user context) hear every change.
const KEY = 'hms.token';

type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

export function getToken(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(KEY, token);
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener(token);
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const expiredListeners = new Set<() => void>();

/** The server refused the token (expired, or revoked by a password change elsewhere). */
export function expireSession(): void {
  setToken(null);
  for (const listener of expiredListeners) listener();
}

export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

const passwordChangeListeners = new Set<() => void>();

/** The server refused an operation until the password is changed (FORBIDDEN, reason MUST_CHANGE_PASSWORD). */
export function requirePasswordChange(): void {
  for (const listener of passwordChangeListeners) listener();
}

export function onPasswordChangeRequired(listener: () => void): () => void {
  passwordChangeListeners.add(listener);
  return () => passwordChangeListeners.delete(listener);
}
