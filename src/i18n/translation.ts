import type { CardBrand } from '../api/enums.js';

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
 * Every customer-facing string the widget shows. `en.ts` implements it; a merchant passes
 * {@link TranslationOverrides} as `messages` to override single strings (e.g. `pay`). Functions take
 * already-formatted values (money goes through `format.ts`) so a translation never formats numbers.
 */
export interface Translation {
  /** BCP 47 tag this catalogue is written in. */
  readonly locale: string;

  /** Announced while the session loads. */
  loading: string;
  /** Heading of the order summary. */
  orderSummary: string;
  /** A line item's quantity, e.g. "Qty 2". */
  quantity: (count: number) => string;
  subtotal: string;
  total: string;
  /** "Pay $25.00". */
  pay: (amount: string) => string;
  /** Pay button text while a payment is being submitted. */
  paying: string;
  /** Shown over the disabled form while another window of the same checkout is in 3-D Secure. */
  actionElsewhere: string;

  contactHeading: string;
  email: string;
  phone: string;
  billingAddressHeading: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  /** Marks an optional field's label. */
  optional: string;
  fieldErrors: Record<FieldErrorCode, string>;

  cardHeading: string;
  /** The card iframe's `title` (screen readers announce it when entering the frame). */
  cardFrameTitle: string;
  brandNames: Record<CardBrand, string>;
  /** Reassurance under the pay button. */
  secureNote: string;

  processingTitle: string;
  processingDetail: string;
  succeededTitle: string;
  /** "$25.00 paid with Visa ending in 4242". */
  succeededDetail: (amount: string, card: string | null) => string;
  /** "Visa ending in 4242". */
  cardDescription: (brand: string, last4: string) => string;
  reference: string;
  authorisedTitle: string;
  authorisedDetail: (amount: string, card: string | null) => string;
  declinedTitle: string;
  declined: Record<DeclineReason, string>;
  canceledTitle: string;
  canceledDetail: string;
  expiredTitle: string;
  expiredDetail: string;
  errorTitle: string;
  networkErrorDetail: string;
  integrationErrorDetail: string;
  /** Shown instead of the form in a browser below the support floor (`unsupported_browser`). */
  unsupportedBrowserDetail: string;
  retry: string;

  challengeTitle: string;
  challengeFrameTitle: string;
  challengeClose: string;
  challengeOpened: string;
}

/**
 * What a merchant passes as `messages`: any strings of {@link Translation}, and in its tables
 * (`declined`, `fieldErrors`, `brandNames`) any single entry, e.g.
 * `{ pay: (amount) => \`Place order · ${amount}\`, declined: { insufficient_funds: '…' } }`.
 * An entry that is a function may also be given as a template with the catalogue's named
 * placeholders (`{ pay: 'Place order · {amount}' }`, see `TEMPLATE_PLACEHOLDERS`).
 * Everything left out stays in the customer's locale.
 */
export type TranslationOverrides = {
  [K in keyof Translation]?: Translation[K] extends (...args: never[]) => unknown
    ? Translation[K] | string
    : Translation[K] extends object
      ? Partial<Translation[K]>
      : Translation[K];
};
