/**
 * Which catalogue a customer gets, and in which direction it is written. Pure: the element passes
 * its `locale` input, the session's `locale` and `navigator.languages`.
 */

/** Every locale we have a catalogue for; `en` is inline, the others are `locales/<tag>.json`. */
export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR', 'pl', 'sv', 'ja', 'zh-Hans', 'ar'] as const;
/** One supported locale tag, spelt as its catalogue file is named. */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * The supported locales written right to left: {@link isRtl} of each, spelt out so the browser
 * bundles need not carry isRtl's tables (test/unit/i18n/locale.test.ts holds the two together).
 */
export const RTL_LOCALES: readonly string[] = ['ar'];

/** `dir` for text in `locale`, one of {@link SUPPORTED_LOCALES}. */
export const dirOf = (locale: string): 'rtl' | 'ltr' => (RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr');

/** The value of `locale` that asks for the session's locale, else the browser's. */
export const AUTO_LOCALE = 'auto';

/**
 * Chinese written in simplified characters: `zh`, mainland China and Singapore, and any explicit
 * `zh-Hans…`. Taiwan, Hong Kong and Macau read traditional characters: a simplified catalogue is
 * not theirs, so they fall to the next language the customer named (or English).
 */
const SIMPLIFIED_CHINESE = /^zh(-hans(-|$)|-cn$|-sg$|$)/;

/**
 * The supported locale for one requested BCP 47 tag, or `undefined`. Case-insensitive; drops
 * subtags from the end (`de-AT` → `de`, `pt-BR-x-foo` → `pt-BR`, `pt-BR` → `pt` if there were one)
 * but never crosses to a sibling (`pt-PT` is not `pt-BR`, `zh-TW` is not `zh-Hans`).
 */
export function matchLocale(requested: string, available: readonly string[] = SUPPORTED_LOCALES): string | undefined {
  const byLower = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  let tag = requested.trim().toLowerCase().replace(/_/g, '-');
  if (tag.startsWith('zh')) return SIMPLIFIED_CHINESE.test(tag) ? byLower.get('zh-hans') : byLower.get(tag);
  while (tag) {
    const found = byLower.get(tag);
    if (found) return found;
    tag = tag.slice(0, Math.max(tag.lastIndexOf('-'), 0));
  }
  return undefined;
}

/** What {@link resolveLocaleMatch} found: the catalogue, and the tag the customer asked for. */
export interface LocaleMatch {
  /** The catalogue to speak: one of `available` (`de`). */
  locale: string;
  /**
   * The tag it was chosen for (`de-AT`), or `en` when none matched: use it for `Intl` formatting and
   * a default country, which the catalogue's tag alone would lose (`en-US` → US).
   */
  requested: string;
}

/**
 * The locale the checkout speaks: the `locale` input unless it is `auto` or empty, then the
 * session's `locale`, then each of `navigator.languages` in order, then English. The first of them
 * we have a catalogue for wins (see {@link matchLocale} for the fallbacks).
 */
export function resolveLocaleMatch(
  input: string | null | undefined,
  sessionLocale: string | null | undefined,
  navigatorLanguages: readonly string[] = [],
  available: readonly string[] = SUPPORTED_LOCALES,
): LocaleMatch {
  const wanted = [input === AUTO_LOCALE ? '' : input, sessionLocale === AUTO_LOCALE ? '' : sessionLocale, ...navigatorLanguages];
  for (const tag of wanted) {
    const locale = tag ? matchLocale(tag, available) : undefined;
    if (locale) return { locale, requested: tag!.trim() };
  }
  return { locale: 'en', requested: 'en' };
}

/**
 * The catalogue locale the checkout speaks, by {@link resolveLocaleMatch}'s rules: always one of
 * `available` (which should include `en`), spelt as it is there.
 */
export function resolveLocale(
  input: string | null | undefined,
  sessionLocale: string | null | undefined,
  navigatorLanguages: readonly string[] = [],
  available: readonly string[] = SUPPORTED_LOCALES,
): string {
  return resolveLocaleMatch(input, sessionLocale, navigatorLanguages, available).locale;
}

/** Scripts written right to left (ISO 15924), for a tag that names its script (`az-Arab`). */
const RTL_SCRIPTS = /^(arab|hebr|syrc|thaa|nkoo|adlm|rohg|mand|samr)$/;
/** Languages written right to left by default: Arabic, Persian, Urdu, Hebrew, Pashto, Sindhi, Kurdish (Sorani), Uyghur, Dhivehi, Yiddish. */
const RTL_LANGUAGES = /^(ar|fa|ur|he|iw|ps|sd|ckb|ug|dv|yi)$/;

/**
 * True when `locale` is written right to left, for `dir="rtl"`. An explicit script subtag decides
 * (`ur-Latn` is left to right, `pa-Arab` right to left); otherwise the language does.
 */
export function isRtl(locale: string): boolean {
  const [language = '', ...subtags] = locale.toLowerCase().split(/[-_]/);
  const script = subtags.find((s) => s.length === 4 && /^[a-z]+$/.test(s));
  return script ? RTL_SCRIPTS.test(script) : RTL_LANGUAGES.test(language);
}

/** Longest locale tag we take (BCP 47 tags we would ever use are far shorter). */
const MAX_LOCALE_LENGTH = 35;

/**
 * The shape of a BCP 47 tag (`de`, `pt-BR`, `zh-Hans`): ASCII letters, digits and hyphens. Only a
 * first filter: `Intl` checks the grammar (see {@link isLocaleInput}).
 */
export const LOCALE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * True for `auto` and for a well-formed BCP 47 tag of at most 35 characters that `Intl` accepts
 * (`de`, `pt-BR`, `zh-Hans`; not `en-a`, which has the shape but would throw a RangeError where money
 * is formatted). A well-formed tag we have no catalogue for is accepted and falls back at display
 * time (see {@link resolveLocale}), as the browser's would. The one check of a checkout session's
 * `locale` field and of the element's `locale` input.
 */
export function isLocaleInput(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_LOCALE_LENGTH) return false;
  if (value === AUTO_LOCALE) return true;
  try {
    return LOCALE_TAG.test(value) && Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/**
 * What a `locale` input that fails {@link isLocaleInput} is read as: `auto`, said in the console for
 * the developer who set it (the element's input reaches the card frame, which checks it).
 */
export function malformedLocale(input: unknown): typeof AUTO_LOCALE {
  console.debug(`<xpay-checkout>: locale ${JSON.stringify(input)} is not auto or a BCP 47 tag such as de, pt-BR or zh-Hans; auto is used.`);
  return AUTO_LOCALE;
}

/** Validates a checkout session's optional `locale` field: see {@link isLocaleInput}. */
export const isSessionLocale = isLocaleInput;
