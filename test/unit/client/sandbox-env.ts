import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../../sandbox/config.js';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server.js';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy.js';

/** The sandbox's default secret key (sandbox/config.ts, XPAY_SECRET_KEY). */
export const SECRET_KEY = 'sk_test_sandbox';

/** A real sandbox on an ephemeral loopback port with a temp SQLite file, behind a fault proxy. */
export interface SandboxEnv {
  sandbox: SandboxHandle;
  proxy: FaultProxy;
  /** Creates a session through the secret-key API (straight to the sandbox, not via the proxy). */
  createSession(body?: Record<string, unknown>): Promise<{ id: string; clientSecret: string }>;
  /** Calls a secret-key endpoint directly. */
  secret(method: string, path: string, body?: unknown): Promise<any>;
  stop(): Promise<void>;
}

/** Starts the sandbox (short delays so processing and long-poll paths run in seconds) and the proxy. */
export async function startSandboxEnv(): Promise<SandboxEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'xpay-client-test-'));
  const sandbox = await startSandbox(
    loadConfig({
      XPAY_SANDBOX_PORT: '0',
      XPAY_SANDBOX_DB: join(dir, 'sandbox.db'),
      XPAY_SANDBOX_LOG: '0',
      XPAY_SANDBOX_PROCESSING_MS: '300',
      XPAY_SANDBOX_ISSUER_LATENCY_MS: '5',
      // Every client test declines from 127.0.0.1 with the same test cards: no velocity limits here.
      XPAY_SANDBOX_VELOCITY_PER_LINK: '100000',
      XPAY_SANDBOX_VELOCITY_PER_CLIENT: '100000',
      XPAY_SANDBOX_VELOCITY_PER_CARD: '100000',
    }),
  );
  const proxy = await startFaultProxy(sandbox.url);

  async function secret(method: string, path: string, body?: unknown): Promise<any> {
    const init: RequestInit = { method, headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await fetch(sandbox.url + path, init);
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  return {
    sandbox,
    proxy,
    secret,
    async createSession(extra = {}) {
      const s = await secret('POST', '/v1/checkout/sessions', {
        lineItems: [{ name: 'T-shirt', unitAmount: 1250, quantity: 2 }],
        currency: 'usd',
        mode: 'payment',
        successUrl: 'http://localhost:3000/success',
        cancelUrl: 'http://localhost:3000/cart',
        ...extra,
      });
      return { id: s.id, clientSecret: s.clientSecret };
    },
    async stop() {
      await proxy.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A checkout session as a test holds it: its id and the client secret the widget would get. */
export interface TestSession {
  id: string;
  clientSecret: string;
}

/** What {@link useSandboxEnv} gives a test file: its sandbox, and the running test's session. */
export interface SandboxTestContext {
  /** One sandbox and fault proxy for the whole file. */
  readonly env: SandboxEnv;
  /** A fresh session before each test; a test that needs other options may replace it. */
  session: TestSession;
}

/**
 * Registers the hooks of a sandbox-backed test file: one sandbox (behind its fault proxy) for the
 * file, stopped after it, and before each test a proxy with no faults or recorded requests and a
 * fresh session, so no test sees another's payment. Call it once, at the top of the file.
 */
export function useSandboxEnv(): SandboxTestContext {
  let env: SandboxEnv | undefined;
  let session: TestSession | undefined;
  beforeAll(async () => {
    env = await startSandboxEnv();
  });
  afterAll(async () => {
    await env?.stop();
  });
  beforeEach(async () => {
    env!.proxy.reset();
    session = await env!.createSession();
  });
  // Read lazily: the file's top level runs before beforeAll has started anything.
  return {
    get env() {
      if (!env) throw new Error('useSandboxEnv: the sandbox is started in beforeAll; read env inside a hook or test.');
      return env;
    },
    get session() {
      if (!session) throw new Error('useSandboxEnv: the session is created in beforeEach; read it inside a test.');
      return session;
    },
    set session(next) {
      session = next;
    },
  };
}

/** A confirm body for a test card (any future expiry). */
export function cardConfirm(number: string, cvc = '123') {
  return {
    paymentMethod: {
      type: 'card' as const,
      card: { number, expMonth: 12, expYear: new Date().getFullYear() + 3, cvc },
      billingDetails: { name: 'Jo Doe', email: 'jo@example.com', address: { postalCode: '94107', country: 'US' } },
    },
    returnOrigin: 'http://localhost:3000',
  };
}
