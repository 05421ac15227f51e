import { currencyExponent } from '../api/enums.js';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an amount given in the currency's minor unit ("2500" usd → "$25.00"). The fraction digits
 * come from our own exponent table, not Intl's, so the shown amount is exactly what is charged
 * (JPY 0, USD 2, KWD 3).
 */
export function formatMoney(amountMinor: number, currency: string, locale = 'en'): string {
  const digits = currencyExponent(currency);
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(amountMinor / 10 ** digits);
}
