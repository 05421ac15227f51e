import type { ApiErrorType } from './enums.js';
import type { ClientErrorBody, ClientPublicIntent } from './schemas.js';

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
  | 'invalid_client_secret';

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

/** The API answered with an error status (4xx/5xx). `code` is the API's code, e.g. `card_declined`. */
export class ApiError extends XpayClientError {
  readonly type: XpayErrorType;
  /** HTTP status. */
  readonly status: number;
  override readonly declineCode?: string;
  /** On a card decline from confirm: the intent, back in `requires_payment_method`. */
  readonly paymentIntent?: ClientPublicIntent;
  /** Seconds the API asked us to wait (`Retry-After`), when it sent one. */
  readonly retryAfterSeconds?: number;

  constructor(init: {
    status: number;
    body: ClientErrorBody['error'] | null;
    requestId?: string;
    retryAfterSeconds?: number;
  }) {
    const { status, body } = init;
    super(body?.code ?? `http_${status}`, body?.message ?? `XPay API answered HTTP ${status}.`, {
      requestId: body?.requestId ?? init.requestId,
    });
    this.status = status;
    this.type = publicTypeOf(status, body);
    // Fields the reply lacks stay undefined; toXpayError() copies only the ones that are set.
    this.declineCode = body?.declineCode;
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

/** API codes that mean the merchant's integration, not the customer, must change something. */
const INTEGRATION_CODES = new Set(['origin_not_allowed', 'session_not_found', 'invalid_client_secret']);

function publicTypeOf(status: number, body: ClientErrorBody['error'] | null): XpayErrorType {
  if (!body) return 'api_error';
  if (body.type === 'card_error') return 'card_error';
  if (INTEGRATION_CODES.has(body.code) || body.type === 'authentication_error') return 'integration_error';
  // A 400 that names a field is something the customer can correct (an email, a postal code).
  if (body.type === 'invalid_request_error' && body.param !== undefined && status === 400) return 'validation_error';
  return 'api_error';
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
    return out;
  }
  return {
    type: 'api_error',
    code: 'unexpected_error',
    message: error instanceof Error ? error.message : 'Unexpected error.',
  };
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

/** Codes after which the session moved on without us: re-read it to learn where it is. */
const STATE_MOVED_CODES = new Set(['payment_intent_unexpected_state', 'session_expired']);

/**
 * Whether a failed confirm (or other state-changing call) may nevertheless have happened, or the
 * session has moved on: a timeout, a lost or unreadable response, a 409 (same key still in flight),
 * a 5xx, an abort, or a "wrong state" answer. The widget must then re-read the session and never
 * report a failure.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError || error instanceof RequestAbortedError) return true;
  if (error instanceof ResponseValidationError) return true;
  if (error instanceof ApiError) {
    return error.status === 409 || error.status >= 500 || STATE_MOVED_CODES.has(error.code);
  }
  return false;
}

/**
 * {@link isOutcomeUnknown} for a confirm the card frame reports as failed. The frame sends the
 * {@link XpayError} projection, without the HTTP status, so the kind of error decides: a card,
 * validation or integration error is a refusal, and so is `too_many_attempts` (the API's 429 after
 * too many failed attempts: this one was never tried). Anything else (a timeout, a lost reply, a 409,
 * a 5xx) may have charged the card: re-read, never report a failure.
 */
export function isConfirmOutcomeUnknown({ type, code }: XpayError): boolean {
  return (type === 'api_error' || type === 'network_error') && code !== TOO_MANY_ATTEMPTS;
}

/** The API's code for its 429 on confirm after too many failed attempts on one session. */
export const TOO_MANY_ATTEMPTS = 'too_many_attempts';
