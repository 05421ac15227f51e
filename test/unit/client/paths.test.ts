import { describe, expect, it } from 'vitest';
import { invalidClientSecretMessage, newIdempotencyKey, path, sessionIdOf } from '../../../src/api/paths.js';
import { parseRetryAfter } from '../../../src/api/request.js';

describe('path', () => {
  it('should percent-encode every segment so an id cannot add a segment, query or fragment', () => {
    expect(path`/v1/checkout/sessions/${'cs_a/b?c#d'}/public`).toBe('/v1/checkout/sessions/cs_a%2Fb%3Fc%23d/public');
  });

  it('should refuse dot segments and empty ids', () => {
    expect(() => path`/v1/checkout/sessions/${'..'}/public`).toThrow(TypeError);
    expect(() => path`/v1/checkout/sessions/${''}/public`).toThrow(TypeError);
  });
});

describe('sessionIdOf', () => {
  it('should take the session id out of a client secret', () => {
    expect(sessionIdOf('cs_test_a1b2c3_secret_Zx9')).toBe('cs_test_a1b2c3');
  });

  it('should find no session in anything that is not cs_…_secret_…', () => {
    for (const bad of ['', 'sk_test_sandbox', 'cs_test_only', 'pi_x_secret_y', 'cs_a_secret_', 'cs_a_secret_b/../c']) {
      expect(sessionIdOf(bad), bad).toBeNull();
    }
  });
});

describe('invalidClientSecretMessage', () => {
  it('should hint at a secret key without echoing it', () => {
    const message = invalidClientSecretMessage('sk_test_sandbox');
    expect(message).toContain('secret key');
    expect(message).not.toContain('sk_test_sandbox');
    expect(invalidClientSecretMessage('cs_wrong')).not.toContain('cs_wrong');
  });
});

describe('newIdempotencyKey', () => {
  it('should make distinct keys the sandbox accepts (1–255 visible ASCII)', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^xpay_[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe('parseRetryAfter', () => {
  it('should read delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:59:00 GMT', now)).toBe(0);
  });
});
