import { describe, expect, it } from 'vitest';
import { interpolate, placeholdersOf, pluralVariant } from '../../../src/i18n/interpolate.js';

describe('interpolate', () => {
  it('should fill named placeholders, wherever and however often they appear', () => {
    expect(interpolate('Pay {amount}', { amount: '$5.00' })).toBe('Pay $5.00');
    expect(interpolate('{card}で{amount}', { amount: '¥500', card: 'Visa' })).toBe('Visaで¥500');
    expect(interpolate('{n} + {n} = {sum}', { n: 2, sum: 4 })).toBe('2 + 2 = 4');
    expect(interpolate('Qty {count}', { count: 0 })).toBe('Qty 0');
  });

  it('should leave a placeholder without a value visible, never throw', () => {
    expect(interpolate('Pay {amount}', {})).toBe('Pay {amount}');
    expect(interpolate('{amount} paid with {card}.', { amount: '$5', card: null })).toBe('$5 paid with {card}.');
    expect(interpolate('{amount}', { amount: undefined })).toBe('{amount}');
  });

  it('should not take values from the prototype', () => {
    expect(interpolate('{constructor} {toString} {__proto__}', {})).toBe('{constructor} {toString} {__proto__}');
  });

  it('should not read replacement patterns in values or braces that are not placeholders', () => {
    expect(interpolate('Pay {amount}', { amount: "$& $' $1" })).toBe("Pay $& $' $1");
    expect(interpolate('{ amount } {} {a-b} {{amount}}', { amount: 'x' })).toBe('{ amount } {} {a-b} {x}');
  });
});

describe('placeholdersOf', () => {
  it('should list each placeholder once, sorted', () => {
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['a', 'b']);
    expect(placeholdersOf('none')).toEqual([]);
  });
});

describe('pluralVariant', () => {
  const polish = { one: '{count} produkt', few: '{count} produkty', many: '{count} produktów', other: '{count} produktu' };

  it('should pick the Intl.PluralRules category of the locale', () => {
    expect(pluralVariant(polish, 1, 'pl')).toBe(polish.one);
    expect(pluralVariant(polish, 3, 'pl')).toBe(polish.few);
    expect(pluralVariant(polish, 5, 'pl')).toBe(polish.many);
    expect(pluralVariant(polish, 22, 'pl')).toBe(polish.few);
    expect(pluralVariant(polish, 1.5, 'pl')).toBe(polish.other);
  });

  it('should fall back to other when the message has no variant for the category', () => {
    expect(pluralVariant({ other: 'Qty {count}' }, 1, 'en')).toBe('Qty {count}');
    expect(pluralVariant({ one: 'one', other: 'many' }, 0, 'ar')).toBe('many');
  });
});
