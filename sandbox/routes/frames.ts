import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { FRAME_DOCUMENT_CACHE, frameDocumentCsp, frameRefusalDocument } from '../card-frame-page.js';
import { messagePage } from '../pages.js';
import { html, STRICT_ORIGIN } from '../responses.js';
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
 * origin its URL names, and its hashed assets.
 */
export function frameRoutes(ctx: SandboxContext): void {
  const { app } = ctx;

  app.get('/frames/card/v1', (c) => {
    const q = new URL(c.req.url).search;
    return c.redirect(`/frames/card/v1/${q}`, 301);
  });

  // One document per embedding page, for every session: the browser keeps it (FRAME_DOCUMENT_CACHE),
  // so a returning customer's mount asks the network for the session alone. The session's
  // `allowedOrigins` are enforced on the frame's calls instead (auth.ts, checkBrowserOrigin); the
  // document's `frame-ancestors` is what makes the frame's claim of its embedding origin true.
  app.get('/frames/card/v1/', (c) => {
    const origin = c.req.query('origin');
    const hostOrigin = origin && STRICT_ORIGIN.test(origin) ? origin : null;
    if (!hostOrigin) {
      // No origin to tell why: text only, framed by nobody (sandbox/card-frame-page.ts).
      const doc = frameRefusalDocument('Load the card frame with ?origin=<the embedding page origin>, e.g. https://shop.example.');
      return c.body(doc.html, 400, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': doc.csp, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    }
    const index = join(ctx.frameDir, 'index.html');
    if (!existsSync(index)) {
      return html(c, messagePage('Card frame not built', 'dist/frame is missing: run npm run build (or vite build --mode frame).'), 503);
    }
    const document = readFileSync(index, 'utf8');
    return c.body(document, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': frameDocumentCsp(document, hostOrigin),
      'Cache-Control': FRAME_DOCUMENT_CACHE,
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
