import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { postConfirm } from '../../../src/api/confirm.js';
import { ApiError, isOutcomeUnknown } from '../../../src/api/errors.js';
import type { ConfirmRequest } from '../../../src/api/schemas.js';
import { clientKey, retryAfterSeconds } from '../../../sandbox/velocity.js';
import { advanceClock, CARDS, confirm, confirmBody, createSession, getSession, ORIGIN, startTestSandbox, tempDir, type Api } from './helpers.js';

/** Card testing: failed attempts are limited across sessions (sandbox/velocity.ts). */

const DECLINING = [CARDS.generic, CARDS.funds, CARDS.expired, CARDS.cvc] as const;

async function withSandbox(env: Record<string, string>, run: (api: Api) => Promise<void>, dir?: string): Promise<void> {
  const api = await startTestSandbox(env, {}, dir);
  try {
    await run(api);
  } finally {
    await api.close();
    api.cleanup();
  }
}

async function createLink(api: Api) {
  const r = await api.request('POST', '/v1/payment_links', {
    body: { lineItems: [{ name: 'Poster', unitAmount: 1500, quantity: 1 }], currency: 'usd', successUrl: `${ORIGIN}/thanks` },
  });
  expect(r.status, r.text).toBe(200);
  return r.body as { id: string };
}

/** One anonymous visit of `/p/plink_…`: the session it opened (read with the secret key for its client secret). */
async function visit(api: Api, link: { id: string }): Promise<{ id: string; clientSecret: string }> {
  const r = await api.request('GET', `/p/${link.id}`, { secret: null });
  expect(r.status).toBe(303);
  const id = /\/c\/(cs_test_\w+)/.exec(r.headers.get('location')!)![1]!;
  const s = await getSession(api, id);
  return { id, clientSecret: s.clientSecret };
}

/** A link's session is paid on the sandbox's own hosted page: its return origin is the sandbox. */
const fromHostedPage = (api: Api) => ({ extra: { returnOrigin: api.url } });

/** Confirm from another loopback address (127.0.0.2): a different client of the same sandbox. */
function confirmFrom(localAddress: string, api: Api, session: { id: string; clientSecret: string }, number: string): Promise<number> {
  const body = JSON.stringify(confirmBody(number));
  const url = new URL(`/v1/checkout/sessions/${session.id}/confirm`, api.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'XPay-Client-Secret': session.clientSecret },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('retryAfterSeconds (pure)', () => {
  const W = 600_000;
  it('should allow while fewer than `limit` failures are in the window', () => {
    expect(retryAfterSeconds([], 3, W, 1_000_000)).toBeNull();
    expect(retryAfterSeconds([900_000, 950_000], 3, W, 1_000_000)).toBeNull();
    // One of three has left the window (exactly at its edge counts as gone).
    expect(retryAfterSeconds([400_000, 900_000, 950_000], 3, W, 1_000_000)).toBeNull();
  });

  it('should wait until the oldest failure that keeps the count at the limit leaves the window', () => {
    expect(retryAfterSeconds([500_000, 600_000, 700_000], 3, W, 1_000_000)).toBe(100);
    // Five in the window, limit 3: three must leave (down to 2), so the third oldest decides.
    expect(retryAfterSeconds([700_000, 500_000, 600_000, 800_000, 900_000], 3, W, 1_000_000)).toBe(300);
    // Rounded up, never 0.
    expect(retryAfterSeconds([400_001], 1, W, 1_000_000)).toBe(1);
    expect(retryAfterSeconds([999_999], 1, W, 1_000_000)).toBe(600);
  });
});

describe('clientKey (pure)', () => {
  it('should count IPv4 (also IPv4-mapped) by address and IPv6 by its /64', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});

describe('velocity limits on confirm', () => {
  it('should refuse the 5-visits card-testing run through one payment link, and not another link', async () => {
    await withSandbox({ XPAY_SANDBOX_VELOCITY_PER_LINK: '12' }, async (api) => {
      const link = await createLink(api);
      const statuses: number[] = [];
      // The audit's run: 5 visits, 10 attempts each (the per-session limit), all declines.
      for (let v = 0; v < 5; v++) {
        const s = await visit(api, link);
        for (let i = 0; i < 10; i++) statuses.push((await confirm(api, s, DECLINING[i % DECLINING.length]!, fromHostedPage(api))).status);
      }
      expect(statuses.filter((st) => st === 402)).toHaveLength(12);
      expect(statuses.slice(12).every((st) => st === 429)).toBe(true);

      const refused = await confirm(api, await visit(api, link), CARDS.visa, fromHostedPage(api));
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ type: 'rate_limit_error', code: 'too_many_attempts' });
      expect(refused.body.error.message).toContain('payment link');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

      // Another link is not refused (the client and card limits are out of reach here).
      const other = await createLink(api);
      expect((await confirm(api, await visit(api, other), CARDS.generic, fromHostedPage(api))).status).toBe(402);
    });
  });

  it('should limit a client address across sessions, and not another address', async () => {
    await withSandbox({ XPAY_SANDBOX_VELOCITY_PER_CLIENT: '4' }, async (api) => {
      const first = await createSession(api);
      for (const card of DECLINING.slice(0, 3)) expect((await confirm(api, first, card)).status).toBe(402);
      // A new session does not reset the count.
      const second = await createSession(api);
      expect((await confirm(api, second, CARDS.generic)).status).toBe(402);
      const refused = await confirm(api, second, CARDS.funds);
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toContain('client address');
      // Another address is not refused; this one still is.
      const third = await createSession(api);
      expect(await confirmFrom('127.0.0.2', api, third, CARDS.generic)).toBe(402);
      expect(await confirmFrom('127.0.0.1', api, third, CARDS.generic)).toBe(429);
    });
  });

  it('should hold confirms fired in parallel on many sessions to the limit (in-flight attempts count)', async () => {
    await withSandbox({ XPAY_SANDBOX_VELOCITY_PER_CLIENT: '3', XPAY_SANDBOX_ISSUER_LATENCY_MS: '300' }, async (api) => {
      const sessions = await Promise.all(Array.from({ length: 8 }, () => createSession(api)));
      const statuses = await Promise.all(sessions.map((s) => confirm(api, s, CARDS.generic).then((r) => r.status)));
      expect(statuses.filter((st) => st === 402)).toHaveLength(3);
      expect(statuses.filter((st) => st === 429)).toHaveLength(5);
    });
  });

  it("should not count an attempt refused before the issuer, nor a success", async () => {
    await withSandbox({ XPAY_SANDBOX_VELOCITY_PER_CLIENT: '1' }, async (api) => {
      const s = await createSession(api);
      // Refused by the session's own rules (no billing address): never reached the issuer.
      const refused = await confirm(api, s, CARDS.generic, { extra: { paymentMethod: { type: 'card', card: { number: CARDS.generic, expMonth: 12, expYear: 2034, cvc: '123' }, billingDetails: { name: 'Jo' } } } });
      expect(refused.status).toBe(400);
      expect((await confirm(api, await createSession(api), CARDS.visa)).status).toBe(200);
      expect((await confirm(api, s, CARDS.generic)).status).toBe(402);
      expect((await confirm(api, s, CARDS.generic)).status).toBe(429);
    });
  });

  it("should limit a card's fingerprint across sessions and addresses, and not another card", async () => {
    await withSandbox({ XPAY_SANDBOX_VELOCITY_PER_CARD: '3' }, async (api) => {
      for (let i = 0; i < 3; i++) {
        const s = await createSession(api);
        expect(await confirmFrom(i % 2 ? '127.0.0.2' : '127.0.0.3', api, s, CARDS.cvc)).toBe(402);
      }
      const s = await createSession(api);
      const refused = await confirm(api, s, CARDS.cvc);
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toContain('this card');
      // The same session, another card: answered by the issuer, and it pays.
      expect((await confirm(api, s, CARDS.visa)).status).toBe(200);
    });
  });

  it('should say in Retry-After when the window frees a slot, and slide (sandbox clock), the same key retrying', async () => {
    await withSandbox({ XPAY_SANDBOX_VELOCITY_PER_CLIENT: '3', XPAY_SANDBOX_VELOCITY_WINDOW_S: '600' }, async (api) => {
      const s = await createSession(api);
      expect((await confirm(api, s, CARDS.generic)).status).toBe(402); // t0
      await advanceClock(api, 100);
      expect((await confirm(api, s, CARDS.funds)).status).toBe(402); // t0 + 100
      await advanceClock(api, 100);
      expect((await confirm(api, s, CARDS.expired)).status).toBe(402); // t0 + 200

      const refused = await confirm(api, s, CARDS.cvc, { key: 'retry-me' });
      expect(refused.status).toBe(429);
      // The first failure leaves the window at t0 + 600: 400 s from now (less the real time this
      // test took, which the sandbox clock also counts).
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeLessThanOrEqual(400);
      expect(wait).toBeGreaterThan(380);

      await advanceClock(api, wait - 5);
      expect((await confirm(api, s, CARDS.cvc, { key: 'retry-me' })).status).toBe(429);
      await advanceClock(api, 5);
      // Not replayed: the same Idempotency-Key is answered by the issuer once a slot is free.
      const retried = await confirm(api, s, CARDS.cvc, { key: 'retry-me' });
      expect(retried.status).toBe(402);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();

      // Sliding, not a fixed window that resets: t0 + 100, t0 + 200 and now are still in it, so the
      // next slot frees when the t0 + 100 failure leaves, ~100 s on.
      const again = await confirm(api, s, CARDS.generic);
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(100);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(80);
    });
  });

  it('should count failures later in 3-D Secure and after processing, but not processing errors', async () => {
    await withSandbox({ XPAY_SANDBOX_VELOCITY_PER_CLIENT: '2' }, async (api) => {
      const s = await createSession(api);
      expect((await confirm(api, s, CARDS.processingError)).status).toBe(402);
      expect((await confirm(api, s, CARDS.processingError)).status).toBe(402); // not counted
      const challenged = await confirm(api, s, CARDS.challenge);
      expect(challenged.status).toBe(200);
      const acs = new URL(challenged.body.paymentIntent.nextAction.url).pathname;
      expect((await api.request('POST', `${acs}/fail`, { secret: null })).status).toBe(200);
      expect((await confirm(api, s, CARDS.generic)).status).toBe(402);
      expect((await confirm(api, s, CARDS.generic)).status).toBe(429);
    });
  });

  it('should keep counting after a restart (the attempts are in the database)', async () => {
    const tmp = tempDir();
    try {
      const env = { XPAY_SANDBOX_VELOCITY_PER_CARD: '2' };
      let session = { id: '', clientSecret: '' };
      await withSandbox(
        env,
        async (api) => {
          session = await createSession(api);
          expect((await confirm(api, session, CARDS.funds)).status).toBe(402);
          expect((await confirm(api, session, CARDS.funds)).status).toBe(402);
        },
        tmp.dir,
      );
      await withSandbox(env, async (api) => expect((await confirm(api, session, CARDS.funds)).status).toBe(429), tmp.dir);
    } finally {
      tmp.cleanup();
    }
  });

  it("should reach the card frame's confirm as the known too_many_attempts refusal, not an unknown outcome", async () => {
    await withSandbox({ XPAY_SANDBOX_VELOCITY_PER_CARD: '1' }, async (api) => {
      const s = await createSession(api);
      expect((await confirm(api, s, CARDS.generic)).status).toBe(402);
      const body = confirmBody(CARDS.generic) as ConfirmRequest;
      // Retry-After (~600 s) is beyond what the widget waits: refused at once, with the API's code.
      const refused = postConfirm(body, { apiBase: api.url, sessionId: s.id, clientSecret: s.clientSecret, idempotencyKey: 'frame-1', timeoutMs: 20_000 });
      await expect(refused).rejects.toBeInstanceOf(ApiError);
      const error = (await refused.catch((e: unknown) => e)) as ApiError;
      expect(error).toMatchObject({ status: 429, type: 'api_error', code: 'too_many_attempts' });
      expect(isOutcomeUnknown(error)).toBe(false);
    });
  });

  it("should let the widget's confirm wait out a short Retry-After and retry with the same key", async () => {
    await withSandbox({ XPAY_SANDBOX_VELOCITY_PER_CARD: '1', XPAY_SANDBOX_VELOCITY_WINDOW_S: '2' }, async (api) => {
      const s = await createSession(api);
      expect((await confirm(api, s, CARDS.generic)).status).toBe(402);
      const body = confirmBody(CARDS.generic) as ConfirmRequest;
      // 429 with Retry-After ≤ 2 s, waited out, then the same key reaches the issuer: a decline.
      const retried = postConfirm(body, { apiBase: api.url, sessionId: s.id, clientSecret: s.clientSecret, idempotencyKey: 'frame-2', timeoutMs: 20_000 });
      await expect(retried).rejects.toMatchObject({ status: 402, type: 'card_error', code: 'card_declined' });
    });
  });
});
