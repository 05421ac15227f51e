import { describe, expect, it } from 'vitest';
import { postConfirm, type PostConfirmOptions } from '../../../src/api/confirm.js';
import { ApiError, isConfirmOutcomeUnknown, isOutcomeUnknown, NetworkError, toXpayError } from '../../../src/api/errors.js';
import { newIdempotencyKey } from '../../../src/api/paths.js';
import { toConfirmOutcome } from '../../../src/frame/confirm-outcome.js';
import { parseFrameMessage } from '../../../src/frame/protocol.js';
import { cardConfirm, useSandboxEnv } from './sandbox-env.js';

// The one confirm implementation (the card frame's), against the real sandbox behind the fault proxy.

const ctx = useSandboxEnv();
const confirmPath = () => `/v1/checkout/sessions/${ctx.session.id}/confirm`;
const options = (extra: Partial<PostConfirmOptions> = {}): PostConfirmOptions => ({
  apiBase: ctx.env.proxy.url,
  sessionId: ctx.session.id,
  clientSecret: ctx.session.clientSecret,
  idempotencyKey: newIdempotencyKey(),
  backoffBaseMs: 20,
  ...extra,
});
/** Charges the sandbox recorded for this session's intent (secret-key API, not via the proxy). */
const charges = async (): Promise<unknown[]> =>
  (await ctx.env.secret('GET', `/v1/checkout/sessions/${ctx.session.id}`)).paymentIntent?.charges ?? [];
const confirms = () => ctx.env.proxy.requests.filter((r) => r.path === confirmPath());
const confirmKeys = () => confirms().map((r) => r.headers['idempotency-key']);
/** What the frame posts for this confirm, as the host's own parser reads it (null = dropped). */
const asHostSees = async (confirming: Promise<unknown>) =>
  parseFrameMessage({ v: 1, type: 'result', idempotencyKey: 'xpay_test_key', ...(await toConfirmOutcome(confirming as never)) });

describe('postConfirm', () => {
  it('should confirm 4242 and answer the succeeded session, which the host accepts', async () => {
    const view = await postConfirm(cardConfirm('4242424242424242'), options());
    expect(view.status).toBe('complete');
    expect(view.paymentIntent).toMatchObject({ status: 'succeeded', card: { brand: 'visa', last4: '4242' } });
    expect(await asHostSees(Promise.resolve(view))).toMatchObject({ ok: true, session: { id: ctx.session.id } });
  });

  it('should send the secret and key as headers, never in the URL', async () => {
    const opts = options();
    await postConfirm(cardConfirm('4242424242424242'), opts);
    const [request] = confirms();
    expect(request?.headers['xpay-client-secret']).toBe(ctx.session.clientSecret);
    expect(request?.headers['idempotency-key']).toBe(opts.idempotencyKey);
    expect(request?.headers['content-type']).toContain('application/json');
    expect(request?.url).not.toContain('secret');
  });

  it('should reject 9995 with a card_error ApiError that carries the intent, and not retry it', async () => {
    const confirming = postConfirm(cardConfirm('4000000000009995'), options());
    const error = await confirming.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 402, type: 'card_error', code: 'card_declined', declineCode: 'insufficient_funds' });
    expect((error as ApiError).requestId).toMatch(/^req_/);
    expect(isOutcomeUnknown(error)).toBe(false);
    // The frame passes the intent on; the host validates it.
    expect(await asHostSees(confirming)).toMatchObject({
      ok: false,
      error: { type: 'card_error', declineCode: 'insufficient_funds' },
      paymentIntent: { status: 'requires_payment_method' },
    });
    // A decline is an answer, not a transport failure.
    expect(confirmKeys()).toHaveLength(1);
  });

  it('should retry a lost reply with the same Idempotency-Key and charge once', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'dropReply' });
    const view = await postConfirm(cardConfirm('4242424242424242'), options());
    expect(view.paymentIntent?.status).toBe('succeeded');
    const keys = confirmKeys();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await charges()).toHaveLength(1);
  });

  it('should retry after a 409 (same key in flight) and a 500, still with one key and one charge', async () => {
    ctx.env.proxy.inject(
      { path: confirmPath() },
      { type: 'respond', status: 409, body: { error: { type: 'idempotency_error', code: 'idempotency_key_in_use', message: 'in flight', requestId: 'req_1' } } },
      { type: 'respond', status: 500 },
    );
    const view = await postConfirm(cardConfirm('4242424242424242'), options());
    expect(view.paymentIntent?.status).toBe('succeeded');
    expect(new Set(confirmKeys()).size).toBe(1);
    expect(confirmKeys()).toHaveLength(3);
    expect(await charges()).toHaveLength(1);
  });

  it('should ride out a 503 (the API restarting) and then succeed with the same key, charging once', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'respond', status: 503, headers: { 'Retry-After': '1' } });
    const view = await postConfirm(cardConfirm('4242424242424242'), options({ backoffBaseMs: 3_600_000 }));
    expect(view.paymentIntent?.status).toBe('succeeded');
    expect(confirmKeys()).toHaveLength(2);
    expect(new Set(confirmKeys()).size).toBe(1);
    expect(await charges()).toHaveLength(1);
  });

  it('should wait out a 429 Retry-After and retry with the same key, charging once', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'respond', status: 429, headers: { 'Retry-After': '1' } });
    // With an hour of backoff, only the Retry-After can decide the wait within the test's time.
    const view = await postConfirm(cardConfirm('4242424242424242'), options({ backoffBaseMs: 3_600_000 }));
    expect(view.paymentIntent?.status).toBe('succeeded');
    expect(confirmKeys()).toHaveLength(2);
    expect(new Set(confirmKeys()).size).toBe(1);
    expect(await charges()).toHaveLength(1);
  });

  it('should report a rate limit that persists as rate_limited: a refusal, with nothing charged', async () => {
    const limited = {
      type: 'respond',
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { error: { type: 'rate_limit_error', code: 'rate_limit', message: 'Slow down.', requestId: 'req_rl' } },
    } as const;
    ctx.env.proxy.inject({ path: confirmPath() }, limited, limited, limited, limited, limited);
    const confirming = postConfirm(cardConfirm('4242424242424242'), options({ maxRetryAfterSeconds: 2 }));
    const error = await confirming.catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, type: 'api_error', code: 'rate_limited', requestId: 'req_rl' });
    expect(isOutcomeUnknown(error)).toBe(false);
    // Within its 2 s of Retry-After waits: the first attempt and two retries.
    expect(confirmKeys()).toHaveLength(3);
    const seen = await asHostSees(confirming);
    expect(seen).toMatchObject({ ok: false, error: { type: 'api_error', code: 'rate_limited' } });
    if (seen?.type !== 'result' || seen.ok) throw new Error('expected a failed result');
    expect(isConfirmOutcomeUnknown(seen.error)).toBe(false);
    expect(await charges()).toHaveLength(0);
  });

  it("should take the sandbox's own 429 (too many failed attempts) as a refusal at once, without retrying", async () => {
    // XPAY_SANDBOX_MAX_FAILED_CONFIRMS: 10 by default.
    for (let i = 0; i < 10; i++) {
      await expect(postConfirm(cardConfirm('4000000000000002'), options())).rejects.toMatchObject({ code: 'card_declined' });
    }
    const before = confirms().length;
    const error = await postConfirm(cardConfirm('4242424242424242'), options()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, type: 'api_error', code: 'too_many_attempts' });
    expect(isOutcomeUnknown(error)).toBe(false);
    expect(confirms().length - before).toBe(1);
  });

  it('should make a request that arrives late after a timeout harmless', async () => {
    // The first attempt reaches the API only after the client gave up on it and retried.
    // A generous timeout, so only the injected delay (not a busy machine) can trip it.
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'delay', ms: 6000 });
    const view = await postConfirm(cardConfirm('4242424242424242'), options({ timeoutMs: 2000 }));
    expect(view.paymentIntent?.status).toBe('succeeded');
    // Let the late original land (the proxy has its API answer), then check it was replayed, not charged.
    while (confirms().length < 2 || confirms().some((r) => r.status === undefined)) await new Promise((r) => setTimeout(r, 20));
    expect(confirms()[0]!.fault).toBe('delay');
    expect(new Set(confirmKeys()).size).toBe(1);
    expect(await charges()).toHaveLength(1);
  });

  it('should end with an outcome-unknown NetworkError when every reply is lost, though the payment happened', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'dropReply' }, { type: 'dropReply' });
    const p = postConfirm(cardConfirm('4242424242424242'), options({ retries: 1 }));
    await expect(p).rejects.toBeInstanceOf(NetworkError);
    expect(isOutcomeUnknown(await p.catch((e: unknown) => e))).toBe(true);
    expect(await asHostSees(p)).toMatchObject({ ok: false, error: { type: 'network_error', code: 'network_error' } });
    // Exactly why the widget re-reads instead of reporting a failure:
    const full = await ctx.env.secret('GET', `/v1/checkout/sessions/${ctx.session.id}`);
    expect(full.paymentIntent.status).toBe('succeeded');
    expect(full.paymentIntent.charges).toHaveLength(1);
  });

  it('should call an unreadable reply invalid_response, an outcome to re-read', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'replaceBody', body: '<html>oops</html>' });
    const error = await postConfirm(cardConfirm('4242424242424242'), options()).catch((e: unknown) => e);
    expect(toXpayError(error)).toMatchObject({ type: 'api_error', code: 'invalid_response' });
    expect(isOutcomeUnknown(error)).toBe(true);
  });

  it('should call a reply over the size limit invalid_response, not hang reading it', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'hugeBody' });
    const error = await postConfirm(cardConfirm('4242424242424242'), options({ retries: 0, timeoutMs: 20_000 })).catch((e: unknown) => e);
    expect(toXpayError(error)).toMatchObject({ type: 'api_error', code: 'invalid_response' });
    expect(isOutcomeUnknown(error)).toBe(true);
  });

  it('should report a wrong client secret as an integration_error', async () => {
    const error = await postConfirm(cardConfirm('4242424242424242'), options({ clientSecret: `${ctx.session.id}_secret_wrong` })).catch(
      (e: unknown) => e,
    );
    expect(toXpayError(error)).toMatchObject({ type: 'integration_error', code: 'invalid_client_secret' });
    expect(isOutcomeUnknown(error)).toBe(false);
  });

  it('should call a second confirm after success an outcome to re-read, and charge once', async () => {
    await postConfirm(cardConfirm('4242424242424242'), options());
    const error = await postConfirm(cardConfirm('4242424242424242'), options()).catch((e: unknown) => e);
    expect(toXpayError(error)).toMatchObject({ type: 'api_error', code: 'payment_intent_unexpected_state' });
    expect(isOutcomeUnknown(error)).toBe(true);
    expect(await charges()).toHaveLength(1);
  });

  it('should report a missing billing address as a validation error the customer can fix', async () => {
    const body = cardConfirm('4242424242424242');
    delete (body.paymentMethod.billingDetails as { address?: unknown }).address;
    const error = await postConfirm(body, options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect(toXpayError(error).type).toBe('validation_error');
    expect(isOutcomeUnknown(error)).toBe(false);
    expect(await charges()).toHaveLength(0);
  });
});
