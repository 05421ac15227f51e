import * as z from 'zod/mini';
import { serverSchemas } from '../../src/api/schemas.js';
import { checkBrowserOrigin, clientSession } from '../auth.js';
import { invalid } from '../errors.js';
import { readJson, validate } from '../http.js';
import { ok, send } from '../responses.js';
import { confirmRoute } from './confirm.js';
import { mutate, type SandboxContext } from './context.js';

/** The browser endpoints on the merchant's origin: CORS answers for them (confirm has none). */
const CORS_PATHS = ['/v1/checkout/sessions/:id/public', '/v1/checkout/sessions/:id/abandon_action', '/v1/checkout/sessions/:id/payment_methods/:pm/detach'];

/**
 * Registers the CORS middleware of the browser endpoints. Separate from {@link clientApiRoutes}
 * because middleware must be registered before the routes it wraps.
 */
export function clientCors(ctx: SandboxContext): void {
  const { app } = ctx;
  for (const path of CORS_PATHS) {
    app.use(path, async (c, next) => {
      await next();
      const origin = c.req.header('origin');
      if (origin === undefined) return;
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.append('Vary', 'Origin');
      c.res.headers.set('Access-Control-Expose-Headers', 'Request-Id, Retry-After');
    });
    app.options(path, (c) =>
      c.body(null, 204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'XPay-Client-Secret, Idempotency-Key, Content-Type',
        'Access-Control-Max-Age': '600',
      }),
    );
  }
}

/** The widget and the card frame: every route here wants the session's client secret (auth.ts). */
export function clientApiRoutes(ctx: SandboxContext): void {
  const { app, config, engine, longPoll } = ctx;
  const P = serverSchemas();

  app.get('/v1/checkout/sessions/:id/public', async (c) => {
    engine.runDueJobs();
    let s = clientSession(c, engine);
    checkBrowserOrigin(c, s);
    const waitRaw = c.req.query('wait');
    const sinceRaw = c.req.query('since');
    if (waitRaw !== undefined && !/^\d+$/.test(waitRaw)) throw invalid('parameter_invalid', 'wait must be a whole number of seconds.', 'wait');
    if (sinceRaw !== undefined && !/^\d+$/.test(sinceRaw)) throw invalid('parameter_invalid', 'since must be a version number from an earlier answer.', 'since');
    const wait = Math.min(Number(waitRaw ?? 0), config.longPollMaxWaitS);
    if (sinceRaw !== undefined && wait > 0 && s.version <= Number(sinceRaw)) {
      await longPoll.wait(s.id, wait * 1000, c.req.raw.signal);
      engine.runDueJobs();
      s = engine.session(s.id)!;
    }
    return send(c, ok(P.PublicSession, engine.renderPublic(s)));
  });

  app.post('/v1/checkout/sessions/:id/abandon_action', async (c) => {
    engine.runDueJobs();
    const s = clientSession(c, engine);
    checkBrowserOrigin(c, s);
    const raw = await readJson(c);
    validate(z.strictObject({}), raw);
    return mutate(ctx, c, `cs:${s.id}`, raw, () => ok(P.PublicSession, engine.renderPublic(engine.abandonAction(s.id))));
  });

  /** The customer removes one of their saved cards, when the session allows it (`allowRemoveSavedCards`). */
  app.post('/v1/checkout/sessions/:id/payment_methods/:pm/detach', async (c) => {
    engine.runDueJobs();
    const s = clientSession(c, engine);
    checkBrowserOrigin(c, s);
    const raw = await readJson(c);
    validate(z.strictObject({}), raw);
    return mutate(ctx, c, `cs:${s.id}`, raw, () => ok(P.PublicSession, engine.renderPublic(engine.removeSavedCard(s.id, c.req.param('pm')))));
  });

  confirmRoute(ctx);
}
