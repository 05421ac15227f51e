import { describe, expect, it } from 'vitest';
import { isExactOrigin, readFrameParams } from '../../../src/frame/frame-params.js';
import { tokenProperty } from '../../../src/frame/style-tokens.js';

describe('readFrameParams', () => {
  it('reads the host origin and the mode, and no session: one document serves every session', () => {
    expect(readFrameParams('?origin=http%3A%2F%2Flocalhost%3A5173&mode=test')).toEqual({ hostOrigin: 'http://localhost:5173', testMode: true });
    expect(readFrameParams('?origin=https%3A%2F%2Fshop.example&mode=live')).toEqual({ hostOrigin: 'https://shop.example', testMode: false });
    expect(readFrameParams('?origin=https%3A%2F%2Fshop.example')).toEqual({ hostOrigin: 'https://shop.example', testMode: false });
  });

  it.each([
    ['no parameters', ''],
    ['no origin', '?mode=test'],
    ['an origin with a path', '?origin=http://localhost:5173/shop'],
    ['an origin with a trailing slash', '?origin=http://localhost:5173/'],
    ['a wildcard origin', '?origin=*'],
    ['an opaque origin', '?origin=null'],
    ['a javascript: origin', '?origin=javascript:alert(1)'],
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

it('names the custom property of each style token', () => {
  expect(tokenProperty('colorText')).toBe('--xpay-color-text');
  expect(tokenProperty('radius')).toBe('--xpay-radius');
  expect(tokenProperty('inputBackground')).toBe('--xpay-input-background');
});
