import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARDS, confirm, createSession, getSession, ORIGIN, publicView, startTestSandbox, tempDir, type Api } from './helpers.js';

const WIDGET = '/* the widget bundle */ console.info("xpay");';

let api: Api & { cleanup(): void };
let built: ReturnType<typeof tempDir>;
beforeAll(async () => {
  // Stand-ins for `npm run build`'s outputs: these tests are about the sandbox's pages, not the bundles.
  built = tempDir();
  writeFileSync(join(built.dir, 'xpay.js'), WIDGET);
  mkdirSync(join(built.dir, 'frame'));
  writeFileSync(join(built.dir, 'frame', 'index.html'), '<!doctype html><title>frame</title>');
  api = await startTestSandbox({}, { widgetFile: join(built.dir, 'xpay.js'), frameDir: join(built.dir, 'frame') });
});
afterAll(async () => {
  await api.close();
  api.cleanup();
  built.cleanup();
});

/** The session's hosted page URL, split into its path and the token in its fragment. */
function hostedUrl(s: { [key: string]: unknown }): { path: string; token: string } {
  const url = new URL(String(s.url));
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  expect(token, String(s.url)).toMatch(/^[\w-]{43}$/);
  return { path: url.pathname, token: token! };
}

/** The page's exchange of its token for the client secret, as its script sends it (same origin). */
function exchange(path: string, body: unknown, origin: string | null = api.url) {
  return api.request('POST', `${path}/session`, { secret: null, body, headers: origin === null ? {} : { Origin: origin } });
}

describe('hosted checkout page /c/:sessionId', () => {
  it('should never put the client secret in the page: the session id alone yields nothing', async () => {
    const s = await createSession(api, { cancelUrl: `${ORIGIN}/cart?a=1&b="2"` });
    const r = await api.request('GET', `/c/${s.id}`, { secret: null });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');

    expect(r.text).not.toContain(s.clientSecret);
    expect(r.text).not.toContain('_secret_');
    expect(r.text).not.toContain('<xpay-checkout');
    expect(r.text).toContain(`data-hosted-session="/c/${s.id}/session"`);
    // No inline script anywhere: the widget bundle, then the page's own script.
    expect(r.text.match(/<script\b[^>]*>/g)).toEqual(['<script src="/sandbox/assets/xpay.js" defer>', '<script src="/sandbox/assets/hosted.js" defer>']);
    // The back link goes to cancelUrl, escaped; the merchant name is escaped too.
    expect(r.text).toContain(`href="${ORIGIN}/cart?a=1&#38;b=&#34;2&#34;"`);
    expect(r.text).toContain('Test &#60;Shop&#62; &#38; &#34;Co&#34;');
    expect(r.text).not.toContain('<Shop>');
  });

  it("should carry its own credential in the url's fragment: unguessable, not derived from the id, the same on every read", async () => {
    const a = await createSession(api);
    const b = await createSession(api);
    const { path, token } = hostedUrl(a);
    expect(path).toBe(`/c/${a.id}`);
    expect(token).not.toContain(a.id.slice(8));
    expect(a.clientSecret).not.toContain(token);
    expect(hostedUrl(b).token).not.toBe(token);
    expect((await getSession(api, a.id)).url).toBe(a.url);
  });

  it('should trade the right token for the client secret, which then works', async () => {
    const s = await createSession(api);
    const { path, token } = hostedUrl(s);
    const r = await exchange(path, { token });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body).toEqual({ object: 'hosted_page', status: 'open', clientSecret: s.clientSecret });
    expect((await publicView(api, { id: s.id, clientSecret: r.body.clientSecret }, '', { Origin: api.url })).status).toBe(200);
  });

  it('should refuse a wrong or missing token, another session\'s token, and any other origin, saying nothing of the secret', async () => {
    const s = await createSession(api);
    const other = await createSession(api);
    const { path, token } = hostedUrl(s);
    // One character off (a random token may already end in 'A': then 'B').
    const offByOne = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const body of [{ token: 'x' }, { token: offByOne }, { token: hostedUrl(other).token }, { token: '' }]) {
      const r = await exchange(path, body);
      expect(r.status, JSON.stringify(body)).toBe(403);
      expect(r.body.error).toMatchObject({ type: 'authentication_error', code: 'invalid_hosted_page_token' });
      expect(r.text).not.toContain('_secret_');
    }
    expect((await exchange(path, {})).status).toBe(400);
    for (const origin of [ORIGIN, 'null', null]) {
      const r = await exchange(path, { token }, origin);
      expect(r.status).toBe(403);
      expect(r.text).not.toContain('_secret_');
    }
    expect((await exchange('/c/cs_test_nope', { token })).status).toBe(404);
  });

  it('should not hand out the secret once the checkout is complete or expired: the outcome instead', async () => {
    const paid = await createSession(api, { successUrl: `${ORIGIN}/thanks?order=7` });
    expect((await confirm(api, paid, CARDS.visa)).status).toBe(200);
    const done = await exchange(hostedUrl(paid).path, { token: hostedUrl(paid).token });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ object: 'hosted_page', status: 'complete', returnUrl: `${ORIGIN}/thanks?order=7&session_id=${paid.id}` });

    const expired = await createSession(api);
    expect((await api.request('POST', `/v1/checkout/sessions/${expired.id}/expire`, { body: {} })).status).toBe(200);
    const ended = await exchange(hostedUrl(expired).path, { token: hostedUrl(expired).token });
    expect(ended.body).toEqual({ object: 'hosted_page', status: 'expired', returnUrl: `${ORIGIN}/cart` });
    expect(ended.text + done.text).not.toContain('_secret_');
  });

  it("should redirect a payment link's visitor to the hosted page with its token", async () => {
    const link = await api.request('POST', '/v1/payment_links', {
      body: { lineItems: [{ name: 'Poster', unitAmount: 1500, quantity: 1 }], currency: 'usd', successUrl: `${ORIGIN}/thanks` },
    });
    const r = await api.request('GET', `/p/${link.body.id}`, { secret: null });
    expect(r.status).toBe(303);
    const { path, token } = hostedUrl({ url: r.headers.get('location') });
    const granted = await exchange(path, { token });
    expect(granted.body.status).toBe('open');
    expect(granted.body.clientSecret).toMatch(/_secret_/);
  });

  it("should serve the page's script, which reads the token from the fragment and builds the DOM without HTML", async () => {
    const r = await api.request('GET', '/sandbox/assets/hosted.js', { secret: null });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(r.text).toContain('location.hash');
    expect(r.text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it('should answer 404 for an unknown session', async () => {
    const r = await api.request('GET', '/c/cs_test_nope', { secret: null });
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('<xpay-checkout');
  });

  it('should serve the widget bundle from its own origin', async () => {
    const r = await api.request('GET', '/sandbox/assets/xpay.js', { secret: null });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(r.text).toBe(WIDGET);
  });

  it('should say how to build the widget when the bundle is missing', async () => {
    const other = await startTestSandbox({}, { widgetFile: join(built.dir, 'missing.js') });
    try {
      const r = await other.request('GET', '/sandbox/assets/xpay.js', { secret: null });
      expect(r.status).toBe(503);
      expect(r.text).toContain('npm run build');
    } finally {
      await other.close();
      other.cleanup();
    }
  });
});

describe("the sandbox's own origin (the hosted page) on a session limited to the shop", () => {
  it('should answer the public view, the card frame and a 3-D Secure confirm returning to its own origin', async () => {
    const s = await createSession(api, { allowedOrigins: [ORIGIN] });
    const own = await publicView(api, s, '', { Origin: api.url });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(api.url);
    expect((await publicView(api, s, '', { Origin: 'https://other.example' })).status).toBe(403);

    const frame = await api.request('GET', `/frames/card/v1/?origin=${encodeURIComponent(api.url)}`, { secret: null });
    expect((await publicView(api, s, '', { 'XPay-Embedding-Origin': api.url })).status).toBe(200);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toContain(`frame-ancestors ${api.url} 'self'`);

    const r = await confirm(api, s, CARDS.challenge, { extra: { returnOrigin: api.url } });
    expect(r.status).toBe(200);
    expect(r.body.paymentIntent.status).toBe('requires_action');
    const acs = await api.request('GET', new URL(r.body.paymentIntent.nextAction.url).pathname, { secret: null });
    expect(acs.headers.get('content-security-policy')).toContain(`frame-ancestors ${ORIGIN} 'self'`);
  });

  it('should still refuse a returnOrigin that is neither allowed nor its own', async () => {
    const s = await createSession(api, { allowedOrigins: [ORIGIN] });
    const r = await confirm(api, s, CARDS.visa, { extra: { returnOrigin: 'https://other.example' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('origin_not_allowed');
  });
});
