import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import { clientSchemas } from '../../../src/api/schemas.js';
import { postConfirm } from '../../../src/api/confirm.js';
import {
  ApiError,
  IntegrationError,
  isOutcomeUnknown,
  NetworkError,
  RequestAbortedError,
  ResponseValidationError,
  TimeoutError,
  toXpayError,
} from '../../../src/api/errors.js';
import { newIdempotencyKey } from '../../../src/api/paths.js';
import { MAX_RESPONSE_BYTES } from '../../../src/api/read-body.js';
import { cardConfirm, useSandboxEnv } from './sandbox-env.js';

const ctx = useSandboxEnv();
const publicPath = () => `/v1/checkout/sessions/${ctx.session.id}/public`;
/** The full lenient check (what the host applies on receipt), so these tests see schema failures here. */
const view = clientSchemas().PublicSession;
/** A client through the fault proxy; fast backoff so retries take milliseconds. */
const client = (extra: Partial<Parameters<typeof createApiClient>[0]> = {}) =>
  createApiClient({ apiBase: ctx.env.proxy.url, sessionId: ctx.session.id, clientSecret: ctx.session.clientSecret, backoffBaseMs: 20, view, ...extra });

describe('getPublicSession', () => {
  it('should read and parse the public view', async () => {
    const view = await client().getPublicSession();
    expect(view.id).toBe(ctx.session.id);
    expect(view.amountTotal).toBe(2500);
    expect(view.paymentIntent).toBeNull();
    expect(Number.isInteger(view.version)).toBe(true);
  });

  it('should send the client secret only in the XPay-Client-Secret header', async () => {
    await client().getPublicSession();
    const [req] = ctx.env.proxy.requests;
    expect(req!.headers['xpay-client-secret']).toBe(ctx.session.clientSecret);
    expect(req!.url).not.toContain('secret');
    expect(req!.url).toBe(publicPath());
  });

  it('should reject a wrong client secret as an integration error', async () => {
    const wrong = createApiClient({ apiBase: ctx.env.proxy.url, sessionId: ctx.session.id, clientSecret: `${ctx.session.id}_secret_wrong0000`, view });
    const p = wrong.getPublicSession();
    await expect(p).rejects.toBeInstanceOf(ApiError);
    await expect(p).rejects.toMatchObject({ status: 401, code: 'invalid_client_secret', type: 'integration_error' });
    // The API's message is what the widget reports: it names the setting to fix.
    await expect(p).rejects.toThrow(/clientSecret exactly as it was created/);
  });

  it('should reject an unknown session with session_not_found and a message that names api-base', async () => {
    const ghost = createApiClient({ apiBase: ctx.env.proxy.url, sessionId: 'cs_test_doesnotexist', clientSecret: 'cs_test_doesnotexist_secret_abc123', view });
    const error = await ghost.getPublicSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    const x = toXpayError(error);
    expect(x).toMatchObject({ type: 'integration_error', code: 'session_not_found' });
    // The API's own words: which API was asked, and the widget setting to check.
    expect(x.message).toMatch(/ at http:\/\/127\.0\.0\.1:\d+: /);
    expect(x.message).toContain('api-base');
    expect(x.requestId).toMatch(/^req_/);
  });

  it('should report origin_not_allowed with the origin and the allowed origins', async () => {
    ctx.session = await ctx.env.createSession({ allowedOrigins: ['http://localhost:3000'] });
    // A page on another origin: browsers send Origin on this CORS request.
    const fromEvil: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: 'http://evil.test' } });
    const error = await client({ fetch: fromEvil }).getPublicSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    const x = toXpayError(error);
    expect(x.type).toBe('integration_error');
    expect(x.message).toContain('http://evil.test');
    expect(x.message).toContain('http://localhost:3000');
  });
});

describe('retries', () => {
  it('should retry a GET after 500s and a dropped connection, then succeed', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'respond', status: 500 }, { type: 'drop' });
    const view = await client().getPublicSession();
    expect(view.id).toBe(ctx.session.id);
    expect(ctx.env.proxy.requests.map((r) => r.fault)).toEqual(['respond', 'drop', 'forward']);
  });

  it('should give up after the configured retries with the last error', async () => {
    const err500 = { type: 'respond', status: 500, body: { error: { type: 'api_error', code: 'internal_error', message: 'boom', requestId: 'req_x' } } } as const;
    ctx.env.proxy.inject({ path: publicPath() }, err500, err500, err500);
    const p = client({ retries: 2 }).getPublicSession();
    await expect(p).rejects.toBeInstanceOf(ApiError);
    await expect(p).rejects.toMatchObject({ status: 500, code: 'internal_error', requestId: 'req_x' });
    expect(ctx.env.proxy.requests).toHaveLength(3);
  });

  it('should report a connection that keeps dropping as a NetworkError', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'drop' }, { type: 'drop' });
    const p = client({ retries: 1 }).getPublicSession();
    await expect(p).rejects.toBeInstanceOf(NetworkError);
    expect(isOutcomeUnknown(await p.catch((e: unknown) => e))).toBe(true);
  });

  it('should wait for a 429 Retry-After rather than its own backoff', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'respond', status: 429, headers: { 'Retry-After': '1' } });
    // With a one-hour backoff the test could only finish in time if Retry-After decided the wait.
    const view = await client({ backoffBaseMs: 3_600_000 }).getPublicSession();
    expect(view.id).toBe(ctx.session.id);
    expect(ctx.env.proxy.requests).toHaveLength(2);
  });

  it('should fail at once when Retry-After is longer than it is willing to wait', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'respond', status: 429, headers: { 'Retry-After': '120' } });
    const p = client({ maxRetryAfterSeconds: 30 }).getPublicSession();
    await expect(p).rejects.toBeInstanceOf(ApiError);
    await expect(p).rejects.toMatchObject({ status: 429, retryAfterSeconds: 120 });
    expect(ctx.env.proxy.requests).toHaveLength(1);
  });

  it('should bound the Retry-After waits of one call in total, then report the rate limit', async () => {
    const limited = { type: 'respond', status: 429, headers: { 'Retry-After': '1' } } as const;
    ctx.env.proxy.inject({ path: publicPath() }, limited, limited, limited, limited);
    // Each wait is short, but three would pass the 2 s the call may spend waiting in all.
    const p = client({ retries: 3, maxRetryAfterSeconds: 2 }).getPublicSession();
    await expect(p).rejects.toMatchObject({ status: 429, code: 'rate_limited', type: 'api_error' });
    expect(ctx.env.proxy.requests).toHaveLength(3);
  });

  it('should not retry a 429 that does not say when to come back', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'respond', status: 429, body: '' });
    await expect(client().getPublicSession()).rejects.toMatchObject({ status: 429, code: 'rate_limited' });
    expect(ctx.env.proxy.requests).toHaveLength(1);
  });

  it('should not retry a 4xx that will not change', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'respond', status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'no', requestId: 'req_y' } } });
    await expect(client().getPublicSession()).rejects.toBeInstanceOf(ApiError);
    expect(ctx.env.proxy.requests).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('should time out a slow reply with a TimeoutError', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'delay', ms: 1500 });
    const p = client({ timeoutMs: 200, retries: 0 }).getPublicSession();
    await expect(p).rejects.toBeInstanceOf(TimeoutError);
  });

  it('should retry after a timeout and succeed when the next reply is quick', async () => {
    // A generous timeout, so only the injected delay (not a busy machine) can trip it.
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'delay', ms: 6000 });
    const view = await client({ timeoutMs: 2000, retries: 1 }).getPublicSession();
    expect(view.id).toBe(ctx.session.id);
  });

  it('should honour the caller AbortSignal during a request', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'delay', ms: 1500 });
    const controller = new AbortController();
    const p = client().getPublicSession({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(p).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it('should honour the caller AbortSignal during a backoff wait', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'respond', status: 503 });
    const controller = new AbortController();
    const p = client({ backoffBaseMs: 3_600_000 }).getPublicSession({ signal: controller.signal });
    // Abort once the first attempt has been answered and the (hour-long) backoff has started.
    const waitForFirst = async () => {
      while (ctx.env.proxy.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    };
    await waitForFirst();
    setTimeout(() => controller.abort(), 50);
    await expect(p).rejects.toBeInstanceOf(RequestAbortedError);
    expect(ctx.env.proxy.requests).toHaveLength(1);
  });
});

describe('unreadable replies', () => {
  it('should turn malformed JSON into a ResponseValidationError, not a crash', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'replaceBody', body: '{"id": "cs_' });
    const p = client().getPublicSession();
    await expect(p).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(p).rejects.toMatchObject({ code: 'invalid_response' });
    expect(ctx.env.proxy.requests).toHaveLength(1);
  });

  it('should turn schema-violating JSON into a ResponseValidationError with the issue path', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'rewriteJson', rewrite: (j) => ({ ...j, version: 'three' }) });
    const error = await client().getPublicSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.some((i) => i.path.includes('version'))).toBe(true);
    expect(toXpayError(error).type).toBe('api_error');
  });

  it('should read a newer API leniently: unknown fields dropped, unknown enum values as unknown', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'rewriteJson', rewrite: (j) => ({ ...j, status: 'archived', surprise: { a: 1 } }) });
    const view = await client().getPublicSession();
    expect(view.status).toBe('unknown');
    expect(view).not.toHaveProperty('surprise');
  });

  it('should map an error reply with an unreadable body to ApiError with the HTTP status', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'respond', status: 502, body: '<html>bad gateway</html>' });
    const p = client({ retries: 0 }).getPublicSession();
    await expect(p).rejects.toBeInstanceOf(ApiError);
    await expect(p).rejects.toMatchObject({ status: 502, code: 'http_502', type: 'api_error' });
  });
});

describe('body size limit', () => {
  // A generous per-attempt timeout: a client that kept reading would end in a TimeoutError instead.
  const patient = () => client({ retries: 0, timeoutMs: 20_000 });

  it('should stop reading a reply that never ends, and say it was too large', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'hugeBody' });
    const error = await patient().getPublicSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toMatchObject({ code: 'too_big' });
    expect(error).toMatchObject({ code: 'invalid_response', type: 'api_error', status: 200 });
    // The client hung up: the proxy stopped long before its 64 MiB.
    await expect.poll(() => ctx.env.proxy.requests[0]?.bytesSent, { timeout: 20_000 }).toBeDefined();
    expect(ctx.env.proxy.requests[0]!.bytesSent).toBeLessThan(16 * MAX_RESPONSE_BYTES);
  });

  it('should refuse a Content-Length over the limit', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'hugeBody', bytes: MAX_RESPONSE_BYTES + 1, announce: true });
    const error = await patient().getPublicSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toMatchObject({ code: 'too_big' });
  });

  it('should turn an oversized error reply into an ApiError with its status', async () => {
    ctx.env.proxy.inject({ path: publicPath() }, { type: 'hugeBody', status: 503 });
    await expect(patient().getPublicSession()).rejects.toMatchObject({ status: 503, code: 'http_503', type: 'api_error' });
    await expect.poll(() => ctx.env.proxy.requests[0]?.bytesSent, { timeout: 20_000 }).toBeDefined();
    expect(ctx.env.proxy.requests[0]!.bytesSent).toBeLessThan(16 * MAX_RESPONSE_BYTES);
  });

  it('should read the largest view the API can produce (a ~64 KB create) in full', async () => {
    const imageUrl = `https://shop.example/img/${'a'.repeat(500)}.png`;
    const lineItems = Array.from({ length: 100 }, (_, i) => ({ name: `Item ${i}`, unitAmount: 100, quantity: 1, imageUrl }));
    ctx.session = await ctx.env.createSession({ lineItems });
    const view = await patient().getPublicSession();
    expect(view.lineItems).toHaveLength(100);
    expect(JSON.stringify(view).length).toBeGreaterThan(60_000);
  });
});

describe('waitForChange (long-poll)', () => {
  it('should answer as soon as the session changes', async () => {
    const c = client();
    const before = await c.getPublicSession();
    const waiting = c.waitForChange(before.version, { waitSeconds: 10 });
    // Wait until the long-poll is at the server, then change the amount through the secret-key API.
    while (ctx.env.proxy.requests.length < 2) await new Promise((r) => setTimeout(r, 10));
    await ctx.env.secret('POST', `/v1/checkout/sessions/${ctx.session.id}`, { lineItems: [{ name: 'Mug', unitAmount: 900, quantity: 1 }] });
    const after = await waiting;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.amountTotal).toBe(900);
    expect(ctx.env.proxy.requests[1]!.url).toBe(`${publicPath()}?wait=10&since=${before.version}`);
  });

  it('should answer with the unchanged view when the window ends', async () => {
    const c = client();
    const before = await c.getPublicSession();
    const after = await c.waitForChange(before.version, { waitSeconds: 1 });
    expect(after.version).toBe(before.version);
  });

  it('should answer at once when the session already moved past `since`', async () => {
    const c = client();
    const before = await c.getPublicSession();
    await ctx.env.secret('POST', `/v1/checkout/sessions/${ctx.session.id}/expire`, {});
    const after = await c.waitForChange(before.version, { waitSeconds: 20 });
    expect(after.status).toBe('expired');
  });

  it('should follow a processing payment to its outcome', async () => {
    const c = client();
    const confirmed = await postConfirm(cardConfirm('4000000000007718'), {
      apiBase: ctx.env.proxy.url,
      sessionId: ctx.session.id,
      clientSecret: ctx.session.clientSecret,
      idempotencyKey: newIdempotencyKey(),
    });
    expect(confirmed.paymentIntent?.status).toBe('processing');
    let view = confirmed;
    while (view.paymentIntent?.status === 'processing') view = await c.waitForChange(view.version, { waitSeconds: 10 });
    expect(view.paymentIntent?.status).toBe('succeeded');
  });
});

describe('abandonAction', () => {
  it('should return a challenged intent to requires_payment_method with authentication_abandoned', async () => {
    const challenged = await postConfirm(cardConfirm('4000002760003184'), {
      apiBase: ctx.env.proxy.url,
      sessionId: ctx.session.id,
      clientSecret: ctx.session.clientSecret,
      idempotencyKey: newIdempotencyKey(),
    });
    expect(challenged.paymentIntent?.status).toBe('requires_action');
    expect(challenged.paymentIntent?.nextAction?.type).toBe('three_ds_challenge');
    // The first reply is lost: the retry (same key) must replay, not fail on the new state.
    ctx.env.proxy.inject({ path: `/v1/checkout/sessions/${ctx.session.id}/abandon_action` }, { type: 'dropReply' });
    const view = await client().abandonAction();
    expect(view.paymentIntent?.status).toBe('requires_payment_method');
    expect(view.paymentIntent?.lastPaymentError?.code).toBe('authentication_abandoned');
    const keys = ctx.env.proxy.requests.filter((r) => r.path.endsWith('/abandon_action')).map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it('should say the state moved on when there is no challenge to abandon', async () => {
    const p = client().abandonAction();
    await expect(p).rejects.toBeInstanceOf(ApiError);
    await expect(p).rejects.toMatchObject({ status: 400, code: 'payment_intent_unexpected_state' });
    expect(isOutcomeUnknown(await p.catch((e: unknown) => e))).toBe(true);
  });
});
