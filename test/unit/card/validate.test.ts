import { describe, expect, it } from 'vitest';
import {
  expiryForApi,
  isFieldFull,
  shouldShowError,
  validateCard,
  validateCvc,
  validateExpiry,
  validateName,
  validateNumber,
  visibleErrors,
  type FieldInteraction,
} from '../../../src/card/index.js';

// 15 May 2026, local time: the current month is 05 / 26.
const NOW = new Date(2026, 4, 15, 12, 0, 0);

describe('validateNumber', () => {
  it.each([
    ['4242 4242 4242 4242', undefined],
    ['4222222222222', undefined],
    ['4242424242424242428', undefined],
    ['5555555555554444', undefined],
    ['2223003122003222', undefined],
    ['2720990000000007', undefined],
    ['378282246310005', undefined],
    ['6011111111111117', undefined],
    ['6445644564456445', undefined],
    ['6500000000000000003', undefined],
    ['36227206271667', undefined],
    ['3056930009020004', undefined],
    ['3566002020360505', undefined],
    ['6200000000000005', undefined],
    ['6205500000000000004', undefined],
    ['', 'incomplete'],
    ['4242', 'incomplete'],
    ['3', 'incomplete'],
    ['424242424242424', 'incomplete'],
    ['42424242424242424', 'incomplete'],
    ['4242424242424241', 'invalid'],
    ['5555555555554445', 'invalid'],
    ['378282246310006', 'invalid'],
    ['55555555555544445', 'invalid'],
    ['9', 'unsupported_brand'],
    ['1234567812345678', 'unsupported_brand'],
    ['2200000000000000', 'unsupported_brand'],
  ])('%s → %s', (value, code) => {
    expect(validateNumber(value)).toBe(code);
  });
});

describe('validateExpiry', () => {
  it.each([
    ['05 / 26', undefined, 'the current month is still valid'],
    ['06 / 26', undefined, 'next month'],
    ['12 / 30', undefined, 'a normal future date'],
    ['05 / 46', undefined, 'exactly 20 years ahead'],
    ['04 / 26', 'in_past', 'last month'],
    ['12 / 25', 'in_past', 'last year'],
    ['06 / 46', 'too_far', 'more than 20 years ahead'],
    ['12 / 99', 'too_far', 'a typo year'],
    ['00 / 29', 'invalid_month', 'month 00'],
    ['', 'incomplete', 'empty'],
    ['1', 'incomplete', 'half a month'],
    ['12 / ', 'incomplete', 'no year'],
    ['12 / 2', 'incomplete', 'half a year'],
  ])('%s → %s (%s)', (value, code, _why) => {
    expect(validateExpiry(value, NOW)).toBe(code);
  });

  it('accepts December on the last day of December', () => {
    expect(validateExpiry('12 / 26', new Date(2026, 11, 31, 23, 59, 59))).toBeUndefined();
    expect(validateExpiry('12 / 26', new Date(2027, 0, 1, 0, 0, 0))).toBe('in_past');
  });

  it('reads two-digit years in the century around now', () => {
    expect(expiryForApi('12 / 29', NOW)).toEqual({ expMonth: 12, expYear: 2029 });
    expect(expiryForApi('01 / 05', new Date(2095, 0, 1))).toEqual({ expMonth: 1, expYear: 2105 });
    expect(expiryForApi('12 / ', NOW)).toBeNull();
  });
});

describe('validateCvc', () => {
  it.each([
    ['123', 'visa', undefined],
    ['12', 'visa', 'incomplete'],
    ['1234', 'visa', 'incomplete'],
    ['1234', 'amex', undefined],
    ['123', 'amex', 'incomplete'],
    ['123', 'mastercard', undefined],
    ['123', 'discover', undefined],
    ['123', 'diners', undefined],
    ['123', 'jcb', undefined],
    ['123', 'unionpay', undefined],
    ['123', 'unknown', undefined],
    ['1234', 'unknown', undefined],
    ['12', 'unknown', 'incomplete'],
    ['', 'visa', 'incomplete'],
  ] as const)('%s for %s → %s', (value, brand, code) => {
    expect(validateCvc(value, brand)).toBe(code);
  });
});

describe('validateName', () => {
  it.each([
    ['Jane Doe', undefined],
    ['', 'required'],
    ['   ', 'required'],
  ])('"%s" → %s', (value, code) => {
    expect(validateName(value)).toBe(code);
  });
});

describe('validateCard', () => {
  const filled = { name: 'Jane Doe', number: '4242 4242 4242 4242', expiry: '12 / 30', cvc: '123' };

  it('is complete when every field is valid', () => {
    expect(validateCard(filled, NOW)).toEqual({ complete: true, empty: false, brand: 'visa', errors: {} });
  });

  it('is empty with every field reporting its error', () => {
    expect(validateCard({ name: '', number: '', expiry: '', cvc: '' }, NOW)).toEqual({
      complete: false,
      empty: true,
      brand: 'unknown',
      errors: { name: 'required', number: 'incomplete', expiry: 'incomplete', cvc: 'incomplete' },
    });
  });

  it('checks the CVC length against the detected brand', () => {
    const amex = validateCard({ ...filled, number: '3782 822463 10005' }, NOW);
    expect(amex.brand).toBe('amex');
    expect(amex.errors).toEqual({ cvc: 'incomplete' });
    expect(validateCard({ ...filled, number: '3782 822463 10005', cvc: '1234' }, NOW).complete).toBe(true);
  });

  it('never puts a digit of the card in its result', () => {
    const result = validateCard({ ...filled, number: '4242 4242 4242 4241', cvc: '987' }, NOW);
    expect(JSON.stringify(result)).not.toMatch(/\d/);
  });
});

describe('isFieldFull', () => {
  it.each([
    ['number', '4242 4242 4242 4242', 'visa', false],
    ['number', '4242 4242 4242 4242 424', 'visa', true],
    ['number', '5555 5555 5555 4444', 'mastercard', true],
    ['number', '3782 822463 10005', 'amex', true],
    ['expiry', '12 / 2', 'visa', false],
    ['expiry', '12 / 29', 'visa', true],
    ['cvc', '12', 'visa', false],
    ['cvc', '123', 'visa', true],
    ['cvc', '123', 'amex', false],
    ['name', 'Jane', 'visa', false],
  ] as const)('%s "%s" (%s) → %s', (field, value, brand, full) => {
    expect(isFieldFull(field, value, brand)).toBe(full);
  });
});

describe('shouldShowError', () => {
  const typing: FieldInteraction = { focused: true, touched: false, full: false, empty: false };
  const blurred: FieldInteraction = { focused: false, touched: true, full: false, empty: false };

  it.each([
    ['no error', undefined, typing, false, false],
    ['a valid prefix being typed', 'incomplete', typing, false, false],
    ['a Luhn failure before the brand maximum, focused', 'invalid', typing, false, false],
    ['a Luhn failure at the brand maximum, focused', 'invalid', { ...typing, full: true }, false, true],
    ['an expiry in the past once fully typed', 'in_past', { ...typing, full: true }, false, true],
    ['an impossible month while typing', 'invalid_month', typing, false, true],
    ['a first digit no brand uses', 'unsupported_brand', typing, false, true],
    ['an incomplete full field while focused', 'incomplete', { ...typing, full: true }, false, false],
    ['an incomplete field after blur', 'incomplete', blurred, false, true],
    ['a Luhn failure after blur', 'invalid', blurred, false, true],
    ['an untouched field that is not focused', 'incomplete', { ...blurred, touched: false }, false, false],
    ['an empty field after blur', 'required', { ...blurred, empty: true }, false, false],
    ['an empty field after submit', 'required', { ...blurred, empty: true, touched: false }, true, true],
    ['a valid prefix after submit, still focused', 'incomplete', typing, true, true],
  ] as const)('%s → %s', (_case, code, field, submitted, shown) => {
    expect(shouldShowError(code, field, submitted)).toBe(shown);
  });

  it('filters a whole error set field by field', () => {
    const idle: FieldInteraction = { focused: false, touched: false, full: false, empty: true };
    const errors = { name: 'required', number: 'invalid', expiry: 'incomplete', cvc: 'incomplete' } as const;
    const interactions = { name: idle, number: blurred, expiry: typing, cvc: idle };
    expect(visibleErrors(errors, interactions, false)).toEqual({ number: 'invalid' });
    expect(visibleErrors(errors, interactions, true)).toEqual(errors);
  });
});
