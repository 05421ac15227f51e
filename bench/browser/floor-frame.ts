import { createServer } from 'node:http';

/** Path of the floor frame's document (the probe names documents by path). */
export const FLOOR_FRAME_PATH = '/floor-frame';

/** Path of the checkout floor's session read: a JSON about the size of a session's public view. */
export const FLOOR_SESSION_PATH = '/floor-session';

/** What the checkout floor's frame reads: 0.7 KB of JSON, the size of the sandbox's public view of a one-item session (699 B). */
const SESSION_STAND_IN = JSON.stringify({
  object: 'checkout.session.public',
  status: 'open',
  currency: 'usd',
  amountTotal: 2500,
  lineItems: [{ name: 'T-shirt', quantity: 2, unitAmount: 1250, amount: 2500 }],
  padding: 'x'.repeat(520),
});

/**
 * Serves the **floor**'s frame: the smallest cross-origin document that tells its parent it is
 * ready — a line of text and one inline script that posts "ready" to the parent's origin. Nothing
 * the card frame does is cheaper than this, so "navigation start → this message" is the physical
 * floor of a checkout whose card fields live in a cross-origin iframe. With `read=1` (the
 * **checkout floor**'s frame) it first reads {@link FLOOR_SESSION_PATH} from its own origin, as a
 * card frame reads its session, and posts "ready" once that JSON is parsed.
 *
 * It is its own small server (and process) on 127.0.0.1 rather than a route of the sandbox, so that the bench
 * does not add a test-only document to sandbox/ (the provider's API). A different port is a
 * different origin but the same site as the sandbox, so Chromium gives this frame the same
 * process treatment as the card frame (its own renderer under site isolation). Served `no-store`,
 * like the card frame's document.
 */
export async function serveFloorFrame(): Promise<string> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === FLOOR_SESSION_PATH) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(SESSION_STAND_IN);
      return;
    }
    const parent = url.searchParams.get('origin') ?? '';
    let origin: string | null = null;
    try {
      origin = new URL(parent).origin === parent ? parent : null;
    } catch {
      origin = null;
    }
    if (url.pathname !== FLOOR_FRAME_PATH || !origin) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const ready = `parent.postMessage("ready", ${JSON.stringify(origin)})`;
    const script = url.searchParams.get('read') === '1' ? `fetch(${JSON.stringify(FLOOR_SESSION_PATH)}).then((r) => r.json()).then(() => ${ready})` : ready;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>floor</title>` +
        `<p>Card fields would be here.</p><script>${script}</script></html>`,
    );
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

// Run as its own process (bench/browser/floor-frame-process.ts), like the sandbox: the bench's own
// event loop, busy driving Chromium, must not slow the floor's document down and flatter the widget.
if (process.argv[1] === import.meta.filename) {
  const origin = await serveFloorFrame();
  console.log(`floor frame listening on ${origin}`);
  // Exits with its parent: the parent holds the other end of stdin.
  process.stdin.on('end', () => process.exit(0)).resume();
}
