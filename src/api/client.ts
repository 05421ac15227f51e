import { newIdempotencyKey, path, sessionIdFromClientSecret, sessionIdOf } from './paths.js';
import { createRequest, type CallOptions, type RequestSpec, type TransportOptions } from './request.js';
import { clientSchemas, type ClientPublicSession } from './schemas.js';

/** Options of {@link createApiClient}. */
export interface ApiClientOptions extends TransportOptions {
  /** The session's client secret (`cs_…_secret_…`); sent only in the `XPay-Client-Secret` header. */
  clientSecret: string;
}

/** Options of {@link ApiClient.waitForChange}. */
export interface WaitOptions extends CallOptions {
  /** How long the server may hold the request open, in seconds. Default 25. */
  waitSeconds?: number;
}

/** The session API as the widget on the merchant page uses it (client-secret endpoints only). */
export interface ApiClient {
  /** The session id inside the client secret, or null when the secret is malformed (calls then reject). */
  readonly sessionId: string | null;
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
 * The widget's API client. Every endpoint is a few lines over the one `request()` (timeouts, retries,
 * typed errors, lenient parsing); a malformed client secret makes each call reject with an
 * `IntegrationError` instead of throwing here, so an element can report it like any other error.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const request = createRequest(options, { 'XPay-Client-Secret': options.clientSecret.trim() });
  // Throws the IntegrationError for a malformed secret inside each (async) call, which then rejects.
  const id = () => sessionIdFromClientSecret(options.clientSecret);

  // Every endpoint answers the session's public view.
  const sessionRequest = (spec: Omit<RequestSpec<ClientPublicSession>, 'schema'>) =>
    request({ ...spec, schema: clientSchemas().PublicSession });

  return {
    sessionId: sessionIdOf(options.clientSecret),
    async getPublicSession(call) {
      return sessionRequest({ method: 'GET', path: path`/v1/checkout/sessions/${id()}/public`, signal: call?.signal });
    },
    async waitForChange(sinceVersion, { signal, waitSeconds = 25 } = {}) {
      return sessionRequest({
        method: 'GET',
        // Two numbers: nothing in the query to encode.
        path: path`/v1/checkout/sessions/${id()}/public` + `?wait=${waitSeconds}&since=${sinceVersion}`,
        // The server holds the request for up to `waitSeconds`: that is not a timeout.
        timeoutMs: waitSeconds * 1000 + (options.timeoutMs ?? 10_000),
        signal,
      });
    },
    async abandonAction(call) {
      return sessionRequest({
        method: 'POST',
        path: path`/v1/checkout/sessions/${id()}/abandon_action`,
        body: {},
        // Keyed, so a retry after a lost reply replays instead of failing on the new state.
        idempotencyKey: newIdempotencyKey(),
        signal: call?.signal,
      });
    },
  };
}
