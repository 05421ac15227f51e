import * as z from 'zod/mini';
import {
  API_ERROR_TYPES,
  BILLING_ADDRESS_COLLECTIONS,
  CAPTURE_METHODS,
  CARD_BRANDS,
  CHALLENGE_WINDOW_SIZES,
  INTENT_STATUSES,
  PAYMENT_METHOD_TYPES,
  SAVE_PAYMENT_METHOD_MODES,
  SAVED_CARD_CVC_MODES,
  SESSION_STATUSES,
} from './enums.js';
import { lazy, lenientKit, strictKit, type Kit, type Mode } from './kit.js';

/**
 * What a browser may see: the session's public view and the error body. Written once; the sandbox
 * builds them `strict`, the widget and frame `lenient` (see kit.ts).
 */
function buildPublic<M extends Mode>(k: Kit<M>) {
  /** A non-negative integer amount in the currency's minor unit. */
  const amount = () => k.int(0);

  const LineItem = k.object({
    name: k.string(),
    unitAmount: amount(),
    quantity: k.int(1),
    amountTotal: amount(),
    imageUrl: z.nullable(k.url()),
  });

  /** Why the last attempt failed; the intent is back in `requires_payment_method`. */
  const LastPaymentError = k.object({
    type: k.oneOf(API_ERROR_TYPES),
    code: k.string(),
    declineCode: z.optional(k.string()),
    message: k.string(),
  });

  /** A 3-D Secure challenge to show: the ACS page at `url`, in an EMV window of `windowSize`. */
  const NextAction = k.object({
    type: k.literal('three_ds_challenge'),
    /** `null` in the widget when the API sent a URL it must not load (see `isSafeUrl`). */
    url: k.url(),
    windowSize: k.oneOf(CHALLENGE_WINDOW_SIZES),
  });

  const CardPreview = k.object({
    brand: k.oneOf(CARD_BRANDS),
    last4: k.matches(/^[0-9]{4}$/),
  });

  const PublicIntent = k.object({
    id: k.matches(/^pi_/),
    status: k.oneOf(INTENT_STATUSES),
    amount: amount(),
    currency: k.string(),
    captureMethod: k.oneOf(CAPTURE_METHODS),
    lastPaymentError: z.nullable(LastPaymentError),
    nextAction: z.nullable(NextAction),
    /** Brand and last 4 digits of the card on the last charge attempt. */
    card: z.nullable(CardPreview),
  });

  /** `GET /v1/checkout/sessions/:id/public` — everything the widget needs, nothing secret. */
  const PublicSession = k.object({
    id: k.matches(/^cs_/),
    object: k.literal('checkout.session.public'),
    status: k.oneOf(SESSION_STATUSES),
    /** Monotonic: moves on every change a browser can see; `?since=` long-polls on it. */
    version: k.int(0),
    livemode: k.bool(),
    merchantName: k.string(),
    currency: k.string(),
    amountSubtotal: amount(),
    amountTotal: amount(),
    lineItems: k.list(LineItem),
    billingAddressCollection: k.oneOf(BILLING_ADDRESS_COLLECTIONS),
    phoneNumberCollection: k.object({ enabled: k.bool() }),
    customerEmail: z.nullable(k.string()),
    /** URLs the widget may follow: `null` in the widget when one is not safe to (see `isSafeUrl`). */
    successUrl: k.url(),
    cancelUrl: k.url(),
    expiresAt: k.int(),
    paymentIntent: z.nullable(PublicIntent),
  });

  return { LineItem, LastPaymentError, NextAction, CardPreview, PublicIntent, PublicSession };
}

/**
 * More ways to pay (issue #11), as extensions of {@link buildPublic}'s views: a redirect next
 * action, the method an intent was paid with, the session's methods, its customer's saved cards and
 * the test banks. Every new field is optional, so a browser bundle that does not build these yet
 * (today's widget drops unknown fields) and one that does both read any answer. The sandbox builds
 * them strict; the widget may build them lenient when it shows them.
 */
function buildMethodViews<M extends Mode>(k: Kit<M>, pub: ReturnType<typeof buildPublic<M>>) {
  /** Leave the page for the bank's (`bank_redirect`); the bank sends the customer to `returnUrl`. */
  const RedirectToUrl = k.object({
    type: k.literal('redirect_to_url'),
    url: k.url(),
  });
  const NextAction = z.union([pub.NextAction, RedirectToUrl]);

  /** The method an attempt used, never more than the customer may see again. */
  const PaymentMethodPreview = k.object({
    type: k.oneOf(PAYMENT_METHOD_TYPES),
    card: z.optional(pub.CardPreview),
    bankRedirect: z.optional(k.object({ bank: k.string() })),
  });

  const PublicIntent = z.extend(pub.PublicIntent, {
    nextAction: z.nullable(NextAction),
    paymentMethod: z.optional(z.nullable(PaymentMethodPreview)),
  });

  /** One of the session customer's saved cards (`pm_…`): no fingerprint, no billing details. */
  const SavedCard = k.object({
    id: k.matches(/^pm_/),
    card: k.object({ brand: k.oneOf(CARD_BRANDS), last4: k.matches(/^[0-9]{4}$/), expMonth: k.int(1), expYear: k.int(0) }),
    /** Past its expiry on the sandbox clock: shown, not payable. */
    expired: k.bool(),
  });

  /** A test bank of `bank_redirect`; `settlesLater` ones answer `processing` first. */
  const Bank = k.object({ id: k.string(), name: k.string(), settlesLater: k.bool() });

  const PublicSession = z.extend(pub.PublicSession, {
    paymentIntent: z.nullable(PublicIntent),
    paymentMethodTypes: z.optional(k.list(k.oneOf(PAYMENT_METHOD_TYPES))),
    savePaymentMethod: z.optional(k.oneOf(SAVE_PAYMENT_METHOD_MODES)),
    savedCardCvc: z.optional(k.oneOf(SAVED_CARD_CVC_MODES)),
    allowRemoveSavedCards: z.optional(k.bool()),
    savedPaymentMethods: z.optional(k.list(SavedCard)),
    banks: z.optional(k.list(Bank)),
  });

  return { RedirectToUrl, NextAction, PaymentMethodPreview, PublicIntent, SavedCard, Bank, PublicSession };
}

/**
 * The error body, as the sandbox writes it. The browser bundles read error bodies by hand
 * (`errorBodyOf` in errors.ts), so this one is built strict only.
 */
function buildErrorBody(k: Kit<'strict'>, PublicIntent: ReturnType<typeof buildMethodViews<'strict'>>['PublicIntent']) {
  /** Every error body: `{ error: { type, code, message, param?, declineCode?, requestId } }`. */
  return k.object({
    error: k.object({
      type: k.oneOf(API_ERROR_TYPES),
      code: k.string(),
      message: k.string(),
      param: z.optional(k.string()),
      declineCode: z.optional(k.string()),
      requestId: k.string(),
      /** On card errors from confirm: the intent, back in `requires_payment_method`. */
      paymentIntent: z.optional(PublicIntent),
      /** On `origin_not_allowed`: the origin that asked and the session's allowed origins. */
      origin: z.optional(k.string()),
      allowedOrigins: z.optional(k.list(k.string())),
    }),
  });
}

/**
 * What a browser sends: the confirm request (from the card frame only). Only the sandbox parses it,
 * strictly; keeping it out of {@link buildPublic} keeps its regexes out of the browser bundles.
 */
function buildRequests() {
  const k = strictKit;

  const Address = k.object({
    line1: z.optional(z.string().check(z.maxLength(200))),
    line2: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
    city: z.optional(z.string().check(z.maxLength(200))),
    state: z.optional(z.string().check(z.maxLength(200))),
    postalCode: z.string().check(z.minLength(1), z.maxLength(20)),
    /** ISO 3166-1 alpha-2, upper case. */
    country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  });

  const BillingDetails = k.object({
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    email: z.optional(z.string().check(z.maxLength(320), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/))),
    phone: z.optional(z.string().check(z.maxLength(32), z.regex(/^\+?[0-9 ()-]{4,31}$/))),
    address: z.optional(Address),
  });

  const cvc = () => z.string().check(z.regex(/^[0-9]{3,4}$/));
  /** What every confirm carries besides its payment method. */
  const attempt = {
    /** The embedding page's origin: where the ACS posts `challenge_done`. */
    returnOrigin: z.string().check(z.regex(/^https?:\/\/[^/?#\s]+$/)),
    challengeWindowSize: z.optional(k.oneOf(CHALLENGE_WINDOW_SIZES)),
    /** Where a redirect method sends the customer back (an allowed origin); else the session's. */
    returnUrl: z.optional(z.string().check(z.maxLength(2048))),
  };

  /** `POST /v1/checkout/sessions/:id/confirm` body with a new card — sent only by the card frame. */
  const ConfirmRequest = k.object({
    paymentMethod: k.object({
      type: z.literal('card'),
      card: k.object({
        number: z.string().check(z.regex(/^[0-9]{12,19}$/)),
        expMonth: z.int().check(z.minimum(1), z.maximum(12)),
        expYear: z.int().check(z.minimum(2000), z.maximum(2100)),
        cvc: cvc(),
      }),
      billingDetails: BillingDetails,
    }),
    /** The customer ticked "Save this card" (only when the session's `savePaymentMethod` is `offer`). */
    savePaymentMethod: z.optional(z.boolean()),
    ...attempt,
  });

  /** The confirm body that pays with one of the session customer's saved cards (`pm_…`). */
  const SavedCardConfirmRequest = k.object({
    paymentMethod: k.object({
      type: z.literal('card'),
      id: z.string().check(z.regex(/^pm_[A-Za-z0-9]{1,64}$/)),
      /** The security code again (required when the session's `savedCardCvc` is `always`). */
      card: z.optional(k.object({ cvc: cvc() })),
      /** Defaults to the saved card's. */
      billingDetails: z.optional(BillingDetails),
    }),
    ...attempt,
  });

  /** The confirm body that pays by `bank_redirect`: the customer picked `bank` from the view's `banks`. */
  const BankRedirectConfirmRequest = k.object({
    paymentMethod: k.object({
      type: z.literal('bank_redirect'),
      bankRedirect: k.object({ bank: z.string().check(z.maxLength(64)) }),
      billingDetails: BillingDetails,
    }),
    ...attempt,
  });

  return { Address, BillingDetails, ConfirmRequest, SavedCardConfirmRequest, BankRedirectConfirmRequest };
}

/** Schemas as the widget and card frame parse them (unknown fields dropped, unknown enums `'unknown'`). */
export const clientSchemas = /* @__PURE__ */ lazy(() => buildPublic(lenientKit));
/**
 * Schemas as the sandbox validates and serialises them (exact), with the request bodies. Pure, so a
 * browser bundle that never calls it drops it, and with it the strict-only zod code.
 */
export const serverSchemas = /* @__PURE__ */ lazy(() => {
  const pub = buildPublic(strictKit);
  const methods = buildMethodViews(strictKit, pub);
  // The language the merchant chose for the session (`auto` or a BCP 47 tag), or null (issue #12).
  // Only the card frame reads it, from the view as received (frame-locale.ts): the widget's lenient
  // schemas leave it out, so the CDN bundle does not build it.
  const PublicSession = z.extend(methods.PublicSession, { locale: z.nullable(strictKit.string()) });
  return { ...pub, ...methods, PublicSession, ErrorBody: buildErrorBody(strictKit, methods.PublicIntent), ...buildRequests() };
});

type Client = ReturnType<typeof buildPublic<'lenient'>>;
type Server = ReturnType<typeof serverSchemas>;

export type Address = z.infer<Server['Address']>;
export type BillingDetails = z.infer<Server['BillingDetails']>;
/** A confirm with a new card. */
export type NewCardConfirmRequest = z.infer<Server['ConfirmRequest']>;
export type SavedCardConfirmRequest = z.infer<Server['SavedCardConfirmRequest']>;
export type BankRedirectConfirmRequest = z.infer<Server['BankRedirectConfirmRequest']>;
/** Any confirm body: a new card, a saved card (`paymentMethod.id`) or a bank redirect. */
export type ConfirmRequest = NewCardConfirmRequest | SavedCardConfirmRequest | BankRedirectConfirmRequest;

/** The public session view as the server sends it. */
export type PublicSession = z.infer<Server['PublicSession']>;
export type PublicIntent = z.infer<Server['PublicIntent']>;
export type LastPaymentError = z.infer<Server['LastPaymentError']>;
export type NextAction = z.infer<Server['NextAction']>;
export type PaymentMethodPreview = z.infer<Server['PaymentMethodPreview']>;
export type SavedCard = z.infer<Server['SavedCard']>;
export type Bank = z.infer<Server['Bank']>;
export type ErrorBody = z.infer<Server['ErrorBody']>;
export type LineItem = z.infer<Server['LineItem']>;

/** The public session view as a browser reads it: enums may be `'unknown'`. */
export type ClientPublicSession = z.infer<Client['PublicSession']>;
export type ClientPublicIntent = z.infer<Client['PublicIntent']>;
export type ClientLastPaymentError = z.infer<Client['LastPaymentError']>;
/** A 3-D Secure action as a browser reads it: `url` is null when it was not safe to load. */
export type ClientNextAction = z.infer<Client['NextAction']>;
