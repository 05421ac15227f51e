import { describe, expect, it } from 'vitest';
import { isExactOrigin, readFrameParams, sessionIdOfSecret } from '../../../src/frame/frame-params.js';
import { tokenProperty } from '../../../src/frame/style-tokens.js';

describe('readFrameParams', () => {
  it('reads the session and the host origin', () => {
    expect(readFrameParams('?session=cs_test_abc123&origin=http%3A%2F%2Flocalhost%3A5173')).toEqual({
      sessionId: 'cs_test_abc123',
      hostOrigin: 'http://localhost:5173',
    });
  });

  it.each([
    ['no parameters', ''],
    ['no origin', '?session=cs_test_abc'],
    ['no session', '?origin=http://localhost:5173'],
    ['a session that is not a cs_ id', '?session=pi_123&origin=http://localhost:5173'],
    ['a client secret as the session', '?session=cs_test_abc_secret_xyz&origin=http://localhost:5173'],
    ['an origin with a path', '?session=cs_test_abc&origin=http://localhost:5173/shop'],
    ['an origin with a trailing slash', '?session=cs_test_abc&origin=http://localhost:5173/'],
    ['a wildcard origin', '?session=cs_test_abc&origin=*'],
    ['an opaque origin', '?session=cs_test_abc&origin=null'],
    ['a javascript: origin', '?session=cs_test_abc&origin=javascript:alert(1)'],
  ])('refuses %s', (_name, search) => {
    expect(readFrameParams(search)).toBeNull();
  });
});

describe('isExactOrigin', () => {
  it.each([
    ['http://localhost:5173', true],
    ['https://shop.example', true],
    ['https://shop.example:443', false],
    ['HTTPS://shop.example', false],
    ['https://user@shop.example', false],
    ['file:///etc/passwd', false],
  ])('%s → %s', (value, exact) => {
    expect(isExactOrigin(value)).toBe(exact);
  });
});

it('finds the session of a client secret', () => {
  expect(sessionIdOfSecret('cs_test_abc123_secret_XYZ')).toBe('cs_test_abc123');
});

it('names the custom property of each style token', () => {
  expect(tokenProperty('colorText')).toBe('--xpay-color-text');
  expect(tokenProperty('radius')).toBe('--xpay-radius');
  expect(tokenProperty('inputBackground')).toBe('--xpay-input-background');
});
