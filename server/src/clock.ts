/**
 * The server's one source of "now". Everything that depends on the time of day
 * (slots in the past, the booking window, the check-in window, reminders) reads
 * it here, so tests can move the clock instead of depending on when they run.
 */
let offsetMs = 0;

export const clock = {
  /** The current instant, shifted by any test offset. */
  now(): Date {
    return new Date(Date.now() + offsetMs);
  },
  nowMs(): number {
    return Date.now() + offsetMs;
  },
  /** The current test offset in milliseconds (0: the real clock). */
  offsetMs(): number {
    return offsetMs;
  },
  /** Test-only: shift "now" by this many milliseconds (0 restores the real clock). */
  setOffsetMs(ms: number): void {
    offsetMs = ms;
  },
};
