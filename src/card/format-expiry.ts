import { deletedSeparator, digitsBefore, onlyDigits, type EditContext, type Formatted } from './caret.js';

/** The separator between month and year, spaced as printed on receipts and in Stripe/Adyen fields. */
export const EXPIRY_SEPARATOR = ' / ';

/** Where each output slot (M, M, Y, Y) ends in "MM / YY". */
const SLOT_END = [1, 2, 6, 7] as const;
const DROPPED = -1;

interface ExpiryLayout {
  month: string;
  year: string;
  /** For each input digit, the output slot it landed in (0–3) or DROPPED. */
  slots: number[];
}

/**
 * Places digits into MM and YY.
 *
 * - A first digit 2–9 can only be a month 02–09, so it is padded at once ("2" → "02 / ").
 * - "1" and "0" wait for a second digit; "13"–"19" cannot be months, so they become "01 / 3…".
 * - "1/" (a separator typed or pasted after one digit) means month 01.
 * - A four-digit year starting with 20 ("2029", pasted or autofilled) keeps its last two digits.
 */
function layoutExpiry(digits: string, separatorAfterFirstDigit: boolean): ExpiryLayout {
  const first = digits[0];
  if (first === undefined) return { month: '', year: '', slots: [] };
  const second = digits[1];
  const pad =
    first >= '2' ||
    (separatorAfterFirstDigit && first !== '0') ||
    (first === '1' && second !== undefined && second > '2');

  const slots: number[] = [];
  let month: string;
  let restStart: number;
  if (pad) {
    month = '0' + first;
    slots.push(1);
    restStart = 1;
  } else {
    month = digits.slice(0, 2);
    slots.push(0);
    if (second !== undefined) slots.push(1);
    restStart = 2;
  }

  const rest = digits.slice(restStart);
  const fourDigitYear = rest.length === 4 && rest.startsWith('20');
  const yearStart = fourDigitYear ? 2 : 0;
  let year = '';
  for (let i = 0; i < rest.length; i++) {
    if (i >= yearStart && year.length < 2) {
      slots.push(2 + year.length);
      year += rest[i];
    } else {
      slots.push(DROPPED);
    }
  }
  return { month, year, slots };
}

/**
 * Reformats the expiry field ("MM / YY") after any edit, keeping the caret after the same digit.
 *
 * Typing "1" waits; "2" becomes "02 / "; "12" becomes "12 / ". Pasting "12/29", "1229" or
 * "12 / 2029" gives "12 / 29". Backspace right after " / " removes the month's last digit (pass
 * `edit`). Deletions reflow the remaining digits and never pad on a separator, so deleting the "0"
 * of "01 / 29" is not undone by the "1/" rule.
 *
 * @param rawValue - the input's value after the edit
 * @param caret - the input's `selectionStart` after the edit
 */
export function formatExpiry(rawValue: string, caret: number, edit?: EditContext): Formatted {
  const separatorEdit = deletedSeparator(rawValue, caret, edit);
  const isDeletion =
    separatorEdit !== null ||
    (edit?.inputType?.startsWith('delete') ?? false) ||
    (edit?.previousValue !== undefined && rawValue.length < edit.previousValue.length);

  const digits = separatorEdit ? separatorEdit.digits : onlyDigits(rawValue);
  const caretDigits = separatorEdit ? separatorEdit.caretDigits : digitsBefore(rawValue, caret);
  const { month, year, slots } = layoutExpiry(digits, !isDeletion && /^\D*\d\D/.test(rawValue));
  const value = month.length === 2 ? month + EXPIRY_SEPARATOR + year : month;

  // The caret follows the last digit before it that survived (dropped digits don't move it).
  let position = 0;
  for (let i = Math.min(caretDigits, slots.length) - 1; i >= 0; i--) {
    const slot = slots[i]!;
    if (slot !== DROPPED) {
      position = SLOT_END[slot as 0 | 1 | 2 | 3];
      break;
    }
  }
  // A finished month with no year yet: continue after the separator, where the year goes.
  if (position === 2 && year === '' && value.length > 2) position = value.length;
  return { value, caret: position };
}

/** Month (1–12 not guaranteed) and two-digit year read from a formatted or raw expiry value. */
export interface ExpiryParts {
  readonly month: number;
  /** Two digits as typed, e.g. 29. */
  readonly year2: number;
}

/**
 * Reads month and two-digit year from the field value; null until both are complete. Accepts the
 * formatter's output and the raw forms it accepts ("12/29", "1229").
 */
export function parseExpiry(value: string): ExpiryParts | null {
  const { month, year } = layoutExpiry(onlyDigits(value), /^\D*\d\D/.test(value));
  if (month.length !== 2 || year.length !== 2) return null;
  return { month: Number(month), year2: Number(year) };
}
