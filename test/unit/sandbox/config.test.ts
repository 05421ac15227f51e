import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../sandbox/config.js';

describe('loadConfig', () => {
  it('should default every setting', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 4242,
      dbPath: '.xpay/sandbox.db',
      secretKey: 'sk_test_sandbox',
      webhookUrl: null,
      webhookSecret: null,
      processingMs: 3000,
      challengeTimeoutMs: 600_000,
      authorisationExpiryMs: 7 * 24 * 3600_000,
      maxFailedConfirms: 10,
      velocityWindowS: 600,
      velocityPerLink: 30,
      velocityPerClient: 20,
      velocityPerCard: 10,
      longPollMaxWaitS: 25,
      webhookTimeoutMs: 10_000,
    });
  });

  it('should read every variable from the environment', () => {
    const c = loadConfig({
      XPAY_SANDBOX_HOST: '0.0.0.0',
      XPAY_SANDBOX_PORT: '0',
      XPAY_SANDBOX_DB: '/tmp/x.db',
      XPAY_SECRET_KEY: 'sk_test_x',
      XPAY_MERCHANT_NAME: 'Shop',
      XPAY_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      XPAY_WEBHOOK_SECRET: 'whsec_abc',
      XPAY_SANDBOX_PROCESSING_MS: '5',
      XPAY_SANDBOX_3DS_TIMEOUT_MS: '6',
      XPAY_SANDBOX_WEBHOOK_BACKOFF_MS: '7',
      XPAY_SANDBOX_WEBHOOK_MAX_ATTEMPTS: '2',
      XPAY_SANDBOX_AUTH_EXPIRY_MS: '9',
      XPAY_SANDBOX_SWEEP_MS: '10',
      XPAY_SANDBOX_MAX_FAILED_CONFIRMS: '3',
      XPAY_SANDBOX_VELOCITY_WINDOW_S: '11',
      XPAY_SANDBOX_VELOCITY_PER_LINK: '12',
      XPAY_SANDBOX_VELOCITY_PER_CLIENT: '13',
      XPAY_SANDBOX_VELOCITY_PER_CARD: '14',
      XPAY_SANDBOX_LONG_POLL_MAX_S: '1',
      XPAY_SANDBOX_LOG: '0',
    });
    expect(c).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      dbPath: '/tmp/x.db',
      secretKey: 'sk_test_x',
      merchantName: 'Shop',
      webhookUrl: 'http://127.0.0.1:9/hook',
      webhookSecret: 'whsec_abc',
      processingMs: 5,
      challengeTimeoutMs: 6,
      webhookBackoffMs: 7,
      webhookMaxAttempts: 2,
      authorisationExpiryMs: 9,
      sweepIntervalMs: 10,
      maxFailedConfirms: 3,
      velocityWindowS: 11,
      velocityPerLink: 12,
      velocityPerClient: 13,
      velocityPerCard: 14,
      longPollMaxWaitS: 1,
      logRequests: false,
    });
  });

  it('should refuse malformed numbers and URLs with a clear message', () => {
    expect(() => loadConfig({ XPAY_SANDBOX_PORT: 'abc' })).toThrow(/XPAY_SANDBOX_PORT/);
    expect(() => loadConfig({ XPAY_SANDBOX_PORT: '70000' })).toThrow(/65535/);
    expect(() => loadConfig({ XPAY_SANDBOX_PROCESSING_MS: '-1' })).toThrow(/XPAY_SANDBOX_PROCESSING_MS/);
    expect(() => loadConfig({ XPAY_WEBHOOK_URL: 'ftp://x' })).toThrow(/XPAY_WEBHOOK_URL/);
    // A velocity limit of 0 would refuse every confirm: the smallest is 1.
    expect(() => loadConfig({ XPAY_SANDBOX_VELOCITY_PER_CARD: '0' })).toThrow(/XPAY_SANDBOX_VELOCITY_PER_CARD/);
  });
});
