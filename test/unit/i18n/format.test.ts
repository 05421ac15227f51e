import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src/i18n/format.js';

describe('formatMoney', () => {
  it('should format USD from cents with two decimals', () => {
    expect(formatMoney(2500, 'usd')).toBe('$25.00');
  });

  it('should format JPY with no decimals (exponent 0)', () => {
    expect(formatMoney(2500, 'jpy')).toBe('¥2,500');
  });

  it('should format KWD with three decimals (exponent 3)', () => {
    expect(formatMoney(1234, 'kwd')).toMatch(/^KWD\s1\.234$/);
  });

  it('should accept upper-case currency codes', () => {
    expect(formatMoney(199, 'EUR', 'de-DE')).toMatch(/^1,99\s€$/);
  });

  it('should format zero and large amounts exactly', () => {
    expect(formatMoney(0, 'usd')).toBe('$0.00');
    expect(formatMoney(123456789, 'usd')).toBe('$1,234,567.89');
  });
});
