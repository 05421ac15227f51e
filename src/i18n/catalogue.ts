import type { CardErrors, CardField } from '../card/validate.js';
import type { DeclineReason, FieldErrorCode } from './translation.js';

/**
 * The catalogue: every customer-visible string of the widget and of its card frame, as plain
 * JSON-serialisable data. English is written inline (`en-catalogue.ts`); every other locale is a JSON
 * file (`locales/<tag>.json`) that the card frame fetches from its own origin and whose `checkout`
 * part it hands to the host over postMessage — so a catalogue holds strings, never functions.
 *
 * A string may hold named placeholders, `"Pay {amount}"`, filled by `interpolate()`; the values are
 * already formatted (money through `format.ts`), so a translation never formats numbers. Strings that
 * depend on a count are {@link PluralMessage}s, picked with `Intl.PluralRules`.
 */
export interface Catalogue {
  /** What `<xpay-checkout>` shows (its form, summary, status views, 3-D Secure dialog). */
  readonly checkout: CheckoutCatalogue;
  /** What the card frame shows (its fields, their errors, hints, test-card picker). */
  readonly frame: FrameCatalogue;
}

/** Variants of one message by `Intl.PluralRules` category; `other` is always there. */
export type PluralMessage = { readonly other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

/**
 * The host widget's strings, the source `Translation` is derived from (`translation.ts`): a message
 * that takes values is a template here (see `TEMPLATE_PLACEHOLDERS`), and one that reads differently
 * without a card to name has a second key (`succeededDetailNoCard`).
 */
export interface CheckoutCatalogue {
  loading: string;
  orderSummary: string;
  /** `{count}`: a line item's quantity, "Qty 2". */
  quantity: PluralMessage;
  subtotal: string;
  total: string;
  /** `{amount}`: "Pay $25.00". */
  pay: string;
  paying: string;
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
  optional: string;
  fieldErrors: Record<FieldErrorCode, string>;

  cardHeading: string;
  cardFrameTitle: string;
  /** The brand name of a card we cannot name ("Card"); the others are proper nouns. */
  unknownBrand: string;
  secureNote: string;

  processingTitle: string;
  processingDetail: string;
  succeededTitle: string;
  /** `{amount}`, `{card}`: "$25.00 paid with Visa ending in 4242." */
  succeededDetail: string;
  /** `{amount}`: "$25.00 paid." */
  succeededDetailNoCard: string;
  /** `{brand}`, `{last4}`: "Visa ending in 4242". */
  cardDescription: string;
  reference: string;
  authorisedTitle: string;
  /** `{amount}`, `{card}`. */
  authorisedDetail: string;
  /** `{amount}`. */
  authorisedDetailNoCard: string;
  declinedTitle: string;
  declined: Record<DeclineReason, string>;
  canceledTitle: string;
  canceledDetail: string;
  expiredTitle: string;
  expiredDetail: string;
  errorTitle: string;
  networkErrorDetail: string;
  integrationErrorDetail: string;
  unsupportedBrowserDetail: string;
  retry: string;

  challengeTitle: string;
  challengeFrameTitle: string;
  challengeClose: string;
  challengeOpened: string;
}

/** The card frame's error texts, per field and error code. */
export type CardErrorTexts = { [F in CardField]-?: Record<NonNullable<CardErrors[F]>, string> };

/** The test cards the frame's test-mode picker offers, by what they do (docs/sandbox-api.md). */
export const TEST_CARD_OUTCOMES = ['succeeds', 'insufficientFunds', 'challenge', 'processingSucceeds', 'processingFails'] as const;
/** One test card's outcome. */
export type TestCardOutcome = (typeof TEST_CARD_OUTCOMES)[number];

/** The card frame's strings. */
export interface FrameCatalogue {
  labels: Record<CardField, string>;
  placeholders: Record<CardField, string>;
  errors: CardErrorTexts;
  /** The security-code hint for American Express, printed on the front. */
  cvcHintFront: string;
  /** The security-code hint for every other brand, printed on the back. */
  cvcHintBack: string;
  cvcHintButton: string;
  misconfigured: string;
  incompleteCard: string;
  networkError: string;
  notReady: string;
  /** Label of the test-mode card picker. */
  testCards: string;
  testCardOutcomes: Record<TestCardOutcome, string>;
}
