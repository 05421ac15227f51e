import type { Context, Hono } from 'hono';
import type { SandboxConfig } from '../config.js';
import type { Store } from '../db.js';
import type { Engine, Result } from '../engine.js';
import { ApiError } from '../errors.js';
import { idempotencyKey, type Env, type Idempotency } from '../http.js';
import type { LongPoll } from '../long-poll.js';
import type { PaymentLinks } from '../payment-links.js';
import { errorResult, send } from '../responses.js';
import type { Scheduler } from '../scheduler.js';
import type { Velocity } from '../velocity.js';
import type { Deliverer } from '../webhooks.js';

/** Everything the route modules share: one per running sandbox, built by `startSandbox`. */
export interface SandboxContext {
  app: Hono<Env>;
  config: SandboxConfig;
  store: Store;
  engine: Engine;
  idem: Idempotency;
  links: PaymentLinks;
  velocity: Velocity;
  deliverer: Deliverer;
  scheduler: Scheduler;
  longPoll: LongPoll;
  /** Where the built card frame and the widget's CDN bundle are read from. */
  frameDir: string;
  widgetFile: string;
  /** The API reference served at /docs/sandbox-api.md. */
  docsFile: string;
  /** The port the sandbox listens on (known once it listens; read at request time). */
  port(): number;
  /** True once `close()` began: work in flight must not write any more. */
  closed(): boolean;
}

/**
 * A secret-key or client mutation: one transaction, idempotent when an Idempotency-Key is sent. A
 * keyed request's answer — success or a 4xx other than 409 — is stored with the key in the same
 * transaction as its effects, so a retry replays it (`Idempotent-Replayed: true`) instead of acting
 * twice. Conflicts and 5xx roll back and are not stored: retrying them may succeed.
 */
export async function mutate(ctx: SandboxContext, c: Context<Env>, scope: string, raw: unknown, fn: () => Result): Promise<Response> {
  const { store, idem, engine } = ctx;
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
