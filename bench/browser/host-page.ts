import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { strictPageCsp } from '../../demo/shop/csp.js';

/** One request the host server answered, in arrival order. */
export interface HostRequest {
  at: number;
  method: string;
  path: string;
}

/** A running host page server. */
export interface HostPage {
  /** `http://localhost:<port>`: a different site from the sandbox's 127.0.0.1, as in production. */
  origin: string;
  /**
   * Serves a page that embeds a checkout for this client secret; returns its URL (no secret in it).
   * `apiBase` defaults to the one the server started with (the floor bench passes a proxied one).
   */
  pageFor(clientSecret: string, apiBase?: string): string;
  /**
   * Serves the **floor** page: the same page without the widget, whose only work is one inline
   * script that creates one `<iframe src=frameUrl>` and dispatches `bench-floor-ready` on `window`
   * when that frame posts "ready". Returns its URL.
   */
  floorPageFor(frameUrl: string): string;
  /**
   * Serves the **checkout floor** page: the least any embedded checkout does, beyond the floor. A
   * script file (tiny: {@link CHECKOUT_FLOOR_PATH}) instead of an inline script, which creates the
   * iframe (`frameUrl`, whose document reads a session before it posts "ready") and then formats
   * the total with `Intl.NumberFormat`, the page's first `Intl`. Dispatches `bench-floor-ready`.
   */
  checkoutFloorPageFor(frameUrl: string): string;
  /** Serves a page whose only content is one script tag for `path` (the script-cost comparison). */
  scriptPageFor(path: string): string;
  /** Every request answered so far. */
  requests: HostRequest[];
  close(): Promise<void>;
}

/** Where the page loads the CDN bundle from, like a versioned CDN path. */
export const XPAY_PATH = '/cdn/xpay-checkout/0.1.0/xpay.js';

/** Where the checkout floor page loads its script from (served like the CDN bundle). */
export const CHECKOUT_FLOOR_PATH = '/cdn/bench/checkout-floor.js';

/**
 * The floor pages' script: once the page is parsed, create the iframe named by the slot's
 * `data-frame`, and dispatch `bench-floor-ready` when it posts "ready". `thenAlso` runs after the
 * iframe is created (the checkout floor's total).
 */
const floorScript = (thenAlso = '') => `addEventListener('DOMContentLoaded', () => {
  const slot = document.getElementById('bench-slot');
  const frame = document.createElement('iframe');
  frame.src = slot.dataset.frame;
  frame.title = 'Card details';
  const frameOrigin = new URL(frame.src).origin;
  addEventListener('message', (e) => {
    if (e.origin === frameOrigin && e.data === 'ready') dispatchEvent(new Event('bench-floor-ready'));
  });
  slot.append(frame);${thenAlso}
});
`;

/**
 * The checkout floor's script file: the floor's, then the total shown as every checkout does,
 * formatted by `Intl` (the first use of `Intl` in a page costs tens of ms: see bench/README.md).
 */
const CHECKOUT_FLOOR_SCRIPT = floorScript(`
  const total = document.createElement('p');
  total.textContent = new Intl.NumberFormat(navigator.language, { style: 'currency', currency: 'USD' }).format(25);
  slot.before(total);`);

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The slot both floor pages fill: the frame's URL travels in `data-frame`. */
const floorSlot = (frameUrl: string) => `<div id="bench-slot" data-frame="${escapeAttr(frameUrl)}"></div>`;

/**
 * A bare merchant page: a heading, the checkout (or the floor's slot), and a sentinel paragraph
 * below it, which the layout bench watches: if anything above it grows, it moves.
 */
const merchantPage = (head: string, checkout: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Checkout — bench host</title>
    ${head}
  </head>
  <body>
    <main>
      <h1>Checkout</h1>
      ${checkout}
      <p id="bench-sentinel">Content below the checkout.</p>
    </main>
  </body>
</html>`;

/**
 * The smallest merchant page: the CDN script tag and one `<xpay-checkout>` element, under the same
 * strict CSP as the demo shop. No shop code, so what the load bench measures is the widget. The
 * script is served like a CDN serves a versioned file (brotli, immutable), so the warm runs see a
 * cached script the way returning customers do; `otherScripts` (path → code) are served the same way.
 */
export async function startHostPage(apiBase: string, script: Buffer, otherScripts: Record<string, Buffer> = {}): Promise<HostPage> {
  const compress = (code: Buffer) => ({ code, br: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) });
  const scripts = new Map(
    Object.entries({ [XPAY_PATH]: script, [CHECKOUT_FLOOR_PATH]: Buffer.from(CHECKOUT_FLOOR_SCRIPT), ...otherScripts }).map(([path, code]) => [path, compress(code)]),
  );
  const pages = new Map<string, { html: string; csp: string }>();
  const requests: HostRequest[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ at: performance.now(), method: req.method ?? 'GET', path });
    const served = scripts.get(path);
    if (served) {
      const br = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=31536000, immutable',
        ...(br && { 'Content-Encoding': 'br' }),
        Vary: 'Accept-Encoding',
      });
      res.end(br ? served.br : served.code);
      return;
    }
    const page = path.startsWith('/checkout/') ? pages.get(path.slice('/checkout/'.length)) : undefined;
    if (page) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': page.csp });
      res.end(page.html);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  };

  const server = createServer(handle);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  // Nothing keeps the bench alive but its own work: a forgotten server never holds the process.
  server.unref();
  const origin = `http://localhost:${port}`;

  return {
    origin,
    requests,
    pageFor(clientSecret, pageApiBase = apiBase) {
      const id = randomUUID();
      pages.set(id, {
        csp: strictPageCsp(new URL(pageApiBase).origin),
        html: merchantPage(
          // BENCH_PRECONNECT=1: the page also hints the API origin, as a merchant could (issue #9).
          `${process.env.BENCH_PRECONNECT === '1' ? `<link rel="preconnect" href="${escapeAttr(new URL(pageApiBase).origin)}">` : ''}<script src="${XPAY_PATH}"></script>`,
          `<xpay-checkout client-secret="${escapeAttr(clientSecret)}" api-base="${escapeAttr(pageApiBase)}"></xpay-checkout>`,
        ),
      });
      return `${origin}/checkout/${id}`;
    },
    scriptPageFor(path) {
      const id = randomUUID();
      pages.set(id, { csp: strictPageCsp(new URL(apiBase).origin), html: merchantPage(`<script src="${escapeAttr(path)}"></script>`, '') });
      return `${origin}/checkout/${id}`;
    },
    floorPageFor(frameUrl) {
      const id = randomUUID();
      // The strict CSP with one nonce for the page's own inline script: no file to fetch, so the
      // floor pays no round trip that it does not need.
      const nonce = randomBytes(16).toString('base64');
      const frameOrigin = new URL(frameUrl).origin;
      pages.set(id, {
        csp: strictPageCsp(frameOrigin).replace("script-src 'self'", `script-src 'nonce-${nonce}'`),
        html: merchantPage(`<script nonce="${nonce}">${floorScript()}</script>`, floorSlot(frameUrl)),
      });
      return `${origin}/checkout/${id}`;
    },
    checkoutFloorPageFor(frameUrl) {
      const id = randomUUID();
      pages.set(id, {
        csp: strictPageCsp(new URL(frameUrl).origin),
        html: merchantPage(`<script src="${CHECKOUT_FLOOR_PATH}"></script>`, floorSlot(frameUrl)),
      });
      return `${origin}/checkout/${id}`;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
