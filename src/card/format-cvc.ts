import { brandSpec, type CardBrand } from './brands.js';
import { digitsBefore, onlyDigits, type Formatted } from './caret.js';

/**
 * The most CVC digits the field accepts for a brand. While the brand is unknown it accepts 4, so a
 * customer who fills the CVC first is not cut short; the frame re-caps it once the brand is known.
 */
export function cvcMaxLength(brand: CardBrand): number {
  return brand === 'unknown' ? 4 : brandSpec(brand).cvcLength;
}

/** Reformats the security-code field: digits only, capped for the brand, caret after the same digit. */
export function formatCvc(rawValue: string, caret: number, brand: CardBrand): Formatted {
  const digits = onlyDigits(rawValue).slice(0, cvcMaxLength(brand));
  return { value: digits, caret: Math.min(digitsBefore(rawValue, caret), digits.length) };
}
