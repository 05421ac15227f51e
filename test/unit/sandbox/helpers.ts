import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type SandboxConfig } from '../../../sandbox/config.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../sandbox/server.js';

export const SECRET = 'sk_test_unit';
export const ORIGIN = 'http://localhost:3000';

/** Fast delays for tests; override per test. */
export const FAST_ENV: Record<string, string> = {
  XPAY_SANDBOX_PORT: '0',
  XPAY_SECRET_KEY: SECRET,
  XPAY_MERCHANT_NAME: 'Test <Shop> & "Co"',
  XPAY_SANDBOX_PROCESSING_MS: '200',
  XPAY_SANDBOX_3DS_TIMEOUT_MS: '600000',
  XPAY_SANDBOX_WEBHOOK_BACKOFF_MS: '50',
  XPAY_SANDBOX_WEBHOOK_MAX_ATTEMPTS: '4',
  XPAY_SANDBOX_WEBHOOK_TIMEOUT_MS: '2000',
  XPAY_SANDBOX_SWEEP_MS: '50',
  XPAY_SANDBOX_ISSUER_LATENCY_MS: '30',
  XPAY_SANDBOX_LONG_POLL_MAX_S: '5',
  XPAY_SANDBOX_LOG: '0',
  // Every test file's declines come from 127.0.0.1, often with the same test card: the velocity
  // limits are out of the way here, and velocity.test.ts sets small ones.
  XPAY_SANDBOX_VELOCITY_PER_LINK: '100000',
  XPAY_SANDBOX_VELOCITY_PER_CLIENT: '100000',
  XPAY_SANDBOX_VELOCITY_PER_CARD: '100000',
};

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'xpay-sandbox-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Api {
  sandbox: SandboxHandle;
  url: string;
  dbPath: string;
  config: SandboxConfig;
  request(method: string, path: string, opts?: { body?: unknown; raw?: string; headers?: Record<string, string>; secret?: string | null }): Promise<Reply>;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

/**
 * One sandbox for a test file: started before its tests, stopped (and its files removed) after.
 * The returned object stands for that sandbox, so tests use it as they would the started one.
 */
export function useTestSandbox(env: Record<string, string> = {}): Api {
  let started: (Api & { cleanup(): void }) | undefined;
  beforeAll(async () => {
    started = await startTestSandbox(env);
  });
  afterAll(async () => {
    await started?.close();
    started?.cleanup();
  });
  const current = (): Api => {
    if (!started) throw new Error('useTestSandbox: the sandbox is used before beforeAll started it');
    return started;
  };
  return {
    get sandbox() {
      return current().sandbox;
    },
    get url() {
      return current().url;
    },
    get dbPath() {
      return current().dbPath;
    },
    get config() {
      return current().config;
    },
    request: (...args) => current().request(...args),
    close: () => current().close(),
  };
}

export async function startTestSandbox(env: Record<string, string> = {}, options: SandboxOptions = {}, dir?: string): Promise<Api & { cleanup(): void }> {
  const tmp = dir ? { dir, cleanup: () => undefined } : tempDir();
  const dbPath = join(tmp.dir, 'sandbox.db');
  const config = loadConfig({ ...FAST_ENV, XPAY_SANDBOX_DB: dbPath, ...env });
  const sandbox = await startSandbox(config, options);
  const api = clientFor(sandbox.url);
  return {
    sandbox,
    url: sandbox.url,
    dbPath,
    config,
    request: api,
    close: () => sandbox.close(),
    cleanup: tmp.cleanup,
  };
}

export function clientFor(url: string) {
  return async function request(
    method: string,
    path: string,
    opts: { body?: unknown; raw?: string; headers?: Record<string, string>; secret?: string | null } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.secret !== null) headers.Authorization ??= `Bearer ${opts.secret ?? SECRET}`;
    if (opts.body !== undefined || opts.raw !== undefined) headers['Content-Type'] ??= 'application/json';
    const res = await fetch(url + path, {
      method,
      headers,
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      redirect: 'manual',
    });
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, body, text };
  };
}

export function sessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    lineItems: [{ name: 'T-shirt', unitAmount: 1250, quantity: 2 }],
    currency: 'usd',
    mode: 'payment',
    successUrl: `${ORIGIN}/success`,
    cancelUrl: `${ORIGIN}/cart`,
    allowedOrigins: [ORIGIN],
    ...overrides,
  };
}

export async function createSession(api: Pick<Api, 'request'>, overrides: Record<string, unknown> = {}) {
  const r = await api.request('POST', '/v1/checkout/sessions', { body: sessionBody(overrides) });
  if (r.status !== 200) throw new Error(`create session failed: ${r.status} ${r.text}`);
  return r.body as { id: string; clientSecret: string; [k: string]: unknown };
}

export const CARDS = {
  visa: '4242424242424242',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  generic: '4000000000000002',
  funds: '4000000000009995',
  expired: '4000000000000069',
  cvc: '4000000000000127',
  processingError: '4000000000000119',
  challenge: '4000002760003184',
  challengeDecline: '4000008400001629',
  frictionless: '4000000000003055',
  processingOk: '4000000000007718',
  processingFail: '4000000000007726',
} as const;

export function confirmBody(number: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    paymentMethod: {
      type: 'card',
      card: { number, expMonth: 12, expYear: 2034, cvc: number.startsWith('37') ? '1234' : '123' },
      billingDetails: { name: 'Jo Doe', email: 'jo@example.com', address: { postalCode: '94107', country: 'US' } },
    },
    returnOrigin: ORIGIN,
    ...extra,
  };
}

let keyCounter = 0;
export async function confirm(
  api: Pick<Api, 'request'>,
  session: { id: string; clientSecret: string },
  number: string,
  opts: { key?: string; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return api.request('POST', `/v1/checkout/sessions/${session.id}/confirm`, {
    secret: null,
    body: confirmBody(number, opts.extra),
    headers: { 'XPay-Client-Secret': session.clientSecret, 'Idempotency-Key': opts.key ?? `k-${Date.now()}-${++keyCounter}`, ...(opts.headers ?? {}) },
  });
}

export async function publicView(api: Pick<Api, 'request'>, session: { id: string; clientSecret: string }, query = '', headers: Record<string, string> = {}) {
  return api.request('GET', `/v1/checkout/sessions/${session.id}/public${query}`, {
    secret: null,
    headers: { 'XPay-Client-Secret': session.clientSecret, ...headers },
  });
}

export async function advanceClock(api: Pick<Api, 'request'>, seconds: number) {
  const r = await api.request('POST', '/v1/test_helpers/advance_clock', { body: { seconds } });
  if (r.status !== 200) throw new Error(`advance_clock failed: ${r.text}`);
  return r.body;
}

export async function getSession(api: Pick<Api, 'request'>, id: string) {
  const r = await api.request('GET', `/v1/checkout/sessions/${id}`);
  if (r.status !== 200) throw new Error(`get session failed: ${r.text}`);
  return r.body;
}

/**
 * Polls `fn` until it returns a truthy value (for work driven by the sandbox's own timers). The
 * deadline only bounds a hang: it is generous because a loaded 2-core box can stall a timer for
 * seconds, and the tests' timeout (20 s) is the real ceiling.
 */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, stepMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/**
 * Presses a button of the 3-D Secure issuer page at `url` as its form would: reads the page, then
 * posts that form's fields (its per-challenge token included) to its action, from the page's origin.
 */
export async function decideChallenge(url: string, action: 'complete' | 'fail'): Promise<Response> {
  const html = await (await fetch(url)).text();
  const form = [...html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)].find((m) => m[1]!.split('?')[0]!.endsWith(`/${action}`));
  if (!form) throw new Error(`no ${action} form on ${url}`);
  const fields = new URLSearchParams();
  for (const input of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(input[1]!, input[2]!);
  const target = new URL(form[1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))), url);
  return fetch(target, { method: 'POST', body: fields, headers: { Origin: target.origin }, redirect: 'manual' });
}
