// Choices a person makes for how the app looks, kept in this browser's localStorage:
// the colour scheme (system, light or dark; per browser) and 12- or 24-hour times (per
// signed-in account, so two people sharing a ward computer keep their own). No MUI or
// Apollo here: the signed-out pages read the colour scheme too.
import { useSyncExternalStore } from 'react';

export type ColorScheme = 'system' | 'light' | 'dark';
export type HourCycle = 'auto' | 'h12' | 'h23';

const SCHEME_KEY = 'hms.colorScheme';
const hourKey = (userId: string) => `hms.hourCycle.${userId}`;

let accountId: string | null = null;
let version = 0;
const listeners = new Set<() => void>();

function read(key: string): string | null {
  try { return localStorage.getItem(key); } catch { return null; }
}

function write(key: string, value: string): void {
  try { localStorage.setItem(key, value); } catch { /* private mode: the choice lasts for this page */ }
  changed();
}

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

export function colorScheme(): ColorScheme {
  const stored = read(SCHEME_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function setColorScheme(scheme: ColorScheme): void {
  write(SCHEME_KEY, scheme);
}

/**
 * The account whose hour cycle applies. Set by CurrentUserProvider while it renders, before
 * the pages below it do, so it tells no listener (that would update other components mid-render).
 */
export function setPreferenceAccount(userId: string | null): void {
  accountId = userId;
}

export function hourCycle(): HourCycle {
  const stored = accountId ? read(hourKey(accountId)) : null;
  return stored === 'h12' || stored === 'h23' ? stored : 'auto';
}

export function setHourCycle(cycle: HourCycle): void {
  if (accountId) write(hourKey(accountId), cycle);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed a choice.
  const onStorage = (event: StorageEvent) => { if (event.key?.startsWith('hms.')) changed(); };
  window.addEventListener('storage', onStorage);
  return () => { listeners.delete(listener); window.removeEventListener('storage', onStorage); };
}

/** Re-renders when any preference changes; the number changes with each change. */
export function usePreferencesVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

/** The hour cycle in force, re-rendering when it changes. */
export function useHourCycle(): HourCycle {
  usePreferencesVersion();
  return hourCycle();
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeSystem(listener: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** 'light' or 'dark': the stored choice, or the system's when the choice is "system". */
export function useResolvedScheme(): 'light' | 'dark' {
  usePreferencesVersion();
  const systemDark = useSyncExternalStore(subscribeSystem, () => darkQuery().matches);
  const scheme = colorScheme();
  return scheme === 'system' ? (systemDark ? 'dark' : 'light') : scheme;
}
