// Serves the built client (client/dist): hashed assets cached for a year, pre-compressed
// copies (.br, .gz written at build) when the browser takes them, and the app shell for
// every client route, revalidated on each load.
import express, { type Express, type Request, type Response, type NextFunction } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The pre-compressed copy to send for this request, if the build wrote one. */
function encodedCopy(root: string, req: Request): { file: string; encoding: 'br' | 'gzip' } | null {
  let relative: string;
  try {
    relative = path.normalize(decodeURIComponent(req.path)).replace(/^([/\\])+/, '');
  } catch {
    return null; // a malformed %-escape: express.static answers it
  }
  if (relative.startsWith('..')) return null;
  const file = path.join(root, relative);
  // Brotli first: smaller than gzip for the same file, and every current browser takes it.
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (req.acceptsEncodings(encoding) === encoding && existsSync(file + suffix)) return { file: file + suffix, encoding };
  }
  return null;
}

export function serveClient(app: Express, clientDist: string): void {
  const assets = path.join(clientDist, 'assets');
  // Vite names every file under assets/ by its content hash: a new build means new names.
  app.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const copy = encodedCopy(assets, req);
    if (!copy) return next();
    res.setHeader('Content-Encoding', copy.encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    res.type(path.extname(copy.file.slice(0, copy.file.lastIndexOf('.'))));
    res.sendFile(copy.file, { cacheControl: false, headers: { 'Cache-Control': IMMUTABLE } }, (error) => error && next(error));
  });
  app.use('/assets', express.static(assets, {
    index: false,
    setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE),
  }));
  // An asset of an older build: a plain 404, never the shell under a year-long cache.
  app.use('/assets', (_req, res) => { res.status(404).type('text').send('Not found'); });
  app.use(express.static(clientDist, { index: false, cacheControl: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  // Client-side routes (/patient/book, /admin/doctors, ...) all get the app shell.
  app.get('/{*splat}', (_req, res) => res.sendFile(path.join(clientDist, 'index.html'), { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } }));
}
