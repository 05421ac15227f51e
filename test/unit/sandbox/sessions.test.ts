import { describe, expect, it } from 'vitest';
import { objectSchemas } from '../../../src/api/objects.js';
import { serverSchemas } from '../../../src/api/schemas.js';
import { advanceClock, confirm, CARDS, createSession, getSession, ORIGIN, publicView, sessionBody, useTestSandbox } from './helpers.js';

const api = useTestSandbox();

describe('sandbox basics', () => {
  it('should answer GET / with an HTML page naming the merchant (escaped)', async () => {
    const r = await api.request('GET', '/', { secret: null });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.text).toContain('Test &#60;Shop&#62; &#38; &#34;Co&#34;');
    expect(r.text).not.toContain('<Shop>');
    expect(r.headers.get('request-id')).toMatch(/^req_/);
  });

  it('should put a Request-Id on every response, errors and unknown routes included', async () => {
    for (const [method, path] of [['GET', '/v1/nope'], ['GET', '/nope'], ['GET', '/v1/checkout/sessions/cs_test_missing']] as const) {
      const r = await api.request(method, path);
      expect(r.headers.get('request-id')).toMatch(/^req_/);
    }
    const r = await api.request('GET', '/v1/nope');
    expect(r.status).toBe(404);
    expect(r.body.error.requestId).toBe(r.headers.get('request-id'));
  });

  it('should refuse a missing or wrong secret key with 401 and no CORS headers', async () => {
    const missing = await api.request('GET', '/v1/events', { secret: null, headers: { Origin: ORIGIN } });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ type: 'authentication_error', code: 'missing_api_key' });
    const wrong = await api.request('GET', '/v1/events', { secret: 'sk_test_wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_api_key');
    const ok = await api.request('GET', '/v1/events', { headers: { Origin: ORIGIN } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('sessions', () => {
  it('should create a session with the documented shape and defaults', async () => {
    const s = await createSession(api, { metadata: { order: '42' }, customerEmail: 'jo@example.com' });
    expect(objectSchemas().Session.safeParse(s).success).toBe(true);
    expect(s).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      paymentStatus: 'unpaid',
      amountSubtotal: 2500,
      amountTotal: 2500,
      currency: 'usd',
      captureMethod: 'automatic',
      paymentIntent: null,
      customer: null,
      customerEmail: 'jo@example.com',
      billingAddressCollection: 'auto',
      phoneNumberCollection: { enabled: false },
      allowedOrigins: [ORIGIN],
      metadata: { order: '42' },
      livemode: false,
    });
    expect(s.id).toMatch(/^cs_test_/);
    expect(s.clientSecret).toMatch(new RegExp(`^${s.id}_secret_`));
    expect(s.lineItems).toEqual([{ name: 'T-shirt', unitAmount: 1250, quantity: 2, amountTotal: 2500, imageUrl: null }]);
    expect((s.expiresAt as number) - (s.created as number)).toBe(3600);
    // The hosted page, with its own credential in the fragment (hosted-page.test.ts).
    expect(s.url).toMatch(new RegExp(`^${api.url}/c/${s.id}#token=[\\w-]{43}$`));
    expect(await getSession(api, s.id)).toEqual(s);
    const hosted = await api.request('GET', `/c/${s.id}`, { secret: null });
    expect(hosted.status).toBe(200);
  });

  it('should accept expiresAt from 30 minutes to 24 hours ahead only', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const bad of [now + 60, now + 25 * 3600]) {
      const r = await api.request('POST', '/v1/checkout/sessions', { body: sessionBody({ expiresAt: bad }) });
      expect(r.status).toBe(400);
      expect(r.body.error.param).toBe('expiresAt');
    }
    const s = await createSession(api, { expiresAt: now + 2 * 3600 });
    expect(s.expiresAt).toBe(now + 2 * 3600);
  });

  it.each([
    ['bad JSON', { raw: '{"lineItems": [' }, undefined, 'invalid_json'],
    ['a non-object body', { raw: '[1,2]' }, undefined, 'parameter_invalid'],
    ['an unknown field', { body: sessionBody({ surprise: 1 }) }, 'surprise', 'parameter_unknown'],
    ['an unknown nested field', { body: sessionBody({ lineItems: [{ name: 'a', unitAmount: 1, quantity: 1, colour: 'red' }] }) }, 'lineItems.0.colour', 'parameter_unknown'],
    ['a missing field', { body: sessionBody({ currency: undefined }) }, 'currency', 'parameter_missing'],
    ['a wrong type', { body: sessionBody({ lineItems: [{ name: 'a', unitAmount: '100', quantity: 1 }] }) }, 'lineItems.0.unitAmount', 'parameter_invalid'],
    ['a negative amount', { body: sessionBody({ lineItems: [{ name: 'a', unitAmount: -1, quantity: 1 }] }) }, 'lineItems.0.unitAmount', 'parameter_invalid'],
    ['a non-integer amount', { body: sessionBody({ lineItems: [{ name: 'a', unitAmount: 10.5, quantity: 1 }] }) }, 'lineItems.0.unitAmount', 'parameter_invalid'],
    ['an unknown currency', { body: sessionBody({ currency: 'xxx' }) }, 'currency', 'parameter_invalid'],
    ['a non-http(s) URL', { body: sessionBody({ successUrl: 'javascript:alert(1)' }) }, 'successUrl', 'parameter_invalid'],
    ['a relative URL', { body: sessionBody({ cancelUrl: '/cart' }) }, 'cancelUrl', 'parameter_invalid'],
    // The widget follows only https, or http to this machine (issue 8 §5): refused here, not in the browser.
    ['a plain-http successUrl to another host', { body: sessionBody({ successUrl: 'http://shop.example/thanks' }) }, 'successUrl', 'parameter_invalid'],
    ['a plain-http imageUrl to another host', { body: sessionBody({ lineItems: [{ name: 'a', unitAmount: 1, quantity: 1, imageUrl: 'http://cdn.example/a.png' }] }) }, 'lineItems.0.imageUrl', 'parameter_invalid'],
    ['an origin with a path', { body: sessionBody({ allowedOrigins: ['http://localhost:3000/shop'] }) }, 'allowedOrigins.0', 'parameter_invalid'],
    ['a mode other than payment', { body: sessionBody({ mode: 'subscription' }) }, 'mode', 'parameter_invalid'],
    ['an unknown customer', { body: sessionBody({ customerId: 'cus_nope' }) }, 'customerId', 'resource_missing'],
    ['a zero total', { body: sessionBody({ lineItems: [{ name: 'free', unitAmount: 0, quantity: 1 }] }) }, 'lineItems', 'amount_too_small'],
  ])('should answer 400 for %s and store nothing', async (_name, input, param, code) => {
    const before = (await api.request('GET', '/v1/events?limit=100')).body.data.length;
    const r = await api.request('POST', '/v1/checkout/sessions', input as { body?: unknown; raw?: string });
    expect(r.status).toBe(400);
    expect(r.body.error.type).toBe('invalid_request_error');
    expect(r.body.error.code).toBe(code);
    if (param) expect(r.body.error.param).toBe(param);
    expect(r.body.error.message.length).toBeGreaterThan(10);
    expect(serverSchemas().ErrorBody.safeParse(r.body).success).toBe(true);
    expect((await api.request('GET', '/v1/events?limit=100')).body.data.length).toBe(before);
  });

  it("should keep the session's locale (issue #12): null by default, the tag as given, and in the public view", async () => {
    const plain = await createSession(api);
    expect(plain.locale).toBeNull();
    expect((await publicView(api, plain)).body.locale).toBeNull();
    for (const tag of ['auto', 'de', 'pt-BR', 'zh-Hans', 'en-GB', 'pt-PT']) {
      const s = await createSession(api, { locale: tag });
      expect(s.locale).toBe(tag);
      expect((await getSession(api, s.id)).locale).toBe(tag);
      expect((await publicView(api, s)).body.locale).toBe(tag);
    }
  });

  it.each([['an empty tag', ''], ['underscores', 'de_DE'], ['markup', '<b>de</b>'], ['a number', 49], ['a 36-character tag', `de-${'a1234567-'.repeat(3)}abcdef`], ['a malformed tag', 'de--AT']])(
    'should refuse a session locale that is %s with 400 on param locale',
    async (_name, locale) => {
      const r = await api.request('POST', '/v1/checkout/sessions', { body: sessionBody({ locale }) });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('parameter_invalid');
      expect(r.body.error.param).toBe('locale');
    },
  );

  it('should refuse an oversized body with 413', async () => {
    const r = await api.request('POST', '/v1/checkout/sessions', { body: sessionBody({ metadata: { big: 'x'.repeat(70_000) } }) });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('body_too_large');
  });

  it('should update line items while open; the amount, intent and public version follow', async () => {
    const s = await createSession(api, { allowedOrigins: undefined });
    const v0 = (await publicView(api, s)).body.version;
    const declined = await confirm(api, s, CARDS.generic);
    expect(declined.status).toBe(402);
    const r = await api.request('POST', `/v1/checkout/sessions/${s.id}`, { body: { lineItems: [{ name: 'Mug', unitAmount: 900, quantity: 3 }] } });
    expect(r.status).toBe(200);
    expect(r.body.amountTotal).toBe(2700);
    expect(r.body.paymentIntent.amount).toBe(2700);
    const pub = await publicView(api, s);
    expect(pub.body.version).toBeGreaterThan(v0);
    expect(pub.body.amountTotal).toBe(2700);
    const paid = await confirm(api, s, CARDS.visa);
    expect(paid.status).toBe(200);
    const after = await getSession(api, s.id);
    expect(after.paymentIntent.charges[1].amount).toBe(2700);
    const late = await api.request('POST', `/v1/checkout/sessions/${s.id}`, { body: { lineItems: [{ name: 'Mug', unitAmount: 1, quantity: 1 }] } });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('session_not_open');
  });

  it('should expire a session on request: intent canceled, confirm refused, event written', async () => {
    const s = await createSession(api);
    await confirm(api, s, CARDS.generic);
    const r = await api.request('POST', `/v1/checkout/sessions/${s.id}/expire`);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('expired');
    expect(r.body.paymentIntent.status).toBe('canceled');
    expect(r.body.paymentIntent.cancellationReason).toBe('session_expired');
    const again = await api.request('POST', `/v1/checkout/sessions/${s.id}/expire`);
    expect(again.status).toBe(400);
    const c = await confirm(api, s, CARDS.visa);
    expect(c.status).toBe(400);
    expect(c.body.error.code).toBe('session_expired');
    const events = await api.request('GET', '/v1/events?type=checkout.session.expired&limit=100');
    expect(events.body.data.some((e: { data: { object: { id: string } } }) => e.data.object.id === s.id)).toBe(true);
  });

  it('should expire a session at expiresAt when the clock moves', async () => {
    const s = await createSession(api);
    await advanceClock(api, 3601);
    const pub = await publicView(api, s, '', { Origin: ORIGIN });
    expect(pub.body.status).toBe('expired');
  });
});

describe('public view', () => {
  it('should answer the strict public shape with CORS for an allowed origin', async () => {
    const s = await createSession(api);
    const r = await publicView(api, s, '', { Origin: ORIGIN });
    expect(r.status).toBe(200);
    expect(serverSchemas().PublicSession.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ id: s.id, object: 'checkout.session.public', status: 'open', merchantName: 'Test <Shop> & "Co"', paymentIntent: null });
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(r.headers.get('access-control-expose-headers')).toBe('Request-Id, Retry-After');
    expect(r.text).not.toContain(s.clientSecret);
  });

  it('should answer 403 origin_not_allowed to another origin, still with CORS headers', async () => {
    const s = await createSession(api);
    const r = await publicView(api, s, '', { Origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(r.body.error).toMatchObject({ code: 'origin_not_allowed', origin: 'https://evil.example', allowedOrigins: [ORIGIN] });
    expect(r.body.error.message).toContain('https://evil.example');
  });

  it('should allow any origin when allowedOrigins was omitted', async () => {
    const s = await createSession(api, { allowedOrigins: undefined });
    const r = await publicView(api, s, '', { Origin: 'https://anything.example' });
    expect(r.status).toBe(200);
  });

  it('should answer 401 for a wrong secret, 404 for an unknown session, 400 for a secret in the URL', async () => {
    const s = await createSession(api);
    const wrong = await publicView(api, { id: s.id, clientSecret: `${s.id}_secret_wrong` }, '', { Origin: ORIGIN });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_client_secret');
    expect(wrong.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const missing = await publicView(api, { id: 'cs_test_nope', clientSecret: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('session_not_found');
    const inUrl = await publicView(api, s, `?client_secret=${s.clientSecret}`);
    expect(inUrl.status).toBe(400);
  });

  it('should answer CORS preflights for public and abandon_action only', async () => {
    const s = await createSession(api);
    for (const path of ['public', 'abandon_action']) {
      const r = await api.request('OPTIONS', `/v1/checkout/sessions/${s.id}/${path}`, {
        secret: null,
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'xpay-client-secret' },
      });
      expect(r.status).toBe(204);
      expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(r.headers.get('access-control-allow-headers')).toMatch(/XPay-Client-Secret/);
    }
    const confirmPreflight = await api.request('OPTIONS', `/v1/checkout/sessions/${s.id}/confirm`, {
      secret: null,
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    expect(confirmPreflight.headers.get('access-control-allow-origin')).toBeNull();
    const secretPreflight = await api.request('OPTIONS', '/v1/checkout/sessions', { secret: null, headers: { Origin: ORIGIN } });
    expect(secretPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should long-poll: answer at once when newer, else on the next change', async () => {
    const s = await createSession(api, { allowedOrigins: undefined });
    const v = (await publicView(api, s)).body.version;
    const immediate = await publicView(api, s, `?wait=5&since=${v - 1}`);
    expect(immediate.body.version).toBe(v);
    const started = Date.now();
    const polling = publicView(api, s, `?wait=5&since=${v}`);
    await new Promise((r) => setTimeout(r, 150));
    await confirm(api, s, CARDS.visa);
    const changed = await polling;
    expect(changed.body.version).toBeGreaterThan(v);
    expect(changed.body.paymentIntent.status).toBe('succeeded');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('should long-poll until the wait cap when nothing changes', async () => {
    const s = await createSession(api);
    const v = (await publicView(api, s)).body.version;
    const started = Date.now();
    const r = await publicView(api, s, `?wait=1&since=${v}`);
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(v);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const bad = await publicView(api, s, '?wait=abc&since=1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('wait');
  });

  it('should wake a long-poll when the session expires by the clock', async () => {
    const s = await createSession(api);
    const v = (await publicView(api, s)).body.version;
    const polling = publicView(api, s, `?wait=5&since=${v}`);
    await new Promise((r) => setTimeout(r, 100));
    await advanceClock(api, 2 * 3600);
    const r = await polling;
    expect(r.body.status).toBe('expired');
  });
});
