import * as z from 'zod/mini';
import {
  API_ERROR_TYPES,
  BILLING_ADDRESS_COLLECTIONS,
  CAPTURE_METHODS,
  CARD_BRANDS,
  CHALLENGE_WINDOW_SIZES,
  INTENT_STATUSES,
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
    imageUrl: z.nullable(k.string()),
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
    url: k.string(),
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
    successUrl: k.string(),
    cancelUrl: k.string(),
    expiresAt: k.int(),
    paymentIntent: z.nullable(PublicIntent),
  });

  return { LineItem, LastPaymentError, NextAction, CardPreview, PublicIntent, PublicSession };
}

/**
 * The error body, as the sandbox writes it. The browser bundles read error bodies by hand
 * (`errorBodyOf` in errors.ts), so this one is built strict only.
 */
function buildErrorBody(k: Kit<'strict'>, PublicIntent: ReturnType<typeof buildPublic<'strict'>>['PublicIntent']) {
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

  /** `POST /v1/checkout/sessions/:id/confirm` body — sent only by the card frame. */
  const ConfirmRequest = k.object({
    paymentMethod: k.object({
      type: z.literal('card'),
      card: k.object({
        number: z.string().check(z.regex(/^[0-9]{12,19}$/)),
        expMonth: z.int().check(z.minimum(1), z.maximum(12)),
        expYear: z.int().check(z.minimum(2000), z.maximum(2100)),
        cvc: z.string().check(z.regex(/^[0-9]{3,4}$/)),
      }),
      billingDetails: BillingDetails,
    }),
    /** The embedding page's origin: where the ACS posts `challenge_done`. */
    returnOrigin: z.string().check(z.regex(/^https?:\/\/[^/?#\s]+$/)),
    challengeWindowSize: z.optional(k.oneOf(CHALLENGE_WINDOW_SIZES)),
  });

  return { Address, BillingDetails, ConfirmRequest };
}

/** Schemas as the widget and card frame parse them (unknown fields dropped, unknown enums `'unknown'`). */
export const clientSchemas = /* @__PURE__ */ lazy(() => buildPublic(lenientKit));
/**
 * Schemas as the sandbox validates and serialises them (exact), with the request bodies. Pure, so a
 * browser bundle that never calls it drops it, and with it the strict-only zod code.
 */
export const serverSchemas = /* @__PURE__ */ lazy(() => {
  const pub = buildPublic(strictKit);
  return { ...pub, ErrorBody: buildErrorBody(strictKit, pub.PublicIntent), ...buildRequests() };
});

type Client = ReturnType<typeof buildPublic<'lenient'>>;
type Server = ReturnType<typeof serverSchemas>;

export type Address = z.infer<Server['Address']>;
export type BillingDetails = z.infer<Server['BillingDetails']>;
export type ConfirmRequest = z.infer<Server['ConfirmRequest']>;

/** The public session view as the server sends it. */
export type PublicSession = z.infer<Server['PublicSession']>;
export type PublicIntent = z.infer<Server['PublicIntent']>;
export type LastPaymentError = z.infer<Server['LastPaymentError']>;
export type NextAction = z.infer<Server['NextAction']>;
export type ErrorBody = z.infer<Server['ErrorBody']>;
export type LineItem = z.infer<Server['LineItem']>;

/** The public session view as a browser reads it: enums may be `'unknown'`. */
export type ClientPublicSession = z.infer<Client['PublicSession']>;
export type ClientPublicIntent = z.infer<Client['PublicIntent']>;
export type ClientLastPaymentError = z.infer<Client['LastPaymentError']>;
