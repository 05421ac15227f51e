import { MIN_CARD_KEY_LENGTH } from './card-key.js';

/**
 * Sandbox configuration: every knob is an environment variable with a default, so tests (and a
 * merchant's CI) can shrink every delay. `loadConfig` is pure: pass it any env-like record.
 */
export interface SandboxConfig {
  /** XPAY_SANDBOX_HOST (127.0.0.1). */
  host: string;
  /** XPAY_SANDBOX_PORT (4242); 0 picks an ephemeral port. */
  port: number;
  /** XPAY_SANDBOX_DB (.xpay/sandbox.db). */
  dbPath: string;
  /** XPAY_SECRET_KEY (sk_test_sandbox). */
  secretKey: string;
  /** XPAY_MERCHANT_NAME (Sandbox Merchant): shown on the sandbox's pages and in the public view. */
  merchantName: string;
  /** XPAY_WEBHOOK_URL + XPAY_WEBHOOK_SECRET: an endpoint registered once, idempotently, at start. */
  webhookUrl: string | null;
  webhookSecret: string | null;
  /** XPAY_SANDBOX_PROCESSING_MS (3000): how long the `processing` test cards stay processing. */
  processingMs: number;
  /** XPAY_SANDBOX_BANK_SETTLE_MS (5000): how long a settle-later test bank keeps an authorised payment `processing`. */
  bankSettleMs: number;
  /**
   * XPAY_SANDBOX_3DS_TIMEOUT_MS (600000 = 10 min): an untouched challenge — or bank redirect — is
   * abandoned after this.
   */
  challengeTimeoutMs: number;
  /** XPAY_SANDBOX_WEBHOOK_BACKOFF_MS (5000): first retry delay; doubles each attempt, ±25 % jitter. */
  webhookBackoffMs: number;
  /** XPAY_SANDBOX_WEBHOOK_MAX_ATTEMPTS (8): attempts before a delivery is given up. */
  webhookMaxAttempts: number;
  /** XPAY_SANDBOX_WEBHOOK_TIMEOUT_MS (10000): a delivery not answered 2xx within this failed. */
  webhookTimeoutMs: number;
  /** XPAY_SANDBOX_AUTH_EXPIRY_MS (604800000 = 7 days): uncaptured authorisations are canceled after this. */
  authorisationExpiryMs: number;
  /** XPAY_SANDBOX_SWEEP_MS (1000): the longest the scheduler sleeps between looks at due work. */
  sweepIntervalMs: number;
  /** XPAY_SANDBOX_MAX_FAILED_CONFIRMS (10): failed attempts after which confirm answers 429. */
  maxFailedConfirms: number;
  /** XPAY_SANDBOX_VELOCITY_WINDOW_S (600): the sliding window of the velocity limits (velocity.ts). */
  velocityWindowS: number;
  /** XPAY_SANDBOX_VELOCITY_PER_LINK (30): failed attempts per payment link in the window. */
  velocityPerLink: number;
  /** XPAY_SANDBOX_VELOCITY_PER_CLIENT (20): failed attempts per client address in the window. */
  velocityPerClient: number;
  /** XPAY_SANDBOX_VELOCITY_PER_CARD (10): failed attempts per card fingerprint in the window. */
  velocityPerCard: number;
  /** XPAY_SANDBOX_LONG_POLL_MAX_S (25): cap on `?wait=` of the public view. */
  longPollMaxWaitS: number;
  /** XPAY_SANDBOX_ISSUER_LATENCY_MS (20): simulated round trip to the card network during confirm. */
  issuerLatencyMs: number;
  /** XPAY_SANDBOX_LOG (1): one line per request (method, path, status; never a body). */
  logRequests: boolean;
  /**
   * XPAY_SANDBOX_FINGERPRINT_KEY (unset): the key of card fingerprints and confirm idempotency
   * hashes, ≥ 32 characters. Unset: a key file beside the database (`<db>.fingerprint-key`, 0600).
   */
  fingerprintKey: string | null;
  /**
   * XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS (0): 1 lets `POST /v1/webhook_endpoints` target link-local and
   * metadata addresses and the sandbox itself, which it refuses by default. Loopback is always allowed.
   */
  allowPrivateWebhooks: boolean;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

function str(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
}

function fingerprintKey(env: Env): string | null {
  const raw = env.XPAY_SANDBOX_FINGERPRINT_KEY?.trim();
  if (!raw) return null;
  if (raw.length < MIN_CARD_KEY_LENGTH) {
    throw new Error(`XPAY_SANDBOX_FINGERPRINT_KEY must be at least ${MIN_CARD_KEY_LENGTH} characters (e.g. openssl rand -hex 32).`);
  }
  return raw;
}

/** Reads every knob from an env-like record; throws on a malformed value, naming the variable. */
export function loadConfig(env: Env = {}): SandboxConfig {
  const port = int(env, 'XPAY_SANDBOX_PORT', 4242);
  if (port > 65535) throw new Error(`XPAY_SANDBOX_PORT must be ≤ 65535, got ${port}`);
  const webhookUrl = env.XPAY_WEBHOOK_URL?.trim() || null;
  if (webhookUrl !== null && !/^https?:\/\//.test(webhookUrl)) {
    throw new Error(`XPAY_WEBHOOK_URL must be an http(s) URL, got "${webhookUrl}"`);
  }
  return {
    host: str(env, 'XPAY_SANDBOX_HOST', '127.0.0.1'),
    port,
    dbPath: str(env, 'XPAY_SANDBOX_DB', '.xpay/sandbox.db'),
    secretKey: str(env, 'XPAY_SECRET_KEY', 'sk_test_sandbox'),
    merchantName: str(env, 'XPAY_MERCHANT_NAME', 'Sandbox Merchant'),
    webhookUrl,
    webhookSecret: env.XPAY_WEBHOOK_SECRET?.trim() || null,
    processingMs: int(env, 'XPAY_SANDBOX_PROCESSING_MS', 3000),
    bankSettleMs: int(env, 'XPAY_SANDBOX_BANK_SETTLE_MS', 5000),
    challengeTimeoutMs: int(env, 'XPAY_SANDBOX_3DS_TIMEOUT_MS', 10 * 60_000),
    webhookBackoffMs: int(env, 'XPAY_SANDBOX_WEBHOOK_BACKOFF_MS', 5000, 1),
    webhookMaxAttempts: int(env, 'XPAY_SANDBOX_WEBHOOK_MAX_ATTEMPTS', 8, 1),
    webhookTimeoutMs: int(env, 'XPAY_SANDBOX_WEBHOOK_TIMEOUT_MS', 10_000, 1),
    authorisationExpiryMs: int(env, 'XPAY_SANDBOX_AUTH_EXPIRY_MS', 7 * 24 * 3600_000),
    sweepIntervalMs: int(env, 'XPAY_SANDBOX_SWEEP_MS', 1000, 1),
    maxFailedConfirms: int(env, 'XPAY_SANDBOX_MAX_FAILED_CONFIRMS', 10, 1),
    velocityWindowS: int(env, 'XPAY_SANDBOX_VELOCITY_WINDOW_S', 600, 1),
    velocityPerLink: int(env, 'XPAY_SANDBOX_VELOCITY_PER_LINK', 30, 1),
    velocityPerClient: int(env, 'XPAY_SANDBOX_VELOCITY_PER_CLIENT', 20, 1),
    velocityPerCard: int(env, 'XPAY_SANDBOX_VELOCITY_PER_CARD', 10, 1),
    longPollMaxWaitS: int(env, 'XPAY_SANDBOX_LONG_POLL_MAX_S', 25),
    issuerLatencyMs: int(env, 'XPAY_SANDBOX_ISSUER_LATENCY_MS', 20),
    logRequests: str(env, 'XPAY_SANDBOX_LOG', '1') !== '0',
    fingerprintKey: fingerprintKey(env),
    allowPrivateWebhooks: str(env, 'XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS', '0') === '1',
  };
}
