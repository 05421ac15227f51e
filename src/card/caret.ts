/**
 * Shared caret bookkeeping for the formatters: inputs are re-rendered with separators after every
 * edit, so the caret is tracked as "after the n-th digit" rather than as a string index.
 */

/** What a formatter returns: the new field value and where to put the caret in it. */
export interface Formatted {
  readonly value: string;
  readonly caret: number;
}

/** Optional facts about the edit that produced `rawValue`, for deletions over separators. */
export interface EditContext {
  /** The field value before the edit (the last value a formatter produced). */
  readonly previousValue?: string;
  /** `InputEvent.inputType`, e.g. `deleteContentBackward`; decides which digit a separator delete removes. */
  readonly inputType?: string;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Counts the digits in `value` before index `caret`. */
export function digitsBefore(value: string, caret: number): number {
  let count = 0;
  for (let i = 0; i < caret && i < value.length; i++) if (isDigit(value[i])) count++;
  return count;
}

/** Removes every non-digit character. */
export function onlyDigits(value: string): string {
  return value.replace(/\D+/g, '');
}

/**
 * Handles the one edit a plain reformat gets wrong: deleting a separator we inserted. Without this,
 * backspace right after "4242 " removes the space, the formatter puts it back, and the key appears
 * dead. When the edit removed exactly one non-digit at `caret`, the neighbouring digit is removed
 * instead (the one before for backspace, the one after for forward delete).
 *
 * @returns the digits of the value after the intended edit and the caret as a digit count, or null
 *   when the edit was anything else
 */
export function deletedSeparator(
  rawValue: string,
  caret: number,
  edit: EditContext | undefined,
): { digits: string; caretDigits: number } | null {
  const previous = edit?.previousValue;
  if (previous === undefined || previous.length !== rawValue.length + 1) return null;
  const removed = previous[caret];
  if (removed === undefined || isDigit(removed)) return null;
  if (previous.slice(0, caret) + previous.slice(caret + 1) !== rawValue) return null;

  const digits = onlyDigits(rawValue);
  const before = digitsBefore(rawValue, caret);
  if (edit?.inputType === 'deleteContentForward') {
    return { digits: digits.slice(0, before) + digits.slice(before + 1), caretDigits: before };
  }
  if (before === 0) return { digits, caretDigits: 0 };
  return { digits: digits.slice(0, before - 1) + digits.slice(before), caretDigits: before - 1 };
}
