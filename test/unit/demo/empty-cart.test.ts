import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../../demo/shop/server.js';
import { cartCookie } from '../../../demo/web/cart-cookie.js';
import type { CartLine } from '../../../demo/web/cart.js';
import { startTestSandbox, type Api } from '../sandbox/helpers.js';

// The demo shop's server-rendered checkout pages, from the real shop in front of a real sandbox:
// an empty cart gets the empty-cart page and a way back, never a widget with no session to load.

const EMBED_PAGES = ['/checkout/tag', '/checkout/cdn', '/checkout/own-button'] as const;
const EMPTY_MESSAGE = '<p id="page-status" role="status">Your cart is empty.</p>';
const BACK_LINK = '<a href="/">Back to the shop</a>';

let sandbox: Api & { cleanup(): void };
let shop: RunningShop;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  shop = await startShop({
    host: '127.0.0.1',
    port: 0,
    apiBase: sandbox.url,
    secretKey: sandbox.config.secretKey,
    webhookSecret: 'whsec_empty_cart_test',
    dbPath: join(sandbox.dbPath, '..', 'shop.db'),
  });
});
afterAll(async () => {
  await shop?.close();
  await sandbox?.close();
  sandbox?.cleanup();
});

/** GETs a shop page as a browser whose cart (if any) went into the cookie the way web/cart.ts writes it. */
async function getPage(path: string, cart?: readonly CartLine[]): Promise<{ status: number; csp: string | null; html: string }> {
  const headers: Record<string, string> = cart ? { cookie: cartCookie(cart).split(';')[0]! } : {};
  const response = await fetch(shop.url + path, { headers });
  return { status: response.status, csp: response.headers.get('content-security-policy'), html: await response.text() };
}

describe.each(EMBED_PAGES)('%s', (path) => {
  it('should show the empty cart and a link back to the shop, with no widget and no script, when the cart is empty', async () => {
    const page = await getPage(path, []);
    expect(page.status).toBe(200);
    expect(page.html).toContain(EMPTY_MESSAGE);
    expect(page.html).toContain(BACK_LINK);
    expect(page.html).not.toContain('<xpay-checkout');
    expect(page.html).not.toContain('<script');
    expect(page.csp).toContain("script-src 'self'");
  });

  it('should treat a cart holding nothing the shop sells as empty', async () => {
    const page = await getPage(path, [{ sku: 'no-such-product', quantity: 2 }]);
    expect(page.html).toContain(EMPTY_MESSAGE);
    expect(page.html).not.toContain('<xpay-checkout');
  });
});

// The pages that render the widget element on the server. /checkout/cdn is left out: it hashes
// dist/cdn/xpay.js for its SRI attribute, and a unit run does not build it.
describe.each(['/checkout/tag', '/checkout/own-button'] as const)('%s', (path) => {
  /** The page with the widget: the element and the script that gives it a session. */
  const expectCheckout = (html: string) => {
    expect(html).toContain('<xpay-checkout summary="total"');
    expect(html).toMatch(/<script type="module" src="\/assets\/checkout-[a-z-]+\.js"><\/script>/);
    expect(html).not.toContain(EMPTY_MESSAGE);
  };

  it('should carry the widget and its script when the cart holds something to pay for', async () => {
    const page = await getPage(path, [{ sku: 'tee', quantity: 1 }]);
    expect(page.status).toBe(200);
    expectCheckout(page.html);
  });

  it('should carry the widget when an order is resumed (?order=), whatever the cart', async () => {
    expectCheckout((await getPage(`${path}?order=ord_resumed`, [])).html);
  });

  it('should leave the decision to the page script when the request carries no cart cookie', async () => {
    expectCheckout((await getPage(path)).html);
  });
});
