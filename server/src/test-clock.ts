// Test routes, only with HMS_TEST_CLOCK=1 (which config refuses in production): POST /__test/clock lets
// the browser tests move the server's "now" (e.g. to 23:50 hospital time) instead of waiting for it;
// GET /__test/live-ready lets them wait until a page's live subscription is listening, instead of sleeping.
import express, { type Express } from 'express';
import { clock } from './clock';
import type { Config } from './config';
import { liveSignals } from './test-hooks';

/** HMS_TEST_NOW on a test clock: a child process starts on the test's pinned "now" (called by the entry points). */
export function applyTestNow(config: Config): void {
  if (config.testClock && !config.production && config.testNow) clock.setOffsetMs(config.testNow.getTime() - Date.now());
}

export function registerTestClock(app: Express, config: Config): void {
  if (!config.testClock || config.production) return;
  /** Body `{ "at": ISO instant }` sets now to it (time keeps running), `{ "offsetMs": n }` shifts it, `{}` resets. */
  app.post('/__test/clock', express.json(), (req, res) => {
    const body = (req.body ?? {}) as { at?: unknown; offsetMs?: unknown };
    if (typeof body.at === 'string' && !Number.isNaN(Date.parse(body.at))) clock.setOffsetMs(Date.parse(body.at) - Date.now());
    else if (typeof body.offsetMs === 'number' && Number.isFinite(body.offsetMs)) clock.setOffsetMs(body.offsetMs);
    else if (body.at === undefined && body.offsetMs === undefined) clock.setOffsetMs(0);
    else {
      res.status(400).json({ error: 'send { "at": "<ISO instant>" } or { "offsetMs": <number> }' });
      return;
    }
    res.json({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() });
  });
  app.get('/__test/clock', (_req, res) => { res.json({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() }); });

  // How many subscriptions of each stream and key became ready since start.
  const ready = new Map<string, number>();
  const waiters = new Set<() => void>();
  liveSignals.on('ready', (stream: string, key: number) => {
    ready.set(`${stream}:${key}`, (ready.get(`${stream}:${key}`) ?? 0) + 1);
    for (const wake of [...waiters]) wake();
  });
  /** `?stream=notificationAdded&key=<user id>&count=1`: answers once that many were ready (504 after 15 s). */
  app.get('/__test/live-ready', (req, res) => {
    const name = `${String(req.query.stream)}:${String(req.query.key)}`;
    const count = Number(req.query.count ?? 1);
    const answer = () => {
      const seen = ready.get(name) ?? 0;
      if (seen < count) return false;
      res.json({ ready: true, count: seen });
      return true;
    };
    if (answer()) return;
    const wake = () => { if (answer()) done(); };
    const timer = setTimeout(() => { done(); res.status(504).json({ ready: false, count: ready.get(name) ?? 0 }); }, 15_000);
    const done = () => { clearTimeout(timer); waiters.delete(wake); };
    waiters.add(wake);
  });
}
