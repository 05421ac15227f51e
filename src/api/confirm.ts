import { clientHeaders } from './client.js';
import { path } from './paths.js';
import { createRequest, type CallOptions, type TransportOptions } from './request.js';
import type { ClientPublicSession, ConfirmRequest } from './schemas.js';
import { sessionView } from './session-view.js';

/** Options of {@link postConfirm}. */
export interface PostConfirmOptions extends TransportOptions, CallOptions {
  /** The session's id (`cs_…`). */
  sessionId: string;
  /** The session's client secret, which the caller has checked belongs to `sessionId`. */
  clientSecret: string;
  /** One key per customer action, sent unchanged on every retry so the server replays, never charges twice. */
  idempotencyKey: string;
  /** The card frame's embedding page, sent as `XPay-Embedding-Origin` (see {@link clientHeaders}). */
  embeddingOrigin?: string;
}

/**
 * `POST /v1/checkout/sessions/:id/confirm`, the one confirm implementation. Only the card frame
 * calls it (the API answers confirm without CORS, so only its own origin can send card data). It
 * runs on the same `request()` as the widget's reads, so both classify errors the same way:
 * timeout per attempt (default 30 s, since the issuer authorises within it); retries with the same
 * Idempotency-Key (default 3) on network errors, timeouts, 409 and 5xx, and on 429 and 503 after
 * their `Retry-After` (at most 30 s of such waits in all); typed errors. A decline rejects with an
 * `ApiError` whose `type` is `card_error` and whose `paymentIntent` is the intent; a rate limit that
 * outlasts the waits with code `rate_limited` (or the API's `too_many_attempts`).
 *
 * The answer is checked only for being a session view (see session-view.ts): its reader validates it.
 */
export async function postConfirm(body: ConfirmRequest, options: PostConfirmOptions): Promise<ClientPublicSession> {
  const request = createRequest(
    { timeoutMs: 30_000, retries: 3, backoffBaseMs: 500, ...options },
    clientHeaders(options),
  );
  return request({
    method: 'POST',
    path: path`/v1/checkout/sessions/${options.sessionId}/confirm`,
    body,
    schema: sessionView,
    idempotencyKey: options.idempotencyKey,
    ...(options.signal && { signal: options.signal }),
  });
}
