import { expect, test, type Page } from '@playwright/test';
import { fillCart, payButton, sandboxUrl, shopUrl } from './shop.js';

/**
 * How many requests mounting the widget costs on a cold cache, counted, not timed: every request
 * to the XPay API origin from navigation until the widget is ready and its card frame initialised,
 * from the page and from the card frame, CORS preflights included.
 *
 * Today's mount makes 6 in test mode: preflight, `GET …/public`, the frame's document, its JS, its
 * CSS (the 5 of bench/README.md), and the frame's own `GET …/public` that decides whether to offer
 * the test-card picker. That last one races `xpay-ready`, so the count runs until the frame has
 * finished initialising (its picker is shown), which makes it the same on every run. This is an
 * upper bound on today's behaviour, so that no change adds one; issue #9 lowers it to 3 (the frame
 * reads the session once for both) — lower MOUNT_REQUEST_LIMIT with that change.
 */
const MOUNT_REQUEST_LIMIT = 6;

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

test('mounting the widget costs at most 6 requests to the API origin on a cold cache, preflights included', async ({ page }) => {
  await fillCart(page, ['tee']);
  const requests = await apiRequestsUntilReady(page, async () => {
    await page.goto(shopUrl('/checkout/tag'));
  });
  await expect(payButton(page)).toBeVisible();
  // The card frame's document is among them: the count covers the frame, not only the page.
  expect(requests.some((r) => r.startsWith('GET /frames/card/')), requests.join('\n')).toBe(true);
  expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(MOUNT_REQUEST_LIMIT);
});
