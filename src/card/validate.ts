import {
  brandSpec,
  detectBrand,
  maxLengthFor,
  possibleBrands,
  type CardBrand,
} from './brands.js';
import { onlyDigits } from './caret.js';
import { cvcMaxLength } from './format-cvc.js';
import { parseExpiry } from './format-expiry.js';
import { luhnValid } from './luhn.js';

/** The four fields of the card frame, in tab order. */
export const CARD_FIELDS = ['name', 'number', 'expiry', 'cvc'] as const;
/** One card field. */
export type CardField = (typeof CARD_FIELDS)[number];

/** Card-number error codes. */
export const NUMBER_ERRORS = ['incomplete', 'invalid', 'unsupported_brand'] as const;
/** Expiry error codes. */
export const EXPIRY_ERRORS = ['incomplete', 'invalid_month', 'in_past', 'too_far'] as const;
/** Security-code error codes. */
export const CVC_ERRORS = ['incomplete'] as const;
/** Name-on-card error codes. */
export const NAME_ERRORS = ['required'] as const;

export type NumberError = (typeof NUMBER_ERRORS)[number];
export type ExpiryError = (typeof EXPIRY_ERRORS)[number];
export type CvcError = (typeof CVC_ERRORS)[number];
export type NameError = (typeof NAME_ERRORS)[number];

/** Error codes per field. Codes only: nothing here ever carries the customer's digits. */
export interface CardErrors {
  name?: NameError;
  number?: NumberError;
  expiry?: ExpiryError;
  cvc?: CvcError;
}

/** The raw field values, as shown in the inputs (formatted or not). */
export interface CardFieldValues {
  readonly name: string;
  readonly number: string;
  readonly expiry: string;
  readonly cvc: string;
}

/** The frame's whole-form verdict, the payload of the `change` message. */
export interface CardValidation {
  /** Every field valid: the card can be submitted. */
  readonly complete: boolean;
  /** Every field empty. */
  readonly empty: boolean;
  readonly brand: CardBrand;
  /** Every current error, visible or not; filter with {@link visibleErrors} before showing. */
  readonly errors: CardErrors;
}

/** How far ahead an expiry may be before it is treated as a typo (e.g. "12 / 92"). */
export const MAX_EXPIRY_YEARS_AHEAD = 20;

/** Validates a card number (spaces allowed). */
export function validateNumber(value: string): NumberError | undefined {
  const digits = onlyDigits(value);
  if (digits === '') return 'incomplete';
  if (possibleBrands(digits).length === 0) return 'unsupported_brand';
  const brand = detectBrand(digits);
  if (brand === 'unknown') return 'incomplete';
  const spec = brandSpec(brand);
  if (!spec.lengths.includes(digits.length)) {
    return digits.length < maxLengthFor(spec) ? 'incomplete' : 'invalid';
  }
  return luhnValid(digits) ? undefined : 'invalid';
}

/**
 * Expands a two-digit year to four around `nowYear`: 2000 + yy, moved a century forward once that
 * lies more than 80 years back (so the rule still works after 2080).
 */
function fullYear(year2: number, nowYear: number): number {
  const year = nowYear - (nowYear % 100) + year2;
  return year < nowYear - 80 ? year + 100 : year;
}

/**
 * Validates an expiry against `now` (local calendar). A card is valid through the last day of its
 * expiry month, so the current month is accepted.
 */
export function validateExpiry(value: string, now: Date): ExpiryError | undefined {
  const parts = parseExpiry(value);
  if (!parts) return 'incomplete';
  if (parts.month < 1 || parts.month > 12) return 'invalid_month';
  const nowYear = now.getFullYear();
  const expiry = fullYear(parts.year2, nowYear) * 12 + (parts.month - 1);
  const current = nowYear * 12 + now.getMonth();
  if (expiry < current) return 'in_past';
  if (expiry > current + MAX_EXPIRY_YEARS_AHEAD * 12) return 'too_far';
  return undefined;
}

/** The four-digit expiry year for the API, or null while the expiry is incomplete. */
export function expiryForApi(value: string, now: Date): { expMonth: number; expYear: number } | null {
  const parts = parseExpiry(value);
  if (!parts) return null;
  return { expMonth: parts.month, expYear: fullYear(parts.year2, now.getFullYear()) };
}

/**
 * Validates a security code for the brand: Amex needs 4 digits, the others 3; while the brand is
 * unknown either length is accepted (the number's own error already blocks submission).
 */
export function validateCvc(value: string, brand: CardBrand): CvcError | undefined {
  const digits = onlyDigits(value);
  if (brand === 'unknown') return digits.length >= 3 && digits.length <= 4 ? undefined : 'incomplete';
  return digits.length === brandSpec(brand).cvcLength ? undefined : 'incomplete';
}

/** Validates the name on the card. */
export function validateName(value: string): NameError | undefined {
  return value.trim() === '' ? 'required' : undefined;
}

/**
 * Validates the whole card form.
 *
 * @param fields - the four field values
 * @param now - the current time (injected so tests can pin the calendar)
 */
export function validateCard(fields: CardFieldValues, now: Date): CardValidation {
  const brand = detectBrand(onlyDigits(fields.number));
  const errors: CardErrors = {};
  const name = validateName(fields.name);
  const number = validateNumber(fields.number);
  const expiry = validateExpiry(fields.expiry, now);
  const cvc = validateCvc(fields.cvc, brand);
  if (name) errors.name = name;
  if (number) errors.number = number;
  if (expiry) errors.expiry = expiry;
  if (cvc) errors.cvc = cvc;
  return {
    complete: !name && !number && !expiry && !cvc,
    empty: CARD_FIELDS.every((field) => fields[field].trim() === ''),
    brand,
    errors,
  };
}

/**
 * Whether the field cannot take more input, so an error in it is final even while it has focus
 * (e.g. a 16-digit Mastercard that fails Luhn, or "MM / YY" fully typed).
 */
export function isFieldFull(field: CardField, value: string, brand: CardBrand): boolean {
  const digits = onlyDigits(value);
  switch (field) {
    case 'number':
      return digits.length >= maxLengthFor(brandSpec(detectBrand(digits)));
    case 'expiry':
      return parseExpiry(value) !== null;
    case 'cvc':
      return digits.length >= cvcMaxLength(brand);
    case 'name':
      return false;
  }
}

/** What the form knows about a field when deciding whether to show its error. */
export interface FieldInteraction {
  /** The field has focus now. */
  readonly focused: boolean;
  /** The field has lost focus at least once since it was last cleared. */
  readonly touched: boolean;
  /** The field is at its maximum length (see {@link isFieldFull}). */
  readonly full: boolean;
  /** The field is empty. */
  readonly empty: boolean;
}

/** Codes that no amount of further typing can fix, so they show even while the field has focus. */
const FINAL_WHILE_TYPING: ReadonlySet<string> = new Set(['invalid_month', 'unsupported_brand']);

/**
 * The rule for showing an error now: errors show after blur or submit, never while a valid prefix is
 * still being typed.
 *
 * - After a submit attempt every error shows, empty required fields included.
 * - A blurred field shows its error unless it is empty (leaving an empty field is not a mistake).
 * - A focused field shows only errors that typing more cannot fix: a first digit no brand uses, a
 *   month like "00", or any error once the field is full (Luhn failure at the brand's longest length,
 *   an expiry in the past).
 */
export function shouldShowError(
  code: string | undefined,
  field: FieldInteraction,
  submitted: boolean,
): boolean {
  if (code === undefined) return false;
  if (submitted) return true;
  if (!field.focused) return field.touched && !field.empty;
  if (field.empty) return false;
  return FINAL_WHILE_TYPING.has(code) || (field.full && code !== 'incomplete');
}

/** Filters {@link CardValidation.errors} down to those {@link shouldShowError} allows. */
export function visibleErrors(
  errors: CardErrors,
  interactions: Readonly<Record<CardField, FieldInteraction>>,
  submitted: boolean,
): CardErrors {
  const visible: CardErrors = {};
  for (const field of CARD_FIELDS) {
    const code = errors[field];
    if (shouldShowError(code, interactions[field], submitted)) {
      (visible as Record<CardField, string | undefined>)[field] = code;
    }
  }
  return visible;
}
