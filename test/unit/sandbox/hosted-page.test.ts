import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARDS, confirm, createSession, ORIGIN, publicView, startTestSandbox, tempDir, type Api } from './helpers.js';

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

describe('hosted checkout page /c/:sessionId', () => {
  it('should embed the widget with the session secret in an escaped attribute, never in a URL, under a strict CSP', async () => {
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

    expect(r.text).toContain(`<xpay-checkout client-secret="${s.clientSecret}" api-base="${api.url}" redirect="on_success">`);
    expect(r.text).toContain('<script src="/sandbox/assets/xpay.js" defer></script>');
    // No inline script anywhere, and the secret only once, in the attribute.
    expect(r.text.match(/<script\b[^>]*>/g)).toEqual(['<script src="/sandbox/assets/xpay.js" defer>']);
    expect(r.text.split(s.clientSecret)).toHaveLength(2);
    expect(r.text).not.toMatch(new RegExp(`(href|src)="[^"]*${s.clientSecret}`));
    // The back link goes to cancelUrl, escaped; the merchant name is escaped too.
    expect(r.text).toContain(`href="${ORIGIN}/cart?a=1&#38;b=&#34;2&#34;"`);
    expect(r.text).toContain('Test &#60;Shop&#62; &#38; &#34;Co&#34;');
    expect(r.text).not.toContain('<Shop>');
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

    const frame = await api.request('GET', `/frames/card/v1/?session=${s.id}&origin=${encodeURIComponent(api.url)}`, { secret: null });
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
