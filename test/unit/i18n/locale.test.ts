import { describe, expect, it } from 'vitest';
import { dirOf, isLocaleInput, isRtl, isSessionLocale, matchLocale, resolveLocale, resolveLocaleMatch, RTL_LOCALES, SUPPORTED_LOCALES } from '../../../src/i18n/locale.js';

describe('resolveLocale', () => {
  it('should take the locale input first, then the session, then the browser, then English', () => {
    expect(resolveLocale('de', 'fr', ['ja'])).toBe('de');
    expect(resolveLocale('auto', 'fr', ['ja'])).toBe('fr');
    expect(resolveLocale('', 'fr', ['ja'])).toBe('fr');
    expect(resolveLocale(undefined, null, ['ja', 'de'])).toBe('ja');
    expect(resolveLocale('auto', 'auto', ['ja'])).toBe('ja');
    expect(resolveLocale('auto', undefined, [])).toBe('en');
    expect(resolveLocale(null, null)).toBe('en');
  });

  it('should skip what it has no catalogue for and try the next choice', () => {
    expect(resolveLocale('tlh', 'xx-YY', ['ko-KR', 'sv-SE'])).toBe('sv');
    expect(resolveLocale('ko', undefined, ['ko'])).toBe('en');
  });

  it('should ignore case and underscores, and answer with the catalogue spelling', () => {
    expect(resolveLocale('PT-br', null)).toBe('pt-BR');
    expect(resolveLocale('zh-hans', null)).toBe('zh-Hans');
    expect(resolveLocale('pt_BR', null)).toBe('pt-BR');
    expect(resolveLocale(' de ', null)).toBe('de');
  });

  it('should answer only from the available list', () => {
    expect(resolveLocale('de', null, [], ['en', 'fr'])).toBe('en');
    expect(resolveLocale('de', null, ['fr-CA'], ['en', 'fr'])).toBe('fr');
  });
});

describe('resolveLocaleMatch', () => {
  it('should keep the tag the customer asked for, for formatting and the default country', () => {
    expect(resolveLocaleMatch('auto', null, ['en-US', 'de'])).toEqual({ locale: 'en', requested: 'en-US' });
    expect(resolveLocaleMatch('de-AT', null)).toEqual({ locale: 'de', requested: 'de-AT' });
    expect(resolveLocaleMatch(null, 'pt-BR', ['fr'])).toEqual({ locale: 'pt-BR', requested: 'pt-BR' });
    expect(resolveLocaleMatch(null, null, ['ko-KR'])).toEqual({ locale: 'en', requested: 'en' });
  });
});

describe('matchLocale fallbacks', () => {
  it('should drop region and other subtags from the end', () => {
    expect(matchLocale('de-AT')).toBe('de');
    expect(matchLocale('de-CH-1996')).toBe('de');
    expect(matchLocale('es-419')).toBe('es');
    expect(matchLocale('pt-BR-x-shop')).toBe('pt-BR');
    expect(matchLocale('ar-EG')).toBe('ar');
    expect(matchLocale('ja-JP')).toBe('ja');
  });

  it('should fall from pt-BR to pt to nothing, never to a sibling', () => {
    expect(matchLocale('pt-BR', ['en', 'pt'])).toBe('pt');
    expect(matchLocale('pt-BR', ['en'])).toBeUndefined();
    expect(matchLocale('pt-PT')).toBeUndefined();
    expect(matchLocale('pt')).toBeUndefined();
    expect(resolveLocale('pt-PT', null, [])).toBe('en');
  });

  it('should give simplified Chinese to zh, zh-CN, zh-SG and zh-Hans*, and not to traditional readers', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-CN', 'ZH-hans-sg', 'zh_CN']) expect(matchLocale(tag), tag).toBe('zh-Hans');
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh-Hansx']) expect(matchLocale(tag), tag).toBeUndefined();
    expect(resolveLocale('zh-TW', null, [])).toBe('en');
    expect(resolveLocale(null, null, ['zh-TW', 'ja'])).toBe('ja');
  });

  it('should use a traditional Chinese catalogue once there is one', () => {
    expect(matchLocale('zh-TW', [...SUPPORTED_LOCALES, 'zh-TW'])).toBe('zh-TW');
  });

  it('should not match on a prefix that is not a whole subtag', () => {
    expect(matchLocale('deu')).toBeUndefined();
    expect(matchLocale('e')).toBeUndefined();
    expect(matchLocale('')).toBeUndefined();
  });
});

describe('RTL_LOCALES and dirOf', () => {
  it('should list exactly the supported locales isRtl calls right to left', () => {
    expect([...RTL_LOCALES].sort()).toEqual(SUPPORTED_LOCALES.filter((tag) => isRtl(tag)).sort());
  });

  it('should give each supported locale the dir isRtl gives it', () => {
    for (const tag of SUPPORTED_LOCALES) expect(dirOf(tag), tag).toBe(isRtl(tag) ? 'rtl' : 'ltr');
  });
});

describe('isRtl', () => {
  it('should find the right-to-left languages by their language subtag', () => {
    for (const tag of ['ar', 'ar-EG', 'AR', 'he', 'he-IL', 'fa-IR', 'ur', 'ps', 'ckb', 'yi', 'iw']) expect(isRtl(tag), tag).toBe(true);
  });

  it('should say left to right for the others', () => {
    for (const tag of ['en', 'de', 'ja', 'zh-Hans', 'pt-BR', 'arn', 'hu', '']) expect(isRtl(tag), tag).toBe(false);
  });

  it('should let an explicit script decide', () => {
    expect(isRtl('ur-Latn')).toBe(false);
    expect(isRtl('az-Arab')).toBe(true);
    expect(isRtl('pa-Arab-PK')).toBe(true);
    expect(isRtl('ar-Latn')).toBe(false);
  });

  it('should say right to left for exactly one supported locale, ar', () => {
    expect(SUPPORTED_LOCALES.filter(isRtl)).toEqual(['ar']);
  });
});

describe('isSessionLocale', () => {
  it('should accept auto and well-formed BCP 47 tags', () => {
    for (const tag of ['auto', 'en', 'de', 'pt-BR', 'zh-Hans', 'zh-Hans-CN', 'es-419', 'sr-Latn-RS', 'ko']) expect(isSessionLocale(tag), tag).toBe(true);
  });

  it('should refuse what is not a language tag', () => {
    const bad = ['', 'e', 'en_US', 'en-', '-en', 'en--US', 'de DE', '<script>', 'de\n', 'Auto ', 'x'.repeat(36), `en-${'a'.repeat(40)}`, 'de-ÄÖ'];
    for (const tag of bad) expect(isSessionLocale(tag), JSON.stringify(tag)).toBe(false);
    for (const value of [null, undefined, 1, ['de'], { locale: 'de' }]) expect(isSessionLocale(value)).toBe(false);
  });

  it("should refuse a tag of the right shape that Intl would throw on, as the element's input does", () => {
    for (const tag of ['en-a', 'de-x', 'en-US-u', 'root']) {
      expect(() => new Intl.NumberFormat(tag), tag).toThrow(RangeError);
      expect(isLocaleInput(tag), tag).toBe(false);
    }
    expect(isLocaleInput('auto')).toBe(true);
  });
});
