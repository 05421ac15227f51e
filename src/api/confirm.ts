import { path, sessionIdFromClientSecret } from './paths.js';
import { createRequest, type CallOptions, type TransportOptions } from './request.js';
import { clientSchemas, type ClientPublicSession, type ConfirmRequest } from './schemas.js';

/** Options of {@link postConfirm}. */
export interface PostConfirmOptions extends TransportOptions, CallOptions {
  /** The session's client secret; the session id is taken from it. */
  clientSecret: string;
  /** One key per customer action, sent unchanged on every retry so the server replays, never charges twice. */
  idempotencyKey: string;
}

/**
 * `POST /v1/checkout/sessions/:id/confirm` — for the card frame only (the API answers it without
 * CORS, so only its own origin can send card data). Runs on the same `request()` as the widget's
 * client: timeout per attempt (default 30 s, since the issuer authorises within it), retries with
 * the same Idempotency-Key on network errors, timeouts, 409 and 5xx, typed errors. A decline rejects
 * with an `ApiError` whose `type` is `card_error` and whose `paymentIntent` is the intent.
 */
export function postConfirm(body: ConfirmRequest, options: PostConfirmOptions): Promise<ClientPublicSession> {
  const sessionId = sessionIdFromClientSecret(options.clientSecret);
  const request = createRequest(
    { timeoutMs: 30_000, ...options },
    { 'XPay-Client-Secret': options.clientSecret.trim() },
  );
  return request({
    method: 'POST',
    path: path`/v1/checkout/sessions/${sessionId}/confirm`,
    body,
    schema: clientSchemas().PublicSession,
    idempotencyKey: options.idempotencyKey,
    ...(options.signal && { signal: options.signal }),
  });
}
