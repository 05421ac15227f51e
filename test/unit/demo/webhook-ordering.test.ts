import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startShop, type RunningShop, type ShopConfig } from '../../../demo/shop/server.js';
import { ensureWebhookEndpoint } from '../../../demo/shop/webhook-endpoint.js';
import type { OrderStatus } from '../../../demo/shop/fulfilment.js';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy.js';
import { advanceClock, CARDS, confirm, eventually, startTestSandbox, type Api } from '../sandbox/helpers.js';

// The demo shop's fulfilment under late and out-of-order webhooks, from the real shop behind the
// fault proxy, fed by a real sandbox. The sandbox's retry backoff is ten minutes, so a failed
// delivery comes back only when a test moves the sandbox clock (`advance_clock` runs the retries
// that became due): the order of deliveries is the test's choice, never a race.

const WEBHOOK_SECRET = 'whsec_ordering_test';
const WEBHOOKS = '/webhooks/xpay';
const COMPLETED = /"type":"checkout\.session\.completed"/;

interface World {
  sandbox: Api & { cleanup(): void };
  /** Between the sandbox and the shop's webhook endpoint. */
  proxy: FaultProxy;
  /** Between the shop and the API (its secret-key calls). */
  apiProxy: FaultProxy;
  shop: RunningShop;
  shopConfig: ShopConfig;
}

let world: World | undefined;

afterEach(async () => {
  await world?.shop.close();
  await world?.proxy.close();
  await world?.apiProxy.close();
  await world?.sandbox.close();
  world?.sandbox.cleanup();
  world = undefined;
});

/** A sandbox whose retries wait for the test clock, the shop, and the proxy the webhooks go through. */
async function startWorld(): Promise<World> {
  const sandbox = await startTestSandbox({
    XPAY_SANDBOX_WEBHOOK_BACKOFF_MS: String(10 * 60_000),
    XPAY_SANDBOX_WEBHOOK_MAX_ATTEMPTS: '8',
    XPAY_SANDBOX_WEBHOOK_TIMEOUT_MS: '10000',
  });
  const apiProxy = await startFaultProxy(sandbox.url);
  const shopConfig: ShopConfig = {
    host: '127.0.0.1',
    port: 0,
    apiBase: apiProxy.url,
    secretKey: sandbox.config.secretKey,
    webhookSecret: WEBHOOK_SECRET,
    dbPath: join(sandbox.dbPath, '..', 'shop.db'),
  };
  const shop = await startShop(shopConfig);
  const proxy = await startFaultProxy(`http://127.0.0.1:${shop.port}`);
  await ensureWebhookEndpoint(sandbox.url, sandbox.config.secretKey, `${proxy.url}${WEBHOOKS}`, WEBHOOK_SECRET);
  world = { sandbox, proxy, apiProxy, shop, shopConfig: { ...shopConfig, port: shop.port } };
  return world;
}

/** Every event the sandbox wrote so far. */
async function eventCount(w: World): Promise<number> {
  const list = await w.sandbox.request('GET', '/v1/events?limit=100');
  return (list.body as { data: unknown[] }).data.length;
}

/** Webhook deliveries the receiver answered 2xx (each event counts once: a 2xx ends its retries). */
const delivered = (w: World) => w.proxy.requests.filter((r) => r.path === WEBHOOKS && r.status !== undefined && r.status >= 200 && r.status < 300).length;

/** Waits until every event but `held` has been delivered and answered 2xx by the shop. */
async function allDeliveredBut(w: World, held: number): Promise<void> {
  await eventually(async () => delivered(w) === (await eventCount(w)) - held, 20_000);
}

/** The customer's cart becomes an order and a manual-capture session at the shop. */
async function createOrder(w: World, captureMethod: 'manual' | 'automatic' = 'manual'): Promise<{ orderId: string; clientSecret: string }> {
  const response = await fetch(`${w.shop.url}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cart: [{ sku: 'tee', quantity: 1 }], captureMethod }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { orderId: string; clientSecret: string };
}

/** The customer pays with 4242 (as the card frame would); answers the intent's id. */
async function pay(w: World, clientSecret: string, expected = 'requires_capture'): Promise<string> {
  const session = { id: clientSecret.split('_secret_')[0]!, clientSecret };
  const paid = await confirm(w.sandbox, session, CARDS.visa, { extra: { returnOrigin: w.shop.url } });
  expect(paid.body.paymentIntent.status).toBe(expected);
  return paid.body.paymentIntent.id as string;
}

async function payManualCapture(w: World): Promise<{ orderId: string; paymentIntentId: string }> {
  const { orderId, clientSecret } = await createOrder(w);
  return { orderId, paymentIntentId: await pay(w, clientSecret) };
}

/** The merchant's side, straight through the API (a dashboard, a back office): no webhook needed. */
async function merchant(w: World, action: 'capture' | 'cancel', paymentIntentId: string): Promise<void> {
  const reply = await w.sandbox.request('POST', `/v1/payment_intents/${paymentIntentId}/${action}`, { body: {} });
  expect(reply.status).toBe(200);
}

const orderStatus = (w: World, orderId: string): OrderStatus | undefined => w.shop.orders.get(orderId)?.status;

describe('demo shop fulfilment: late and out-of-order webhooks', () => {
  it('should end paid when the capture’s payment_intent.succeeded arrives before checkout.session.completed', async () => {
    const w = await startWorld();
    w.proxy.inject({ path: WEBHOOKS, body: COMPLETED }, { type: 'respond', status: 503 });
    const { orderId, paymentIntentId } = await payManualCapture(w);
    await allDeliveredBut(w, 1); // checkout.session.completed waits for its retry
    await merchant(w, 'capture', paymentIntentId);
    await allDeliveredBut(w, 1); // payment_intent.succeeded has been answered

    await advanceClock(w.sandbox, 3600); // the retry: checkout.session.completed, late
    await allDeliveredBut(w, 0);
    expect(orderStatus(w, orderId)).toBe('paid');
  }, 60_000);

  it('should end canceled when the authorisation is voided before checkout.session.completed arrives', async () => {
    const w = await startWorld();
    w.proxy.inject({ path: WEBHOOKS, body: COMPLETED }, { type: 'respond', status: 503 });
    const { orderId, paymentIntentId } = await payManualCapture(w);
    await allDeliveredBut(w, 1);
    await merchant(w, 'cancel', paymentIntentId);
    await allDeliveredBut(w, 1);

    await advanceClock(w.sandbox, 3600);
    await allDeliveredBut(w, 0);
    expect(orderStatus(w, orderId)).toBe('canceled');
  }, 60_000);

  it('should end paid when the receiver was down while the customer paid and the capture came first (manual capture)', async () => {
    const w = await startWorld();
    const { orderId, clientSecret } = await createOrder(w);
    await w.shop.close(); // the receiver is down: the proxy cannot reach it, every delivery fails
    const before = await eventCount(w);
    const paymentIntentId = await pay(w, clientSecret);
    const failed = (await eventCount(w)) - before;
    await eventually(async () => w.proxy.requests.filter((r) => r.path === WEBHOOKS && r.status === 0).length >= failed, 20_000);

    w.shop = await startShop(w.shopConfig); // back up, on the same port and order book
    await merchant(w, 'capture', paymentIntentId);
    await allDeliveredBut(w, failed); // the capture's events are answered; the payment's wait

    await advanceClock(w.sandbox, 3600); // the sandbox's retries: late, in any order
    await allDeliveredBut(w, 0);
    expect(orderStatus(w, orderId)).toBe('paid');
  }, 60_000);

  it('should answer 503 when it cannot read the session, so the sandbox retries, and then fulfil', async () => {
    const w = await startWorld();
    const { orderId, clientSecret } = await createOrder(w, 'automatic');
    w.apiProxy.inject({ method: 'GET', path: /^\/v1\/checkout\/sessions\/cs_/ }, { type: 'respond', status: 503, body: { error: { code: 'unavailable' } } });
    await pay(w, clientSecret, 'succeeded');
    await eventually(async () => w.proxy.requests.some((r) => r.path === WEBHOOKS && r.status === 503), 20_000);
    await allDeliveredBut(w, 1);
    expect(orderStatus(w, orderId)).toBe('pending');

    await advanceClock(w.sandbox, 3600);
    await allDeliveredBut(w, 0);
    expect(orderStatus(w, orderId)).toBe('paid');
  }, 60_000);
});
