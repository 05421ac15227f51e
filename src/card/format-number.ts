import { brandSpec, detectBrand, gapsFor, maxLengthFor } from './brands.js';
import { deletedSeparator, digitsBefore, onlyDigits, type EditContext, type Formatted } from './caret.js';

/** Caps `digits` at the detected brand's longest length. */
export function capCardNumber(digits: string): string {
  return digits.slice(0, maxLengthFor(brandSpec(detectBrand(digits))));
}

/** Groups digits with single spaces per the brand's gaps ("4242424242424242" → "4242 4242 4242 4242"). */
export function groupCardNumber(digits: string): string {
  const gaps = gapsFor(brandSpec(detectBrand(digits)), digits.length);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (gaps.includes(i)) out += ' ';
    out += digits[i];
  }
  return out;
}

/** Index in the grouped string right after the `count`-th digit (0 → start). */
function positionAfterDigit(digits: string, count: number): number {
  if (count <= 0) return 0;
  const gaps = gapsFor(brandSpec(detectBrand(digits)), digits.length);
  // Spaces sit before digit indexes in `gaps`; those before the count-th digit shift the caret.
  return count + gaps.filter((gap) => gap < count && gap < digits.length).length;
}

/**
 * Reformats the card-number field after any edit (typing, deleting, pasting, autofill).
 *
 * Strips non-digits, caps at the brand's longest length, groups by the brand's gaps, and keeps the
 * caret after the same digit it followed in `rawValue`. Pass `edit` so that backspace over a space
 * deletes the digit before it instead of doing nothing.
 *
 * @param rawValue - the input's value as the browser left it after the edit
 * @param caret - the input's `selectionStart` after the edit
 */
export function formatCardNumber(rawValue: string, caret: number, edit?: EditContext): Formatted {
  const separatorEdit = deletedSeparator(rawValue, caret, edit);
  const digits = capCardNumber(separatorEdit ? separatorEdit.digits : onlyDigits(rawValue));
  const caretDigits = Math.min(
    separatorEdit ? separatorEdit.caretDigits : digitsBefore(rawValue, caret),
    digits.length,
  );
  return { value: groupCardNumber(digits), caret: positionAfterDigit(digits, caretDigits) };
}
