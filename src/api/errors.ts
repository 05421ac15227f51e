import type { ApiErrorType } from './enums.js';

/** The public error categories; `message` is for the customer only for card and validation errors. */
export const XPAY_ERROR_TYPES = [
  'card_error',
  'validation_error',
  'api_error',
  'network_error',
  'integration_error',
] as const;
export type XpayErrorType = (typeof XPAY_ERROR_TYPES)[number];

/**
 * The one plain, serialisable error shape the widget reports everywhere (events, `confirm()`
 * results, frame results). Produce it with {@link toXpayError}; never put a class instance in an
 * event `detail`.
 */
export interface XpayError {
  type: XpayErrorType;
  /** What happened, e.g. `card_declined`, `origin_not_allowed`, `timeout`. */
  code: string;
  /** For card declines, the issuer's reason, e.g. `insufficient_funds`. */
  declineCode?: string;
  /** For card/validation errors a customer-facing sentence; otherwise one that says what to fix. */
  message: string;
  /** The API's `Request-Id`, for support. */
  requestId?: string;
  /** For a 400: the request field the API refused (e.g. `paymentMethod.billingDetails.phone`). */
  param?: string;
}

/** Codes the client itself produces (as opposed to codes the API sends). */
export type ClientErrorCode =
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'invalid_response'
  | 'invalid_client_secret'
  | typeof RATE_LIMITED;

/**
 * Base class of every error the API client throws. It already has the public {@link XpayError}
 * fields, so `toXpayError()` is a projection, not a guess. The subclasses keep Error's `name`: these
 * errors never leave the widget (it reports their projection), and `instanceof` and `code` tell
 * them apart, so six name strings would only cost the bundles bytes.
 */
export abstract class XpayClientError extends Error implements XpayError {
  abstract readonly type: XpayErrorType;
  readonly code: string;
  /** For card declines (an {@link ApiError}), the issuer's reason. */
  readonly declineCode?: string;
  readonly requestId?: string;

  constructor(code: string, message: string, options?: { cause?: unknown; requestId?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.requestId = options?.requestId;
  }
}

/**
 * The `error` of an API error body (`{ error: { type, code, message, … } }`), as far as the client
 * reads it. `type` is the API's error type (`card_error`, `invalid_request_error`, …).
 */
export interface ApiErrorBody {
  type: string;
  code: string;
  message: string;
  param?: string;
  declineCode?: string;
  requestId?: string;
  /** On a card decline from confirm: the intent, as sent (see {@link ApiError.paymentIntent}). */
  paymentIntent?: object;
}

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * Reads an API error body, or null when `json` is not one. Checked by hand rather than with the
 * shared lenient schemas: the card frame reads error bodies too, and building those schemas there
 * would cost ~1.4 KB brotli of its 14 KB budget.
 */
export function errorBodyOf(json: unknown): ApiErrorBody | null {
  const e = (json as { error?: Record<string, unknown> } | null)?.error;
  if (!e || !isText(e['type']) || !isText(e['code']) || !isText(e['message'])) return null;
  const out: ApiErrorBody = { type: e['type'], code: e['code'], message: e['message'] };
  for (const key of ['param', 'declineCode', 'requestId'] as const) {
    const value = e[key];
    if (isText(value)) out[key] = value;
  }
  if (e['paymentIntent'] && typeof e['paymentIntent'] === 'object') out.paymentIntent = e['paymentIntent'];
  return out;
}

/** The API answered with an error status (4xx/5xx). `code` is the API's code, e.g. `card_declined`. */
export class ApiError extends XpayClientError {
  readonly type: XpayErrorType;
  /** HTTP status. */
  readonly status: number;
  override readonly declineCode?: string;
  /** For a 400: the request field the API refused; the host shows it under that field (issue 8 §9). */
  readonly param?: string;
  /**
   * On a card decline from confirm: the intent, back in `requires_payment_method`, unvalidated. Only
   * the card frame reads it, to pass it on; the host parses it with the lenient schemas on receipt.
   */
  readonly paymentIntent?: object;
  /** Seconds the API asked us to wait (`Retry-After`), when it sent one. */
  readonly retryAfterSeconds?: number;

  constructor(init: { status: number; body: ApiErrorBody | null; requestId?: string; retryAfterSeconds?: number }) {
    const { status, body } = init;
    super(codeOf(status, body), body?.message ?? `XPay API answered HTTP ${status}.`, {
      requestId: body?.requestId ?? init.requestId,
    });
    this.status = status;
    this.type = publicTypeOf(status, body);
    // Fields the reply lacks stay undefined; toXpayError() copies only the ones that are set.
    this.declineCode = body?.declineCode;
    this.param = body?.param;
    this.paymentIntent = body?.paymentIntent;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** The request never got an answer: offline, DNS, connection reset, CORS refusal. */
export class NetworkError extends XpayClientError {
  readonly type = 'network_error' as const;
  constructor(cause?: unknown) {
    super('network_error', 'Could not reach the XPay API: check the connection and api-base.', { cause });
  }
}

/** No complete answer within the client's timeout; the request may still have been processed. */
export class TimeoutError extends XpayClientError {
  readonly type = 'network_error' as const;
  constructor(readonly timeoutMs: number) {
    super('timeout', `XPay API did not answer in ${timeoutMs} ms.`);
  }
}

/** The caller aborted the request (its `AbortSignal` fired); not a failure to report. */
export class RequestAbortedError extends XpayClientError {
  readonly type = 'network_error' as const;
  constructor(cause?: unknown) {
    super('aborted', 'Aborted by the caller.', { cause });
  }
}

/** One reason a response did not match its schema (zod issues are structurally compatible). */
export interface ResponseIssue {
  code?: string;
  path: PropertyKey[];
  message: string;
}

/** A 2xx reply whose body is not JSON or fails its (lenient) schema: an error, never a crash. */
export class ResponseValidationError extends XpayClientError {
  readonly type = 'api_error' as const;
  /** HTTP status of the reply. */
  readonly status: number;
  readonly issues: readonly ResponseIssue[];
  constructor(init: { status: number; issues: readonly ResponseIssue[]; requestId?: string }) {
    const first = init.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
    super('invalid_response', `Unreadable XPay API reply${where}: ${first?.message ?? 'unknown'}.`, {
      requestId: init.requestId,
    });
    this.status = init.status;
    this.issues = init.issues;
  }
}

/** The widget was set up wrongly (e.g. a malformed client secret); `message` says what to fix. */
export class IntegrationError extends XpayClientError {
  readonly type = 'integration_error' as const;
}

/*
 * The one error classification, used by the widget (its reads) and the card frame (its confirm)
 * alike: both build an ApiError from the reply, so both get the same `type` and `code`, and the
 * outcome rule below reads only those two.
 */

/** API codes that mean the merchant's integration, not the customer, must change something. */
const INTEGRATION_CODES = new Set(['origin_not_allowed', 'session_not_found', 'invalid_client_secret']);

/** Codes after which the session moved on without us: re-read it to learn where it is. */
const STATE_MOVED_CODES = new Set(['payment_intent_unexpected_state', 'session_expired']);

/** The API's code for its 429 on confirm after too many failed attempts on one session. */
export const TOO_MANY_ATTEMPTS = 'too_many_attempts';

/**
 * The client's code for any other 429 (the API's or a gateway's rate limit) that outlasted the
 * bounded `Retry-After` waits: nothing was done, and trying again later may work.
 */
export const RATE_LIMITED = 'rate_limited';

/** Codes of a refusal that the customer is shown above the form (no decline, yet no charge). */
export const REFUSAL_NOTICE_CODES: readonly string[] = [TOO_MANY_ATTEMPTS, RATE_LIMITED, 'billing_details_missing'];

function codeOf(status: number, body: ApiErrorBody | null): string {
  const code = body?.code ?? `http_${status}`;
  return status === 429 && code !== TOO_MANY_ATTEMPTS ? RATE_LIMITED : code;
}

/**
 * Which public type an API error is: a card refusal (`card_error`), a field the customer can
 * correct (`validation_error`: a 400 that names a `param`), a setup the merchant must fix
 * (`integration_error`: authentication, the integration codes, any other refused request), or the
 * API's own trouble (`api_error`: 5xx, 409 in flight, 429, a session that moved on, a body-less
 * reply from something between us and the API).
 */
function publicTypeOf(status: number, body: ApiErrorBody | null): XpayErrorType {
  if (!body) return 'api_error';
  if (body.type === 'card_error') return 'card_error';
  if (INTEGRATION_CODES.has(body.code) || body.type === 'authentication_error') return 'integration_error';
  if (body.type !== 'invalid_request_error' || status === 409 || STATE_MOVED_CODES.has(body.code)) return 'api_error';
  return status === 400 && body.param !== undefined ? 'validation_error' : 'integration_error';
}

/**
 * Projects anything thrown into the public {@link XpayError} shape (plain data, safe for an event
 * `detail`). An API error keeps the API's own message: the API words its integration errors for the
 * merchant's developer (what to fix: `allowedOrigins`, `api-base`, the client secret), so the
 * widget does not carry a second copy of that text.
 */
export function toXpayError(error: unknown): XpayError {
  if (error instanceof XpayClientError) {
    const out: XpayError = { type: error.type, code: error.code, message: error.message };
    if (error.declineCode !== undefined) out.declineCode = error.declineCode;
    if (error.requestId !== undefined) out.requestId = error.requestId;
    if (error instanceof ApiError && error.param !== undefined) out.param = error.param;
    return out;
  }
  return {
    type: 'api_error',
    code: 'unexpected_error',
    message: error instanceof Error ? error.message : 'Unexpected error.',
  };
}

/**
 * A failed read as the customer should see it. Only a 4xx answer (other than 429) says the
 * integration is wrong (bad client secret, unknown session, origin not allowed); anything else — no
 * answer, a timeout, a 5xx, a 429, an unreadable reply — may pass by itself: a network error, with
 * Try again and automatic retries.
 */
export function readFailureOf(error: unknown): XpayError {
  const e = toXpayError(error);
  return error instanceof ApiError && error.status < 500 && error.status !== 429 ? e : { ...e, type: 'network_error' };
}

/**
 * The public shape of an error the API reported inside a session (`lastPaymentError`). Declines and
 * 3-D Secure failures arrive this way when the outcome is learned by reading the session.
 */
export function fromPaymentError(e: {
  type: ApiErrorType | 'unknown';
  code: string;
  declineCode?: string;
  message: string;
}): XpayError {
  const out: XpayError = { type: e.type === 'card_error' ? 'card_error' : 'api_error', code: e.code, message: e.message };
  if (e.declineCode !== undefined) out.declineCode = e.declineCode;
  return out;
}

/**
 * Whether a failed confirm (or other state-changing call) may nevertheless have happened, or the
 * session has moved on: a timeout, a lost, unreadable or abandoned reply, a 409 (same key still in
 * flight), a 5xx or a "wrong state" answer. The widget must then re-read the session and never
 * report a failure. The same rule as {@link isConfirmOutcomeUnknown}, for an error as thrown.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof XpayClientError && isConfirmOutcomeUnknown(error);
}

/**
 * The outcome rule, on the public {@link XpayError} shape (what the card frame reports to the host,
 * without the HTTP status): a card, validation or integration error is a refusal, and so are the
 * refusal-notice codes (`too_many_attempts`, `rate_limited`: the API refused before trying the
 * card). Any other `api_error` or `network_error` (a timeout, a lost reply, a 409, a 5xx, a session
 * that moved on) may have charged the card: re-read, never report a failure.
 */
export function isConfirmOutcomeUnknown({ type, code }: XpayError): boolean {
  return (type === 'api_error' || type === 'network_error') && !REFUSAL_NOTICE_CODES.includes(code);
}
