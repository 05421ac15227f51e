import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { advanceClock, CARDS, confirm, createSession, eventually, getSession, ORIGIN, publicView, useTestSandbox, type Api } from './helpers.js';

/**
 * The `bank_redirect` test method (issue #11) against a real sandbox: confirm → `redirect_to_url`
 * → the sandbox's bank page → back to the merchant's `returnUrl`; authorised, failed, abandoned,
 * and the settle-later banks reaching their outcome on the test clock, by webhook and long-poll.
 */
// Settling is left to the test clock here: nothing settles by itself while a test runs.
const api = useTestSandbox({ XPAY_SANDBOX_BANK_SETTLE_MS: '300000' });
const RETURN_URL = `${ORIGIN}/order/1234`;
const BILLING = { name: 'Jo Doe', email: 'jo@example.com', address: { postalCode: '1011', country: 'NL' } };

let keyN = 0;
function payByBank(a: Pick<Api, 'request'>, s: { id: string; clientSecret: string }, bank = 'test_bank', extra: Record<string, unknown> = { returnUrl: RETURN_URL }) {
  return a.request('POST', `/v1/checkout/sessions/${s.id}/confirm`, {
    secret: null,
    body: { paymentMethod: { type: 'bank_redirect', bankRedirect: { bank }, billingDetails: BILLING }, returnOrigin: ORIGIN, ...extra },
    headers: { 'XPay-Client-Secret': s.clientSecret, 'Idempotency-Key': `bank-${Date.now()}-${++keyN}` },
  });
}

/** Presses a button of the bank page as its form would: its fields (token included), from its origin. */
async function pressBankButton(url: string, action: 'authorize' | 'fail', headers: Record<string, string> = {}): Promise<Response> {
  const html = await (await fetch(url)).text();
  const form = [...html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)].find((m) => m[1]!.endsWith(`/${action}`));
  if (!form) throw new Error(`no ${action} form on ${url}`);
  const fields = new URLSearchParams();
  for (const input of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(input[1]!, input[2]!);
  const target = new URL(form[1]!, url);
  return fetch(target, { method: 'POST', body: fields, headers: { Origin: target.origin, 'Sec-Fetch-Site': 'same-origin', ...headers }, redirect: 'manual' });
}

async function startBankPayment(bank = 'test_bank') {
  const s = await createSession(api, { currency: 'eur' });
  const r = await payByBank(api, s, bank);
  expect(r.status, r.text).toBe(200);
  const url = r.body.paymentIntent.nextAction.url as string;
  const token = /name="token" value="([^"]*)"/.exec(await (await fetch(url)).text())![1]!;
  return { s, view: r.body, url, token };
}

describe('bank_redirect', () => {
  it('should answer requires_action with a redirect to the bank page, and name the method used', async () => {
    const { view, url } = await startBankPayment();
    expect(view.paymentIntent).toMatchObject({
      status: 'requires_action',
      nextAction: { type: 'redirect_to_url' },
      card: null,
      paymentMethod: { type: 'bank_redirect', bankRedirect: { bank: 'test_bank' } },
    });
    expect(url).toMatch(new RegExp(`^${api.url}/sandbox/bank/bnk_[A-Za-z0-9]+$`));
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Test Bank');
    expect(html).toContain('Test &#60;Shop&#62; &#38; &#34;Co&#34;'); // escaped, never markup
    expect(html).toContain('€25.00');
    expect(html).toContain('Authorize payment');
    expect(html).toContain('Fail payment');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain(`form-action 'self' ${ORIGIN}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('should succeed when authorized and send the customer back to returnUrl with the session id', async () => {
    const { s, url, token } = await startBankPayment();
    const r = await pressBankButton(url, 'authorize');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`${RETURN_URL}?session_id=${s.id}`);
    const view = (await publicView(api, s)).body;
    expect(view.status).toBe('complete');
    expect(view.paymentIntent.status).toBe('succeeded');
    const charge = (await getSession(api, s.id)).paymentIntent.charges[0];
    expect(charge).toMatchObject({ status: 'succeeded', paymentMethod: null, paymentMethodDetails: { type: 'bank_redirect', bankRedirect: { bank: 'test_bank' } } });
    // Answered: the page says so, and a second answer changes nothing.
    expect(await (await fetch(url)).text()).toContain('already answered');
    expect((await postWithToken(url, 'fail', token)).status).toBe(303);
    expect((await publicView(api, s)).body.paymentIntent.status).toBe('succeeded');
  });

  it('should go back to requires_payment_method when failed, and let the customer pay another way', async () => {
    const { s, url } = await startBankPayment();
    expect((await pressBankButton(url, 'fail')).status).toBe(303);
    const view = (await publicView(api, s)).body;
    expect(view.paymentIntent.status).toBe('requires_payment_method');
    expect(view.paymentIntent.lastPaymentError).toMatchObject({ type: 'invalid_request_error', code: 'bank_declined' });
    expect(view.paymentIntent.nextAction).toBeNull();
    const retry = await confirm(api, s, CARDS.visa);
    expect(retry.body.paymentIntent).toMatchObject({ status: 'succeeded', paymentMethod: { type: 'card', card: { brand: 'visa', last4: '4242' } } });
  });

  it('should refuse a bank-page answer without its token, from another origin or cross-site, changing nothing', async () => {
    const { s, url } = await startBankPayment();
    const post = (headers: Record<string, string>, body: string) => fetch(`${url}/authorize`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, redirect: 'manual' });
    expect((await post({ Origin: new URL(url).origin }, 'token=')).status).toBe(403);
    expect((await pressBankButton(url, 'authorize', { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await pressBankButton(url, 'authorize', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await publicView(api, s)).body.paymentIntent.status).toBe('requires_action');
  });

  it('should abandon a redirect the widget gives up on (abandon_action)', async () => {
    const { s, url, token } = await startBankPayment();
    const r = await api.request('POST', `/v1/checkout/sessions/${s.id}/abandon_action`, { secret: null, body: {}, headers: { 'XPay-Client-Secret': s.clientSecret, Origin: ORIGIN } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.paymentIntent).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { code: 'bank_redirect_abandoned' } });
    expect((await postWithToken(url, 'authorize', token)).status).toBe(303);
    expect((await publicView(api, s)).body.paymentIntent.status).toBe('requires_payment_method');
  });

  it('should refuse what cannot be paid by bank, with a 400 naming the parameter', async () => {
    const usd = await createSession(api);
    const notOffered = await payByBank(api, usd);
    expect(notOffered.body.error).toMatchObject({ code: 'payment_method_type_not_allowed', param: 'paymentMethod.type' });
    const bankOnly = await createSession(api, { currency: 'eur', paymentMethodTypes: ['bank_redirect'] });
    const card = await confirm(api, bankOnly, CARDS.visa);
    expect(card.body.error).toMatchObject({ code: 'payment_method_type_not_allowed', param: 'paymentMethod.type' });
    const eur = await createSession(api, { currency: 'eur' });
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ returnUrl: RETURN_URL }, 'nope', 'parameter_invalid', 'paymentMethod.bankRedirect.bank'],
      [{}, 'test_bank', 'parameter_missing', 'returnUrl'],
      [{ returnUrl: 'https://evil.example/order' }, 'test_bank', 'origin_not_allowed', 'returnUrl'],
      [{ returnUrl: 'javascript:alert(1)' }, 'test_bank', 'parameter_invalid', 'returnUrl'],
    ];
    for (const [extra, bank, code, param] of cases) {
      const r = await payByBank(api, eur, bank, extra);
      expect(r.status, JSON.stringify(extra)).toBe(400);
      expect(r.body.error, JSON.stringify(extra)).toMatchObject({ code, param });
    }
    expect((await getSession(api, eur.id)).paymentIntent?.charges ?? []).toEqual([]);
    // The session's own returnUrl serves when confirm names none.
    const withUrl = await createSession(api, { currency: 'eur', returnUrl: RETURN_URL });
    const r = await payByBank(api, withUrl, 'test_bank', {});
    expect(r.status, r.text).toBe(200);
    expect((await pressBankButton(r.body.paymentIntent.nextAction.url, 'authorize')).headers.get('location')).toBe(`${RETURN_URL}?session_id=${withUrl.id}`);
  });

  it('should cancel a pending redirect when the session expires', async () => {
    const { s, url, token } = await startBankPayment();
    expect((await api.request('POST', `/v1/checkout/sessions/${s.id}/expire`, { body: {} })).status).toBe(200);
    expect((await postWithToken(url, 'authorize', token)).status).toBe(303);
    const full = await getSession(api, s.id);
    expect(full.paymentIntent.status).toBe('canceled');
    expect(full.paymentIntent.charges[0].failureCode).toBe('payment_intent_canceled');
  });
});

describe('bank_redirect on the test clock', () => {
  const received: { type: string; data: { object: { id: string; status?: string } } }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('should settle a settle-later bank after the configured delay: processing, then succeeded, by webhook and long-poll', async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    const endpoint = await api.request('POST', '/v1/webhook_endpoints', { body: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, enabledEvents: ['payment_intent.processing', 'payment_intent.succeeded', 'payment_intent.payment_failed'] } });
    expect(endpoint.status, endpoint.text).toBe(200);
    try {
      const { s, url } = await startBankPayment('test_bank_settles_later');
      expect((await pressBankButton(url, 'authorize')).status).toBe(303);
      const processing = (await publicView(api, s)).body;
      expect(processing.paymentIntent).toMatchObject({ status: 'processing', nextAction: null });
      const pi = processing.paymentIntent.id as string;
      await eventually(async () => received.some((e) => e.type === 'payment_intent.processing' && e.data.object.id === pi));

      const longPoll = publicView(api, s, `?since=${processing.version}&wait=5`);
      await advanceClock(api, 301);
      expect((await longPoll).body.paymentIntent.status).toBe('succeeded');
      await eventually(async () => received.some((e) => e.type === 'payment_intent.succeeded' && e.data.object.id === pi));

      const failing = await startBankPayment('test_bank_settles_later_fails');
      await pressBankButton(failing.url, 'authorize');
      expect((await publicView(api, failing.s)).body.paymentIntent.status).toBe('processing');
      await advanceClock(api, 301);
      const failed = (await publicView(api, failing.s)).body.paymentIntent;
      expect(failed).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { type: 'invalid_request_error', code: 'bank_declined' } });
      await eventually(async () => received.some((e) => e.type === 'payment_intent.payment_failed' && e.data.object.id === failed.id));
    } finally {
      await api.request('DELETE', `/v1/webhook_endpoints/${endpoint.body.id}`);
    }
  });

  it('should time an untouched redirect out to requires_payment_method, like an abandoned challenge', async () => {
    const { s, url } = await startBankPayment();
    await advanceClock(api, 601);
    const view = (await publicView(api, s)).body;
    expect(view.paymentIntent).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { code: 'bank_redirect_abandoned' } });
    expect(await (await fetch(url)).text()).toContain('already answered');
  });
});

/** Posts a bank-page answer with a token read earlier, as a stale second tab would. */
function postWithToken(url: string, action: 'authorize' | 'fail', token: string): Promise<Response> {
  return fetch(`${url}/${action}`, { method: 'POST', body: new URLSearchParams({ token }), headers: { Origin: new URL(url).origin }, redirect: 'manual' });
}
