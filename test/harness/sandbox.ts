/**
 * Browser-side access to the sandbox the test runner started (see sandbox-plugin.mjs). Secret-key
 * calls go through the runner's server, so the secret key never reaches browser code.
 */

let cachedUrl: Promise<string> | undefined;

/** The sandbox API base, e.g. `http://127.0.0.1:53121`. */
export function sandboxUrl(): Promise<string> {
  cachedUrl ??= fetch('/__sandbox.json')
    .then((r) => r.json() as Promise<{ url: string }>)
    .then((j) => j.url);
  return cachedUrl;
}

/** Calls the sandbox's secret-key API through the runner; throws on a non-2xx answer. */
export async function sandboxApi<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch('/__sandbox/api', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method, path, body }),
  });
  const answer = (await response.json()) as { status: number; body: T };
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`sandbox ${method} ${path} → ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** A created session as the tests need it. */
export interface TestSession {
  id: string;
  clientSecret: string;
  amountTotal: number;
  currency: string;
}

/** Options for {@link createSession}: any field of the create-session request. */
export type CreateSessionOptions = Record<string, unknown>;

/**
 * Creates a checkout session that this page's origin may embed: two T-shirts, $25.00, unless
 * overridden.
 */
export function createSession(overrides: CreateSessionOptions = {}): Promise<TestSession> {
  return sandboxApi<TestSession>('POST', '/v1/checkout/sessions', {
    mode: 'payment',
    currency: 'usd',
    lineItems: [{ name: 'T-shirt', unitAmount: 1250, quantity: 2 }],
    successUrl: `${location.origin}/success`,
    cancelUrl: `${location.origin}/cart`,
    allowedOrigins: [location.origin],
    ...overrides,
  });
}
