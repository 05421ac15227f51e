import { expect, test, type Page } from '@playwright/test';
import { fillCart, payButton, sandboxUrl, shopUrl } from './shop.js';

/**
 * How many requests mounting the widget costs, counted, not timed: every request to the XPay API
 * origin from navigation until the widget is ready and its card frame initialised, from the page
 * and from the card frame, CORS preflights included.
 *
 * Issue #9, cold cache: 2 — the frame's document (its CSS and JS inlined) and one `GET …/public`
 * that the frame makes on its own origin (no preflight) and hands to the page. Before, 6: a
 * preflight and a `GET …/public` from the page, the frame's document, JS and CSS, and the frame's own
 * second read for the picker; then 3 (the document, its JS, the read).
 *
 * Warm cache (a returning customer, another session): 1 reaching the network, the session read.
 * The frame's document is one URL per page for every session, kept by the browser.
 */
const MOUNT_REQUEST_LIMIT = 2;
const WARM_NETWORK_LIMIT = 1;

/** Counts requests to the API origin until the widget says it is ready; returns them in order. */
async function apiRequestsUntilReady(page: Page, open: () => Promise<void>): Promise<string[]> {
  const apiOrigin = new URL(sandboxUrl('/')).origin;
  const seen: string[] = [];
  let ready = false;
  // The idle watch's long-poll (`…?wait=…`) starts right after `xpay-ready`: not part of mounting.
  const record = (method: string, url: string) => {
    const u = new URL(url);
    if (!ready && u.origin === apiOrigin && !u.searchParams.has('wait')) seen.push(`${method} ${u.pathname.replace(/cs_\w+/, 'cs_…')}`);
  };
  // Playwright reports every frame's requests, the out-of-process card frame's included, but not
  // CORS preflights; the page's CDP session reports those (the card frame calls its own origin and
  // never preflights).
  const onRequest = (r: { method(): string; url(): string }) => record(r.method(), r.url());
  page.on('request', onRequest);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.method === 'OPTIONS') record('OPTIONS', e.request.url);
  });
  await page.addInitScript(() => addEventListener('xpay-ready', () => ((window as unknown as { xpayReady: boolean }).xpayReady = true)));
  await open();
  await page.waitForFunction(() => (window as unknown as { xpayReady?: boolean }).xpayReady === true);
  await page.frameLocator('iframe.card-frame').locator('#test-card').waitFor();
  ready = true;
  page.off('request', onRequest);
  await cdp.detach();
  return seen;
}

test('mounting the widget costs at most 2 requests to the API origin on a cold cache, preflights included', async ({ page }) => {
  await fillCart(page, ['tee']);
  const requests = await apiRequestsUntilReady(page, async () => {
    await page.goto(shopUrl('/checkout/tag'));
  });
  await expect(payButton(page)).toBeVisible();
  // The card frame's document is among them: the count covers the frame, not only the page.
  expect(requests.some((r) => r.startsWith('GET /frames/card/')), requests.join('\n')).toBe(true);
  expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(MOUNT_REQUEST_LIMIT);
  // The page itself asks the API nothing: no preflight, every read is the frame's.
  expect(requests.filter((r) => r.startsWith('OPTIONS')), requests.join('\n')).toEqual([]);
});

/**
 * Which of the card frame's own loads reached the network, from inside it: its document's
 * navigation entry and its resource entries (same-origin to it, so `transferSize` is exact: 0 when
 * the browser's cache answered). The idle watch's long-poll, after ready, is left out.
 */
function frameNetworkLoads(page: Page): Promise<string[]> {
  const frame = page.frames().find((f) => f.url().includes('/frames/card/v1/'));
  if (!frame) throw new Error('no card frame');
  return frame.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => (e as PerformanceResourceTiming).transferSize > 0 && !e.name.includes('wait='))
      .map((e) => new URL(e.name).pathname.replace(/cs_\w+/, 'cs_…')),
  );
}

test('mounting again on a warm cache (another session) reaches the network once: the session read', async ({ page }) => {
  await fillCart(page, ['tee']);
  // A first checkout fills the cache, as a returning customer's earlier visit did.
  await apiRequestsUntilReady(page, async () => {
    await page.goto(shopUrl('/checkout/tag'));
  });
  const requests = await apiRequestsUntilReady(page, async () => {
    await page.goto(shopUrl('/checkout/tag'));
  });
  await expect(payButton(page)).toBeVisible();
  // The frame's document is still asked for (a new iframe), but the cache answers it.
  expect(requests.some((r) => r.startsWith('GET /frames/card/')), requests.join('\n')).toBe(true);
  expect(requests.filter((r) => r.startsWith('OPTIONS')), requests.join('\n')).toEqual([]);
  const network = await frameNetworkLoads(page);
  expect(network, `${network.join('\n')}\nof\n${requests.join('\n')}`).toEqual(['/v1/checkout/sessions/cs_…/public']);
  expect(network.length).toBeLessThanOrEqual(WARM_NETWORK_LIMIT);
});
