import * as z from 'zod/mini';
import {
  API_ERROR_TYPES,
  BALANCE_TRANSACTION_TYPES,
  BILLING_ADDRESS_COLLECTIONS,
  CAPTURE_METHODS,
  CARD_BRANDS,
  CHARGE_STATUSES,
  CURRENCIES,
  EVENT_TYPES,
  INTENT_STATUSES,
  PAYMENT_METHOD_TYPES,
  REFUND_REASONS,
  SAVE_PAYMENT_METHOD_MODES,
  SAVED_CARD_CVC_MODES,
  SESSION_STATUSES,
  type EventType,
} from './enums.js';
import { amount, lazy, unixSeconds } from './kit.js';
import { isSafeUrl } from './safe-url.js';
import { isSessionLocale } from '../i18n/locale.js';
import { serverSchemas } from './schemas.js';

/**
 * The full XPay object graph (seed 001) as the secret-key API returns it, and the bodies the
 * secret-key endpoints accept. Only servers see these (the sandbox, a merchant's server, the webhook
 * verifier), so they are built strict: the docs and the server cannot drift apart silently.
 */
function build() {
  const { Address, BillingDetails, LineItem, LastPaymentError, NextAction } = serverSchemas();
  const o = z.strictObject;
  const metadata = () => z.record(z.string(), z.string());
  const httpUrl = () => z.url({ protocol: /^https?$/ });
  /**
   * A URL the widget will navigate to or show: https, or http to this machine (`isSafeUrl`, the
   * same rule the widget applies to what it reads), so a session is refused here, with a 400 that
   * names the field, rather than accepted and then refused by the customer's browser.
   */
  const browserUrl = () => httpUrl().check(z.refine(isSafeUrl, { message: 'must be an https URL (http only to localhost, 127.0.0.0/8 or [::1])' }));

  const Customer = o({
    id: z.string().check(z.startsWith('cus_')),
    object: z.literal('customer'),
    email: z.nullable(z.string()),
    name: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    address: z.nullable(Address),
    created: unixSeconds(),
    metadata: metadata(),
  });

  /** A ledger row: positive for a captured charge, negative for a refund. */
  const BalanceTransaction = o({
    id: z.string().check(z.startsWith('txn_')),
    object: z.literal('balance_transaction'),
    type: z.enum(BALANCE_TRANSACTION_TYPES),
    /** Signed amount in the minor unit. */
    amount: z.int(),
    fee: z.int(),
    net: z.int(),
    currency: z.string(),
    /** The charge (`ch_…`) or refund (`re_…`) that produced this row. */
    source: z.string(),
    created: unixSeconds(),
  });

  const cardDetails = {
    brand: z.enum(CARD_BRANDS),
    last4: z.string().check(z.regex(/^[0-9]{4}$/)),
    expMonth: z.int(),
    expYear: z.int(),
    /** Same card, same fingerprint; never reversible to the number. */
    fingerprint: z.string(),
  };

  /**
   * A card as the sandbox keeps it (`pm_…`), created when a card is charged; attached to a customer
   * (`customer`) when the session saves it, detached by `POST /v1/payment_methods/:id/detach`.
   */
  const PaymentMethod = o({
    id: z.string().check(z.startsWith('pm_')),
    object: z.literal('payment_method'),
    type: z.literal('card'),
    card: o(cardDetails),
    billingDetails: BillingDetails,
    /** The customer it is saved to; null when not saved, or detached. */
    customer: z.nullable(z.string().check(z.startsWith('cus_'))),
    created: unixSeconds(),
  });

  const Charge = o({
    id: z.string().check(z.startsWith('ch_')),
    object: z.literal('charge'),
    paymentIntent: z.string().check(z.startsWith('pi_')),
    amount: amount(),
    amountCaptured: amount(),
    amountRefunded: amount(),
    captured: z.boolean(),
    refunded: z.boolean(),
    currency: z.string(),
    status: z.enum(CHARGE_STATUSES),
    failureCode: z.nullable(z.string()),
    declineCode: z.nullable(z.string()),
    failureMessage: z.nullable(z.string()),
    /** The Payment Method (`pm_…`) charged; null for a bank redirect (nothing to charge again). */
    paymentMethod: z.nullable(z.string().check(z.startsWith('pm_'))),
    paymentMethodDetails: z.union([
      o({
        type: z.literal('card'),
        card: o({
          ...cardDetails,
          threeDSecure: z.nullable(o({ result: z.enum(['authenticated', 'failed', 'abandoned', 'frictionless']) })),
        }),
      }),
      o({ type: z.literal('bank_redirect'), bankRedirect: o({ bank: z.string() }) }),
    ]),
    billingDetails: BillingDetails,
    balanceTransaction: z.nullable(BalanceTransaction),
    created: unixSeconds(),
  });

  const Refund = o({
    id: z.string().check(z.startsWith('re_')),
    object: z.literal('refund'),
    amount: amount(),
    currency: z.string(),
    charge: z.string().check(z.startsWith('ch_')),
    paymentIntent: z.string().check(z.startsWith('pi_')),
    reason: z.nullable(z.enum(REFUND_REASONS)),
    status: z.literal('succeeded'),
    balanceTransaction: BalanceTransaction,
    created: unixSeconds(),
  });

  const PaymentIntent = o({
    id: z.string().check(z.startsWith('pi_')),
    object: z.literal('payment_intent'),
    amount: amount(),
    amountCapturable: amount(),
    amountReceived: amount(),
    currency: z.string(),
    status: z.enum(INTENT_STATUSES),
    captureMethod: z.enum(CAPTURE_METHODS),
    customer: z.nullable(z.string()),
    lastPaymentError: z.nullable(LastPaymentError),
    nextAction: z.nullable(NextAction),
    charges: z.array(Charge),
    refunds: z.array(Refund),
    canceledAt: z.nullable(unixSeconds()),
    cancellationReason: z.nullable(z.string()),
    created: unixSeconds(),
  });

  const Session = o({
    id: z.string().check(z.startsWith('cs_')),
    object: z.literal('checkout.session'),
    clientSecret: z.string(),
    /** The hosted checkout page for this session. */
    url: z.string(),
    status: z.enum(SESSION_STATUSES),
    paymentStatus: z.enum(['unpaid', 'paid', 'no_payment_required']),
    mode: z.literal('payment'),
    captureMethod: z.enum(CAPTURE_METHODS),
    currency: z.string(),
    amountSubtotal: amount(),
    amountTotal: amount(),
    lineItems: z.array(LineItem),
    customer: z.nullable(Customer),
    customerEmail: z.nullable(z.string()),
    /** The customer's language as the merchant set it at creation (`auto` or a BCP 47 tag), or null. */
    locale: z.nullable(z.string()),
    paymentIntent: z.nullable(PaymentIntent),
    successUrl: z.string(),
    cancelUrl: z.string(),
    billingAddressCollection: z.enum(BILLING_ADDRESS_COLLECTIONS),
    phoneNumberCollection: o({ enabled: z.boolean() }),
    /** `null` = any origin may embed (local testing only). */
    allowedOrigins: z.nullable(z.array(z.string())),
    paymentMethodTypes: z.array(z.enum(PAYMENT_METHOD_TYPES)),
    savePaymentMethod: z.enum(SAVE_PAYMENT_METHOD_MODES),
    savedCardCvc: z.enum(SAVED_CARD_CVC_MODES),
    allowRemoveSavedCards: z.boolean(),
    /** Where a redirect method returns the customer (null: confirm must name one). */
    returnUrl: z.nullable(z.string()),
    paymentLink: z.nullable(z.string()),
    metadata: metadata(),
    expiresAt: unixSeconds(),
    created: unixSeconds(),
    livemode: z.literal(false),
  });

  const Event = o({
    id: z.string().check(z.startsWith('evt_')),
    object: z.literal('event'),
    type: z.enum(EVENT_TYPES),
    created: unixSeconds(),
    livemode: z.literal(false),
    data: o({ object: z.record(z.string(), z.unknown()) }),
  });

  const WebhookEndpoint = o({
    id: z.string().check(z.startsWith('we_')),
    object: z.literal('webhook_endpoint'),
    url: z.string(),
    /** Only returned when the endpoint is created. */
    secret: z.optional(z.string()),
    enabledEvents: z.array(z.string()),
    created: unixSeconds(),
  });

  /** A reusable URL (`/p/plink_…`) that opens a fresh checkout session for each visitor (seed 001). */
  const PaymentLink = o({
    id: z.string().check(z.startsWith('plink_')),
    object: z.literal('payment_link'),
    /** Opening it creates a checkout session and redirects (303) to that session's hosted page. */
    url: z.string(),
    currency: z.string(),
    lineItems: z.array(LineItem),
    amountTotal: amount(),
    captureMethod: z.enum(CAPTURE_METHODS),
    successUrl: z.string(),
    /** `null`: the hosted page's back link returns to the link itself. */
    cancelUrl: z.nullable(z.string()),
    billingAddressCollection: z.enum(BILLING_ADDRESS_COLLECTIONS),
    metadata: metadata(),
    created: unixSeconds(),
    livemode: z.literal(false),
  });

  const list = <T extends z.ZodMiniType>(item: T) =>
    o({ object: z.literal('list'), data: z.array(item), hasMore: z.boolean(), url: z.string() });

  // ---- secret-key request bodies ----
  const LineItemInput = o({
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    unitAmount: z.int().check(z.minimum(0), z.maximum(99_999_999)),
    quantity: z.int().check(z.minimum(1), z.maximum(999)),
    imageUrl: z.optional(browserUrl()),
  });
  const lineItems = () => z.array(LineItemInput).check(z.minLength(1), z.maxLength(100));

  const CreateSessionRequest = o({
    lineItems: lineItems(),
    currency: z.enum(CURRENCIES as [string, ...string[]]),
    mode: z.literal('payment'),
    captureMethod: z.optional(z.enum(CAPTURE_METHODS)),
    customerId: z.optional(z.string().check(z.startsWith('cus_'))),
    customerEmail: z.optional(z.string().check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/))),
    /** The widget's language unless its `locale` input names one; a tag without a catalogue falls back. */
    locale: z.optional(z.string().check(z.refine(isSessionLocale, { message: 'must be auto or a BCP 47 language tag such as de, pt-BR or zh-Hans (at most 35 characters)' }))),
    successUrl: browserUrl(),
    cancelUrl: browserUrl(),
    billingAddressCollection: z.optional(z.enum(BILLING_ADDRESS_COLLECTIONS)),
    phoneNumberCollection: z.optional(o({ enabled: z.boolean() })),
    expiresAt: z.optional(unixSeconds()),
    allowedOrigins: z.optional(z.array(z.string().check(z.regex(/^https?:\/\/[^/?#\s]+$/))).check(z.maxLength(20))),
    metadata: z.optional(metadata()),
    /** Default: every type the sandbox supports for the currency. */
    paymentMethodTypes: z.optional(z.array(z.enum(PAYMENT_METHOD_TYPES)).check(z.minLength(1), z.maxLength(PAYMENT_METHOD_TYPES.length))),
    savePaymentMethod: z.optional(z.enum(SAVE_PAYMENT_METHOD_MODES)),
    savedCardCvc: z.optional(z.enum(SAVED_CARD_CVC_MODES)),
    allowRemoveSavedCards: z.optional(z.boolean()),
    returnUrl: z.optional(browserUrl()),
  });

  const UpdateSessionRequest = o({ lineItems: lineItems() });
  const CaptureRequest = o({ amountToCapture: z.optional(z.int().check(z.minimum(1))) });
  const CancelRequest = o({ cancellationReason: z.optional(z.string().check(z.maxLength(100))) });
  const CreateRefundRequest = o({
    paymentIntent: z.optional(z.string().check(z.startsWith('pi_'))),
    charge: z.optional(z.string().check(z.startsWith('ch_'))),
    amount: z.optional(z.int().check(z.minimum(1))),
    reason: z.optional(z.enum(REFUND_REASONS)),
  });
  const CreateWebhookEndpointRequest = o({
    url: httpUrl(),
    secret: z.optional(z.string().check(z.minLength(8), z.maxLength(200))),
    enabledEvents: z.optional(z.array(z.string())),
  });
  const CreatePaymentLinkRequest = o({
    lineItems: lineItems(),
    currency: z.enum(CURRENCIES as [string, ...string[]]),
    captureMethod: z.optional(z.enum(CAPTURE_METHODS)),
    successUrl: browserUrl(),
    cancelUrl: z.optional(browserUrl()),
    billingAddressCollection: z.optional(z.enum(BILLING_ADDRESS_COLLECTIONS)),
    metadata: z.optional(metadata()),
  });

  return {
    Customer,
    PaymentMethod,
    BalanceTransaction,
    Charge,
    Refund,
    PaymentIntent,
    Session,
    Event,
    WebhookEndpoint,
    PaymentLink,
    list,
    ApiErrorType: z.enum(API_ERROR_TYPES),
    CreateSessionRequest,
    UpdateSessionRequest,
    CaptureRequest,
    CancelRequest,
    CreateRefundRequest,
    CreateWebhookEndpointRequest,
    CreatePaymentLinkRequest,
  };
}

/** The secret-key API's objects and request bodies, built on first use. */
export const objectSchemas = lazy(build);
type S = ReturnType<typeof build>;

export type Customer = z.infer<S['Customer']>;
export type PaymentMethod = z.infer<S['PaymentMethod']>;
export type BalanceTransaction = z.infer<S['BalanceTransaction']>;
export type Charge = z.infer<S['Charge']>;
export type Refund = z.infer<S['Refund']>;
export type PaymentIntent = z.infer<S['PaymentIntent']>;
export type Session = z.infer<S['Session']>;
/** An event as the sandbox stores and sends it: any type, `data.object` untyped. */
export type StoredEvent = z.infer<S['Event']>;

/** Which object each webhook event type carries in `data.object` (what the sandbox emits). */
export interface EventObjects {
  'checkout.session.completed': Session;
  'checkout.session.expired': Session;
  'payment_intent.processing': PaymentIntent;
  'payment_intent.requires_action': PaymentIntent;
  'payment_intent.succeeded': PaymentIntent;
  'payment_intent.payment_failed': PaymentIntent;
  'payment_intent.canceled': PaymentIntent;
  'payment_intent.amount_capturable_updated': PaymentIntent;
  'charge.succeeded': Charge;
  'charge.failed': Charge;
  'charge.refunded': Charge;
  'refund.created': Refund;
  'payment_method.attached': PaymentMethod;
  'payment_method.detached': PaymentMethod;
}

/**
 * A verified webhook event, discriminated by `type`: after
 * `if (event.type === 'checkout.session.completed')`, `event.data.object` is a {@link Session}.
 */
export type XpayEvent = {
  [T in EventType]: Omit<StoredEvent, 'type' | 'data'> & { type: T; data: { object: EventObjects[T] } };
}[EventType];
export type WebhookEndpoint = z.infer<S['WebhookEndpoint']>;
export type PaymentLink = z.infer<S['PaymentLink']>;
export type CreateSessionRequest = z.infer<S['CreateSessionRequest']>;
export type UpdateSessionRequest = z.infer<S['UpdateSessionRequest']>;
export type CaptureRequest = z.infer<S['CaptureRequest']>;
export type CancelRequest = z.infer<S['CancelRequest']>;
export type CreateRefundRequest = z.infer<S['CreateRefundRequest']>;
export type CreateWebhookEndpointRequest = z.infer<S['CreateWebhookEndpointRequest']>;
export type CreatePaymentLinkRequest = z.infer<S['CreatePaymentLinkRequest']>;
