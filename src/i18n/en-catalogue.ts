import type { CheckoutCatalogue, FrameCatalogue } from './catalogue.js';

/**
 * English, the source of truth: every other locale (`locales/<tag>.json`) has exactly these keys and
 * placeholders (test/unit/i18n/catalogues.test.ts), and English fills any string a locale lacks.
 * Inline and typed, so the default locale costs no request.
 */
export const EN_CHECKOUT: CheckoutCatalogue = {
  loading: 'Loading checkout…',
  orderSummary: 'Order summary',
  quantity: { other: 'Qty {count}' },
  subtotal: 'Subtotal',
  total: 'Total due',
  pay: 'Pay {amount}',
  paying: 'Processing…',
  actionElsewhere: 'This payment is being completed in another window.',

  contactHeading: 'Contact information',
  email: 'Email',
  phone: 'Phone number',
  billingAddressHeading: 'Billing address',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  city: 'City',
  state: 'State / region',
  postalCode: 'Postal code',
  country: 'Country',
  optional: 'optional',
  fieldErrors: {
    required: 'This field is required.',
    invalid_email: 'Enter an email address like name@example.com.',
    invalid_phone: 'Enter a phone number with digits only, optionally starting with +.',
    invalid_postal_code: 'Enter a postal code.',
    invalid_country: 'Choose a country.',
  },

  cardHeading: 'Card information',
  cardFrameTitle: 'Secure card payment form',
  unknownBrand: 'Card',
  secureNote: 'Card details are encrypted and sent directly to XPay.',

  processingTitle: 'Confirming your payment…',
  processingDetail: 'This usually takes a few seconds. Please keep this page open.',
  succeededTitle: 'Payment successful',
  succeededDetail: '{amount} paid with {card}.',
  succeededDetailNoCard: '{amount} paid.',
  cardDescription: '{brand} ending in {last4}',
  reference: 'Reference',
  authorisedTitle: 'Payment authorised',
  authorisedDetail: '{amount} is reserved on {card}. You will be charged when the order is confirmed.',
  authorisedDetailNoCard: '{amount} is reserved on your card. You will be charged when the order is confirmed.',
  declinedTitle: 'Payment not completed',
  declined: {
    card_declined: 'Your card was declined. Try another card or contact your bank.',
    insufficient_funds: 'Your card has insufficient funds. Try another card.',
    expired_card: 'Your card has expired. Check the expiry date or use another card.',
    incorrect_cvc: "Your card's security code is incorrect. Check it and try again.",
    processing_error: 'We could not process your card. Try again in a moment.',
    authentication_failed: 'Your bank could not verify this payment. Try again or use another card.',
    authentication_abandoned: 'Verification was cancelled, so you have not been charged. Try again when you are ready.',
    too_many_attempts: 'Too many attempts with this checkout. You have not been charged. Return to the store to start again.',
    rate_limited: 'Too many attempts right now. You have not been charged. Wait a moment, then try again.',
    billing_details_missing: 'This payment form is not set up correctly. You have not been charged. Please contact the store.',
  },
  canceledTitle: 'Payment canceled',
  canceledDetail: 'This payment was canceled and you have not been charged.',
  expiredTitle: 'This checkout has expired',
  expiredDetail: 'You have not been charged. Return to the store to start again.',
  errorTitle: 'Checkout unavailable',
  networkErrorDetail: 'We could not reach the payment service. Check your connection and try again.',
  integrationErrorDetail: 'This payment form is not set up correctly. Please contact the store.',
  unsupportedBrowserDetail: 'This browser is too old for this checkout. Update it or use another browser.',
  retry: 'Try again',

  challengeTitle: 'Verify your payment',
  challengeFrameTitle: 'Payment verification by your bank',
  challengeClose: 'Cancel verification',
  challengeOpened: 'Your bank needs to verify this payment.',
};

/** The card frame's English strings. */
export const EN_FRAME: FrameCatalogue = {
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
  cvcHintFront: '4-digit code on the front of your card.',
  cvcHintBack: '3-digit code on the back of your card.',
  cvcHintButton: 'What is the security code?',
  misconfigured: 'This payment form could not start. Please reload the page.',
  incompleteCard: 'Your card details are incomplete.',
  networkError: 'We could not reach the payment service. Check your connection and try again.',
  notReady: 'The payment form is still starting. Please try again.',
  testCards: 'Test card (test mode only)',
  testCardOutcomes: {
    succeeds: 'Succeeds',
    insufficientFunds: 'Declined: insufficient funds',
    challenge: '3-D Secure challenge',
    processingSucceeds: 'Processing, then succeeds',
    processingFails: 'Processing, then fails',
  },
};
