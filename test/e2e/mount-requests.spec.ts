import { expect, test, type Page } from '@playwright/test';
import { fillCart, payButton, sandboxUrl, shopUrl } from './shop.js';

/**
 * How many requests mounting the widget costs on a cold cache, counted, not timed: every request
 * to the XPay API origin from navigation until the widget is ready and its card frame initialised,
 * from the page and from the card frame, CORS preflights included.
 *
 * Issue #9: 3 — the frame's document (its CSS inlined), its JS, and one `GET …/public` that the
 * frame makes on its own origin (no preflight) and hands to the page, which also tells the frame
 * whether to offer the test-card picker. Before, 6: a preflight and a `GET …/public` from the page,
 * the frame's document, JS and CSS, and the frame's own second read for the picker. The count runs
 * until the picker is shown, so it is the same on every run.
 */
const MOUNT_REQUEST_LIMIT = 3;

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

test('mounting the widget costs at most 3 requests to the API origin on a cold cache, preflights included', async ({ page }) => {
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
