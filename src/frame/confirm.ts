import type { ClientPublicIntent, ClientPublicSession, ConfirmRequest } from '../api/schemas.js';
import type { FrameResult, FrameResultError } from './protocol.js';

/** A confirm outcome as the frame reports it to the host (without the message envelope). */
export type ConfirmOutcome = FrameResult extends infer R
  ? R extends FrameResult
    ? Omit<R, 'v' | 'type' | 'idempotencyKey'>
    : never
  : never;

/** Options for {@link confirmCard}. */
export interface ConfirmCardOptions {
  /** `''` in the frame: the API is the frame's own origin. An absolute origin in tests. */
  readonly apiBase: string;
  readonly sessionId: string;
  readonly clientSecret: string;
  /** One key per customer action, sent unchanged on every retry so the server replays. */
  readonly idempotencyKey: string;
  readonly body: ConfirmRequest;
  /** Per attempt. Default 30 s: a confirm includes the issuer's authorisation. */
  readonly timeoutMs?: number;
  /** Waits before each retry; their count is the number of retries. Jitter is added. */
  readonly retryDelaysMs?: readonly number[];
  readonly fetch?: typeof fetch;
}

const DEFAULT_RETRY_DELAYS_MS = [500, 1500, 4000];
const INTEGRATION_CODES = new Set(['invalid_client_secret', 'session_not_found', 'origin_not_allowed']);

/** One attempt's outcome, and whether trying again with the same key could change it. */
interface Attempt {
  outcome: ConfirmOutcome;
  retryable: boolean;
}

/** Maps the API's error `type` to the widget's `XpayError` types. */
function errorType(type: string, code: string, param: string | undefined): FrameResultError['type'] {
  if (type === 'card_error') return 'card_error';
  if (type === 'authentication_error' || INTEGRATION_CODES.has(code)) return 'integration_error';
  return type === 'invalid_request_error' && param !== undefined ? 'validation_error' : 'api_error';
}

const isText = (value: unknown): value is string => typeof value === 'string';

const failure = (
  type: FrameResultError['type'],
  code: string,
  message: string,
  requestId?: string | null,
): ConfirmOutcome => ({ ok: false, error: requestId ? { type, code, message, requestId } : { type, code, message } });

async function attempt(options: ConfirmCardOptions, timeoutMs: number): Promise<Attempt> {
  let response: Response;
  let json: unknown;
  try {
    response = await (options.fetch ?? fetch)(
      `${options.apiBase}/v1/checkout/sessions/${encodeURIComponent(options.sessionId)}/confirm`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'XPay-Client-Secret': options.clientSecret,
          'Idempotency-Key': options.idempotencyKey,
        },
        body: JSON.stringify(options.body),
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      },
    );
    json = await response.json().catch(() => undefined);
  } catch {
    // Offline, reset, or our own timeout: the server may or may not have the request.
    return { retryable: true, outcome: failure('network_error', 'network_error', 'The payment service could not be reached.') };
  }
  const { ok, status } = response;
  const requestId = response.headers.get('Request-Id');
  const retryable = status === 409 || status >= 500;
  // Only the shape needed to route the reply is checked here: the host parses the whole `result`
  // with the shared lenient schemas (parseFrameMessage), and building them in the frame too would
  // cost ~1.4 KB brotli of its 14 KB budget for a response from the frame's own origin.
  const body = (json ?? {}) as { object?: unknown; error?: Record<string, unknown> };
  if (ok && body.object === 'checkout.session.public') {
    return { retryable: false, outcome: { ok: true, session: json as ClientPublicSession } };
  }
  const wire = body.error;
  if (ok || !wire || !isText(wire['type']) || !isText(wire['code']) || !isText(wire['message'])) {
    return { retryable, outcome: failure('api_error', 'invalid_response', `Unreadable ${status} response.`, requestId) };
  }
  const code = wire['code'];
  const param = wire['param'];
  const outcome = failure(
    errorType(wire['type'], code, isText(param) ? param : undefined),
    code,
    wire['message'],
    isText(wire['requestId']) ? wire['requestId'] : requestId,
  );
  if (!outcome.ok) {
    if (isText(wire['declineCode'])) outcome.error.declineCode = wire['declineCode'];
    // The host maps it to the input it names, or reports an integration error that names it.
    if (isText(param)) outcome.error.param = param;
    if (wire['paymentIntent']) outcome.paymentIntent = wire['paymentIntent'] as ClientPublicIntent;
  }
  return { retryable, outcome };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POSTs the card to `/v1/checkout/sessions/:id/confirm` and returns what the host may learn: the
 * public session view, or an error (with the intent on a decline). Never throws.
 *
 * Network failures, timeouts, 409 (the same key still in flight) and 5xx are retried with the same
 * `Idempotency-Key` after growing, jittered delays — the server replays the first outcome, so a
 * retry can never charge twice. When retries run out the last failure is reported (a network failure
 * as `network_error`: the host treats the outcome as unknown and re-reads the session).
 */
export async function confirmCard(options: ConfirmCardOptions): Promise<ConfirmOutcome> {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let result = await attempt(options, timeoutMs);
  for (const delay of delays) {
    if (!result.retryable) break;
    await sleep(delay * (1 + Math.random() / 2));
    result = await attempt(options, timeoutMs);
  }
  return result.outcome;
}
