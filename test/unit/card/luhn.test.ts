import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../../src/card/index.js';

describe('luhnValid', () => {
  it.each([
    '4242424242424242',
    '4222222222222',
    '4242424242424242428',
    '5555555555554444',
    '2223003122003222',
    '378282246310005',
    '6011111111111117',
    '36227206271667',
    '3566002020360505',
    '6205500000000000004',
    '0',
    '18',
  ])('accepts %s', (digits) => {
    expect(luhnValid(digits)).toBe(true);
  });

  it.each([
    ['4242424242424241', 'last digit off by one'],
    ['4242424242424243', 'last digit off by one'],
    ['2424424242424242', 'two digits swapped'],
    ['378282246310006', 'amex with a wrong check digit'],
    ['1', 'single non-zero digit'],
    ['', 'empty'],
    ['4242 4242 4242 4242', 'spaces are not digits'],
    ['42424242424242a2', 'letters'],
  ])('rejects %s (%s)', (digits) => {
    expect(luhnValid(digits)).toBe(false);
  });
});
