import { describe, expect, it } from 'vitest';
import { postConfirm, type PostConfirmOptions } from '../../../src/api/confirm.js';
import { ApiError, isOutcomeUnknown, NetworkError, toXpayError } from '../../../src/api/errors.js';
import { newIdempotencyKey } from '../../../src/api/paths.js';
import { cardConfirm, useSandboxEnv } from './sandbox-env.js';

const ctx = useSandboxEnv();
const confirmPath = () => `/v1/checkout/sessions/${ctx.session.id}/confirm`;
const options = (extra: Partial<PostConfirmOptions> = {}): PostConfirmOptions => ({
  apiBase: ctx.env.proxy.url,
  clientSecret: ctx.session.clientSecret,
  idempotencyKey: newIdempotencyKey(),
  backoffBaseMs: 20,
  ...extra,
});
/** Charges the sandbox recorded for this session's intent (secret-key API, not via the proxy). */
const charges = async (): Promise<unknown[]> =>
  (await ctx.env.secret('GET', `/v1/checkout/sessions/${ctx.session.id}`)).paymentIntent?.charges ?? [];
const confirmKeys = () => ctx.env.proxy.requests.filter((r) => r.path === confirmPath()).map((r) => r.headers['idempotency-key']);

describe('postConfirm', () => {
  it('should confirm 4242 and answer the succeeded session', async () => {
    const view = await postConfirm(cardConfirm('4242424242424242'), options());
    expect(view.status).toBe('complete');
    expect(view.paymentIntent).toMatchObject({ status: 'succeeded', card: { brand: 'visa', last4: '4242' } });
  });

  it('should reject 9995 with a card_error ApiError that carries the intent', async () => {
    const error = await postConfirm(cardConfirm('4000000000009995'), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 402, type: 'card_error', code: 'card_declined', declineCode: 'insufficient_funds' });
    expect((error as ApiError).paymentIntent?.status).toBe('requires_payment_method');
    expect(isOutcomeUnknown(error)).toBe(false);
    expect(toXpayError(error)).toMatchObject({ type: 'card_error', declineCode: 'insufficient_funds' });
    // A decline is an answer, not a transport failure: it is not retried.
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

  it('should make a request that arrives late after a timeout harmless', async () => {
    // The first attempt reaches the API only after the client gave up on it and retried.
    // A generous timeout, so only the injected delay (not a busy machine) can trip it.
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'delay', ms: 6000 });
    const view = await postConfirm(cardConfirm('4242424242424242'), options({ timeoutMs: 2000 }));
    expect(view.paymentIntent?.status).toBe('succeeded');
    // Let the late original land (the proxy has its API answer), then check it was replayed, not charged.
    const confirms = () => ctx.env.proxy.requests.filter((r) => r.path === confirmPath());
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
    // Exactly why the widget re-reads instead of reporting a failure:
    const full = await ctx.env.secret('GET', `/v1/checkout/sessions/${ctx.session.id}`);
    expect(full.paymentIntent.status).toBe('succeeded');
    expect(full.paymentIntent.charges).toHaveLength(1);
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
