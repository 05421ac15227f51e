import { newIdempotencyKey, path } from './paths.js';
import { createRequest, type CallOptions, type ReplySchema, type RequestSpec, type TransportOptions } from './request.js';
import type { ClientPublicSession } from './schemas.js';

/** Options of {@link createApiClient}. */
export interface ApiClientOptions extends TransportOptions {
  /** The session's id (`cs_…`). */
  sessionId: string;
  /** The session's client secret (`cs_…_secret_…`), which the caller has checked belongs to `sessionId`; sent only in the `XPay-Client-Secret` header. */
  clientSecret: string;
  /**
   * How a reply is checked: the shared lenient `clientSchemas().PublicSession`, or (in the card
   * frame, which passes views on to a host that validates them) the light `sessionView`. Required,
   * so the frame's bundle never carries the full schemas as a default.
   */
  view: ReplySchema<ClientPublicSession>;
  /** The card frame's embedding page, sent as `XPay-Embedding-Origin` (see {@link clientHeaders}). */
  embeddingOrigin?: string;
}

/** Options of {@link ApiClient.waitForChange}. */
export interface WaitOptions extends CallOptions {
  /** How long the server may hold the request open, in seconds. Default 25. */
  waitSeconds?: number;
}

/** The session API with a client secret (the client-secret endpoints only); the card frame makes these calls for the widget. */
export interface ApiClient {
  /** `GET /v1/checkout/sessions/:id/public`: the session's public view. */
  getPublicSession(options?: CallOptions): Promise<ClientPublicSession>;
  /**
   * Long-poll: answers as soon as the view's `version` moves past `sinceVersion`, or with the
   * unchanged view after `waitSeconds`. How the widget learns processing, 3-D Secure and expiry outcomes.
   */
  waitForChange(sinceVersion: number, options?: WaitOptions): Promise<ClientPublicSession>;
  /** `POST …/abandon_action`: the customer closed the challenge; answers the updated view. */
  abandonAction(options?: CallOptions): Promise<ClientPublicSession>;
}

/**
 * The session API client: the card frame makes the widget's session calls with it, on the API's own
 * origin. Every endpoint is a few lines over the one `request()` (timeouts, retries, typed errors,
 * the reply check the caller chose).
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const request = createRequest(options, clientHeaders(options));
  const publicView = path`/v1/checkout/sessions/${options.sessionId}/public`;

  // Every endpoint answers the session's public view.
  const sessionRequest = (spec: Omit<RequestSpec<ClientPublicSession>, 'schema'>) =>
    request({ ...spec, schema: options.view });

  return {
    async getPublicSession(call) {
      return sessionRequest({ method: 'GET', path: publicView, signal: call?.signal });
    },
    async waitForChange(sinceVersion, { signal, waitSeconds = 25 } = {}) {
      return sessionRequest({
        method: 'GET',
        // Two numbers: nothing in the query to encode.
        path: `${publicView}?wait=${waitSeconds}&since=${sinceVersion}`,
        // The server holds the request for up to `waitSeconds`: that is not a timeout.
        timeoutMs: waitSeconds * 1000 + (options.timeoutMs ?? 10_000),
        signal,
      });
    },
    async abandonAction(call) {
      return sessionRequest({
        method: 'POST',
        path: path`/v1/checkout/sessions/${options.sessionId}/abandon_action`,
        body: {},
        // Keyed, so a retry after a lost reply replays instead of failing on the new state.
        idempotencyKey: newIdempotencyKey(),
        signal: call?.signal,
      });
    },
  };
}

/**
 * The headers of every client-secret call: the secret, never in a URL; and, from the card frame, the
 * page that embeds it. The frame's document names no session (one cached URL serves them all), so
 * the API checks the session's `allowedOrigins` against this header on each of the frame's calls.
 */
export function clientHeaders(options: { clientSecret: string; embeddingOrigin?: string }): Record<string, string> {
  const headers: Record<string, string> = { 'XPay-Client-Secret': options.clientSecret.trim() };
  if (options.embeddingOrigin) headers['XPay-Embedding-Origin'] = options.embeddingOrigin;
  return headers;
}
