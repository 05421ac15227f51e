import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectSchemas } from '../../../src/api/objects.js';
import { serverSchemas } from '../../../src/api/schemas.js';
import { advanceClock, CARDS, confirm, confirmBody, createSession, decideChallenge, getSession, ORIGIN, publicView, startTestSandbox, tempDir, type Api } from './helpers.js';

let api: Api & { cleanup(): void };
beforeAll(async () => {
  api = await startTestSandbox({ XPAY_SANDBOX_MAX_FAILED_CONFIRMS: '3' });
});
afterAll(async () => {
  await api.close();
  api.cleanup();
});

describe('confirm: test cards', () => {
  it.each([
    [CARDS.visa, 'visa'],
    [CARDS.mastercard, 'mastercard'],
    [CARDS.amex, 'amex'],
  ])('should succeed with %s (%s)', async (number, brand) => {
    const s = await createSession(api, { customerEmail: 'buyer@example.com' });
    const r = await confirm(api, s, number);
    expect(r.status).toBe(200);
    expect(serverSchemas().PublicSession.safeParse(r.body).success).toBe(true);
    expect(r.body.status).toBe('complete');
    expect(r.body.paymentIntent).toMatchObject({ status: 'succeeded', amount: 2500, card: { brand, last4: number.slice(-4) }, lastPaymentError: null });
    const full = await getSession(api, s.id);
    expect(objectSchemas().Session.safeParse(full).success).toBe(true);
    expect(full.paymentStatus).toBe('paid');
    expect(full.customer).toMatchObject({ email: 'buyer@example.com', name: 'Jo Doe', address: { postalCode: '94107', country: 'US' } });
    expect(full.paymentIntent.customer).toBe(full.customer.id);
    const [charge] = full.paymentIntent.charges;
    expect(charge).toMatchObject({ status: 'succeeded', captured: true, amountCaptured: 2500 });
    expect(charge.paymentMethodDetails.card).toMatchObject({ brand, last4: number.slice(-4), expMonth: 12, expYear: 2034 });
    expect(charge.balanceTransaction).toMatchObject({ type: 'charge', amount: 2500, fee: 103, net: 2397, source: charge.id });
    const customer = await api.request('GET', `/v1/customers/${full.customer.id}`);
    expect(customer.body).toEqual(full.customer);
  });

  it.each([
    [CARDS.generic, 'card_declined', 'generic_decline'],
    [CARDS.funds, 'card_declined', 'insufficient_funds'],
    [CARDS.expired, 'expired_card', undefined],
    [CARDS.cvc, 'incorrect_cvc', undefined],
    [CARDS.processingError, 'processing_error', undefined],
  ])('should decline %s with 402 %s/%s and keep the intent retryable', async (number, code, declineCode) => {
    const s = await createSession(api);
    const r = await confirm(api, s, number);
    expect(r.status).toBe(402);
    expect(serverSchemas().ErrorBody.safeParse(r.body).success).toBe(true);
    expect(r.body.error).toMatchObject({ type: 'card_error', code, requestId: r.headers.get('request-id') });
    expect(r.body.error.declineCode).toBe(declineCode);
    expect(r.body.error.paymentIntent).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { type: 'card_error', code } });
    const full = await getSession(api, s.id);
    expect(full.status).toBe('open');
    expect(full.customer).toBeNull();
    expect(full.paymentIntent.charges).toHaveLength(1);
    expect(full.paymentIntent.charges[0]).toMatchObject({ status: 'failed', failureCode: code, declineCode: declineCode ?? null, balanceTransaction: null });
  });

  it('should reuse the intent on a retry after a decline and add a charge', async () => {
    const s = await createSession(api);
    const first = await confirm(api, s, CARDS.funds);
    const second = await confirm(api, s, CARDS.visa);
    expect(second.status).toBe(200);
    expect(second.body.paymentIntent.id).toBe(first.body.error.paymentIntent.id);
    const full = await getSession(api, s.id);
    expect(full.paymentIntent.charges.map((c: { status: string }) => c.status)).toEqual(['failed', 'succeeded']);
    expect(full.paymentIntent.lastPaymentError).toBeNull();
  });

  it('should decline a number failing Luhn, a past expiry and a wrong CVC length', async () => {
    const s = await createSession(api);
    expect((await confirm(api, s, '4242424242424241')).body.error.code).toBe('incorrect_number');
    const body = confirmBody(CARDS.visa);
    (body.paymentMethod as { card: { expYear: number } }).card.expYear = 2001;
    const past = await api.request('POST', `/v1/checkout/sessions/${s.id}/confirm`, { secret: null, body, headers: { 'XPay-Client-Secret': s.clientSecret } });
    expect(past.body.error.code).toBe('expired_card');
  });

  it('should refuse confirm with 429 too_many_attempts after N failed attempts (N = 3 here)', async () => {
    const s = await createSession(api);
    for (let i = 0; i < 3; i++) expect((await confirm(api, s, CARDS.generic)).status).toBe(402);
    const r = await confirm(api, s, CARDS.visa);
    expect(r.status).toBe(429);
    expect(r.body.error).toMatchObject({ type: 'rate_limit_error', code: 'too_many_attempts' });
    expect((await getSession(api, s.id)).paymentIntent.charges).toHaveLength(3);
  });
});

describe('confirm: guards', () => {
  it('should create exactly one intent for concurrent first confirms', async () => {
    const s = await createSession(api);
    const replies = await Promise.all([confirm(api, s, CARDS.visa), confirm(api, s, CARDS.visa), confirm(api, s, CARDS.mastercard)]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 200)) {
      expect([400, 409]).toContain(r.status);
    }
    const full = await getSession(api, s.id);
    expect(full.paymentIntent.charges).toHaveLength(1);
    const events = await api.request('GET', '/v1/events?type=payment_intent.succeeded&limit=100');
    expect(events.body.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === full.paymentIntent.id)).toHaveLength(1);
  });

  it('should refuse confirm once the intent has succeeded: 400 payment_intent_unexpected_state, no charge', async () => {
    const s = await createSession(api);
    await confirm(api, s, CARDS.visa);
    const r = await confirm(api, s, CARDS.visa);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('payment_intent_unexpected_state');
    expect((await getSession(api, s.id)).paymentIntent.charges).toHaveLength(1);
  });

  it('should send no CORS headers on confirm and refuse a foreign Origin', async () => {
    const s = await createSession(api);
    const foreign = await confirm(api, s, CARDS.visa, { headers: { Origin: ORIGIN } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('origin_not_allowed');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await getSession(api, s.id)).paymentIntent).toBeNull();
    const own = await confirm(api, s, CARDS.visa, { headers: { Origin: api.url } });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should refuse a wrong client secret, a returnOrigin outside allowedOrigins and missing billing fields', async () => {
    const s = await createSession(api, { billingAddressCollection: 'required', phoneNumberCollection: { enabled: true } });
    expect((await confirm(api, { id: s.id, clientSecret: 'nope' }, CARDS.visa)).status).toBe(401);
    const badOrigin = await confirm(api, s, CARDS.visa, { extra: { returnOrigin: 'https://evil.example' } });
    expect(badOrigin.status).toBe(400);
    expect(badOrigin.body.error).toMatchObject({ code: 'origin_not_allowed', param: 'returnOrigin' });
    const noLine1 = await confirm(api, s, CARDS.visa);
    expect(noLine1.status).toBe(400);
    expect(noLine1.body.error.param).toBe('paymentMethod.billingDetails.address.line1');
    expect((await getSession(api, s.id)).paymentIntent).toBeNull();
  });

  it('should refuse malformed card data with 400 naming the field and never echo it', async () => {
    const s = await createSession(api);
    const body = confirmBody('4242 4242 4242 4242');
    const r = await api.request('POST', `/v1/checkout/sessions/${s.id}/confirm`, { secret: null, body, headers: { 'XPay-Client-Secret': s.clientSecret } });
    expect(r.status).toBe(400);
    expect(r.body.error.param).toBe('paymentMethod.card.number');
    expect(r.text).not.toContain('4242');
  });
});

describe('idempotency', () => {
  it('should replay the same confirm (same key, same body) without a second charge', async () => {
    const s = await createSession(api);
    const a = await confirm(api, s, CARDS.visa, { key: 'same-1' });
    const b = await confirm(api, s, CARDS.visa, { key: 'same-1' });
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect((await getSession(api, s.id)).paymentIntent.charges).toHaveLength(1);
  });

  it('should replay errors too, with the original body', async () => {
    const s = await createSession(api);
    const a = await confirm(api, s, CARDS.funds, { key: 'err-1' });
    const b = await confirm(api, s, CARDS.funds, { key: 'err-1' });
    expect(b.status).toBe(402);
    expect(b.body).toEqual(a.body);
    expect((await getSession(api, s.id)).paymentIntent.charges).toHaveLength(1);
  });

  it('should answer 400 idempotency_error when a key is reused with a different request', async () => {
    const s = await createSession(api);
    await confirm(api, s, CARDS.funds, { key: 'mismatch-1' });
    const r = await confirm(api, s, CARDS.visa, { key: 'mismatch-1' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_reused' });
  });

  it('should answer 409 while the first request with the key is in flight', async () => {
    const s = await createSession(api);
    const [a, b] = await Promise.all([confirm(api, s, CARDS.visa, { key: 'flight-1' }), confirm(api, s, CARDS.visa, { key: 'flight-1' })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const conflict = a.status === 409 ? a : b;
    expect(conflict.body.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_in_use' });
    const later = await confirm(api, s, CARDS.visa, { key: 'flight-1' });
    expect(later.status).toBe(200);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
  });

  it('should scope keys to the key holder and replay secret-key creates', async () => {
    const body = { lineItems: [{ name: 'A', unitAmount: 100, quantity: 1 }], currency: 'usd', mode: 'payment', successUrl: `${ORIGIN}/s`, cancelUrl: `${ORIGIN}/c` };
    const a = await api.request('POST', '/v1/checkout/sessions', { body, headers: { 'Idempotency-Key': 'create-1' } });
    const b = await api.request('POST', '/v1/checkout/sessions', { body, headers: { 'Idempotency-Key': 'create-1' } });
    expect(b.body.id).toBe(a.body.id);
    const other = await api.request('POST', '/v1/checkout/sessions', { body: { ...body, currency: 'eur' }, headers: { 'Idempotency-Key': 'create-1' } });
    expect(other.status).toBe(400);
    expect(other.body.error.type).toBe('idempotency_error');
    // The same key string used by a session's client is a different scope.
    const s = await createSession(api);
    expect((await confirm(api, s, CARDS.visa, { key: 'create-1' })).status).toBe(200);
  });
});

describe('3-D Secure', () => {
  async function challenge(number: string = CARDS.challenge, windowSize?: string) {
    const s = await createSession(api);
    const r = await confirm(api, s, number, { extra: windowSize ? { challengeWindowSize: windowSize } : {} });
    expect(r.status).toBe(200);
    expect(r.body.paymentIntent.status).toBe('requires_action');
    return { s, r, url: r.body.paymentIntent.nextAction.url as string };
  }

  it('should set nextAction with the ACS url and echo the window size (default 02)', async () => {
    const { r } = await challenge(CARDS.challenge, '05');
    expect(r.body.paymentIntent.nextAction).toMatchObject({ type: 'three_ds_challenge', windowSize: '05' });
    expect(r.body.paymentIntent.nextAction.url).toMatch(new RegExp(`^${api.url}/sandbox/acs/acs_`));
    const { r: r2 } = await challenge();
    expect(r2.body.paymentIntent.nextAction.windowSize).toBe('02');
  });

  it('should serve the ACS page: merchant, amount, two real forms, strict CSP framable by allowed origins', async () => {
    const { url } = await challenge();
    const res = await fetch(url);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Test &#60;Shop&#62; &#38; &#34;Co&#34;');
    expect(html).toContain('$25.00');
    expect(html).toMatch(/<form method="post" action="[^"]+\/complete"><input type="hidden" name="token" value="[^"]+"><button[^>]*>Complete authentication<\/button><\/form>/);
    expect(html).toMatch(/<form method="post" action="[^"]+\/fail"><input type="hidden" name="token" value="[^"]+"><button[^>]*>Fail authentication<\/button><\/form>/);
    expect(html).not.toMatch(/<script(?![^>]*src=)/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain(`frame-ancestors ${ORIGIN} 'self'`);
  });

  it('should complete: the intent succeeds and the result page posts challenge_done to the exact returnOrigin', async () => {
    const { s, url } = await challenge();
    const token = /name="token" value="([^"]+)"/.exec(await (await fetch(url)).text())![1]!;
    const res = await decideChallenge(url, 'complete');
    const html = await res.text();
    expect(html).toContain(`data-return-origin="${ORIGIN}"`);
    expect(html).toContain('<script src="/sandbox/acs/done.js" defer></script>');
    const js = await (await fetch(`${api.url}/sandbox/acs/done.js`)).text();
    expect(js).toContain("postMessage({ v: 1, type: 'challenge_done' }, origin)");
    expect(js).not.toContain('secret');
    const pub = await publicView(api, s);
    expect(pub.body.paymentIntent).toMatchObject({ status: 'succeeded', nextAction: null });
    const full = await getSession(api, s.id);
    expect(full.paymentIntent.charges[0].paymentMethodDetails.card.threeDSecure).toEqual({ result: 'authenticated' });
    // Deciding twice changes nothing (the decided page has no forms left: post the old one's).
    const twice = await fetch(`${url}/fail`, { method: 'POST', body: new URLSearchParams({ token }) });
    expect(twice.status).toBe(200);
    expect((await publicView(api, s)).body.paymentIntent.status).toBe('succeeded');
  });

  it('should fail: back to requires_payment_method with authentication_failed', async () => {
    const { s, url } = await challenge();
    await decideChallenge(url, 'fail');
    const pub = await publicView(api, s);
    expect(pub.body.paymentIntent).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { code: 'authentication_failed' } });
    expect((await confirm(api, s, CARDS.visa)).status).toBe(200);
  });

  it('should decline after a completed challenge for 4000 0084 0000 1629', async () => {
    const { s, url } = await challenge(CARDS.challengeDecline);
    await decideChallenge(url, 'complete');
    const pub = await publicView(api, s);
    expect(pub.body.paymentIntent).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { code: 'card_declined' } });
  });

  it('should abandon on abandon_action (CORS, client secret) and refuse a second abandon', async () => {
    const { s } = await challenge();
    const r = await api.request('POST', `/v1/checkout/sessions/${s.id}/abandon_action`, {
      secret: null,
      headers: { 'XPay-Client-Secret': s.clientSecret, Origin: ORIGIN },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(r.body.paymentIntent).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { code: 'authentication_abandoned' } });
    const again = await api.request('POST', `/v1/checkout/sessions/${s.id}/abandon_action`, { secret: null, headers: { 'XPay-Client-Secret': s.clientSecret } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('payment_intent_unexpected_state');
  });

  it('should time an untouched challenge out to authentication_abandoned', async () => {
    const { s, url } = await challenge();
    await advanceClock(api, 601);
    const pub = await publicView(api, s);
    expect(pub.body.paymentIntent).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { code: 'authentication_abandoned' } });
    const page = await (await fetch(url)).text();
    expect(page).toContain('no longer pending');
  });

  it('should succeed frictionless for 4000 0000 0000 3055 with no challenge', async () => {
    const s = await createSession(api);
    const r = await confirm(api, s, CARDS.frictionless);
    expect(r.body.paymentIntent).toMatchObject({ status: 'succeeded', nextAction: null });
    expect((await getSession(api, s.id)).paymentIntent.charges[0].paymentMethodDetails.card.threeDSecure).toEqual({ result: 'frictionless' });
  });
});

describe('processing and manual capture', () => {
  it('should process 7718 then succeed (long-poll wakes on the change)', async () => {
    const s = await createSession(api);
    const r = await confirm(api, s, CARDS.processingOk);
    expect(r.body.paymentIntent.status).toBe('processing');
    const blocked = await confirm(api, s, CARDS.visa);
    expect(blocked.status).toBe(400);
    const later = await publicView(api, s, `?wait=5&since=${r.body.version}`);
    expect(later.body.paymentIntent.status).toBe('succeeded');
    expect(later.body.status).toBe('complete');
  });

  it('should process 7726 then fail', async () => {
    const s = await createSession(api);
    const r = await confirm(api, s, CARDS.processingFail);
    expect(r.body.paymentIntent.status).toBe('processing');
    await advanceClock(api, 1);
    const pub = await publicView(api, s);
    expect(pub.body.paymentIntent).toMatchObject({ status: 'requires_payment_method', lastPaymentError: { code: 'card_declined' } });
  });

  it('should authorise only with manual capture: requires_capture, session complete, unpaid', async () => {
    const s = await createSession(api, { captureMethod: 'manual' });
    const r = await confirm(api, s, CARDS.visa);
    expect(r.body.status).toBe('complete');
    expect(r.body.paymentIntent.status).toBe('requires_capture');
    const full = await getSession(api, s.id);
    expect(full.paymentStatus).toBe('unpaid');
    expect(full.paymentIntent).toMatchObject({ amountCapturable: 2500, amountReceived: 0 });
    expect(full.paymentIntent.charges[0]).toMatchObject({ status: 'succeeded', captured: false, balanceTransaction: null });
  });
});

describe('card frame serving', () => {
  let frameApi: Api & { cleanup(): void };
  let missingApi: Api & { cleanup(): void };
  const dist = tempDir();
  beforeAll(async () => {
    mkdirSync(join(dist.dir, 'assets'), { recursive: true });
    writeFileSync(join(dist.dir, 'index.html'), '<!doctype html><script type="module" src="./assets/frame-abc.js"></script>');
    writeFileSync(join(dist.dir, 'assets', 'frame-abc.js'), 'console.log(1)');
    writeFileSync(join(dist.dir, 'assets', 'frame-abc.css'), 'body{}');
    frameApi = await startTestSandbox({}, { frameDir: dist.dir });
    missingApi = await startTestSandbox({}, { frameDir: join(dist.dir, 'nope') });
  });
  afterAll(async () => {
    await frameApi.close();
    await missingApi.close();
    frameApi.cleanup();
    missingApi.cleanup();
    dist.cleanup();
  });

  it('should serve one cacheable frame document per embedding origin, for any session, framed only by that origin', async () => {
    const r = await frameApi.request('GET', `/frames/card/v1/?origin=${encodeURIComponent(ORIGIN)}&mode=test`, { secret: null });
    expect(r.status).toBe(200);
    expect(r.text).toContain('frame-abc.js');
    expect(r.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ORIGIN} 'self'`,
    );
    // Kept across sessions: a returning customer's mount asks the network for the session alone.
    expect(r.headers.get('cache-control')).toBe('public, max-age=86400, stale-while-revalidate=604800');
    const redirect = await frameApi.request('GET', `/frames/card/v1?origin=${encodeURIComponent(ORIGIN)}&mode=test`, { secret: null });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(`/frames/card/v1/?origin=${encodeURIComponent(ORIGIN)}&mode=test`);
  });

  it('should refuse a missing or malformed origin with text framed by nobody', async () => {
    for (const query of ['', '?mode=test', `?origin=${encodeURIComponent('http://a.example; script-src *')}`, '?origin=*']) {
      const r = await frameApi.request('GET', `/frames/card/v1/${query}`, { secret: null });
      expect(r.status, query).toBe(400);
      expect(r.text).not.toContain('<script');
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
  });

  it("should refuse the frame's calls for a page the session does not allow: no view, no confirm (XPay-Embedding-Origin)", async () => {
    const s = await createSession(frameApi);
    const embeddedBy = (origin: string) => ({ 'XPay-Embedding-Origin': origin });
    // The frame's GETs are same-origin (no Origin header); its POSTs send the API's own.
    const evil = await publicView(frameApi, s, '', embeddedBy('https://evil.example'));
    expect(evil.status).toBe(403);
    expect(evil.body.error).toMatchObject({ code: 'origin_not_allowed', message: expect.stringContaining('https://evil.example') });
    expect(evil.text).not.toContain('amountTotal');
    const evilConfirm = await confirm(frameApi, s, CARDS.visa, { headers: { Origin: frameApi.url, ...embeddedBy('https://evil.example') } });
    expect(evilConfirm.status).toBe(403);
    expect(evilConfirm.body.error.code).toBe('origin_not_allowed');
    expect((await publicView(frameApi, s)).body.paymentIntent).toBeNull();
    // A cross-origin page cannot speak for another: its own Origin is checked, whatever it claims.
    expect((await publicView(frameApi, s, '', { Origin: 'https://evil.example', ...embeddedBy(ORIGIN) })).status).toBe(403);

    expect((await publicView(frameApi, s, '', embeddedBy(ORIGIN))).status).toBe(200);
    expect((await confirm(frameApi, s, CARDS.visa, { headers: { Origin: frameApi.url, ...embeddedBy(ORIGIN) } })).status).toBe(200);
    // The sandbox's own pages (the hosted checkout) embed it too.
    const hosted = await createSession(frameApi);
    expect((await publicView(frameApi, hosted, '', embeddedBy(frameApi.url))).status).toBe(200);
    // A session without allowedOrigins allows any page.
    const open = await createSession(frameApi, { allowedOrigins: undefined });
    expect((await publicView(frameApi, open, '', embeddedBy('https://any.example'))).status).toBe(200);
  });

  it('should allow the frame document\'s one inline <style> by its hash, and no other inline style', async () => {
    const css = ':root{color:#123}';
    const styled = tempDir();
    writeFileSync(join(styled.dir, 'index.html'), `<!doctype html><style>${css}</style><script type="module" src="./assets/frame-abc.js"></script>`);
    const api = await startTestSandbox({}, { frameDir: styled.dir });
    try {
      const r = await api.request('GET', `/frames/card/v1/?origin=${encodeURIComponent(ORIGIN)}`, { secret: null });
      const hash = createHash('sha256').update(css).digest('base64');
      expect(r.headers.get('content-security-policy')).toContain(`style-src 'self' 'sha256-${hash}';`);
      expect(r.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    } finally {
      await api.close();
      api.cleanup();
      styled.cleanup();
    }
  });

  it('should serve assets with content types and long cache, and nothing outside assets/', async () => {
    const js = await frameApi.request('GET', '/frames/card/v1/assets/frame-abc.js', { secret: null });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const css = await frameApi.request('GET', '/frames/card/v1/assets/frame-abc.css', { secret: null });
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    const escape = await frameApi.request('GET', '/frames/card/v1/assets/..%2findex.html', { secret: null });
    expect(escape.status).toBe(404);
    expect((await frameApi.request('GET', '/frames/card/v1/assets/%E0%A4%A', { secret: null })).status).toBe(404);
  });

  it('should answer 503 with "run npm run build" when dist/frame is missing', async () => {
    const r = await missingApi.request('GET', `/frames/card/v1/?origin=${encodeURIComponent(ORIGIN)}`, { secret: null });
    expect(r.status).toBe(503);
    expect(r.text).toContain('run npm run build');
  });
});
