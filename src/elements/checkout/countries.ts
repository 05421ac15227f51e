/**
 * ISO 3166-1 alpha-2 codes for the country select. Names come from `Intl.DisplayNames` in the
 * customer's locale, so the bundle carries two letters per country and no translations.
 */
const CODES =
  'AD AE AF AG AI AL AM AO AR AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BM BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CV CY CZ DE DJ DK DM DO DZ EC EE EG ES ET FI FJ FO FR GA GB GD GE GG GH GI GL GM GN GP GR GT GU GY HK HN HR HT HU ID IE IL IM IN IQ IS IT JE JM JO JP KE KG KH KN KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MK ML MM MN MO MQ MR MT MU MV MW MX MY MZ NA NC NE NG NI NL NO NP NZ OM PA PE PF PG PH PK PL PR PS PT PY QA RE RO RS RW SA SC SE SG SI SK SL SM SN SR SV SZ TC TD TG TH TJ TN TO TR TT TW TZ UA UG US UY UZ VC VE VG VI VN VU WS XK YT ZA ZM ZW'.split(
    ' ',
  );

/** One option of the country select. */
export interface CountryOption {
  code: string;
  name: string;
}

/**
 * The options by locale, made once. The first `Intl.DisplayNames` in a page costs 26–88 ms at CPU
 * 1× (measured in Chromium here), and the form renders on every keystroke: naming ~180 regions and
 * sorting them again (`localeCompare` with a locale looks a collator up on each call) cost each of
 * those renders 1.1 ms at CPU 1×, 7.2 ms at 4×.
 */
const optionsByLocale = new Map<string, CountryOption[]>();

/**
 * Every country by its code alone, in code order: the options while the session loads, when the
 * form's text is hidden. They let a customer (or the browser's autofill) pick a country already,
 * and cost no `Intl.DisplayNames`, whose first construction (~25–90 ms at CPU 1×) the card frame's
 * creation would otherwise wait for.
 */
export const UNNAMED_COUNTRY_OPTIONS: readonly CountryOption[] = CODES.map((code) => ({ code, name: code }));

/** Countries sorted by their name in `locale` (the same array for the same locale). */
export function countryOptions(locale: string): CountryOption[] {
  let options = optionsByLocale.get(locale);
  if (!options) {
    let names: Intl.DisplayNames | undefined;
    let order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
      order = new Intl.Collator(locale).compare;
    } catch {
      // An invalid locale tag: no names, so the codes stand in for them, in code order.
    }
    options = CODES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) => order(a.name, b.name));
    optionsByLocale.set(locale, options);
  }
  return options;
}

/** A sensible preselection: the region of the locale ("en-GB" → GB), if it is in the list. */
export function defaultCountry(locale: string): string {
  const region = /[-_]([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  return region && CODES.includes(region) ? region : '';
}
