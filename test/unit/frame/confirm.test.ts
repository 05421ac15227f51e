import { describe, expect, it } from 'vitest';
import { confirmCard, type ConfirmCardOptions } from '../../../src/frame/confirm.js';
import { parseFrameMessage } from '../../../src/frame/protocol.js';
import { cardConfirm, useSandboxEnv } from '../client/sandbox-env.js';

// The card frame's confirm against the real sandbox, with faults from the fault-injecting proxy.

const ctx = useSandboxEnv();
let keyCounter = 0;
const confirmPath = () => `/v1/checkout/sessions/${ctx.session.id}/confirm`;
const confirmRequests = () => ctx.env.proxy.requests.filter((r) => r.path === confirmPath());
const options = (number: string, extra: Partial<ConfirmCardOptions> = {}): ConfirmCardOptions => ({
  apiBase: ctx.env.proxy.url,
  sessionId: ctx.session.id,
  clientSecret: ctx.session.clientSecret,
  idempotencyKey: `frame_test_key_${Date.now()}_${keyCounter++}`,
  body: cardConfirm(number),
  retryDelaysMs: [20, 40, 80],
  ...extra,
});
const chargeCount = async (): Promise<number> =>
  ((await ctx.env.secret('GET', `/v1/checkout/sessions/${ctx.session.id}`)).paymentIntent?.charges ?? []).length;
/** What the host would receive: the outcome inside a v1 `result`, through the host's own parser. */
const asResult = (outcome: object) => parseFrameMessage({ v: 1, type: 'result', idempotencyKey: 'frame_test_key', ...outcome });

describe('confirmCard', () => {
  it('should answer the succeeded session view for 4242, which the host parser accepts', async () => {
    const outcome = await confirmCard(options('4242424242424242'));
    expect(outcome).toMatchObject({ ok: true, session: { id: ctx.session.id, paymentIntent: { status: 'succeeded' } } });
    expect(asResult(outcome)).not.toBeNull();
  });

  it('should send the secret and key as headers, never in the URL', async () => {
    const opts = options('4242424242424242');
    await confirmCard(opts);
    const [request] = confirmRequests();
    expect(request?.headers['xpay-client-secret']).toBe(ctx.session.clientSecret);
    expect(request?.headers['idempotency-key']).toBe(opts.idempotencyKey);
    expect(request?.headers['content-type']).toContain('application/json');
    expect(request?.path).not.toContain('secret');
  });

  it('should map a decline (9995) to a card_error with the intent, without retrying', async () => {
    const outcome = await confirmCard(options('4000000000009995'));
    expect(outcome).toMatchObject({
      ok: false,
      error: { type: 'card_error', code: 'card_declined', declineCode: 'insufficient_funds' },
      paymentIntent: { status: 'requires_payment_method' },
    });
    expect(outcome.ok === false && outcome.error.requestId).toMatch(/^req_/);
    expect(asResult(outcome)).not.toBeNull();
    expect(confirmRequests()).toHaveLength(1);
  });

  it('should retry a lost reply with the same key and charge once', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'dropReply' });
    const outcome = await confirmCard(options('4242424242424242'));
    expect(outcome.ok).toBe(true);
    const keys = confirmRequests().map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(await chargeCount()).toBe(1);
  });

  it('should retry a 409 and a 500 with the same key, then succeed with one charge', async () => {
    ctx.env.proxy.inject(
      { path: confirmPath() },
      { type: 'respond', status: 409, body: { error: { type: 'idempotency_error', code: 'idempotency_key_in_use', message: 'in flight', requestId: 'req_1' } } },
      { type: 'respond', status: 500 },
    );
    const outcome = await confirmCard(options('4242424242424242'));
    expect(outcome.ok).toBe(true);
    expect(confirmRequests()).toHaveLength(3);
    expect(await chargeCount()).toBe(1);
  });

  it('should report network_error once every retry is lost', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'drop' }, { type: 'drop' }, { type: 'drop' }, { type: 'drop' });
    const outcome = await confirmCard(options('4242424242424242'));
    expect(outcome).toMatchObject({ ok: false, error: { type: 'network_error', code: 'network_error' } });
    expect(confirmRequests()).toHaveLength(4);
  });

  it('should treat a timeout as a network error and retry it with the same key', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'delay', ms: 1500 });
    const outcome = await confirmCard(options('4242424242424242', { timeoutMs: 300 }));
    expect(outcome.ok).toBe(true);
    expect(new Set(confirmRequests().map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('should map an unreadable reply to invalid_response', async () => {
    ctx.env.proxy.inject({ path: confirmPath() }, { type: 'replaceBody', body: '<html>oops</html>' });
    const outcome = await confirmCard(options('4242424242424242'));
    expect(outcome).toMatchObject({ ok: false, error: { type: 'api_error', code: 'invalid_response' } });
  });

  it('should map a wrong client secret to an integration_error', async () => {
    const outcome = await confirmCard(options('4242424242424242', { clientSecret: `${ctx.session.id}_secret_wrong` }));
    expect(outcome).toMatchObject({ ok: false, error: { type: 'integration_error', code: 'invalid_client_secret' } });
  });

  it('should map a refused second confirm after success to an api_error the host can re-read on', async () => {
    await confirmCard(options('4242424242424242'));
    const outcome = await confirmCard(options('4242424242424242'));
    expect(outcome).toMatchObject({ ok: false, error: { type: 'api_error', code: 'payment_intent_unexpected_state' } });
    expect(await chargeCount()).toBe(1);
  });
});
