import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { serverSchemas, type ConfirmRequest } from '../../src/api/schemas.js';
import { checkBrowserOrigin, clientSession } from '../auth.js';
import type { Result } from '../engine.js';
import { ApiError } from '../errors.js';
import { idempotencyKey, readJson, serialise, validate, type Env } from '../http.js';
import { errorResult, ownOrigin, send, withRequestId } from '../responses.js';
import { clientKey, type AttemptKeys } from '../velocity.js';
import type { SandboxContext } from './context.js';

/**
 * `POST /v1/checkout/sessions/:id/confirm`: a payment attempt, in two transactions around the card
 * network's round trip (`issuerLatencyMs`), so no database lock is held while "the issuer" thinks.
 *
 * The protocol:
 *
 * 1. **Begin** (one transaction). Replay a finished answer stored under the Idempotency-Key, or
 *    refuse a key still in flight (409, Retry-After). Check the velocity limits (never stored under
 *    the key: the same key may retry once the window frees a slot). Then `confirmBegin` guards the
 *    session and creates or *holds* its intent (`confirming = true`: a concurrent confirm gets
 *    409 `confirm_in_progress`), the key is written `in_flight`, and the attempt is counted. A
 *    4xx from the guards is the final answer and is stored under the key.
 * 2. **Round trip** (no transaction): wait `issuerLatencyMs`.
 * 3. **Finish** (one transaction). `confirmFinish` turns the issuer's answer into a charge and a
 *    status and releases the hold; the answer is stored under the key (`done`) in the same
 *    transaction, so a retry replays exactly what was answered, and the velocity attempt is tied
 *    to its charge. A 4xx here (a rule that changed during the round trip) releases the hold and
 *    becomes the stored answer.
 *
 * If the process dies between 1 and 3, nothing was charged: start-up (`Engine.recover`) releases
 * held intents and deletes `in_flight` keys, so the client's retry with the same key runs afresh.
 * If the request fails between them for another reason, the hold, the attempt and the key are
 * released at once for the same effect — unless the sandbox is closing, when the store is going
 * away and recovery does it at the next start.
 */
/**
 * Which confirm body `raw` is, by its `paymentMethod`: a bank redirect by its type, a saved card by
 * its `id`, else a new card — so each is validated by its own strict schema and a mistake is named
 * at its own path, not as "matches none of three shapes".
 */
function confirmSchemaFor(raw: unknown) {
  const P = serverSchemas();
  const pm = (raw as { paymentMethod?: unknown } | null)?.paymentMethod;
  if (pm === null || typeof pm !== 'object') return P.ConfirmRequest;
  if ((pm as { type?: unknown }).type === 'bank_redirect') return P.BankRedirectConfirmRequest;
  return 'id' in pm ? P.SavedCardConfirmRequest : P.ConfirmRequest;
}

export function confirmRoute(ctx: SandboxContext): void {
  const { app, config, store, engine, idem, velocity } = ctx;
  const P = serverSchemas();

  app.post('/v1/checkout/sessions/:id/confirm', async (c: Context<Env>) => {
    // No CORS here, ever: only the card frame, on this origin, may send card data.
    const origin = c.req.header('origin');
    const own = ownOrigin(c);
    if (origin !== undefined && origin !== own) {
      throw new ApiError('invalid_request_error', 'origin_not_allowed', `Card data is accepted only from the XPay card frame (${own}), not from ${origin}.`, { origin, allowedOrigins: [own] }, 403);
    }
    engine.runDueJobs();
    const s = clientSession(c, engine);
    // The page that embeds the frame must be one the session allows (the frame's document no
    // longer checks it: it is one cached URL for every session).
    checkBrowserOrigin(c, s);
    const raw = await readJson(c);
    const req = validate(confirmSchemaFor(raw), raw) as ConfirmRequest;
    const key = idempotencyKey(c);
    const scope = `cs:${s.id}`;
    const hash = key === null ? '' : idem.hash('POST', c.req.path, raw);
    const requestId = c.get('requestId');
    const attempt: AttemptKeys = {
      client: clientKey(getConnInfo(c).remote.address),
      paymentLink: s.paymentLink ?? null,
      fingerprint: engine.attemptFingerprint(s.id, req),
    };

    // ---- 1. begin ----
    let replayed = false;
    const first = store.tx((): { done: Result } | { intentId: string; attemptId: number } => {
      if (key !== null) {
        const replay = idem.check(scope, key, hash);
        if (replay) {
          replayed = true;
          return { done: replay };
        }
      }
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
      // ---- 2. the card network's round trip ----
      await new Promise((r) => setTimeout(r, config.issuerLatencyMs));
      if (ctx.closed()) throw new ApiError('api_error', 'shutting_down', 'The sandbox is shutting down.', {}, 503);
      // ---- 3. finish ----
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
      if (!ctx.closed()) {
        store.tx(() => {
          engine.release(first.intentId);
          velocity.release(first.attemptId);
          if (key !== null) idem.abandon(scope, key);
        });
      }
      throw err;
    }
  });
}
