import { describe, expect, it } from 'vitest';
import { countryOptions, defaultCountry } from '../../../src/elements/checkout/countries.js';

describe('countryOptions', () => {
  it("should name every country in the locale's language and sort them as its collation does", () => {
    const options = countryOptions('de');
    expect(options.find((o) => o.code === 'AT')?.name).toBe('Österreich');
    const names = options.map((o) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('de').compare));
    // German collation puts Ö with O, not after Z as code-unit order would.
    expect(names.indexOf('Österreich')).toBeLessThan(names.indexOf('Panama'));
  });

  it('should answer the same array for the same locale: the form renders on every keystroke', () => {
    expect(countryOptions('fr')).toBe(countryOptions('fr'));
    expect(countryOptions('fr')).not.toBe(countryOptions('ja'));
  });

  it('should fall back to the codes, in code order, for a tag Intl refuses', () => {
    const options = countryOptions('not a locale!');
    expect(options[0]).toEqual({ code: 'AD', name: 'AD' });
    expect(options.map((o) => o.code)).toEqual(options.map((o) => o.code).sort());
  });

  it('should preselect the region of the locale when it is in the list', () => {
    expect(defaultCountry('en-GB')).toBe('GB');
    expect(defaultCountry('de')).toBe('');
  });
});
