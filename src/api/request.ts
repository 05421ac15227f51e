import {
  ApiError,
  errorBodyOf,
  NetworkError,
  RequestAbortedError,
  ResponseValidationError,
  TimeoutError,
  type ResponseIssue,
} from './errors.js';
import { MAX_RESPONSE_BYTES, readBodyText } from './read-body.js';
import { deadline } from './signals.js';

/** How requests reach the API; shared by the widget's client and the card frame's confirm. */
export interface TransportOptions {
  /** The API origin, e.g. `http://127.0.0.1:4242`; `''` for same-origin (the card frame). */
  apiBase: string;
  /** The `fetch` to use (tests, SSR polyfills); defaults to the global one, looked up per call. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms, covering headers and body. Default 10 000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for GETs and keyed POSTs only. Default 2. */
  retries?: number;
  /**
   * Longest total wait for `Retry-After` over one call's retries, in seconds: a wait that would
   * pass it fails at once with the reply that asked for it. Default 30.
   */
  maxRetryAfterSeconds?: number;
  /** First backoff step in ms (doubles per retry, capped at 8× this, jittered). Default 300. */
  backoffBaseMs?: number;
}

/** Per-call options every endpoint accepts. */
export interface CallOptions {
  /** Aborts the call, including a backoff wait; the call then rejects with `RequestAbortedError`. */
  signal?: AbortSignal;
}

/** One request, as an endpoint describes it. */
export interface RequestSpec<T> {
  method: 'GET' | 'POST';
  /** Built with `path```, so segments are already encoded; a query string may follow. */
  path: string;
  body?: unknown;
  /** Checks the reply (a lenient zod schema, or a hand-written check); a failure is a `ResponseValidationError`. */
  schema: ReplySchema<T>;
  /** Makes a POST safe to retry: the same key is sent on every attempt, so the server replays. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Overrides the per-attempt timeout (e.g. a long-poll's wait plus a margin). */
  timeoutMs?: number;
}

/** What checks a reply: any zod schema is one; so is a hand-written `{ safeParse }`. */
export interface ReplySchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly ResponseIssue[] } };
}

/** Sends one logical request (with its retries) and returns the parsed reply. */
export type RequestFn = <T>(spec: RequestSpec<T>) => Promise<T>;

const DEFAULTS = { timeoutMs: 10_000, retries: 2, maxRetryAfterSeconds: 30, backoffBaseMs: 300 };

/**
 * The one place that talks HTTP to the API, for the widget and the card frame alike: timeout per
 * attempt, the caller's AbortSignal, a body read with a hard size limit, JSON + schema parsing,
 * error-body mapping to typed errors, and retries with exponential backoff + jitter for GETs and
 * keyed POSTs, honouring `Retry-After` (bounded in total). `headers` are sent on every request (the
 * client secret goes here, never in a URL).
 */
export function createRequest(options: TransportOptions, headers: Record<string, string> = {}): RequestFn {
  const o = { ...DEFAULTS, ...options };
  const apiBase = o.apiBase.replace(/\/+$/, '');

  return async function request<T>(spec: RequestSpec<T>): Promise<T> {
    const url = apiBase + spec.path;
    const retries = spec.method === 'GET' || spec.idempotencyKey !== undefined ? o.retries : 0;
    /** Budget left for `Retry-After` waits, in ms. */
    let retryAfterBudget = o.maxRetryAfterSeconds * 1000;
    for (let attempt = 0; ; attempt++) {
      if (spec.signal?.aborted) throw new RequestAbortedError(spec.signal.reason);
      try {
        return await send(url, spec);
      } catch (error) {
        const delay = attempt < retries ? retryDelayMs(error, attempt, retryAfterBudget) : null;
        if (delay === null) throw error;
        if (error instanceof ApiError && error.retryAfterSeconds !== undefined) retryAfterBudget -= delay;
        await sleep(delay, spec.signal);
      }
    }
  };

  async function send<T>(url: string, spec: RequestSpec<T>): Promise<T> {
    const timeoutMs = spec.timeoutMs ?? o.timeoutMs;
    // Passed to fetch, the signal also aborts reading the body: the timeout covers headers and body.
    const timeout = deadline(timeoutMs, spec.signal);
    let response: Response;
    let text: string | null;
    try {
      const init: RequestInit = {
        method: spec.method,
        headers: requestHeaders(spec),
        signal: timeout.signal,
        // The client secret is the only credential the API reads, and caches must not keep a
        // session view. Not `omit`: Chromium keeps uncredentialed requests in a socket pool of
        // their own, so the card frame's first read would open a second connection (one more
        // round trip, two with TLS) beside the one its document just came on. `same-origin` sends
        // the API origin's own cookies (it sets none) and nothing cross-origin.
        credentials: 'same-origin',
        cache: 'no-store',
      };
      if (spec.body !== undefined) init.body = JSON.stringify(spec.body);
      response = await (o.fetch ?? fetch)(url, init);
      text = await readBodyText(response);
    } catch (cause) {
      if (spec.signal?.aborted) throw new RequestAbortedError(spec.signal.reason);
      if (timeout.timedOut) throw new TimeoutError(timeoutMs);
      throw new NetworkError(cause);
    } finally {
      timeout.clear();
    }
    const requestId = response.headers.get('Request-Id') ?? undefined;
    if (!response.ok) throw errorFromResponse(response, text, requestId);
    if (text === null) {
      const message = `the body is larger than ${MAX_RESPONSE_BYTES} bytes`;
      throw new ResponseValidationError({ status: response.status, issues: [{ code: 'too_big', path: [], message }], requestId });
    }
    return parseBody(spec.schema, response.status, text, requestId);
  }

  function requestHeaders(spec: RequestSpec<unknown>): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json', ...headers };
    if (spec.body !== undefined) h['Content-Type'] = 'application/json';
    if (spec.idempotencyKey !== undefined) h['Idempotency-Key'] = spec.idempotencyKey;
    return h;
  }

  /**
   * Milliseconds to wait before retrying after `error`, or null when it must not be retried:
   * network failures, timeouts, 409 and 5xx back off; a `Retry-After` is honoured while the call's
   * budget for them lasts. A 429 without one is not retried: the server did not say when it would
   * accept the request again (the API's "too many attempts" never will).
   */
  function retryDelayMs(error: unknown, attempt: number, retryAfterBudgetMs: number): number | null {
    if (error instanceof ApiError) {
      const { status, retryAfterSeconds } = error;
      if (status !== 429 && status !== 409 && status < 500) return null;
      if (retryAfterSeconds !== undefined) {
        const ms = retryAfterSeconds * 1000;
        return ms > retryAfterBudgetMs ? null : ms;
      }
      if (status === 429) return null;
    } else if (!(error instanceof NetworkError || error instanceof TimeoutError)) {
      // Aborted by the caller, or a reply we cannot read: retrying will not change it.
      return null;
    }
    // Exponential, capped, with "equal jitter" so many widgets retrying together spread out.
    const step = o.backoffBaseMs * 2 ** Math.min(attempt, 3);
    return step / 2 + Math.random() * (step / 2);
  }
}

/** The typed error for a non-2xx reply; `text` is null when its body was over the size limit. */
function errorFromResponse(response: Response, text: string | null, requestId: string | undefined): ApiError {
  return new ApiError({
    status: response.status,
    body: text === null ? null : errorBodyOf(safeJson(text)),
    requestId,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

function parseBody<T>(schema: ReplySchema<T>, status: number, text: string, requestId: string | undefined): T {
  const json = safeJson(text);
  let issues: readonly ResponseIssue[];
  if (json === NOT_JSON) {
    issues = [{ code: 'invalid_json', path: [], message: 'the body is not JSON' }];
  } else {
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    issues = result.error.issues; // zod's issues are ResponseIssues (zod has already dropped `input`)
  }
  throw new ResponseValidationError({ status, issues, requestId });
}

const NOT_JSON = Symbol('not json');

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** `Retry-After` as delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Waits `ms`, or less if `signal` aborts: the retry loop then checks `signal` and rejects. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done);
  });
}
