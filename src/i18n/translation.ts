import type { CardBrand } from '../api/enums.js';
import type { CheckoutCatalogue } from './catalogue.js';

/**
 * Reasons a payment attempt can fail that the customer can act on. `card_declined` is the generic
 * fallback for any decline code we have no better words for.
 */
export const DECLINE_REASONS = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'processing_error',
  'authentication_failed',
  'authentication_abandoned',
  // Not a decline: the API refuses confirm after too many failed attempts on one session.
  'too_many_attempts',
  // Not a decline: confirm stayed rate limited (HTTP 429) after the widget's bounded waits.
  'rate_limited',
  // Not a decline: the API needs a billing field the merchant's page neither renders nor passes.
  'billing_details_missing',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Field-level error codes the widget can show under its own inputs (email, phone, address). */
export const FIELD_ERROR_CODES = ['required', 'invalid_email', 'invalid_phone', 'invalid_postal_code', 'invalid_country'] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/**
 * The catalogue entries that take values, and the values' names in the order a merchant's function
 * override receives them. The catalogue writes each as a template with these named placeholders
 * (`pay: 'Pay {amount}'`), which `fill()` fills. Types only: bundles drop it.
 */
export const TEMPLATE_PLACEHOLDERS = {
  quantity: ['count'],
  pay: ['amount'],
  succeededDetail: ['amount', 'card'],
  cardDescription: ['brand', 'last4'],
  authorisedDetail: ['amount', 'card'],
} as const satisfies { [K in keyof CheckoutCatalogue]?: readonly string[] };

/** The catalogue entries that take values. */
export type TemplateKey = keyof typeof TEMPLATE_PLACEHOLDERS;

/** What each placeholder is given: already-formatted text, or a count. */
interface PlaceholderValues {
  count: number;
  amount: string;
  card: string;
  brand: string;
  last4: string;
}

/** The values for a list of placeholder names, as a tuple: `['amount', 'card']` → `[string, string]`. */
type ValuesOf<Names extends readonly string[]> = { -readonly [I in keyof Names]: PlaceholderValues[Names[I] & keyof PlaceholderValues] };

/** A merchant's function in place of a template entry, e.g. `pay: (amount) => \`Place order · ${amount}\``. */
export type TemplateFunction<K extends TemplateKey> = (...values: ValuesOf<(typeof TEMPLATE_PLACEHOLDERS)[K]>) => string;

/**
 * Every customer-facing string the widget shows, in one language, as its views read them: the
 * {@link CheckoutCatalogue} (the one source of truth: `en-catalogue.ts`, `locales/*.json`), the tag
 * it is written in, and the merchant's `messages` over it, per entry. An entry that takes values is
 * a template, or the merchant's function; `fill()` reads either. `translate()` builds it.
 */
export interface Translation
  extends Omit<CheckoutCatalogue, TemplateKey>,
    Readonly<{ [K in TemplateKey]: CheckoutCatalogue[K] | TemplateFunction<K> }> {
  /** BCP 47 tag the catalogue is written in. */
  readonly locale: string;
  /** The merchant's names of card brands, over the proper nouns (and the catalogue's `unknownBrand`). */
  brandNames?: Partial<Record<CardBrand, string>>;
}

/**
 * What a merchant passes as `messages`: any strings of the catalogue, and in its tables
 * (`declined`, `fieldErrors`, `brandNames`) any single entry, e.g.
 * `{ pay: 'Place order · {amount}', declined: { insufficient_funds: '…' } }`. An entry that takes
 * values is a template with the catalogue's named placeholders (see {@link TEMPLATE_PLACEHOLDERS}),
 * or a function of them in that order (`pay: (amount) => \`Place order · ${amount}\``). With no card
 * to name, `succeededDetailNoCard` / `authorisedDetailNoCard` are read instead.
 * Everything left out stays in the customer's locale.
 */
export type TranslationOverrides = {
  [K in keyof Translation]?: K extends TemplateKey
    ? Translation[K] | string
    : NonNullable<Translation[K]> extends object
      ? Partial<Translation[K]>
      : Translation[K];
};
