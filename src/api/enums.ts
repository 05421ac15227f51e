/**
 * The XPay wire vocabulary as const arrays; the union types derive from them, so adding a value is a
 * one-line change that every exhaustive `switch` then has to handle.
 */

/** Payment Intent statuses (seed 001). `requires_confirmation` is in the schema but never emitted here. */
export const INTENT_STATUSES = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'succeeded',
  'canceled',
] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];

/** Checkout Session statuses. */
export const SESSION_STATUSES = ['open', 'complete', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const CAPTURE_METHODS = ['automatic', 'manual'] as const;
export type CaptureMethod = (typeof CAPTURE_METHODS)[number];

/** `auto` collects country + postal code; `required` the full address. */
export const BILLING_ADDRESS_COLLECTIONS = ['auto', 'required'] as const;
export type BillingAddressCollection = (typeof BILLING_ADDRESS_COLLECTIONS)[number];

export const CARD_BRANDS = [
  'visa',
  'mastercard',
  'amex',
  'discover',
  'diners',
  'jcb',
  'unionpay',
  'unknown',
] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

/** How a customer may pay (issue #11): a card, or a test bank that authorises on its own page. */
export const PAYMENT_METHOD_TYPES = ['card', 'bank_redirect'] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

/** Whether a session saves the card it is paid with: never, when the customer ticks a box, always. */
export const SAVE_PAYMENT_METHOD_MODES = ['off', 'offer', 'always'] as const;
export type SavePaymentMethodMode = (typeof SAVE_PAYMENT_METHOD_MODES)[number];

/** Whether paying with a saved card asks for its security code again. */
export const SAVED_CARD_CVC_MODES = ['always', 'never'] as const;
export type SavedCardCvcMode = (typeof SAVED_CARD_CVC_MODES)[number];

/** EMV 3-D Secure challenge window sizes: 01 250×400, 02 390×400, 03 500×600, 04 600×400, 05 full screen. */
export const CHALLENGE_WINDOW_SIZES = ['01', '02', '03', '04', '05'] as const;
export type ChallengeWindowSize = (typeof CHALLENGE_WINDOW_SIZES)[number];

/** Error `type`s on the wire (`{ error: { type, … } }`). */
export const API_ERROR_TYPES = [
  'invalid_request_error',
  'authentication_error',
  'card_error',
  'idempotency_error',
  'rate_limit_error',
  'api_error',
] as const;
export type ApiErrorType = (typeof API_ERROR_TYPES)[number];

export const CHARGE_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export const BALANCE_TRANSACTION_TYPES = ['charge', 'refund'] as const;
export type BalanceTransactionType = (typeof BALANCE_TRANSACTION_TYPES)[number];

/** Every webhook event type the sandbox writes to its outbox. */
export const EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.expired',
  'payment_intent.processing',
  'payment_intent.requires_action',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'payment_intent.amount_capturable_updated',
  'charge.succeeded',
  'charge.failed',
  'charge.refunded',
  'refund.created',
  'payment_method.attached',
  'payment_method.detached',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/*
 * ISO 4217 currencies the sandbox accepts, by minor-unit exponent (JPY 0, USD 2, KWD 3); amounts on
 * the wire are integers in the minor unit. Three lists rather than one code → exponent table, so the
 * browser bundles, which only call `currencyExponent`, carry just the two short lists of exceptions.
 */
const ZERO_DECIMAL = ['jpy', 'krw', 'clp', 'vnd', 'isk'] as const;
const TWO_DECIMAL = [
  'usd', 'eur', 'gbp', 'chf', 'cad', 'aud', 'nzd', 'sek', 'nok', 'dkk',
  'pln', 'czk', 'brl', 'mxn', 'inr', 'sgd', 'hkd', 'cny', 'zar',
] as const;
const THREE_DECIMAL = ['kwd', 'bhd', 'jod', 'omr', 'tnd'] as const;

export type Currency = (typeof TWO_DECIMAL | typeof ZERO_DECIMAL | typeof THREE_DECIMAL)[number];
/** Every currency the sandbox accepts (lower case). A pure call, so bundles that do not use it drop it. */
export const CURRENCIES: readonly Currency[] = /* @__PURE__ */ ([] as Currency[]).concat(TWO_DECIMAL, ZERO_DECIMAL, THREE_DECIMAL);

/** Minor-unit exponent of a currency code (case-insensitive); 2 for codes we do not know. */
export function currencyExponent(currency: string): number {
  const code: string = currency.toLowerCase();
  if ((ZERO_DECIMAL as readonly string[]).includes(code)) return 0;
  return (THREE_DECIMAL as readonly string[]).includes(code) ? 3 : 2;
}
