import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SandboxConfig } from './config.js';
import { Store } from './db.js';
import { Engine } from './engine.js';
import { ApiError, notFound } from './errors.js';
import { Idempotency, type Env } from './http.js';
import { newId } from './ids.js';
import { logSafe } from './log.js';
import { LongPoll } from './long-poll.js';
import { messagePage } from './pages.js';
import { PaymentLinks } from './payment-links.js';
import { html, sendError } from './responses.js';
import { bankPageRoutes } from './routes/bank-pages.js';
import { clientApiRoutes, clientCors } from './routes/client-api.js';
import type { SandboxContext } from './routes/context.js';
import { frameRoutes } from './routes/frames.js';
import { pageRoutes, REPO_ROOT } from './routes/pages.js';
import { secretApiRoutes } from './routes/secret-api.js';
import { Scheduler } from './scheduler.js';
import { Velocity } from './velocity.js';
import { Deliverer } from './webhooks.js';

/**
 * The sandbox's HTTP server: wires the store, the engine and the scheduler to the routes, which
 * live in routes/ by audience — pages (a person's browser, the bank page included), frames (the card frame), the
 * secret-key API (the merchant's server) and the client API (the widget; confirm in its own module).
 */

export { REPO_ROOT };

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
  /** The API reference served at /docs/sandbox-api.md (default `<repo>/docs/sandbox-api.md`). */
  docsFile?: string;
  /** Line logger (default: console.log when `config.logRequests`). */
  log?: (line: string) => void;
}

export async function startSandbox(config: SandboxConfig, options: SandboxOptions = {}): Promise<SandboxHandle> {
  const log = options.log ?? (config.logRequests ? (line: string) => console.log(line) : () => undefined);
  const store = new Store(config.dbPath, { fingerprintKey: config.fingerprintKey });
  const longPoll = new LongPoll();
  let closed = false;
  let port = 0;

  const engine = new Engine(store, config, {
    sessionChanged: (id) => longPoll.changed(id),
    workQueued: () => scheduler.wake(),
  });
  const idem = new Idempotency(store);
  const deliverer = new Deliverer(store, config, log, () => scheduler.wake());
  const scheduler = new Scheduler(
    {
      runDueJobs: () => engine.runDueJobs(),
      gc: () => store.tx(() => idem.gc()),
      deliverDue: () => deliverer.deliverDue(),
      nextDueMs: () => engine.nextDueMs(),
      nowMs: () => store.nowMs(),
    },
    config.sweepIntervalMs,
    log,
  );

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
  const ctx: SandboxContext = {
    app,
    config,
    store,
    engine,
    idem,
    links: new PaymentLinks(store, engine),
    velocity: new Velocity(store, config),
    deliverer,
    scheduler,
    longPoll,
    frameDir: options.frameDir ?? join(REPO_ROOT, 'dist', 'frame'),
    widgetFile: options.widgetFile ?? join(REPO_ROOT, 'dist', 'cdn', 'xpay.js'),
    docsFile: options.docsFile ?? join(REPO_ROOT, 'docs', 'sandbox-api.md'),
    port: () => port,
    closed: () => closed,
  };

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

  app.onError((err, c) => {
    if (err instanceof ApiError) return sendError(c, err);
    log(`error ${c.get('requestId')}: ${err.stack ?? String(err)}`);
    return sendError(c, new ApiError('api_error', 'internal_error', 'The sandbox hit an unexpected error; see its log.'));
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/v1/')) {
      return sendError(c, notFound('resource_missing', `No route ${c.req.method} ${c.req.path}; see /docs/sandbox-api.md.`));
    }
    return html(c, messagePage('Not found', `Nothing is served at ${c.req.path}.`), 404);
  });

  clientCors(ctx);
  pageRoutes(ctx);
  bankPageRoutes(ctx);
  frameRoutes(ctx);
  secretApiRoutes(ctx);
  clientApiRoutes(ctx);

  // ---- listen ----
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    const srv = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolveServer(srv));
    srv.once('error', reject);
  });
  port = (server.address() as AddressInfo).port;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  scheduler.tick();

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    config,
    async close() {
      if (closed) return;
      closed = true;
      scheduler.stop();
      deliverer.stop();
      longPoll.releaseAll();
      await new Promise<void>((done) => {
        server.close(() => done());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      store.close();
    },
  };
}
