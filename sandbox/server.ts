import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import * as z from 'zod/mini';
import { EVENT_TYPES } from '../src/api/enums.js';
import { objectSchemas } from '../src/api/objects.js';
import { serverSchemas } from '../src/api/schemas.js';
import type { SandboxConfig } from './config.js';
import { acsFormToken, acsPostProblem } from './acs-guard.js';
import { Store } from './db.js';
import { Engine, type Result, type SessionRec } from './engine.js';
import { ApiError, invalid, notFound } from './errors.js';
import { Idempotency, idempotencyKey, readForm, readJson, secureEqual, serialise, validate, type Env } from './http.js';
import { newId } from './ids.js';
import { HOSTED_JS, hostedPageGrant, HostedPageRequest, hostedPageUrl } from './hosted-page.js';
import { logSafe } from './log.js';
import { acsDonePage, acsPage, DONE_JS, homePage, hostedPage, hostedPageCsp, HOSTED_SCRIPT_PATH, HOSTED_WIDGET_PATH, localizedMessagePage, messagePage, PAGE_CSS, pageCsp } from './pages.js';
import { pageLocale } from './page-strings.js';
import { matchLocale, type SupportedLocale } from '../src/i18n/locale.js';
import { PaymentLinks } from './payment-links.js';
import { clientKey, Velocity, type AttemptKeys } from './velocity.js';
import { webhookTargetProblem } from './webhook-targets.js';
import { Deliverer } from './webhooks.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

/** An origin safe to put in a CSP source list: scheme, host, optional port; nothing else. */
const STRICT_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const AdvanceClockRequest = z.strictObject({ seconds: z.int().check(z.minimum(1), z.maximum(10 * 365 * 86400)) });
const TestClock = z.strictObject({ object: z.literal('test_clock'), now: z.int(), offsetSeconds: z.int() });
const DeletedEndpoint = z.strictObject({ id: z.string(), object: z.literal('webhook_endpoint'), deleted: z.literal(true) });

export interface SandboxHandle {
  url: string;
  port: number;
  config: SandboxConfig;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** Where the built card frame lives (default `<repo>/dist/frame`). */
  frameDir?: string;
  /** The widget's CDN bundle the hosted page loads (default `<repo>/dist/cdn/xpay.js`). */
  widgetFile?: string;
  /** Line logger (default: console.log when `config.logRequests`). */
  log?: (line: string) => void;
}

export async function startSandbox(config: SandboxConfig, options: SandboxOptions = {}): Promise<SandboxHandle> {
  const log = options.log ?? (config.logRequests ? (line: string) => console.log(line) : () => undefined);
  const frameDir = options.frameDir ?? join(REPO_ROOT, 'dist', 'frame');
  const widgetFile = options.widgetFile ?? join(REPO_ROOT, 'dist', 'cdn', 'xpay.js');
  const store = new Store(config.dbPath, { fingerprintKey: config.fingerprintKey });
  const changes = new EventEmitter();
  changes.setMaxListeners(0);
  let closed = false;
  let tickTimer: NodeJS.Timeout | undefined;
  let tickQueued = false;

  const engine = new Engine(store, config, {
    sessionChanged: (id) => changes.emit(id),
    workQueued: () => queueTick(),
  });
  const idem = new Idempotency(store);
  const links = new PaymentLinks(store, engine);
  const velocity = new Velocity(store, config);
  const deliverer = new Deliverer(store, config, log, () => queueTick());

  // ---- scheduler: jobs + webhook deliveries, driven by the persisted tables ----
  let lastGc = 0;
  function tick(): void {
    tickQueued = false;
    if (closed) return;
    clearTimeout(tickTimer);
    try {
      engine.runDueJobs();
      if (Date.now() - lastGc > 60_000) {
        lastGc = Date.now();
        store.tx(() => idem.gc());
      }
      deliverer.deliverDue();
    } catch (err) {
      log(`scheduler error: ${(err as Error).stack ?? String(err)}`);
    }
    const next = engine.nextDueMs();
    const delay = next === null ? config.sweepIntervalMs : Math.max(0, Math.min(next - store.nowMs(), config.sweepIntervalMs));
    tickTimer = setTimeout(tick, Math.max(delay, 5));
  }
  function queueTick(): void {
    if (tickQueued || closed) return;
    tickQueued = true;
    setImmediate(tick);
  }

  // ---- start-up: recover, register the env endpoint ----
  engine.recover();
  if (config.webhookUrl) {
    const ep = engine.registerEnvEndpoint(config.webhookUrl, config.webhookSecret ?? store.meta('env_webhook_secret') ?? newEnvSecret());
    log(`webhook endpoint ${ep.id} → ${ep.url}`);
  }
  function newEnvSecret(): string {
    const secret = newId('whsec');
    store.setMeta('env_webhook_secret', secret);
    return secret;
  }

  const app = new Hono<Env>();
  const O = objectSchemas();
  const P = serverSchemas();

  // ---- every response: Request-Id, nosniff, a log line ----
  app.use('*', async (c, next) => {
    const requestId = newId('req');
    c.set('requestId', requestId);
    const started = Date.now();
    await next();
    try {
      c.res.headers.set('Request-Id', requestId);
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
    } catch {
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('Request-Id', requestId);
    }
    log(`${c.req.method} ${logSafe(c.req.path)} ${c.res.status} ${Date.now() - started}ms`);
  });

  const errorResult = (err: ApiError, requestId: string): Result => ({
    status: err.status,
    body: serialise(P.ErrorBody, err.body(requestId)),
  });

  app.onError((err, c) => {
    const apiErr =
      err instanceof ApiError
        ? err
        : new ApiError('api_error', 'internal_error', 'The sandbox hit an unexpected error; see its log.');
    if (!(err instanceof ApiError)) log(`error ${c.get('requestId')}: ${err.stack ?? String(err)}`);
    const r = errorResult(apiErr, c.get('requestId'));
    return c.body(JSON.stringify(r.body), r.status as 400, { ...apiErr.headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/v1/')) {
      return onErrorJson(c, notFound('resource_missing', `No route ${c.req.method} ${c.req.path}; see /docs/sandbox-api.md.`));
    }
    return html(c, messagePage('Not found', `Nothing is served at ${c.req.path}.`), 404);
  });

  function onErrorJson(c: Context<Env>, err: ApiError): Response {
    const r = errorResult(err, c.get('requestId'));
    return c.body(JSON.stringify(r.body), r.status as 400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  }

  function send(c: Context<Env>, r: Result, headers: Record<string, string> = {}): Response {
    return c.body(JSON.stringify(r.body), r.status as 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  }

  function html(c: Context<Env>, body: string, status = 200, frameAncestors = "'none'"): Response {
    return c.body(body, status as 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': pageCsp(frameAncestors),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
  }

  const ok = (schema: z.ZodMiniType, value: unknown): Result => ({ status: 200, body: serialise(schema, value) });
  const ownOrigin = (c: Context<Env>) => new URL(c.req.url).origin;

  function requireSecret(c: Context<Env>): void {
    const auth = c.req.header('authorization');
    if (!auth) throw new ApiError('authentication_error', 'missing_api_key', 'Send your test secret key as "Authorization: Bearer <key>".');
    const m = /^Bearer (.+)$/.exec(auth);
    if (!m || !secureEqual(m[1]!, config.secretKey)) {
      throw new ApiError('authentication_error', 'invalid_api_key', 'The secret key is not valid for this sandbox.');
    }
  }

  function clientSession(c: Context<Env>): SessionRec {
    if (c.req.query('client_secret') !== undefined || c.req.query('clientSecret') !== undefined) {
      throw invalid('client_secret_in_url', 'Send the client secret in the XPay-Client-Secret header, never in the URL.');
    }
    // The widget shows these messages to the merchant's developer as they are (in test mode), so
    // each one says what to fix in the widget's own terms (api-base, client-secret).
    const id = c.req.param('id')!;
    const s = engine.session(id);
    if (!s) {
      throw notFound(
        'session_not_found',
        `No checkout session ${JSON.stringify(id)} at ${ownOrigin(c)}: point api-base at the XPay API (and mode) that created it.`,
      );
    }
    const secret = c.req.header('xpay-client-secret');
    if (!secret || !secureEqual(secret, s.clientSecret)) {
      throw new ApiError(
        'authentication_error',
        'invalid_client_secret',
        "The client secret does not match this session: pass the session's clientSecret exactly as it was created, never the secret key.",
      );
    }
    return s;
  }

  function checkBrowserOrigin(c: Context<Env>, s: SessionRec): void {
    const origin = c.req.header('origin');
    if (origin === undefined || s.allowedOrigins === null) return;
    if (s.allowedOrigins.includes(origin.toLowerCase()) || origin === ownOrigin(c)) return;
    throw new ApiError(
      'invalid_request_error',
      'origin_not_allowed',
      `The origin ${origin} is not in this session's allowedOrigins (${s.allowedOrigins.join(', ') || 'none'}); add it when creating the session.`,
      { origin, allowedOrigins: s.allowedOrigins },
      403,
    );
  }

  /** A secret-key or client mutation: one transaction, idempotent when an Idempotency-Key is sent. */
  async function mutate(c: Context<Env>, scope: string, raw: unknown, fn: () => Result): Promise<Response> {
    engine.runDueJobs();
    const key = idempotencyKey(c);
    if (key === null) return send(c, store.tx(fn));
    const hash = idem.hash(c.req.method, c.req.path, raw);
    let replayed = false;
    const result = store.tx(() => {
      const replay = idem.check(scope, key, hash);
      if (replay) {
        replayed = true;
        return replay;
      }
      let r: Result;
      try {
        r = store.tx(fn);
      } catch (err) {
        if (!(err instanceof ApiError) || err.status === 409 || err.status >= 500) throw err;
        r = errorResult(err, c.get('requestId'));
      }
      idem.finish(scope, key, hash, r);
      return r;
    });
    return send(c, result, replayed ? { 'Idempotent-Replayed': 'true' } : {});
  }

  // ---- CORS for the two browser endpoints on the merchant's origin ----
  const corsPaths = ['/v1/checkout/sessions/:id/public', '/v1/checkout/sessions/:id/abandon_action'];
  for (const path of corsPaths) {
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

  // ---- pages and static ----
  app.get('/', (c) => html(c, homePage(config.merchantName)));
  app.get('/v1/health', (c) => send(c, { status: 200, body: { status: 'ok' } }));
  app.get('/docs/sandbox-api.md', (c) => {
    const file = join(REPO_ROOT, 'docs', 'sandbox-api.md');
    if (!existsSync(file)) return html(c, messagePage('Not found', 'docs/sandbox-api.md is missing.'), 404);
    return c.body(readFileSync(file, 'utf8'), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  });
  app.get('/sandbox/assets/page.css', (c) => c.body(PAGE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.get('/sandbox/acs/done.js', (c) => c.body(DONE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  function acsFrameAncestors(sessionId: string): string {
    const s = engine.session(sessionId);
    if (!s || s.allowedOrigins === null) return '*';
    return [...s.allowedOrigins.filter((o) => STRICT_ORIGIN.test(o)), "'self'"].join(' ');
  }

  /** The customer's language on the sandbox's pages: the one asked for (the widget's `locale` parameter on the issuer's), else the browser's. */
  const acsLocaleParam = (c: Context<Env>) => matchLocale(c.req.query('locale') ?? '') as SupportedLocale | undefined;
  const customerLocale = (c: Context<Env>, requested: string | undefined) => pageLocale(requested, c.req.header('accept-language'));

  app.get('/sandbox/acs/:challengeId', (c) => {
    engine.runDueJobs();
    const locale = customerLocale(c, c.req.query('locale'));
    const ch = engine.challenge(c.req.param('challengeId'));
    if (!ch) return html(c, localizedMessagePage(locale, 'acsUnknownTitle', 'acsUnknown'), 404, '*');
    const ancestors = acsFrameAncestors(ch.sessionId);
    if (ch.status !== 'pending') return html(c, acsDonePage(ch.status, ch.returnOrigin, locale), 200, ancestors);
    const intent = engine.intent(ch.intentId)!;
    const charge = engine.charge(ch.chargeId)!;
    return html(
      c,
      acsPage({ challengeId: ch.id, formToken: acsFormToken(store.fingerprintKey, ch.id), merchantName: config.merchantName, amount: intent.amount, currency: intent.currency, last4: charge.paymentMethodDetails.card.last4, locale, localeParam: acsLocaleParam(c) }),
      200,
      ancestors,
    );
  });

  for (const [action, outcome] of [['complete', 'authenticated'], ['fail', 'failed']] as const) {
    app.post(`/sandbox/acs/:challengeId/${action}`, async (c) => {
      const id = c.req.param('challengeId');
      const form = await readForm(c);
      const post = { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site'), token: form.get('token') };
      const problem = acsPostProblem(post, ownOrigin(c), acsFormToken(store.fingerprintKey, id));
      if (problem) return html(c, messagePage('Authentication refused', `The issuer refused ${problem}: use the buttons on its page.`), 403, '*');
      engine.runDueJobs();
      const ch = store.tx(() => engine.resolveChallenge(id, outcome));
      if (!ch) return html(c, localizedMessagePage(customerLocale(c, c.req.query('locale')), 'acsUnknownTitle', 'acsUnknown'), 404, '*');
      return html(c, acsDonePage(ch.status, ch.returnOrigin, customerLocale(c, c.req.query('locale'))), 200, acsFrameAncestors(ch.sessionId));
    });
  }

  // ---- the card frame (built by `vite build --mode frame`) ----
  app.get('/frames/card/v1', (c) => {
    const q = new URL(c.req.url).search;
    return c.redirect(`/frames/card/v1/${q}`, 301);
  });
  app.get('/frames/card/v1/', (c) => {
    const sessionId = c.req.query('session');
    const origin = c.req.query('origin');
    if (!sessionId) return html(c, messagePage('Card frame: missing session', 'Load the card frame with ?session=cs_…&origin=<your page origin>.'), 400);
    const s = engine.session(sessionId);
    if (!s) return html(c, messagePage('Card frame: unknown session', `No checkout session ${sessionId} exists in this sandbox.`), 404);
    if (!origin || !STRICT_ORIGIN.test(origin)) {
      return html(c, messagePage('Card frame: bad origin', 'The origin parameter must be the embedding page origin, e.g. https://shop.example.'), 400);
    }
    const allowed = s.allowedOrigins === null || s.allowedOrigins.includes(origin.toLowerCase()) || origin === ownOrigin(c);
    if (!allowed) {
      return html(
        c,
        messagePage('Card frame: origin not allowed', `The origin ${origin} is not in this session's allowedOrigins (${s.allowedOrigins!.join(', ') || 'none'}).`),
        403,
      );
    }
    const index = join(frameDir, 'index.html');
    if (!existsSync(index)) {
      return html(c, messagePage('Card frame not built', 'dist/frame is missing: run npm run build (or vite build --mode frame).'), 503);
    }
    return c.body(readFileSync(index, 'utf8'), 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${origin} 'self'`,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
  });
  const CONTENT_TYPES: Record<string, string> = {
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.txt': 'text/plain; charset=utf-8',
  };
  app.get('/frames/card/v1/assets/*', (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice('/frames/card/v1/assets/'.length));
    } catch {
      return c.body('Not found', 404, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    const base = resolve(frameDir, 'assets');
    const file = resolve(base, rel);
    if (rel.includes('\0') || !file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return c.body('Not found', 404, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    return c.body(readFileSync(file), 200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Access-Control-Allow-Origin': '*', // hashed, public assets (module scripts load in CORS mode)
    });
  });

  // ---- the hosted checkout page: the widget itself, from this origin ----
  app.get(HOSTED_WIDGET_PATH, (c) => {
    if (!existsSync(widgetFile)) return c.body('dist/cdn/xpay.js is missing: run npm run build.', 503, { 'Content-Type': 'text/plain; charset=utf-8' });
    // Rebuilt in place by `npm run build`, so revalidate instead of caching for a year.
    return c.body(readFileSync(widgetFile), 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
  });

  app.get(HOSTED_SCRIPT_PATH, (c) => c.body(HOSTED_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));

  app.get('/c/:id', (c) => {
    engine.runDueJobs();
    const s = engine.session(c.req.param('id'));
    // TODO(#12): the session's own `locale` first, once sessions carry one (isSessionLocale validates it).
    const locale = customerLocale(c, undefined);
    if (!s) return html(c, localizedMessagePage(locale, 'checkoutNotFoundTitle', 'checkoutNotFound'), 404);
    // No secret in the page: its script trades the URL fragment's token for it (POST below).
    const body = hostedPage({ merchantName: config.merchantName, sessionId: s.id, cancelUrl: s.cancelUrl, locale });
    return c.body(body, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': hostedPageCsp(),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
  });

  /** The hosted page's token (from its URL fragment) for the client secret; same origin only. */
  app.post('/c/:id/session', async (c) => {
    engine.runDueJobs();
    if (c.req.header('origin') !== ownOrigin(c)) {
      throw new ApiError('invalid_request_error', 'origin_not_allowed', `Only the hosted page itself (${ownOrigin(c)}) may open its session.`, {}, 403);
    }
    const s = engine.session(c.req.param('id'));
    if (!s) throw notFound('session_not_found', 'This checkout session does not exist.');
    const req = validate(HostedPageRequest, await readJson(c));
    return send(c, { status: 200, body: hostedPageGrant(s, req.token) });
  });

  /** Each visit of a payment link is a new customer: a new session, then its hosted page. */
  app.get('/p/:id', (c) => {
    engine.runDueJobs();
    const link = links.get(c.req.param('id'));
    if (!link) return html(c, localizedMessagePage(customerLocale(c, undefined), 'linkNotFoundTitle', 'linkNotFound'), 404);
    const s = store.tx(() => links.openSession(link, ownOrigin(c)));
    return c.body(null, 303, { Location: hostedPageUrl(s), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  });

  // ---- secret-key API ----
  app.post('/v1/checkout/sessions', async (c) => {
    requireSecret(c);
    const raw = await readJson(c);
    const req = validate(O.CreateSessionRequest, raw);
    req.allowedOrigins?.forEach((o, i) => {
      if (!STRICT_ORIGIN.test(o)) throw invalid('parameter_invalid', 'Each allowed origin is scheme://host[:port], nothing more.', `allowedOrigins.${i}`);
    });
    return mutate(c, 'sk', raw, () => ok(O.Session, engine.renderSession(engine.createSession(req, ownOrigin(c)))));
  });

  app.get('/v1/checkout/sessions/:id', (c) => {
    requireSecret(c);
    engine.runDueJobs();
    return send(c, ok(O.Session, engine.renderSession(engine.requireSession(c.req.param('id')))));
  });

  app.post('/v1/checkout/sessions/:id', async (c) => {
    requireSecret(c);
    const raw = await readJson(c);
    const req = validate(O.UpdateSessionRequest, raw);
    return mutate(c, 'sk', raw, () => ok(O.Session, engine.renderSession(engine.updateSession(c.req.param('id'), req.lineItems))));
  });

  app.post('/v1/checkout/sessions/:id/expire', async (c) => {
    requireSecret(c);
    const raw = await readJson(c);
    validate(z.strictObject({}), raw);
    return mutate(c, 'sk', raw, () => ok(O.Session, engine.renderSession(engine.expireSession(c.req.param('id'), true))));
  });

  app.post('/v1/payment_links', async (c) => {
    requireSecret(c);
    const raw = await readJson(c);
    const req = validate(O.CreatePaymentLinkRequest, raw);
    return mutate(c, 'sk', raw, () => ok(O.PaymentLink, links.create(req, ownOrigin(c))));
  });

  app.get('/v1/payment_links/:id', (c) => {
    requireSecret(c);
    return send(c, ok(O.PaymentLink, links.require(c.req.param('id'))));
  });

  app.get('/v1/payment_intents/:id', (c) => {
    requireSecret(c);
    engine.runDueJobs();
    return send(c, ok(O.PaymentIntent, engine.renderIntent(engine.requireIntent(c.req.param('id')))));
  });

  app.post('/v1/payment_intents/:id/capture', async (c) => {
    requireSecret(c);
    const raw = await readJson(c);
    const req = validate(O.CaptureRequest, raw);
    return mutate(c, 'sk', raw, () => ok(O.PaymentIntent, engine.renderIntent(engine.capture(c.req.param('id'), req.amountToCapture))));
  });

  app.post('/v1/payment_intents/:id/cancel', async (c) => {
    requireSecret(c);
    const raw = await readJson(c);
    const req = validate(O.CancelRequest, raw);
    return mutate(c, 'sk', raw, () => ok(O.PaymentIntent, engine.renderIntent(engine.cancel(c.req.param('id'), req.cancellationReason))));
  });

  app.post('/v1/refunds', async (c) => {
    requireSecret(c);
    const raw = await readJson(c);
    const req = validate(O.CreateRefundRequest, raw);
    return mutate(c, 'sk', raw, () => ok(O.Refund, engine.renderRefund(engine.createRefund(req))));
  });

  app.get('/v1/refunds/:id', (c) => {
    requireSecret(c);
    const rec = store.getDoc<Parameters<Engine['renderRefund']>[0]>('refunds', c.req.param('id'));
    if (!rec) throw notFound('resource_missing', `No such refund: ${JSON.stringify(c.req.param('id'))}.`, 'id');
    return send(c, ok(O.Refund, engine.renderRefund(rec)));
  });

  app.get('/v1/customers/:id', (c) => {
    requireSecret(c);
    const customer = engine.renderCustomer(c.req.param('id'));
    if (!customer) throw notFound('resource_missing', `No such customer: ${JSON.stringify(c.req.param('id'))}.`, 'id');
    return send(c, ok(O.Customer, customer));
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
    requireSecret(c);
    engine.runDueJobs();
    return send(c, ok(O.list(O.BalanceTransaction), list(c, 'balance_transactions', '/v1/balance_transactions')));
  });

  app.get('/v1/events', (c) => {
    requireSecret(c);
    engine.runDueJobs();
    const type = c.req.query('type');
    if (type !== undefined && !(EVENT_TYPES as readonly string[]).includes(type)) {
      throw invalid('parameter_invalid', `type must be one of: ${EVENT_TYPES.join(', ')}.`, 'type');
    }
    return send(c, ok(O.list(O.Event), list(c, 'events', '/v1/events', type ? 'AND type = ?' : '', type ? [type] : [])));
  });

  app.get('/v1/events/:id', (c) => {
    requireSecret(c);
    const event = store.getDoc<unknown>('events', c.req.param('id'));
    if (!event) throw notFound('resource_missing', `No such event: ${JSON.stringify(c.req.param('id'))}.`, 'id');
    return send(c, ok(O.Event, event));
  });

  app.post('/v1/webhook_endpoints', async (c) => {
    requireSecret(c);
    const raw = await readJson(c);
    const req = validate(O.CreateWebhookEndpointRequest, raw);
    req.enabledEvents?.forEach((e, i) => {
      if (e !== '*' && !(EVENT_TYPES as readonly string[]).includes(e)) {
        throw invalid('parameter_invalid', `enabledEvents entries are "*" or one of: ${EVENT_TYPES.join(', ')}.`, `enabledEvents.${i}`);
      }
    });
    const refused = config.allowPrivateWebhooks ? null : webhookTargetProblem(req.url, { ownOrigin: ownOrigin(c), port });
    if (refused) {
      throw invalid('parameter_invalid', `The webhook url ${refused}: the sandbox does not deliver there unless XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS=1.`, 'url');
    }
    return mutate(c, 'sk', raw, () => ok(O.WebhookEndpoint, engine.renderEndpoint(engine.createEndpoint(req.url, req.secret, req.enabledEvents), true)));
  });

  app.get('/v1/webhook_endpoints', (c) => {
    requireSecret(c);
    const data = engine.endpoints().map((e) => engine.renderEndpoint(e));
    return send(c, ok(O.list(O.WebhookEndpoint), { object: 'list', data, hasMore: false, url: '/v1/webhook_endpoints' }));
  });

  app.get('/v1/webhook_endpoints/:id', (c) => {
    requireSecret(c);
    const rec = engine.endpoints().find((e) => e.id === c.req.param('id'));
    if (!rec) throw notFound('resource_missing', `No such webhook endpoint: ${JSON.stringify(c.req.param('id'))}.`, 'id');
    return send(c, ok(O.WebhookEndpoint, engine.renderEndpoint(rec)));
  });

  app.delete('/v1/webhook_endpoints/:id', (c) => {
    requireSecret(c);
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
    requireSecret(c);
    const req = validate(AdvanceClockRequest, await readJson(c));
    store.advanceClock(req.seconds);
    engine.runDueJobs();
    deliverer.deliverDue();
    queueTick();
    return send(c, ok(TestClock, { object: 'test_clock', now: store.now(), offsetSeconds: Math.round((store.nowMs() - Date.now()) / 1000) }));
  });

  // ---- client-secret API (the widget and the card frame) ----
  app.get('/v1/checkout/sessions/:id/public', async (c) => {
    engine.runDueJobs();
    let s = clientSession(c);
    checkBrowserOrigin(c, s);
    const waitRaw = c.req.query('wait');
    const sinceRaw = c.req.query('since');
    if (waitRaw !== undefined && !/^\d+$/.test(waitRaw)) throw invalid('parameter_invalid', 'wait must be a whole number of seconds.', 'wait');
    if (sinceRaw !== undefined && !/^\d+$/.test(sinceRaw)) throw invalid('parameter_invalid', 'since must be a version number from an earlier answer.', 'since');
    const wait = Math.min(Number(waitRaw ?? 0), config.longPollMaxWaitS);
    if (sinceRaw !== undefined && wait > 0 && s.version <= Number(sinceRaw)) {
      await waitForChange(s.id, wait * 1000, c.req.raw.signal);
      engine.runDueJobs();
      s = engine.session(s.id)!;
    }
    return send(c, ok(P.PublicSession, engine.renderPublic(s)));
  });

  const closers = new Set<() => void>();
  function waitForChange(sessionId: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        changes.off(sessionId, finish);
        signal.removeEventListener('abort', finish);
        closers.delete(finish);
        done();
      };
      const timer = setTimeout(finish, ms);
      changes.on(sessionId, finish);
      signal.addEventListener('abort', finish);
      closers.add(finish);
    });
  }

  app.post('/v1/checkout/sessions/:id/abandon_action', async (c) => {
    engine.runDueJobs();
    const s = clientSession(c);
    checkBrowserOrigin(c, s);
    const raw = await readJson(c);
    validate(z.strictObject({}), raw);
    return mutate(c, `cs:${s.id}`, raw, () => ok(P.PublicSession, engine.renderPublic(engine.abandonAction(s.id))));
  });

  app.post('/v1/checkout/sessions/:id/confirm', async (c) => {
    // No CORS here, ever: only the card frame, on this origin, may send card data.
    const origin = c.req.header('origin');
    const own = ownOrigin(c);
    if (origin !== undefined && origin !== own) {
      throw new ApiError('invalid_request_error', 'origin_not_allowed', `Card data is accepted only from the XPay card frame (${own}), not from ${origin}.`, { origin, allowedOrigins: [own] }, 403);
    }
    engine.runDueJobs();
    const s = clientSession(c);
    const raw = await readJson(c);
    const req = validate(P.ConfirmRequest, raw);
    const key = idempotencyKey(c);
    const scope = `cs:${s.id}`;
    const hash = key === null ? '' : idem.hash('POST', c.req.path, raw);
    const requestId = c.get('requestId');
    const attempt: AttemptKeys = {
      client: clientKey(getConnInfo(c).remote.address),
      paymentLink: s.paymentLink ?? null,
      fingerprint: engine.cardFingerprint(req.paymentMethod.card.number),
    };

    let replayed = false;
    const first = store.tx((): { done: Result } | { intentId: string; attemptId: number } => {
      if (key !== null) {
        const replay = idem.check(scope, key, hash);
        if (replay) {
          replayed = true;
          return { done: replay };
        }
      }
      // Before the intent is held, and never stored under the key: the same key may retry once the
      // window frees a slot (Retry-After).
      velocity.check(attempt);
      try {
        const intent = store.tx(() => engine.confirmBegin(s.id, req, own));
        if (key !== null) idem.begin(scope, key, hash);
        return { intentId: intent.id, attemptId: velocity.begin(attempt) };
      } catch (err) {
        if (!(err instanceof ApiError) || err.status === 409) throw err;
        const r = errorResult(err, requestId);
        if (key !== null) idem.finish(scope, key, hash, r);
        return { done: r };
      }
    });
    if ('done' in first) return send(c, first.done, replayed ? { 'Idempotent-Replayed': 'true' } : {});

    try {
      await new Promise((r) => setTimeout(r, config.issuerLatencyMs)); // the card network's round trip
      if (closed) throw new ApiError('api_error', 'shutting_down', 'The sandbox is shutting down.', {}, 503);
      const result = store.tx(() => {
        let r: Result;
        try {
          r = store.tx(() => {
            const out = engine.confirmFinish(s.id, first.intentId, req, own);
            velocity.settle(first.attemptId, engine.chargesOf(first.intentId).at(-1)!.id);
            return { status: out.status, body: serialise(out.status === 200 ? P.PublicSession : P.ErrorBody, out.status === 200 ? out.body : withRequestId(out.body, requestId)) };
          });
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          engine.release(first.intentId);
          velocity.release(first.attemptId);
          r = errorResult(err, requestId);
        }
        if (key !== null) idem.finish(scope, key, hash, r);
        return r;
      });
      return send(c, result);
    } catch (err) {
      if (!closed) {
        store.tx(() => {
          engine.release(first.intentId);
          velocity.release(first.attemptId);
          if (key !== null) idem.abandon(scope, key);
        });
      }
      throw err;
    }
  });

  function withRequestId(body: unknown, requestId: string): unknown {
    const b = body as { error: Record<string, unknown> };
    return { error: { ...b.error, requestId } };
  }

  // ---- listen ----
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    const srv = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolveServer(srv));
    srv.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  tick();

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    config,
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(tickTimer);
      deliverer.stop();
      for (const finish of [...closers]) finish();
      await new Promise<void>((done) => {
        server.close(() => done());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      store.close();
    },
  };
}
