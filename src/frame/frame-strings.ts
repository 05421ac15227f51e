import type { CardBrand } from '../card/brands.js';
import type { CardErrors, CardField } from '../card/validate.js';

type ErrorTexts = { [F in CardField]-?: Record<NonNullable<CardErrors[F]>, string> };

/** Every string the card frame shows. Only English ships today; `locale` from init picks it. */
export interface FrameStrings {
  readonly labels: Record<CardField, string>;
  readonly placeholders: Record<CardField, string>;
  readonly errors: ErrorTexts;
  /** CVC hint by where the code is printed. */
  readonly cvcHint: (brand: CardBrand) => string;
  readonly cvcHintButton: string;
  /** Shown when the frame was loaded without a valid session and origin. */
  readonly misconfigured: string;
  readonly incompleteCard: string;
  readonly networkError: string;
  readonly notReady: string;
  /** Label of the test-mode card picker. */
  readonly testCards: string;
}

/** English. */
export const EN_STRINGS: FrameStrings = {
  labels: { name: 'Name on card', number: 'Card number', expiry: 'Expiry date', cvc: 'Security code' },
  placeholders: { name: 'Full name', number: '1234 1234 1234 1234', expiry: 'MM / YY', cvc: 'CVC' },
  errors: {
    name: { required: 'Enter the name shown on your card.' },
    number: {
      incomplete: 'Your card number is incomplete.',
      invalid: 'Your card number is invalid.',
      unsupported_brand: 'This card type is not supported.',
    },
    expiry: {
      incomplete: 'Your card’s expiry date is incomplete.',
      invalid_month: 'Enter a month between 01 and 12.',
      in_past: 'Your card’s expiry date is in the past.',
      too_far: 'Your card’s expiry year is too far in the future.',
    },
    cvc: { incomplete: 'Your card’s security code is incomplete.' },
  },
  cvcHint: (brand) =>
    brand === 'amex' ? '4-digit code on the front of your card.' : '3-digit code on the back of your card.',
  cvcHintButton: 'What is the security code?',
  misconfigured: 'This payment form could not start. Please reload the page.',
  incompleteCard: 'Your card details are incomplete.',
  networkError: 'We could not reach the payment service. Check your connection and try again.',
  notReady: 'The payment form is still starting. Please try again.',
  testCards: 'Test card (test mode only)',
};

/** The catalogue for a BCP 47 locale (English for every locale until others are written). */
export function stringsFor(_locale: string): FrameStrings {
  return EN_STRINGS;
}
