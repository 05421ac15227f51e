import type { Context } from 'hono';
import * as z from 'zod/mini';
import { EVENT_TYPES } from '../../src/api/enums.js';
import { objectSchemas } from '../../src/api/objects.js';
import { requireSecret } from '../auth.js';
import type { Engine } from '../engine.js';
import { invalid, notFound } from '../errors.js';
import { readJson, validate, type Env } from '../http.js';
import { ok, ownOrigin, send, STRICT_ORIGIN } from '../responses.js';
import { webhookTargetProblem } from '../webhook-targets.js';
import { mutate, type SandboxContext } from './context.js';

const AdvanceClockRequest = z.strictObject({ seconds: z.int().check(z.minimum(1), z.maximum(10 * 365 * 86400)) });
const TestClock = z.strictObject({ object: z.literal('test_clock'), now: z.int(), offsetSeconds: z.int() });
const DeletedEndpoint = z.strictObject({ id: z.string(), object: z.literal('webhook_endpoint'), deleted: z.literal(true) });

/** The merchant's server: every route here wants the secret key (auth.ts). */
export function secretApiRoutes(ctx: SandboxContext): void {
  const { app, config, engine, store, links, deliverer, scheduler } = ctx;
  const O = objectSchemas();
  const secret = (c: Context<Env>) => requireSecret(c, config);

  app.post('/v1/checkout/sessions', async (c) => {
    secret(c);
    const raw = await readJson(c);
    const req = validate(O.CreateSessionRequest, raw);
    req.allowedOrigins?.forEach((o, i) => {
      if (!STRICT_ORIGIN.test(o)) throw invalid('parameter_invalid', 'Each allowed origin is scheme://host[:port], nothing more.', `allowedOrigins.${i}`);
    });
    return mutate(ctx, c, 'sk', raw, () => ok(O.Session, engine.renderSession(engine.createSession(req, ownOrigin(c)))));
  });

  app.get('/v1/checkout/sessions/:id', (c) => {
    secret(c);
    engine.runDueJobs();
    return send(c, ok(O.Session, engine.renderSession(engine.requireSession(c.req.param('id')))));
  });

  app.post('/v1/checkout/sessions/:id', async (c) => {
    secret(c);
    const raw = await readJson(c);
    const req = validate(O.UpdateSessionRequest, raw);
    return mutate(ctx, c, 'sk', raw, () => ok(O.Session, engine.renderSession(engine.updateSession(c.req.param('id'), req.lineItems))));
  });

  app.post('/v1/checkout/sessions/:id/expire', async (c) => {
    secret(c);
    const raw = await readJson(c);
    validate(z.strictObject({}), raw);
    return mutate(ctx, c, 'sk', raw, () => ok(O.Session, engine.renderSession(engine.expireSession(c.req.param('id'), true))));
  });

  app.post('/v1/payment_links', async (c) => {
    secret(c);
    const raw = await readJson(c);
    const req = validate(O.CreatePaymentLinkRequest, raw);
    return mutate(ctx, c, 'sk', raw, () => ok(O.PaymentLink, links.create(req, ownOrigin(c))));
  });

  app.get('/v1/payment_links/:id', (c) => {
    secret(c);
    return send(c, ok(O.PaymentLink, links.require(c.req.param('id'))));
  });

  app.get('/v1/payment_intents/:id', (c) => {
    secret(c);
    engine.runDueJobs();
    return send(c, ok(O.PaymentIntent, engine.renderIntent(engine.requireIntent(c.req.param('id')))));
  });

  app.post('/v1/payment_intents/:id/capture', async (c) => {
    secret(c);
    const raw = await readJson(c);
    const req = validate(O.CaptureRequest, raw);
    return mutate(ctx, c, 'sk', raw, () => ok(O.PaymentIntent, engine.renderIntent(engine.capture(c.req.param('id'), req.amountToCapture))));
  });

  app.post('/v1/payment_intents/:id/cancel', async (c) => {
    secret(c);
    const raw = await readJson(c);
    const req = validate(O.CancelRequest, raw);
    return mutate(ctx, c, 'sk', raw, () => ok(O.PaymentIntent, engine.renderIntent(engine.cancel(c.req.param('id'), req.cancellationReason))));
  });

  app.post('/v1/refunds', async (c) => {
    secret(c);
    const raw = await readJson(c);
    const req = validate(O.CreateRefundRequest, raw);
    return mutate(ctx, c, 'sk', raw, () => ok(O.Refund, engine.renderRefund(engine.createRefund(req))));
  });

  app.get('/v1/refunds/:id', (c) => {
    secret(c);
    const rec = store.getDoc<Parameters<Engine['renderRefund']>[0]>('refunds', c.req.param('id'));
    if (!rec) throw notFound('resource_missing', `No such refund: ${JSON.stringify(c.req.param('id'))}.`, 'id');
    return send(c, ok(O.Refund, engine.renderRefund(rec)));
  });

  app.get('/v1/customers/:id', (c) => {
    secret(c);
    const customer = engine.renderCustomer(c.req.param('id'));
    if (!customer) throw notFound('resource_missing', `No such customer: ${JSON.stringify(c.req.param('id'))}.`, 'id');
    return send(c, ok(O.Customer, customer));
  });

  /** A customer's saved cards, newest first (at most 100: one per card, so a short list). */
  app.get('/v1/customers/:id/payment_methods', (c) => {
    secret(c);
    const id = c.req.param('id');
    if (!engine.renderCustomer(id)) throw notFound('resource_missing', `No such customer: ${JSON.stringify(id)}.`, 'id');
    const data = engine.paymentMethods.listFor(id).map((pm) => engine.paymentMethods.render(pm));
    return send(c, ok(O.list(O.PaymentMethod), { object: 'list', data, hasMore: false, url: `/v1/customers/${id}/payment_methods` }));
  });

  app.get('/v1/payment_methods/:id', (c) => {
    secret(c);
    const pm = engine.paymentMethods.get(c.req.param('id'));
    if (!pm) throw notFound('resource_missing', `No such payment method: ${JSON.stringify(c.req.param('id'))}.`, 'id');
    return send(c, ok(O.PaymentMethod, engine.paymentMethods.render(pm)));
  });

  /** Unsaves a card: it leaves the customer's list and can no longer be charged. */
  app.post('/v1/payment_methods/:id/detach', async (c) => {
    secret(c);
    const raw = await readJson(c);
    validate(z.strictObject({}), raw);
    return mutate(ctx, c, 'sk', raw, () => ok(O.PaymentMethod, engine.paymentMethods.render(engine.detachPaymentMethod(c.req.param('id')))));
  });

  /** Newest first; `limit` (1–100, default 10) and `startingAfter` (an id from the previous page). */
  function list(c: Context<Env>, table: string, url: string, where = '', params: unknown[] = []): { data: unknown[]; hasMore: boolean; url: string; object: 'list' } {
    const limitRaw = c.req.query('limit') ?? '10';
    if (!/^\d+$/.test(limitRaw) || Number(limitRaw) < 1 || Number(limitRaw) > 100) throw invalid('parameter_invalid', 'limit must be an integer from 1 to 100.', 'limit');
    const limit = Number(limitRaw);
    const after = c.req.query('startingAfter');
    let seqBound = Number.MAX_SAFE_INTEGER;
    if (after !== undefined) {
      const row = store.db.prepare(`SELECT seq FROM ${table} WHERE id = ?`).get(after) as { seq: number } | undefined;
      if (!row) throw invalid('resource_missing', `startingAfter ${JSON.stringify(after)} is not an id from this list.`, 'startingAfter');
      seqBound = row.seq;
    }
    const rows = store.docs<unknown>(`SELECT data FROM ${table} WHERE seq < ? ${where} ORDER BY seq DESC LIMIT ?`, seqBound, ...params, limit + 1);
    return { object: 'list', data: rows.slice(0, limit), hasMore: rows.length > limit, url };
  }

  app.get('/v1/balance_transactions', (c) => {
    secret(c);
    engine.runDueJobs();
    return send(c, ok(O.list(O.BalanceTransaction), list(c, 'balance_transactions', '/v1/balance_transactions')));
  });

  app.get('/v1/events', (c) => {
    secret(c);
    engine.runDueJobs();
    const type = c.req.query('type');
    if (type !== undefined && !(EVENT_TYPES as readonly string[]).includes(type)) {
      throw invalid('parameter_invalid', `type must be one of: ${EVENT_TYPES.join(', ')}.`, 'type');
    }
    return send(c, ok(O.list(O.Event), list(c, 'events', '/v1/events', type ? 'AND type = ?' : '', type ? [type] : [])));
  });

  app.get('/v1/events/:id', (c) => {
    secret(c);
    const event = store.getDoc<unknown>('events', c.req.param('id'));
    if (!event) throw notFound('resource_missing', `No such event: ${JSON.stringify(c.req.param('id'))}.`, 'id');
    return send(c, ok(O.Event, event));
  });

  app.post('/v1/webhook_endpoints', async (c) => {
    secret(c);
    const raw = await readJson(c);
    const req = validate(O.CreateWebhookEndpointRequest, raw);
    req.enabledEvents?.forEach((e, i) => {
      if (e !== '*' && !(EVENT_TYPES as readonly string[]).includes(e)) {
        throw invalid('parameter_invalid', `enabledEvents entries are "*" or one of: ${EVENT_TYPES.join(', ')}.`, `enabledEvents.${i}`);
      }
    });
    const refused = config.allowPrivateWebhooks ? null : webhookTargetProblem(req.url, { ownOrigin: ownOrigin(c), port: ctx.port() });
    if (refused) {
      throw invalid('parameter_invalid', `The webhook url ${refused}: the sandbox does not deliver there unless XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS=1.`, 'url');
    }
    return mutate(ctx, c, 'sk', raw, () => ok(O.WebhookEndpoint, engine.renderEndpoint(engine.createEndpoint(req.url, req.secret, req.enabledEvents), true)));
  });

  app.get('/v1/webhook_endpoints', (c) => {
    secret(c);
    const data = engine.endpoints().map((e) => engine.renderEndpoint(e));
    return send(c, ok(O.list(O.WebhookEndpoint), { object: 'list', data, hasMore: false, url: '/v1/webhook_endpoints' }));
  });

  app.get('/v1/webhook_endpoints/:id', (c) => {
    secret(c);
    const rec = engine.endpoints().find((e) => e.id === c.req.param('id'));
    if (!rec) throw notFound('resource_missing', `No such webhook endpoint: ${JSON.stringify(c.req.param('id'))}.`, 'id');
    return send(c, ok(O.WebhookEndpoint, engine.renderEndpoint(rec)));
  });

  app.delete('/v1/webhook_endpoints/:id', (c) => {
    secret(c);
    const id = c.req.param('id');
    const r = store.tx(() => {
      const rec = engine.endpoints().find((e) => e.id === id);
      if (!rec) throw notFound('resource_missing', `No such webhook endpoint: ${JSON.stringify(id)}.`, 'id');
      store.db.prepare('UPDATE webhook_endpoints SET deleted = 1 WHERE id = ?').run(id);
      store.db.prepare("UPDATE deliveries SET status = 'canceled' WHERE endpoint_id = ? AND status = 'pending'").run(id);
      return ok(DeletedEndpoint, { id, object: 'webhook_endpoint', deleted: true });
    });
    return send(c, r);
  });

  app.post('/v1/test_helpers/advance_clock', async (c) => {
    secret(c);
    const req = validate(AdvanceClockRequest, await readJson(c));
    store.advanceClock(req.seconds);
    engine.runDueJobs();
    deliverer.deliverDue();
    scheduler.wake();
    return send(c, ok(TestClock, { object: 'test_clock', now: store.now(), offsetSeconds: Math.round((store.nowMs() - Date.now()) / 1000) }));
  });
}
