import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFee } from '../../../sandbox/engine.js';
import { objectSchemas } from '../../../src/api/objects.js';
import { advanceClock, CARDS, confirm, createSession, getSession, publicView, startTestSandbox, type Api } from './helpers.js';

let api: Api & { cleanup(): void };
beforeAll(async () => {
  api = await startTestSandbox({ XPAY_SANDBOX_AUTH_EXPIRY_MS: String(7 * 24 * 3600_000) });
});
afterAll(async () => {
  await api.close();
  api.cleanup();
});

async function paid(overrides: Record<string, unknown> = {}) {
  const s = await createSession(api, overrides);
  const r = await confirm(api, s, CARDS.visa);
  expect(r.status).toBe(200);
  return getSession(api, s.id);
}

describe('test fee', () => {
  it('should be 2.9 % + 30 minor units, 100 for 3-decimal currencies, never above the amount', () => {
    expect(testFee(2500, 'usd')).toBe(103);
    expect(testFee(10000, 'jpy')).toBe(320);
    expect(testFee(10000, 'kwd')).toBe(390);
    expect(testFee(10, 'usd')).toBe(10);
  });
});

describe('capture', () => {
  it('should capture in full: succeeded, paid, a positive balance transaction', async () => {
    const s = await paid({ captureMethod: 'manual' });
    const pi = s.paymentIntent.id;
    const r = await api.request('POST', `/v1/payment_intents/${pi}/capture`);
    expect(r.status).toBe(200);
    expect(objectSchemas().PaymentIntent.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ status: 'succeeded', amountReceived: 2500, amountCapturable: 0 });
    expect(r.body.charges[0]).toMatchObject({ captured: true, amountCaptured: 2500, balanceTransaction: { amount: 2500, fee: 103, net: 2397 } });
    expect((await getSession(api, s.id)).paymentStatus).toBe('paid');
    const again = await api.request('POST', `/v1/payment_intents/${pi}/capture`);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('payment_intent_unexpected_state');
  });

  it('should capture partially and release the rest', async () => {
    const s = await paid({ captureMethod: 'manual' });
    const pi = s.paymentIntent.id;
    const tooMuch = await api.request('POST', `/v1/payment_intents/${pi}/capture`, { body: { amountToCapture: 2501 } });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error).toMatchObject({ code: 'amount_too_large', param: 'amountToCapture' });
    const r = await api.request('POST', `/v1/payment_intents/${pi}/capture`, { body: { amountToCapture: 1000 } });
    expect(r.body).toMatchObject({ status: 'succeeded', amountReceived: 1000, amountCapturable: 0 });
    expect(r.body.charges[0]).toMatchObject({ amount: 2500, amountCaptured: 1000, balanceTransaction: { amount: 1000 } });
    const refund = await api.request('POST', '/v1/refunds', { body: { paymentIntent: pi, amount: 1001 } });
    expect(refund.status).toBe(400);
    expect(refund.body.error.code).toBe('amount_too_large');
  });

  it('should refuse capture on an automatic intent and a bad amount type', async () => {
    const s = await paid();
    const r = await api.request('POST', `/v1/payment_intents/${s.paymentIntent.id}/capture`);
    expect(r.status).toBe(400);
    const bad = await api.request('POST', `/v1/payment_intents/${s.paymentIntent.id}/capture`, { body: { amountToCapture: -5 } });
    expect(bad.body.error.param).toBe('amountToCapture');
    const missing = await api.request('POST', '/v1/payment_intents/pi_nope/capture');
    expect(missing.status).toBe(404);
  });

  it('should cancel an uncaptured authorisation after the authorisation expiry', async () => {
    const s = await paid({ captureMethod: 'manual' });
    await advanceClock(api, 7 * 24 * 3600 + 1);
    const pi = await api.request('GET', `/v1/payment_intents/${s.paymentIntent.id}`);
    expect(pi.body).toMatchObject({ status: 'canceled', cancellationReason: 'automatic', amountCapturable: 0 });
  });
});

describe('cancel', () => {
  it('should cancel a requires_capture intent', async () => {
    const s = await paid({ captureMethod: 'manual' });
    const r = await api.request('POST', `/v1/payment_intents/${s.paymentIntent.id}/cancel`, { body: { cancellationReason: 'out_of_stock' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'canceled', cancellationReason: 'out_of_stock', amountCapturable: 0 });
    expect(r.body.canceledAt).toBeTypeOf('number');
  });

  it('should cancel an open intent, expiring its session; refuse a succeeded one', async () => {
    const s = await createSession(api);
    const declined = await confirm(api, s, CARDS.generic);
    const pi = declined.body.error.paymentIntent.id;
    const r = await api.request('POST', `/v1/payment_intents/${pi}/cancel`);
    expect(r.body.status).toBe('canceled');
    expect((await publicView(api, s)).body.status).toBe('expired');
    const done = await paid();
    const refused = await api.request('POST', `/v1/payment_intents/${done.paymentIntent.id}/cancel`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('payment_intent_unexpected_state');
  });
});

describe('refunds', () => {
  it('should refund partially then the rest by intent, never beyond captured', async () => {
    const s = await paid();
    const pi = s.paymentIntent.id;
    const chargeId = s.paymentIntent.charges[0].id;
    const first = await api.request('POST', '/v1/refunds', { body: { paymentIntent: pi, amount: 1000, reason: 'requested_by_customer' } });
    expect(first.status).toBe(200);
    expect(objectSchemas().Refund.safeParse(first.body).success).toBe(true);
    expect(first.body).toMatchObject({ amount: 1000, charge: chargeId, paymentIntent: pi, status: 'succeeded', reason: 'requested_by_customer' });
    expect(first.body.balanceTransaction).toMatchObject({ type: 'refund', amount: -1000, fee: 0, net: -1000, source: first.body.id });
    const over = await api.request('POST', '/v1/refunds', { body: { charge: chargeId, amount: 1501 } });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ code: 'amount_too_large', param: 'amount' });
    const rest = await api.request('POST', '/v1/refunds', { body: { charge: chargeId } });
    expect(rest.body.amount).toBe(1500);
    const none = await api.request('POST', '/v1/refunds', { body: { charge: chargeId, amount: 1 } });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('charge_already_refunded');
    const full = await getSession(api, s.id);
    expect(full.paymentIntent.refunds.map((r: { id: string }) => r.id)).toEqual([first.body.id, rest.body.id]);
    expect(full.paymentIntent.charges[0]).toMatchObject({ amountRefunded: 2500, refunded: true });
    const got = await api.request('GET', `/v1/refunds/${first.body.id}`);
    expect(got.body).toEqual(first.body);
  });

  it('should require exactly one of paymentIntent or charge, and a captured charge', async () => {
    const both = await api.request('POST', '/v1/refunds', { body: { paymentIntent: 'pi_x', charge: 'ch_x' } });
    expect(both.status).toBe(400);
    const neither = await api.request('POST', '/v1/refunds', { body: {} });
    expect(neither.status).toBe(400);
    const unknown = await api.request('POST', '/v1/refunds', { body: { charge: 'ch_nope' } });
    expect(unknown.status).toBe(404);
    const s = await paid({ captureMethod: 'manual' });
    const uncaptured = await api.request('POST', '/v1/refunds', { body: { paymentIntent: s.paymentIntent.id } });
    expect(uncaptured.status).toBe(400);
    expect(uncaptured.body.error.code).toBe('charge_not_captured');
    expect((await api.request('GET', '/v1/refunds/re_nope')).status).toBe(404);
  });
});

describe('balance transactions, customers, events', () => {
  it('should list balance transactions newest first with pagination', async () => {
    const s = await paid();
    await api.request('POST', '/v1/refunds', { body: { paymentIntent: s.paymentIntent.id, amount: 100 } });
    const page1 = await api.request('GET', '/v1/balance_transactions?limit=1');
    expect(objectSchemas().list(objectSchemas().BalanceTransaction).safeParse(page1.body).success).toBe(true);
    expect(page1.body).toMatchObject({ object: 'list', hasMore: true, url: '/v1/balance_transactions' });
    expect(page1.body.data[0]).toMatchObject({ type: 'refund', amount: -100 });
    const page2 = await api.request('GET', `/v1/balance_transactions?limit=1&startingAfter=${page1.body.data[0].id}`);
    expect(page2.body.data[0]).toMatchObject({ type: 'charge', amount: 2500, source: s.paymentIntent.charges[0].id });
    expect((await api.request('GET', '/v1/balance_transactions?limit=0')).status).toBe(400);
    expect((await api.request('GET', '/v1/balance_transactions?startingAfter=txn_nope')).status).toBe(400);
  });

  it('should link an existing customer by customerId instead of creating one', async () => {
    const first = await paid({ customerEmail: 'again@example.com' });
    const customerId = first.customer.id;
    const second = await paid({ customerId });
    expect(second.customer.id).toBe(customerId);
    expect(second.customerEmail).toBe('again@example.com');
    expect((await api.request('GET', '/v1/customers/cus_nope')).status).toBe(404);
  });

  it('should write events for every transition; completed carries the graph identical to GET', async () => {
    const s = await createSession(api);
    await confirm(api, s, CARDS.generic);
    await confirm(api, s, CARDS.visa);
    const full = await getSession(api, s.id);
    const events = (await api.request('GET', '/v1/events?limit=100')).body.data as { id: string; type: string; data: { object: { id: string; paymentIntent?: string } } }[];
    const mine = events.filter((e) => [s.id, full.paymentIntent.id].includes(e.data.object.id) || e.data.object.paymentIntent === full.paymentIntent.id);
    expect(mine.map((e) => e.type).reverse()).toEqual([
      'charge.failed',
      'payment_intent.payment_failed',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    const completed = mine.find((e) => e.type === 'checkout.session.completed')!;
    expect(completed.data.object).toEqual(full);
    const one = await api.request('GET', `/v1/events/${completed.id}`);
    expect(objectSchemas().Event.safeParse(one.body).success).toBe(true);
    expect(one.body.id).toBe(completed.id);
    expect((await api.request('GET', '/v1/events/evt_nope')).status).toBe(404);
    expect((await api.request('GET', '/v1/events?type=nope')).status).toBe(400);
  });
});
