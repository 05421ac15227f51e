import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../src/i18n/catalogue.js';
import { EN_CHECKOUT, EN_FRAME } from '../../../src/i18n/en-catalogue.js';
import { withEnglishFallback } from '../../../src/i18n/fallback.js';
import { placeholdersOf } from '../../../src/i18n/interpolate.js';
import { SUPPORTED_LOCALES } from '../../../src/i18n/locale.js';
import { shippedCatalogues } from '../../../scripts/frame-locales.js';

/**
 * The shipped catalogues against their English source (issue #12, "Done means"): every locale has
 * every key, with the same placeholders, and nothing else; each stays within its 2 KB brotli budget.
 */
const DIR = join('src', 'i18n', 'locales');
const EN: Catalogue = { checkout: EN_CHECKOUT, frame: EN_FRAME };
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const locales = files.map((f) => f.slice(0, -'.json'.length));
const catalogue = (tag: string): unknown => JSON.parse(readFileSync(join(DIR, `${tag}.json`), 'utf8'));

/** Every leaf as [path, string]; a non-string leaf is reported as its type so the test names it. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
  }
  return [[path, typeof value === 'string' ? value : `<${typeof value}>`]];
}

/** A plural message's path (its English is `{ other }`), e.g. `checkout.quantity`. */
const PLURALS = leaves(EN)
  .filter(([path]) => path.endsWith('.other'))
  .map(([path]) => path.slice(0, -'.other'.length));
const pluralOf = (path: string) => PLURALS.find((p) => path.startsWith(`${p}.`));

describe('locale catalogues', () => {
  it('should ship a file for every supported locale but English, and nothing else', () => {
    expect(locales.sort()).toEqual(SUPPORTED_LOCALES.filter((l) => l !== 'en').sort());
  });

  describe.each(locales)('%s', (tag) => {
    const entries = leaves(catalogue(tag));
    const english = new Map(leaves(EN));

    it('should have every key of English', () => {
      const paths = new Set(entries.map(([path]) => pluralOf(path) ?? path));
      const missing = [...english.keys()].map((path) => pluralOf(path) ?? path).filter((p) => !paths.has(p));
      expect(missing).toEqual([]);
    });

    it('should have no key English lacks, plural variants aside (those its plural rules use)', () => {
      const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories as string[];
      const extra = entries
        .map(([path]) => path)
        .filter((path) => !english.has(path))
        .filter((path) => !(pluralOf(path) && categories.includes(path.split('.').pop()!)));
      expect(extra).toEqual([]);
    });

    it('should hold only non-empty strings', () => {
      expect(entries.filter(([, text]) => text.trim() === '' || text.startsWith('<'))).toEqual([]);
    });

    it('should use exactly the placeholders of English in every string', () => {
      const wrong = entries.flatMap(([path, text]) => {
        const source = english.get(pluralOf(path) ? `${pluralOf(path)}.other` : path);
        if (source === undefined) return [];
        const [want, got] = [placeholdersOf(source), placeholdersOf(text)];
        return want.join() === got.join() ? [] : [`${path}: ${got.join() || '—'} instead of ${want.join() || '—'}`];
      });
      expect(wrong).toEqual([]);
    });

    it('should survive the fallback unchanged (nothing in it is dropped as invalid)', () => {
      const parsed = catalogue(tag) as Catalogue;
      expect(withEnglishFallback(EN_CHECKOUT, parsed.checkout)).toEqual(parsed.checkout);
      expect(withEnglishFallback(EN_FRAME, parsed.frame)).toEqual(parsed.frame);
    });

    it('should cost at most 2 KB brotli as shipped (minified JSON, the frame part as its strings)', () => {
      const shipped = Buffer.from(shippedCatalogues().get(tag)!);
      const size = brotliCompressSync(shipped, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      expect(size).toBeLessThanOrEqual(2048);
    });
  });
});

describe('withEnglishFallback', () => {
  it('should keep strings where English has them and use English for anything else', () => {
    const got = withEnglishFallback(EN_CHECKOUT, {
      pay: 'Zahlen {amount}',
      total: 42,
      retry: 'x'.repeat(1001),
      declined: { insufficient_funds: 'Nicht gedeckt.', card_declined: null },
      fieldErrors: 'not an object',
      surprise: 'ignored',
    });
    expect(got.pay).toBe('Zahlen {amount}');
    expect(got.total).toBe(EN_CHECKOUT.total);
    expect(got.retry).toBe(EN_CHECKOUT.retry);
    expect(got.declined).toEqual({ ...EN_CHECKOUT.declined, insufficient_funds: 'Nicht gedeckt.' });
    expect(got.fieldErrors).toEqual(EN_CHECKOUT.fieldErrors);
    expect(got).not.toHaveProperty('surprise');
  });

  it('should keep the plural variants a locale adds and require nothing but English', () => {
    const got = withEnglishFallback(EN_CHECKOUT, { quantity: { one: '{count} sztuka', few: '{count} sztuki', other: '{count} sztuk', bogus: 'x' } });
    expect(got.quantity).toEqual({ one: '{count} sztuka', few: '{count} sztuki', other: '{count} sztuk' });
    expect(withEnglishFallback(EN_CHECKOUT, { quantity: { one: '{count} sztuka' } }).quantity).toEqual({
      one: '{count} sztuka',
      other: EN_CHECKOUT.quantity.other,
    });
  });

  it('should give English for what is not a catalogue at all', () => {
    for (const junk of [null, undefined, 'de', 7, [], JSON.parse('{"__proto__":{"pay":"x"}}')]) {
      expect(withEnglishFallback(EN_FRAME, junk)).toEqual(EN_FRAME);
    }
  });
});
