// POST /__test/clock, only with HMS_TEST_CLOCK=1 (which config refuses in production): the
// browser tests move the server's "now" (e.g. to 23:50 hospital time) instead of waiting for it.
import express, { type Express } from 'express';
import { clock } from './clock';
import type { Config } from './config';

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
}
