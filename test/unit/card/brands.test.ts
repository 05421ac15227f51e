import { describe, expect, it } from 'vitest';
import { CARD_BRANDS } from '../../../src/api/enums.js';
import {
  CARD_BRAND_TABLE,
  brandSpec,
  detectBrand,
  gapsFor,
  maxLengthFor,
  possibleBrands,
} from '../../../src/card/index.js';

describe('detectBrand', () => {
  it.each([
    // Visa
    ['4', 'visa'],
    ['4242424242424242', 'visa'],
    // Mastercard 51–55
    ['5', 'mastercard'],
    ['51', 'mastercard'],
    ['55', 'mastercard'],
    ['5555555555554444', 'mastercard'],
    ['50', 'unknown'],
    ['56', 'unknown'],
    // Mastercard 2-series 2221–2720
    ['2', 'mastercard'],
    ['22', 'mastercard'],
    ['222', 'mastercard'],
    ['2221', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['27', 'mastercard'],
    ['2720', 'mastercard'],
    ['2220', 'unknown'],
    ['2721', 'unknown'],
    ['220', 'unknown'],
    ['28', 'unknown'],
    // Amex
    ['3', 'unknown'],
    ['34', 'amex'],
    ['37', 'amex'],
    ['378282246310005', 'amex'],
    // Diners
    ['36', 'diners'],
    ['38', 'diners'],
    ['30', 'diners'],
    ['300', 'diners'],
    ['305', 'diners'],
    ['306', 'unknown'],
    // JCB 3528–3589
    ['35', 'jcb'],
    ['3528', 'jcb'],
    ['3589', 'jcb'],
    ['3527', 'unknown'],
    ['3590', 'unknown'],
    // Discover
    ['6', 'unknown'],
    ['60', 'discover'],
    ['6011', 'discover'],
    ['6012', 'unknown'],
    ['644', 'discover'],
    ['649', 'discover'],
    ['643', 'unknown'],
    ['65', 'discover'],
    // UnionPay, including the range Discover co-accepts (decided: UnionPay, no icon flip)
    ['62', 'unionpay'],
    ['6200000000000005', 'unionpay'],
    ['622126', 'unionpay'],
    ['622925', 'unionpay'],
    // Nothing
    ['', 'unknown'],
    ['1', 'unknown'],
    ['9', 'unknown'],
  ])('%s → %s', (digits, brand) => {
    expect(detectBrand(digits)).toBe(brand);
  });
});

describe('possibleBrands', () => {
  it('lists every brand for an empty number', () => {
    expect(possibleBrands('')).toHaveLength(CARD_BRAND_TABLE.length);
  });
  it.each([
    ['3', ['amex', 'diners', 'jcb']],
    ['6', ['discover', 'unionpay']],
    ['64', ['discover']],
    ['9', []],
    ['220', []],
  ])('%s could be %j', (digits, brands) => {
    expect(possibleBrands(digits).sort()).toEqual([...brands].sort());
  });
});

describe('the brand table', () => {
  it('lists every brand of the wire vocabulary once, in its order (CARD_BRANDS, unknown last)', () => {
    expect([...CARD_BRAND_TABLE.map((spec) => spec.brand), 'unknown']).toEqual([...CARD_BRANDS]);
  });

  it.each(CARD_BRAND_TABLE.map((spec) => [spec.brand, spec] as const))(
    '%s has ranges of equal width, ascending lengths and gaps inside its longest number',
    (_brand, spec) => {
      for (const [low, high] of spec.prefixes) {
        expect(String(low).length).toBe(String(high).length);
        expect(low).toBeLessThanOrEqual(high);
      }
      expect([...spec.lengths].sort((a, b) => a - b)).toEqual(spec.lengths);
      for (const gap of spec.gaps) expect(gap).toBeLessThan(maxLengthFor(spec));
    },
  );

  it.each([
    ['visa', [13, 16, 19], 3, 'Visa'],
    ['mastercard', [16], 3, 'Mastercard'],
    ['amex', [15], 4, 'American Express'],
    ['discover', [16, 17, 18, 19], 3, 'Discover'],
    ['diners', [14, 15, 16, 17, 18, 19], 3, 'Diners Club'],
    ['jcb', [16, 17, 18, 19], 3, 'JCB'],
    ['unionpay', [16, 17, 18, 19], 3, 'UnionPay'],
  ] as const)('%s: lengths %j, CVC %i, shown as %s', (brand, lengths, cvc, name) => {
    const spec = brandSpec(brand);
    expect(spec.lengths).toEqual(lengths);
    expect(spec.cvcLength).toBe(cvc);
    expect(spec.displayName).toBe(name);
  });

  it('lays Diners out 4-6-4 up to 14 digits and 4-4-4-4-3 beyond', () => {
    expect(gapsFor(brandSpec('diners'), 14)).toEqual([4, 10]);
    expect(gapsFor(brandSpec('diners'), 16)).toEqual([4, 8, 12, 16]);
  });

  it('falls back to 19 digits grouped by four for an unknown brand', () => {
    const spec = brandSpec('unknown');
    expect(maxLengthFor(spec)).toBe(19);
    expect(spec.gaps).toEqual([4, 8, 12, 16]);
  });
});
