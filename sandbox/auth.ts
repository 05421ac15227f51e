import type { Context } from 'hono';
import type { SandboxConfig } from './config.js';
import type { Engine, SessionRec } from './engine.js';
import { ApiError, invalid, notFound } from './errors.js';
import { secureEqual, type Env } from './http.js';
import { ownOrigin } from './responses.js';

/**
 * Who may call what. The secret-key API wants `Authorization: Bearer <secret key>`; the client API
 * (the widget, the card frame) wants the session's client secret in `XPay-Client-Secret` — never in
 * the URL — and, from a browser, an `Origin` (or, from the card frame, an `XPay-Embedding-Origin`)
 * among the session's `allowedOrigins`.
 */

/** Throws 401 unless the request carries this sandbox's secret key. */
export function requireSecret(c: Context<Env>, config: SandboxConfig): void {
  const auth = c.req.header('authorization');
  if (!auth) throw new ApiError('authentication_error', 'missing_api_key', 'Send your test secret key as "Authorization: Bearer <key>".');
  const m = /^Bearer (.+)$/.exec(auth);
  if (!m || !secureEqual(m[1]!, config.secretKey)) {
    throw new ApiError('authentication_error', 'invalid_api_key', 'The secret key is not valid for this sandbox.');
  }
}

/** The session named by `:id`, once the client secret sent for it matches. */
export function clientSession(c: Context<Env>, engine: Engine): SessionRec {
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

/**
 * The header in which the card frame names the page that embeds it. The frame's document is one
 * URL per embedding origin, cached across sessions, so the session's `allowedOrigins` can no longer
 * be enforced when the document is served: it is enforced here, on the frame's calls instead. The
 * claim is sound because the frame takes it from its own URL, and that document's CSP
 * (`frame-ancestors <origin> 'self'`) lets a browser render it only inside that origin; and only
 * the API's own origin can send it, since a cross-origin page's `Origin` header always wins.
 */
export const EMBEDDING_ORIGIN_HEADER = 'XPay-Embedding-Origin';

/**
 * The browser origin a client call is made for: a cross-origin page's `Origin`; for a call from
 * this origin (the card frame: a same-origin GET sends no `Origin`, a POST its own), the page that
 * embeds the frame, as the frame names it. Undefined for a server-side caller.
 */
function callerOrigin(c: Context<Env>): string | undefined {
  const origin = c.req.header('origin');
  return origin === undefined || origin === ownOrigin(c) ? (c.req.header(EMBEDDING_ORIGIN_HEADER) ?? origin) : origin;
}

/**
 * Throws 403 when the browser origin the call is made for (see {@link callerOrigin}) is neither
 * allowed by the session nor the sandbox's own.
 */
export function checkBrowserOrigin(c: Context<Env>, s: SessionRec): void {
  const origin = callerOrigin(c);
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
