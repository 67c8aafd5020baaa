/** Minimal structured logger; quiet under tests unless HMS_LOG=info. */
const silent = () => process.env.HMS_LOG === 'silent';

export const logger = {
  info(message: string, extra?: Record<string, unknown>): void {
    if (!silent()) console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), message, ...extra }));
  },
  warn(message: string, extra?: Record<string, unknown>): void {
    if (!silent()) console.warn(JSON.stringify({ level: 'warn', time: new Date().toISOString(), message, ...extra }));
  },
  error(message: string, error?: unknown): void {
    if (silent() && !process.env.HMS_LOG_ERRORS) return;
    const detail = error instanceof Error ? { error: error.message, stack: error.stack } : { error };
    console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), message, ...detail }));
  },
};
