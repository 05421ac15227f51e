import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { messagePage } from '../pages.js';
import { html, ownOrigin, STRICT_ORIGIN } from '../responses.js';
import type { SandboxContext } from './context.js';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The card frame (built by `vite build --mode frame`): its page, framed only by the embedding
 * origin the session allows, and its hashed assets.
 */
export function frameRoutes(ctx: SandboxContext): void {
  const { app, engine } = ctx;

  app.get('/frames/card/v1', (c) => {
    const q = new URL(c.req.url).search;
    return c.redirect(`/frames/card/v1/${q}`, 301);
  });

  app.get('/frames/card/v1/', (c) => {
    const sessionId = c.req.query('session');
    const origin = c.req.query('origin');
    if (!sessionId) return html(c, messagePage('Card frame: missing session', 'Load the card frame with ?session=cs_…&origin=<your page origin>.'), 400);
    const s = engine.session(sessionId);
    if (!s) return html(c, messagePage('Card frame: unknown session', `No checkout session ${sessionId} exists in this sandbox.`), 404);
    if (!origin || !STRICT_ORIGIN.test(origin)) {
      return html(c, messagePage('Card frame: bad origin', 'The origin parameter must be the embedding page origin, e.g. https://shop.example.'), 400);
    }
    const allowed = s.allowedOrigins === null || s.allowedOrigins.includes(origin.toLowerCase()) || origin === ownOrigin(c);
    if (!allowed) {
      return html(
        c,
        messagePage('Card frame: origin not allowed', `The origin ${origin} is not in this session's allowedOrigins (${s.allowedOrigins!.join(', ') || 'none'}).`),
        403,
      );
    }
    const index = join(ctx.frameDir, 'index.html');
    if (!existsSync(index)) {
      return html(c, messagePage('Card frame not built', 'dist/frame is missing: run npm run build (or vite build --mode frame).'), 503);
    }
    return c.body(readFileSync(index, 'utf8'), 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${origin} 'self'`,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
  });

  app.get('/frames/card/v1/assets/*', (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice('/frames/card/v1/assets/'.length));
    } catch {
      return c.body('Not found', 404, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    const base = resolve(ctx.frameDir, 'assets');
    const file = resolve(base, rel);
    if (rel.includes('\0') || !file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return c.body('Not found', 404, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    return c.body(readFileSync(file), 200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Access-Control-Allow-Origin': '*', // hashed, public assets (module scripts load in CORS mode)
    });
  });
}
