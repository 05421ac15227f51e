import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { getCookie } from 'hono/cookie';
import { relative, resolve } from 'node:path';
import { sriOf } from '../../scripts/sri.js';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../src/server/index.js';
import { CART_COOKIE, parseCartCookie } from '../web/cart-cookie.js';
import { cartToLineItems, CURRENCY, hasPayableLines, type CartLine } from './catalogue.js';
import { eventSubject, statusFromSession, type SessionState } from './fulfilment.js';
import { createMerchantApi, MerchantApiError } from './merchant-api.js';
import { OrderStore } from './orders.js';
import { createDemoPaymentLink, type DemoPaymentLink } from './payment-link.js';
import {
  cdnCheckoutPage,
  emptyCartPage,
  orderPage,
  ordersPage,
  ownButtonCheckoutPage,
  shopPage,
  spaPage,
  tagCheckoutPage,
  thanksPage,
  type SessionGraph,
} from './pages.js';
import { strictPageCsp } from './csp.js';

const REPO = resolve(import.meta.dirname, '../..');
/** serveStatic takes a root relative to the working directory. */
const fromCwd = (path: string) => relative(process.cwd(), resolve(REPO, path)) || '.';

export interface ShopConfig {
  host: string;
  port: number;
  /** Where the XPay API (the sandbox) answers; also the widget's `apiBase`. */
  apiBase: string;
  secretKey: string;
  webhookSecret: string;
  dbPath: string;
  /** The origin browsers use for the shop, named in each session's `allowedOrigins`. */
  publicOrigin?: string;
}

export interface RunningShop {
  url: string;
  port: number;
  orders: OrderStore;
  close(): Promise<void>;
}

/**
 * The merchant server of the demo: creates checkout sessions with the secret key, fulfils orders
 * only from verified webhooks, and shows each order with capture and refund actions.
 */
export async function startShop(config: ShopConfig): Promise<RunningShop> {
  const orders = new OrderStore(config.dbPath);
  const xpay = createMerchantApi(config.apiBase, config.secretKey);
  const app = new Hono();
  let origin = config.publicOrigin ?? '';
  /** Created once the shop knows its own origin (the link's success URL names it). */
  let paymentLink: DemoPaymentLink | undefined;

  // Pages holding a client secret must not be cached (README "blank widget?").
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  // A strict CSP on every page proves the widget needs no 'unsafe-inline' and no eval: scripts and
  // styles from this origin only, the card frame and API calls to apiBase only.
  const apiOrigin = new URL(config.apiBase).origin;
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      // The hosted checkout form answers with a redirect to XPay's page, which form-action covers.
      c.header('Content-Security-Policy', strictPageCsp(apiOrigin, { formAction: true }));
      c.header('Cache-Control', 'no-store');
    }
  });

  app.use('/assets/*', serveStatic({ root: fromCwd('dist/demo'), rewriteRequestPath: (p) => p.replace(/^\/assets/, '') }));
  app.use('/static/*', serveStatic({ root: fromCwd('demo/web/static'), rewriteRequestPath: (p) => p.replace(/^\/static/, '') }));
  // A stand-in for the CDN: the versioned IIFE, fetched with crossorigin="anonymous" and SRI.
  app.use('/cdn/xpay-checkout/:version/*', async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/cdn/xpay-checkout/:version/*', serveStatic({ root: fromCwd('dist/cdn'), rewriteRequestPath: (p) => p.replace(/^\/cdn\/xpay-checkout\/[^/]+/, '') }));

  app.get('/', (c) => c.html(shopPage(paymentLink)));
  // Every embed's checkout page, when the cart cookie holds nothing to pay for, is the empty cart
  // with a way back — never a widget with no session to load. A page resuming an order (?order=)
  // has a session; a request with no cookie leaves it to the page's script, which reads the cart.
  app.get('/checkout/:embed{tag|cdn|own-button}', async (c, next) => {
    const cart = parseCartCookie(getCookie(c, CART_COOKIE));
    if (c.req.query('order') || !cart || hasPayableLines(cart)) return next();
    return c.html(emptyCartPage());
  });
  app.get('/checkout/tag', (c) => c.html(tagCheckoutPage()));
  app.get('/checkout/cdn', (c) => c.html(cdnCheckoutPage(sriOf(resolve(REPO, 'dist/cdn/xpay.js')))));
  app.get('/checkout/own-button', (c) => c.html(ownButtonCheckoutPage()));
  app.get('/spa', (c) => c.html(spaPage()));
  app.get('/spa/checkout', (c) => c.html(spaPage()));
  app.get('/orders', (c) => c.html(ordersPage(orders.list())));

  app.get('/orders/:id', async (c) => {
    const order = orders.get(c.req.param('id'));
    if (!order) return c.html(ordersPage(orders.list()), 404);
    const session = await xpay.get<SessionGraph>(`/v1/checkout/sessions/${encodeURIComponent(order.sessionId)}`).catch(() => undefined);
    return c.html(orderPage(order, session, c.req.query('notice')));
  });

  /** Creates an order and its checkout session from the browser's cart; answers the client secret. */
  app.post('/api/checkout', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { cart?: CartLine[]; captureMethod?: string };
    const checkout = await createCheckout(body.cart, body.captureMethod);
    if ('error' in checkout) return c.json({ error: { code: 'invalid_cart', message: checkout.error } }, 400);
    const { orderId, session } = checkout;
    return c.json({ orderId, clientSecret: session.clientSecret, apiBase: config.apiBase, hostedUrl: session.url });
  });

  /**
   * Hosted checkout: the cart comes in a plain form post and the customer is sent (303) to XPay's
   * hosted page — this page never holds the client secret.
   */
  app.post('/checkout/hosted', async (c) => {
    const form = await c.req.parseBody();
    let cart: unknown;
    try {
      cart = JSON.parse(String(form['cart'] ?? '[]'));
    } catch {
      cart = [];
    }
    const checkout = await createCheckout(cart, String(form['captureMethod'] ?? ''));
    if ('error' in checkout) return c.redirect('/', 303);
    return c.redirect(checkout.session.url, 303);
  });

  async function createCheckout(cart: unknown, captureMethod: unknown) {
    let lineItems;
    try {
      lineItems = cartToLineItems(Array.isArray(cart) ? (cart as CartLine[]) : []);
    } catch (error) {
      return { error: (error as Error).message };
    }
    const orderId = orders.newOrderId();
    const session = await xpay.post<{ id: string; clientSecret: string; amountTotal: number; url: string }>(
      '/v1/checkout/sessions',
      {
        lineItems,
        currency: CURRENCY,
        mode: 'payment',
        captureMethod: captureMethod === 'manual' ? 'manual' : 'automatic',
        successUrl: `${origin}/orders/${orderId}?notice=Thank+you`,
        cancelUrl: `${origin}/`,
        allowedOrigins: [origin],
        metadata: { orderId },
      },
      `create-session-${orderId}`,
    );
    orders.create({ id: orderId, sessionId: session.id, amountTotal: session.amountTotal, currency: CURRENCY, items: lineItems });
    return { orderId, session };
  }

  /** A payment link's success URL: the order appears when the webhook arrives, so wait for it. */
  app.get('/thanks', (c) => {
    const sessionId = c.req.query('session_id') ?? '';
    const order = orders.getBySession(sessionId);
    if (order) return c.redirect(`/orders/${encodeURIComponent(order.id)}?notice=Thank+you`, 303);
    return c.html(thanksPage());
  });

  /** A reloaded checkout page: the same order's session again (its client secret, never cached). */
  app.get('/api/orders/:id/checkout', async (c) => {
    const order = orders.get(c.req.param('id'));
    if (!order) return c.json({ error: { code: 'order_not_found', message: 'No such order.' } }, 404);
    const session = await xpay.get<{ clientSecret: string; url: string }>(`/v1/checkout/sessions/${encodeURIComponent(order.sessionId)}`);
    return c.json({ orderId: order.id, clientSecret: session.clientSecret, apiBase: config.apiBase, hostedUrl: session.url });
  });

  /** The cart changed while checkout is open: update the session's line items (widget then `refresh()`es). */
  app.post('/api/orders/:id/cart', async (c) => {
    const order = orders.get(c.req.param('id'));
    if (!order) return c.json({ error: { code: 'order_not_found', message: 'No such order.' } }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { cart?: CartLine[] };
    try {
      const lineItems = cartToLineItems(Array.isArray(body.cart) ? body.cart : []);
      const session = await xpay.post<{ amountTotal: number }>(`/v1/checkout/sessions/${encodeURIComponent(order.sessionId)}`, { lineItems });
      return c.json({ amountTotal: session.amountTotal });
    } catch (error) {
      const status = error instanceof MerchantApiError ? error.status : 400;
      return c.json({ error: { code: 'cart_update_failed', message: (error as Error).message } }, status === 404 ? 404 : 400);
    }
  });

  app.post('/orders/:id/capture', async (c) => actOnOrder(c.req.param('id'), await c.req.parseBody(), 'capture'));
  app.post('/orders/:id/refund', async (c) => actOnOrder(c.req.param('id'), await c.req.parseBody(), 'refund'));

  async function actOnOrder(id: string, form: Record<string, unknown>, action: 'capture' | 'refund') {
    const order = orders.get(id);
    if (!order?.paymentIntentId) return Response.redirect(`${origin}/orders/${encodeURIComponent(id)}?notice=No+payment+yet`, 303);
    const amount = Number.parseInt(String(form['amount'] ?? ''), 10);
    let notice: string;
    try {
      if (action === 'capture') {
        await xpay.post(`/v1/payment_intents/${encodeURIComponent(order.paymentIntentId)}/capture`, Number.isFinite(amount) ? { amountToCapture: amount } : {});
        notice = 'Captured. The order moves to paid when the webhook arrives.';
      } else {
        await xpay.post('/v1/refunds', { paymentIntent: order.paymentIntentId, ...(Number.isFinite(amount) ? { amount } : {}), reason: 'requested_by_customer' });
        notice = 'Refund created.';
      }
    } catch (error) {
      notice = `${action} failed: ${(error as Error).message}`;
    }
    return Response.redirect(`${origin}/orders/${encodeURIComponent(id)}?notice=${encodeURIComponent(notice)}`, 303);
  }

  /**
   * Webhooks: verify the signature on the raw body, then re-read the session the event concerns
   * with the secret key and move the order to what the API says — never from the browser, and never
   * from the event's payload, which is a snapshot from when it was written. So a late or reordered
   * delivery (a capture's `payment_intent.succeeded` before the retried `checkout.session.completed`)
   * cannot leave an order behind the payment. A failed read answers 503, so XPay retries.
   */
  app.post('/webhooks/xpay', async (c) => {
    const raw = await c.req.text();
    let event;
    try {
      event = verifyWebhook(raw, c.req.header('xpay-signature'), config.webhookSecret);
    } catch (error) {
      return c.json({ error: { code: 'invalid_signature', message: (error as Error).message } }, 400);
    }
    const subject = eventSubject(event);
    // An intent no session read has linked to an order yet: its session's checkout.session.completed
    // (written with the intent's success or authorisation) has not been handled; when it is, the
    // session read there sees this intent's state too. Nothing is lost by acknowledging.
    const sessionId = !subject ? undefined : 'sessionId' in subject ? subject.sessionId : orders.getByPaymentIntent(subject.paymentIntentId)?.sessionId;
    if (!sessionId) return c.json({ received: true });
    let session: SessionState & Record<string, unknown>;
    try {
      session = await xpay.get(`/v1/checkout/sessions/${encodeURIComponent(sessionId)}`);
    } catch (error) {
      return c.json({ error: { code: 'session_read_failed', message: `Could not read the session from XPay: ${(error as Error).message}` } }, 503);
    }
    if (session.status === 'complete') recordLinkOrder(session);
    orders.applySessionState(session.id, statusFromSession(session), session.paymentIntent?.id ?? null);
    return c.json({ received: true });
  });

  /**
   * A payment link's session was opened by XPay, not by this shop: the first the shop hears of it is
   * a webhook, and the completed session read then carries everything an order needs.
   */
  function recordLinkOrder(object: Record<string, unknown>): void {
    const session = object as { id?: unknown; paymentLink?: unknown; amountTotal?: unknown; currency?: unknown; lineItems?: unknown };
    if (typeof session.id !== 'string' || typeof session.paymentLink !== 'string' || orders.getBySession(session.id)) return;
    const items = Array.isArray(session.lineItems) ? (session.lineItems as { name: string; unitAmount: number; quantity: number }[]) : [];
    orders.create({
      id: orders.newOrderId(),
      sessionId: session.id,
      amountTotal: Number(session.amountTotal),
      currency: String(session.currency),
      items: items.map(({ name, unitAmount, quantity }) => ({ name, unitAmount, quantity })),
    });
  }

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '127.0.0.1' && !config.publicOrigin ? 'localhost' : config.host}:${port}`;
  origin = config.publicOrigin ?? url;
  paymentLink = await createDemoPaymentLink(xpay, origin).catch((error: unknown) => {
    console.error(`demo shop: could not create the payment link: ${(error as Error).message}`);
    return undefined;
  });
  return {
    url: origin,
    port,
    orders,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          orders.close();
          resolve();
        });
        // Long-lived keep-alive sockets would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
