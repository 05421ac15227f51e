import { currencyExponent } from '../../src/api/enums.js';

/** Formats a minor-unit amount for the shop's own pages (the widget has its own formatter). */
export function formatMoney(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(amount / 10 ** exponent);
}
