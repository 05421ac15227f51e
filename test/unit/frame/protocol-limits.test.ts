import { describe, expect, it } from 'vitest';
import { parseFrameMessage, parseHostMessage } from '../../../src/frame/protocol.js';

/**
 * The bounds of the frame protocol's fields, checked on the edges. The schemas express them with
 * `z.refine` and `z.literal([...])` rather than `z.maxLength`/`z.minimum`/`z.enum` (smaller bundles);
 * these tests pin that the guarantees did not move: lengths in code points, inclusive ranges, closed
 * sets of values.
 */
const failure = (error: Record<string, unknown>) => ({
  v: 1,
  type: 'result',
  idempotencyKey: 'key_0123456789',
  ok: false,
  error: { type: 'api_error', code: 'x', message: 'm', ...error },
});

describe('frame → host field bounds', () => {
  it('should accept an error message of exactly 1000 characters, counting code points', () => {
    expect(parseFrameMessage(failure({ message: 'x'.repeat(1000) }))).not.toBeNull();
    // 1000 astral characters are 2000 UTF-16 units, still 1000 characters.
    expect(parseFrameMessage(failure({ message: '💳'.repeat(1000) }))).not.toBeNull();
  });

  it('should drop a result whose error fields are one character too long', () => {
    expect(parseFrameMessage(failure({ message: 'x'.repeat(1001) }))).toBeNull();
    expect(parseFrameMessage(failure({ code: 'x'.repeat(101) }))).toBeNull();
    expect(parseFrameMessage(failure({ declineCode: 'x'.repeat(101) }))).toBeNull();
    expect(parseFrameMessage(failure({ requestId: 'x'.repeat(101) }))).toBeNull();
    expect(parseFrameMessage({ ...failure({}), idempotencyKey: 'k'.repeat(256) })).toBeNull();
  });

  it('should drop an error type outside the public set', () => {
    expect(parseFrameMessage(failure({ type: 'card_error' }))).not.toBeNull();
    expect(parseFrameMessage(failure({ type: 'rate_limit_error' }))).toBeNull();
  });

  it('should accept heights from 0 to 10000 inclusive, and nothing else', () => {
    for (const height of [0, 212.5, 10_000]) expect(parseFrameMessage({ v: 1, type: 'resize', height })).not.toBeNull();
    for (const height of [-1, 10_000.5, Number.NaN, '300']) expect(parseFrameMessage({ v: 1, type: 'resize', height })).toBeNull();
  });

  it('should drop a field name the protocol does not know, and a fractional protocol version', () => {
    expect(parseFrameMessage({ v: 1, type: 'focus', field: 'pin' })).toBeNull();
    expect(parseFrameMessage({ v: 1, type: 'ready', protocolVersion: 1.5 })).toBeNull();
  });
});

describe('host → frame field bounds', () => {
  const init = { v: 1, type: 'init', clientSecret: 'cs_test_a_secret_b', locale: 'en-US', styleTokens: {} };

  it('should cap the client secret at 256, and read a locale over 35 characters as auto', () => {
    const longSecret = `cs_${'a'.repeat(240)}_secret_${'b'.repeat(5)}`;
    expect(longSecret.length).toBe(256);
    expect(parseHostMessage({ ...init, clientSecret: longSecret })).not.toBeNull();
    expect(parseHostMessage({ ...init, clientSecret: longSecret + 'b' })).toBeNull();
    const locale = (last: number) => `en-${'a'.repeat(8)}-${'b'.repeat(8)}-${'c'.repeat(8)}-${'d'.repeat(last)}`;
    expect(locale(5).length).toBe(35);
    expect(parseHostMessage({ ...init, locale: locale(5) })).not.toBeNull();
    expect(parseHostMessage({ ...init, locale: locale(6) })).toEqual({ ...init, locale: 'auto' });
  });

  it('should drop a challenge window size outside 01–05', () => {
    const confirm = {
      v: 1,
      type: 'confirm',
      idempotencyKey: 'key_0123456789abcdef',
      billingDetails: {},
      returnOrigin: 'http://localhost:5173',
    };
    expect(parseHostMessage({ ...confirm, challengeWindowSize: '05' })).not.toBeNull();
    expect(parseHostMessage({ ...confirm, challengeWindowSize: '06' })).toBeNull();
  });
});
