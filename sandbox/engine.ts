import type {
  CaptureMethod,
  ChallengeWindowSize,
  EventType,
  IntentStatus,
  PaymentMethodType,
  SavedCardCvcMode,
  SavePaymentMethodMode,
  SessionStatus,
} from '../src/api/enums.js';
import { currencyExponent } from '../src/api/enums.js';
import { exceedsJsonSize, INTENT_HEADROOM, MAX_PUBLIC_VIEW_SIZE, SAVED_CARDS_HEADROOM } from '../src/api/limits.js';
import type {
  BalanceTransaction,
  Charge,
  Customer,
  PaymentIntent,
  Refund,
  Session,
  WebhookEndpoint,
  StoredEvent,
  CreateSessionRequest,
  CreateRefundRequest,
} from '../src/api/objects.js';
import type {
  BankRedirectConfirmRequest,
  BillingDetails,
  ConfirmRequest,
  NewCardConfirmRequest,
  SavedCardConfirmRequest,
  LastPaymentError,
  LineItem,
  NextAction,
  PublicIntent,
  PublicSession,
} from '../src/api/schemas.js';
import { bankOf, BANK_DECLINED, BANK_REDIRECT_ABANDONED, TEST_BANKS, type BankAuthRec } from './banks.js';
import { declineMessage, detectBrand, fingerprint, issuerBehaviour, type CardBehaviour } from './cards.js';
import type { SandboxConfig } from './config.js';
import type { Store } from './db.js';
import { ApiError, invalid, notFound } from './errors.js';
import { hostedPageUrl } from './hosted-page.js';
import { newClientSecret, newId } from './ids.js';
import { cardExpired, PaymentMethods, type PaymentMethodRec } from './payment-methods.js';
import { checkReturnUrl, isBankRedirect, isNewCard, isSaved, methodPreview, methodsOf, publicMethods, sessionMethods } from './session-methods.js';

/**
 * The sandbox's payment engine: every lifecycle transition of sessions, intents, charges, refunds,
 * balance transactions and customers, each called inside one store transaction by the HTTP layer
 * or the scheduler. Each transition writes its events (and their webhook deliveries) in that same
 * transaction and bumps the session's public `version`.
 */

// ---------- stored records (JSON documents) ----------
export interface SessionRec {
  id: string;
  clientSecret: string;
  /** The hosted page without its token; the wire `url` adds it (hosted-page.ts). */
  url: string;
  status: SessionStatus;
  captureMethod: CaptureMethod;
  currency: string;
  lineItems: LineItem[];
  amountSubtotal: number;
  amountTotal: number;
  customerId: string | null;
  customerEmail: string | null;
  /** The customer's language set at creation (`auto` or a tag); absent on sessions stored before #12. */
  locale?: string | null;
  paymentIntentId: string | null;
  successUrl: string;
  cancelUrl: string;
  billingAddressCollection: 'auto' | 'required';
  phoneNumberCollection: { enabled: boolean };
  allowedOrigins: string[] | null;
  /** The payment link (`plink_…`) this session was opened from; absent on sessions stored before links existed. */
  paymentLink?: string | null;
  // Absent on sessions stored before issue #11: see `methodsOf`.
  paymentMethodTypes?: PaymentMethodType[];
  savePaymentMethod?: SavePaymentMethodMode;
  savedCardCvc?: SavedCardCvcMode;
  allowRemoveSavedCards?: boolean;
  returnUrl?: string | null;
  metadata: Record<string, string>;
  expiresAt: number;
  created: number;
  version: number;
}

export interface IntentRec {
  id: string;
  sessionId: string;
  amount: number;
  amountCapturable: number;
  amountReceived: number;
  currency: string;
  status: IntentStatus;
  captureMethod: CaptureMethod;
  customerId: string | null;
  lastPaymentError: LastPaymentError | null;
  nextAction: NextAction | null;
  canceledAt: number | null;
  cancellationReason: string | null;
  created: number;
  /** A confirm holds the intent between its two transactions (cleared at start-up after a crash). */
  confirming: boolean;
  /** The charge awaiting an outcome (3-D Secure, a bank redirect or processing). */
  pendingChargeId: string | null;
  /** The pending charge's card is saved to the customer if it succeeds (issue #11). */
  saveCard?: boolean;
}

export type ChargeRec = Omit<Charge, 'balanceTransaction'> & { balanceTransactionId: string | null };
export type RefundRec = Omit<Refund, 'balanceTransaction'> & { balanceTransactionId: string };

export interface ChallengeRec {
  id: string;
  intentId: string;
  chargeId: string;
  sessionId: string;
  status: 'pending' | 'authenticated' | 'failed' | 'abandoned' | 'canceled';
  returnOrigin: string;
  then: 'succeed' | 'decline';
  created: number;
}

export interface EndpointRec {
  id: string;
  url: string;
  secret: string;
  enabledEvents: string[];
  created: number;
}

export type JobKind = 'processing_complete' | 'challenge_timeout' | 'bank_redirect_timeout' | 'session_expire' | 'authorisation_expire';


/** A response computed inside a transaction (stored as-is for idempotent replays). */
export interface Result {
  status: number;
  body: unknown;
}

/**
 * The documented test fee: 2.9 % of the amount (rounded half up) plus a fixed part by currency
 * exponent: 30 minor units for 0- and 2-decimal currencies (¥30, $0.30), 100 for 3-decimal ones
 * (0.100 KWD); never more than the amount.
 */
export function testFee(amount: number, currency: string): number {
  const fixed = currencyExponent(currency) === 3 ? 100 : 30;
  return Math.min(amount, Math.round((amount * 29) / 1000) + fixed);
}

export interface EngineHooks {
  /** A session's public view changed (wakes long-polls). */
  sessionChanged(sessionId: string): void;
  /** New webhook deliveries or jobs are due (wakes the scheduler). */
  workQueued(): void;
}

export class Engine {
  readonly paymentMethods: PaymentMethods;

  constructor(
    readonly store: Store,
    readonly config: SandboxConfig,
    private readonly hooks: EngineHooks,
  ) {
    this.paymentMethods = new PaymentMethods(store, (type, object) => this.emit(type, object));
  }

  // ---------- reads ----------
  session(id: string): SessionRec | undefined {
    return this.store.getDoc<SessionRec>('sessions', id);
  }
  requireSession(id: string): SessionRec {
    const s = this.session(id);
    if (!s) throw notFound('session_not_found', `No checkout session ${JSON.stringify(id)} exists in this sandbox.`);
    return s;
  }
  intent(id: string): IntentRec | undefined {
    return this.store.getDoc<IntentRec>('intents', id);
  }
  requireIntent(id: string): IntentRec {
    const i = this.intent(id);
    if (!i) throw notFound('resource_missing', `No such payment intent: ${JSON.stringify(id)}.`, 'id');
    return i;
  }
  charge(id: string): ChargeRec | undefined {
    return this.store.getDoc<ChargeRec>('charges', id);
  }
  challenge(id: string): ChallengeRec | undefined {
    return this.store.getDoc<ChallengeRec>('challenges', id);
  }
  bankAuth(id: string): BankAuthRec | undefined {
    return this.store.getDoc<BankAuthRec>('bank_authorizations', id);
  }
  chargesOf(intentId: string): ChargeRec[] {
    return this.store.docs<ChargeRec>('SELECT data FROM charges WHERE intent_id = ? ORDER BY seq', intentId);
  }
  refundsOf(intentId: string): RefundRec[] {
    return this.store.docs<RefundRec>('SELECT data FROM refunds WHERE intent_id = ? ORDER BY seq', intentId);
  }
  endpoints(): EndpointRec[] {
    return this.store.docs<EndpointRec>('SELECT data FROM webhook_endpoints WHERE deleted = 0 ORDER BY seq DESC');
  }

  // ---------- rendering (wire objects) ----------
  renderCustomer(id: string): Customer | null {
    return this.store.getDoc<Customer>('customers', id) ?? null;
  }
  renderBalanceTransaction(id: string | null): BalanceTransaction | null {
    return id === null ? null : (this.store.getDoc<BalanceTransaction>('balance_transactions', id) ?? null);
  }
  renderCharge(rec: ChargeRec): Charge {
    const { balanceTransactionId, ...rest } = rec;
    // Charges stored before issue #11 have no paymentMethod.
    return { ...rest, paymentMethod: rest.paymentMethod ?? null, balanceTransaction: this.renderBalanceTransaction(balanceTransactionId) };
  }
  renderRefund(rec: RefundRec): Refund {
    const { balanceTransactionId, ...rest } = rec;
    return { ...rest, balanceTransaction: this.renderBalanceTransaction(balanceTransactionId)! };
  }
  renderIntent(rec: IntentRec): PaymentIntent {
    return {
      id: rec.id,
      object: 'payment_intent',
      amount: rec.amount,
      amountCapturable: rec.amountCapturable,
      amountReceived: rec.amountReceived,
      currency: rec.currency,
      status: rec.status,
      captureMethod: rec.captureMethod,
      customer: rec.customerId,
      lastPaymentError: rec.lastPaymentError,
      nextAction: rec.nextAction,
      charges: this.chargesOf(rec.id).map((c) => this.renderCharge(c)),
      refunds: this.refundsOf(rec.id).map((r) => this.renderRefund(r)),
      canceledAt: rec.canceledAt,
      cancellationReason: rec.cancellationReason,
      created: rec.created,
    };
  }
  renderSession(rec: SessionRec): Session {
    const intent = rec.paymentIntentId ? this.intent(rec.paymentIntentId)! : null;
    return {
      id: rec.id,
      object: 'checkout.session',
      clientSecret: rec.clientSecret,
      url: hostedPageUrl(rec),
      status: rec.status,
      paymentStatus: intent?.status === 'succeeded' ? 'paid' : 'unpaid',
      mode: 'payment',
      captureMethod: rec.captureMethod,
      currency: rec.currency,
      amountSubtotal: rec.amountSubtotal,
      amountTotal: rec.amountTotal,
      lineItems: rec.lineItems,
      customer: rec.customerId ? this.renderCustomer(rec.customerId) : null,
      customerEmail: rec.customerEmail,
      locale: rec.locale ?? null,
      paymentIntent: intent ? this.renderIntent(intent) : null,
      successUrl: rec.successUrl,
      cancelUrl: rec.cancelUrl,
      billingAddressCollection: rec.billingAddressCollection,
      phoneNumberCollection: rec.phoneNumberCollection,
      allowedOrigins: rec.allowedOrigins,
      ...methodsOf(rec),
      paymentLink: rec.paymentLink ?? null,
      metadata: rec.metadata,
      expiresAt: rec.expiresAt,
      created: rec.created,
      livemode: false,
    };
  }
  renderPublicIntent(rec: IntentRec): PublicIntent {
    const charges = this.chargesOf(rec.id);
    const last = charges[charges.length - 1];
    return {
      id: rec.id,
      status: rec.status,
      amount: rec.amount,
      currency: rec.currency,
      captureMethod: rec.captureMethod,
      lastPaymentError: rec.lastPaymentError,
      nextAction: rec.nextAction,
      card: last?.paymentMethodDetails.type === 'card' ? { brand: last.paymentMethodDetails.card.brand, last4: last.paymentMethodDetails.card.last4 } : null,
      paymentMethod: last ? methodPreview(last) : null,
    };
  }
  renderPublic(rec: SessionRec): PublicSession {
    const intent = rec.paymentIntentId ? this.intent(rec.paymentIntentId)! : null;
    return {
      id: rec.id,
      object: 'checkout.session.public',
      status: rec.status,
      version: rec.version,
      livemode: false,
      merchantName: this.config.merchantName,
      currency: rec.currency,
      amountSubtotal: rec.amountSubtotal,
      amountTotal: rec.amountTotal,
      lineItems: rec.lineItems,
      billingAddressCollection: rec.billingAddressCollection,
      phoneNumberCollection: rec.phoneNumberCollection,
      customerEmail: rec.customerEmail,
      locale: rec.locale ?? null,
      successUrl: rec.successUrl,
      cancelUrl: rec.cancelUrl,
      expiresAt: rec.expiresAt,
      paymentIntent: intent ? this.renderPublicIntent(intent) : null,
      ...publicMethods(rec, this.paymentMethods.savedCards(rec.customerId, this.store.now())),
    };
  }

  // ---------- writes ----------
  private saveSession(s: SessionRec, { bump = true } = {}): void {
    this.store.putDoc('sessions', bump ? Object.assign(s, { version: s.version + 1 }) : s);
    if (bump) this.store.onCommit(() => this.hooks.sessionChanged(s.id));
  }
  private saveIntent(i: IntentRec): void {
    this.store.putDoc('intents', i, { session_id: i.sessionId });
  }
  private saveCharge(c: ChargeRec): void {
    this.store.putDoc('charges', c, { intent_id: c.paymentIntent });
  }
  private saveChallenge(c: ChallengeRec): void {
    this.store.putDoc('challenges', c, { intent_id: c.intentId });
  }

  schedule(kind: JobKind, ref: string, dueAtMs: number, payload: Record<string, unknown> = {}): void {
    this.store.db
      .prepare(
        `INSERT INTO jobs (due_at, kind, ref, payload) VALUES (?, ?, ?, ?)
         ON CONFLICT(kind, ref) DO UPDATE SET due_at = excluded.due_at, payload = excluded.payload`,
      )
      .run(Math.round(dueAtMs), kind, ref, JSON.stringify(payload));
    this.store.onCommit(() => this.hooks.workQueued());
  }
  unschedule(kind: JobKind, ref: string): void {
    this.store.db.prepare('DELETE FROM jobs WHERE kind = ? AND ref = ?').run(kind, ref);
  }

  /** Writes an event and, for each subscribed endpoint, a pending delivery (the outbox). */
  emit(type: EventType, object: unknown): StoredEvent {
    const event: StoredEvent = {
      id: newId('evt'),
      object: 'event',
      type,
      created: this.store.now(),
      livemode: false,
      data: { object: object as Record<string, unknown> },
    };
    this.store.putDoc('events', event, { type });
    const insert = this.store.db.prepare(
      `INSERT INTO deliveries (event_id, endpoint_id, status, next_at) VALUES (?, ?, 'pending', ?)`,
    );
    for (const ep of this.endpoints()) {
      if (ep.enabledEvents.includes('*') || ep.enabledEvents.includes(type)) insert.run(event.id, ep.id, this.store.nowMs());
    }
    this.store.onCommit(() => this.hooks.workQueued());
    return event;
  }

  // ---------- sessions ----------
  /**
   * Creates an open session. `from` marks one opened by a payment link: it names the link, and its
   * `allowedOrigins` is empty — only the sandbox's own hosted page (always allowed) may take it.
   */
  createSession(req: CreateSessionRequest, apiOrigin: string, from?: { paymentLink: string }): SessionRec {
    const now = this.store.now();
    let expiresAt = now + 3600;
    if (req.expiresAt !== undefined) {
      if (req.expiresAt < now + 30 * 60 - 5 || req.expiresAt > now + 24 * 3600 + 5) {
        throw invalid('parameter_invalid', 'expiresAt must be between 30 minutes and 24 hours from now (Unix seconds).', 'expiresAt');
      }
      expiresAt = req.expiresAt;
    }
    if (req.customerId !== undefined && req.customerEmail !== undefined) {
      throw invalid('parameter_invalid', 'Pass either customerId or customerEmail, not both.', 'customerEmail');
    }
    let customerEmail = req.customerEmail ?? null;
    if (req.customerId !== undefined) {
      const customer = this.renderCustomer(req.customerId);
      if (!customer) throw invalid('resource_missing', `No such customer: ${JSON.stringify(req.customerId)}.`, 'customerId');
      customerEmail = customer.email;
    }
    const methods = sessionMethods(req, customerEmail !== null || req.customerId !== undefined, from ? [] : (req.allowedOrigins ?? null), apiOrigin);
    const { lineItems, subtotal } = this.lineItems(req.lineItems);
    const id = newId('cs_test');
    const rec: SessionRec = {
      id,
      clientSecret: newClientSecret(id),
      url: `${apiOrigin}/c/${id}`,
      status: 'open',
      captureMethod: req.captureMethod ?? 'automatic',
      currency: req.currency,
      lineItems,
      amountSubtotal: subtotal,
      amountTotal: subtotal,
      customerId: req.customerId ?? null,
      customerEmail,
      locale: req.locale ?? null,
      paymentIntentId: null,
      successUrl: req.successUrl,
      cancelUrl: req.cancelUrl,
      billingAddressCollection: req.billingAddressCollection ?? 'auto',
      phoneNumberCollection: req.phoneNumberCollection ?? { enabled: false },
      allowedOrigins: from ? [] : req.allowedOrigins ? [...new Set(req.allowedOrigins.map((o) => o.toLowerCase()))] : null,
      paymentLink: from?.paymentLink ?? null,
      ...methods,
      metadata: req.metadata ?? {},
      expiresAt,
      created: now,
      version: 0,
    };
    this.checkViewSize(rec);
    this.saveSession(rec);
    this.schedule('session_expire', id, expiresAt * 1000);
    return rec;
  }

  /** A create's payment-method settings, checked against each other and the currency (issue #11). */
  private lineItems(input: CreateSessionRequest['lineItems']): { lineItems: LineItem[]; subtotal: number } {
    const lineItems = input.map((li) => ({
      name: li.name,
      unitAmount: li.unitAmount,
      quantity: li.quantity,
      amountTotal: li.unitAmount * li.quantity,
      imageUrl: li.imageUrl ?? null,
    }));
    const subtotal = lineItems.reduce((sum, li) => sum + li.amountTotal, 0);
    if (subtotal < 1) throw invalid('amount_too_small', 'The session total must be at least 1 minor unit.', 'lineItems');
    if (subtotal > 99_999_999) throw invalid('amount_too_large', 'The session total must be at most 99999999 minor units.', 'lineItems');
    return { lineItems, subtotal };
  }

  updateSession(id: string, input: CreateSessionRequest['lineItems']): SessionRec {
    const s = this.requireSession(id);
    if (s.status !== 'open') throw invalid('session_not_open', `The session is ${s.status}; only an open session can be updated.`);
    const intent = s.paymentIntentId ? this.intent(s.paymentIntentId)! : null;
    if (intent && (intent.status !== 'requires_payment_method' || intent.confirming)) {
      throw invalid('payment_intent_unexpected_state', `The session's payment is ${intent.status}; line items can change only while no charge is in flight.`);
    }
    const { lineItems, subtotal } = this.lineItems(input);
    s.lineItems = lineItems;
    s.amountSubtotal = subtotal;
    s.amountTotal = subtotal;
    this.checkViewSize(s);
    if (intent) {
      intent.amount = subtotal;
      this.saveIntent(intent);
    }
    this.saveSession(s);
    return s;
  }

  /**
   * Refuses a session whose public view would not leave room for a payment's details under the
   * widget's caps (src/api/limits.ts): accepted here means readable, and payable, in the browser.
   */
  private checkViewSize(s: SessionRec): void {
    const limit = MAX_PUBLIC_VIEW_SIZE - INTENT_HEADROOM - SAVED_CARDS_HEADROOM;
    if (!exceedsJsonSize(this.renderPublic(s), limit)) return;
    throw invalid(
      'session_too_large',
      `The session's public view would be over ${limit} characters: shorten line item names, imageUrls or the URLs.`,
      'lineItems',
    );
  }

  /** Expires an open session (and cancels its intent). `manual` comes from the API, else the clock. */
  expireSession(id: string, manual: boolean): SessionRec {
    const s = this.requireSession(id);
    if (s.status !== 'open') {
      if (manual) throw invalid('session_not_open', `The session is already ${s.status}.`);
      return s;
    }
    const intent = s.paymentIntentId ? this.intent(s.paymentIntentId)! : null;
    if (intent && (intent.status === 'processing' || intent.confirming)) {
      if (manual) throw invalid('payment_intent_unexpected_state', 'A payment is processing; the session cannot expire now.');
      this.schedule('session_expire', id, this.store.nowMs() + 1000); // look again when it settles
      return s;
    }
    s.status = 'expired';
    this.unschedule('session_expire', id);
    if (intent && (intent.status === 'requires_payment_method' || intent.status === 'requires_action')) {
      this.cancelIntentRec(s, intent, 'session_expired');
    }
    this.saveSession(s);
    this.emit('checkout.session.expired', this.renderSession(s));
    return s;
  }

  // ---------- confirm ----------
  /**
   * First half of confirm (one transaction): guards, rate limit, the intent created once, and the
   * intent held so a concurrent confirm cannot start a second charge.
   */
  confirmBegin(sessionId: string, req: ConfirmRequest, apiOrigin: string): IntentRec {
    const s = this.requireSession(sessionId);
    if (s.status === 'expired') throw invalid('session_expired', 'This checkout session has expired.');
    // The sandbox's own origin (its hosted page) is always allowed, like for the card frame.
    const returnOrigin = req.returnOrigin.toLowerCase();
    if (s.allowedOrigins !== null && !s.allowedOrigins.includes(returnOrigin) && returnOrigin !== apiOrigin.toLowerCase()) {
      throw new ApiError('invalid_request_error', 'origin_not_allowed', `returnOrigin ${req.returnOrigin} is not in this session's allowedOrigins.`, {
        param: 'returnOrigin',
        origin: req.returnOrigin,
        allowedOrigins: s.allowedOrigins,
      });
    }
    this.checkMethod(s, req, apiOrigin);
    let intent = s.paymentIntentId ? this.intent(s.paymentIntentId)! : null;
    if (intent?.confirming) {
      throw new ApiError('invalid_request_error', 'confirm_in_progress', 'Another confirm of this session is in flight; re-read the session.', {}, 409);
    }
    if (s.status !== 'open' || (intent && intent.status !== 'requires_payment_method')) {
      throw invalid(
        'payment_intent_unexpected_state',
        `This payment is ${intent?.status ?? s.status}; confirm is allowed only while it requires a payment method.`,
      );
    }
    if (intent) {
      const failed = this.chargesOf(intent.id).filter((c) => c.status === 'failed').length;
      if (failed >= this.config.maxFailedConfirms) {
        throw new ApiError('rate_limit_error', 'too_many_attempts', `This session has had ${failed} failed payment attempts; start a new checkout.`);
      }
    }
    if (!intent) {
      intent = {
        id: newId('pi'),
        sessionId: s.id,
        amount: s.amountTotal,
        amountCapturable: 0,
        amountReceived: 0,
        currency: s.currency,
        status: 'requires_payment_method',
        captureMethod: s.captureMethod,
        customerId: s.customerId,
        lastPaymentError: null,
        nextAction: null,
        canceledAt: null,
        cancellationReason: null,
        created: this.store.now(),
        confirming: false,
        pendingChargeId: null,
      };
      s.paymentIntentId = intent.id;
      // The version moves when the attempt has an outcome, not for the intent being created.
      this.saveSession(s, { bump: false });
    }
    intent.confirming = true;
    this.saveIntent(intent);
    return intent;
  }

  /**
   * The payment method of a confirm, as the session allows it: its type offered, a saved card the
   * customer's own (and its CVC when asked for), save requested only when offered, a return URL for
   * a redirect. Run by both halves of confirm: a card detached during the round trip is refused in
   * the second, before anything is charged.
   */
  private checkMethod(s: SessionRec, req: ConfirmRequest, apiOrigin: string): void {
    const m = methodsOf(s);
    const type = req.paymentMethod.type;
    if (!m.paymentMethodTypes.includes(type)) {
      throw invalid('payment_method_type_not_allowed', `This session takes ${m.paymentMethodTypes.join(', ')}, not ${type}.`, 'paymentMethod.type');
    }
    if (isSaved(req)) {
      const pm = this.paymentMethods.requireUsable(req.paymentMethod.id, s.customerId);
      if (m.savedCardCvc === 'always' && !req.paymentMethod.card) {
        throw invalid('parameter_missing', "This session asks for the saved card's security code again.", 'paymentMethod.card.cvc');
      }
      this.checkBillingDetails(s, req.paymentMethod.billingDetails ?? pm.billingDetails);
      return;
    }
    this.checkBillingDetails(s, req.paymentMethod.billingDetails);
    if (isNewCard(req) && req.savePaymentMethod === true && m.savePaymentMethod === 'off') {
      throw invalid('parameter_invalid', 'This session does not offer to save cards (savePaymentMethod is off).', 'savePaymentMethod');
    }
    if (isBankRedirect(req)) {
      if (!bankOf(req.paymentMethod.bankRedirect.bank)) {
        throw invalid('parameter_invalid', `bank must be one of: ${TEST_BANKS.map((b) => b.id).join(', ')}.`, 'paymentMethod.bankRedirect.bank');
      }
      const returnUrl = req.returnUrl ?? m.returnUrl;
      if (returnUrl === null) throw invalid('parameter_missing', 'A bank redirect needs a returnUrl: in confirm, or on the session.', 'returnUrl');
      checkReturnUrl(returnUrl, s.allowedOrigins, apiOrigin, 'returnUrl');
    } else if (req.returnUrl !== undefined) {
      checkReturnUrl(req.returnUrl, s.allowedOrigins, apiOrigin, 'returnUrl');
    }
  }

  private checkBillingDetails(s: SessionRec, bd: BillingDetails): void {
    const p = 'paymentMethod.billingDetails';
    if (!bd.address) throw invalid('parameter_missing', 'This session collects a billing address (country and postal code at least).', `${p}.address`);
    if (s.billingAddressCollection === 'required') {
      if (!bd.address.line1) throw invalid('parameter_missing', 'This session requires a full billing address.', `${p}.address.line1`);
      if (!bd.address.city) throw invalid('parameter_missing', 'This session requires a full billing address.', `${p}.address.city`);
    }
    if (s.phoneNumberCollection.enabled && !bd.phone) throw invalid('parameter_missing', 'This session collects a phone number.', `${p}.phone`);
  }

  /**
   * What the velocity limits count an attempt's failures by before its charge exists: the card's
   * fingerprint (a saved card's own), or for a bank redirect the session (it has no card).
   */
  attemptFingerprint(sessionId: string, req: ConfirmRequest): string {
    if (isNewCard(req)) return fingerprint(req.paymentMethod.card.number, this.store.fingerprintKey);
    if (isSaved(req)) return this.paymentMethods.get(req.paymentMethod.id)?.card.fingerprint ?? `pm:${req.paymentMethod.id}`;
    return `bank_redirect:${sessionId}`;
  }

  /** Releases a held intent (a failed or crashed confirm). */
  release(intentId: string): void {
    const intent = this.intent(intentId);
    if (intent?.confirming) {
      intent.confirming = false;
      this.saveIntent(intent);
      this.saveSession(this.session(intent.sessionId)!);
    }
  }

  /** Second half of confirm (one transaction): the issuer's answer becomes a charge and a status. */
  confirmFinish(sessionId: string, intentId: string, req: ConfirmRequest, apiOrigin: string): Result {
    const s = this.requireSession(sessionId);
    const intent = this.requireIntent(intentId);
    intent.confirming = false;
    this.checkMethod(s, req, apiOrigin);
    if (isBankRedirect(req)) return this.bankRedirect(s, intent, req, apiOrigin);
    const now = this.store.now();
    const { charge, behaviour } = isSaved(req) ? this.savedCardCharge(intent, req, now) : this.newCardCharge(intent, req, now);
    intent.saveCard = isNewCard(req) && (methodsOf(s).savePaymentMethod === 'always' || (methodsOf(s).savePaymentMethod === 'offer' && req.savePaymentMethod === true));
    return this.cardOutcome(s, intent, charge, behaviour, req, apiOrigin);
  }

  /** A charge of a new card: its Payment Method is created with it, saved only if it succeeds. */
  private newCardCharge(intent: IntentRec, req: NewCardConfirmRequest, now: number): { charge: ChargeRec; behaviour: CardBehaviour } {
    const card = req.paymentMethod.card;
    const behaviour = issuerBehaviour(card, now);
    const details = {
      brand: detectBrand(card.number),
      last4: card.number.slice(-4),
      expMonth: card.expMonth,
      expYear: card.expYear,
      fingerprint: fingerprint(card.number, this.store.fingerprintKey),
    };
    const pm = this.paymentMethods.create(details, req.paymentMethod.billingDetails, behaviour);
    return { charge: this.newCharge(intent, pm.id, { type: 'card', card: { ...details, threeDSecure: null } }, req.paymentMethod.billingDetails, now), behaviour };
  }

  /** A charge of a saved card: the issuer answers as it did for that card, after expiry and CVC checks. */
  private savedCardCharge(intent: IntentRec, req: SavedCardConfirmRequest, now: number): { charge: ChargeRec; behaviour: CardBehaviour } {
    const pm = this.paymentMethods.get(req.paymentMethod.id)!;
    const cvc = req.paymentMethod.card?.cvc;
    let behaviour = pm.issuer;
    if (cardExpired(pm.card, now)) behaviour = { kind: 'decline', code: 'expired_card' };
    else if (cvc !== undefined && cvc.length !== (pm.card.brand === 'amex' ? 4 : 3)) behaviour = { kind: 'decline', code: 'incorrect_cvc' };
    const billingDetails = req.paymentMethod.billingDetails ?? pm.billingDetails;
    return { charge: this.newCharge(intent, pm.id, { type: 'card', card: { ...pm.card, threeDSecure: null } }, billingDetails, now), behaviour };
  }

  private newCharge(intent: IntentRec, paymentMethod: string | null, details: ChargeRec['paymentMethodDetails'], billingDetails: BillingDetails, now: number): ChargeRec {
    return {
      id: newId('ch'),
      object: 'charge',
      paymentIntent: intent.id,
      amount: intent.amount,
      amountCaptured: 0,
      amountRefunded: 0,
      captured: false,
      refunded: false,
      currency: intent.currency,
      status: 'pending',
      failureCode: null,
      declineCode: null,
      failureMessage: null,
      paymentMethod,
      paymentMethodDetails: details,
      billingDetails,
      balanceTransactionId: null,
      created: now,
    };
  }

  /** The issuer's answer to a card charge becomes the attempt's outcome. */
  private cardOutcome(s: SessionRec, intent: IntentRec, charge: ChargeRec, behaviour: CardBehaviour, req: ConfirmRequest, apiOrigin: string): Result {
    const now = this.store.now();
    const card = charge.paymentMethodDetails.type === 'card' ? charge.paymentMethodDetails.card : null;
    switch (behaviour.kind) {
      case 'succeed':
        this.authorised(s, intent, charge);
        break;
      case 'frictionless':
        card!.threeDSecure = { result: 'frictionless' };
        this.authorised(s, intent, charge);
        break;
      case 'decline':
        this.failed(s, intent, charge, behaviour.code, behaviour.declineCode);
        return {
          status: 402,
          body: {
            error: {
              type: 'card_error',
              code: behaviour.code,
              ...(behaviour.declineCode ? { declineCode: behaviour.declineCode } : {}),
              message: declineMessage(behaviour.code, behaviour.declineCode),
              paymentIntent: this.renderPublicIntent(intent),
            },
          },
        };
      case 'challenge': {
        const challenge: ChallengeRec = {
          id: newId('acs'),
          intentId: intent.id,
          chargeId: charge.id,
          sessionId: s.id,
          status: 'pending',
          returnOrigin: req.returnOrigin,
          then: behaviour.then,
          created: now,
        };
        this.saveChallenge(challenge);
        this.saveCharge(charge);
        intent.status = 'requires_action';
        intent.pendingChargeId = charge.id;
        intent.lastPaymentError = null;
        intent.nextAction = {
          type: 'three_ds_challenge',
          url: `${apiOrigin}/sandbox/acs/${challenge.id}`,
          windowSize: (req.challengeWindowSize ?? '02') as ChallengeWindowSize,
        };
        this.saveIntent(intent);
        this.saveSession(s);
        this.schedule('challenge_timeout', challenge.id, this.store.nowMs() + this.config.challengeTimeoutMs);
        this.emit('payment_intent.requires_action', this.renderIntent(intent));
        break;
      }
      case 'processing':
        this.saveCharge(charge);
        intent.status = 'processing';
        intent.pendingChargeId = charge.id;
        intent.lastPaymentError = null;
        intent.nextAction = null;
        this.saveIntent(intent);
        this.saveSession(s);
        this.schedule('processing_complete', intent.id, this.store.nowMs() + this.config.processingMs, {
          chargeId: charge.id,
          then: behaviour.then,
        });
        this.emit('payment_intent.processing', this.renderIntent(intent));
        break;
    }
    return { status: 200, body: this.renderPublic(this.session(s.id)!) };
  }

  // ---------- bank redirect ----------
  /** A bank redirect attempt: a pending charge and a trip to the bank page, like a 3-D Secure challenge. */
  private bankRedirect(s: SessionRec, intent: IntentRec, req: BankRedirectConfirmRequest, apiOrigin: string): Result {
    const now = this.store.now();
    const bank = req.paymentMethod.bankRedirect.bank;
    const charge = this.newCharge(intent, null, { type: 'bank_redirect', bankRedirect: { bank } }, req.paymentMethod.billingDetails, now);
    const auth: BankAuthRec = {
      id: newId('bnk'),
      intentId: intent.id,
      chargeId: charge.id,
      sessionId: s.id,
      bank,
      status: 'pending',
      returnUrl: req.returnUrl ?? methodsOf(s).returnUrl!,
      created: now,
    };
    this.store.putDoc('bank_authorizations', auth, { intent_id: intent.id });
    this.saveCharge(charge);
    intent.status = 'requires_action';
    intent.pendingChargeId = charge.id;
    intent.lastPaymentError = null;
    intent.saveCard = false;
    intent.nextAction = { type: 'redirect_to_url', url: `${apiOrigin}/sandbox/bank/${auth.id}` };
    this.saveIntent(intent);
    this.saveSession(s);
    this.schedule('bank_redirect_timeout', auth.id, this.store.nowMs() + this.config.challengeTimeoutMs);
    this.emit('payment_intent.requires_action', this.renderIntent(intent));
    return { status: 200, body: this.renderPublic(this.session(s.id)!) };
  }

  /**
   * The customer answered on the bank page (or the clock gave up on them). Authorised: succeeded,
   * or `processing` until the bank settles for a settle-later bank. Answers the record as it now is
   * (an answer to a decided trip changes nothing).
   */
  resolveBankAuth(id: string, outcome: 'authorized' | 'failed' | 'abandoned'): BankAuthRec | undefined {
    const auth = this.bankAuth(id);
    if (!auth || auth.status !== 'pending') return auth;
    auth.status = outcome;
    this.store.putDoc('bank_authorizations', auth, { intent_id: auth.intentId });
    this.unschedule('bank_redirect_timeout', auth.id);
    const intent = this.intent(auth.intentId)!;
    const s = this.session(auth.sessionId)!;
    const charge = this.charge(auth.chargeId)!;
    if (intent.status !== 'requires_action' || intent.pendingChargeId !== charge.id) return auth;
    const bank = bankOf(auth.bank)!;
    if (outcome !== 'authorized') {
      this.failed(s, intent, charge, outcome === 'failed' ? BANK_DECLINED : BANK_REDIRECT_ABANDONED, undefined, 'invalid_request_error');
    } else if (bank.settlesLater) {
      intent.status = 'processing';
      intent.nextAction = null;
      this.saveIntent(intent);
      this.saveSession(s);
      this.schedule('processing_complete', intent.id, this.store.nowMs() + this.config.bankSettleMs, { chargeId: charge.id, then: bank.then });
      this.emit('payment_intent.processing', this.renderIntent(intent));
    } else {
      this.authorised(s, intent, charge);
    }
    return auth;
  }

  /** The issuer authorised the charge: capture now (automatic) or hold it (manual). */
  private authorised(s: SessionRec, intent: IntentRec, charge: ChargeRec): void {
    charge.status = 'succeeded';
    const customerId = this.ensureCustomer(s, charge.billingDetails);
    intent.customerId = customerId;
    s.customerId = customerId;
    // Saved only once paid for; a card detached while this attempt was at the issuer stays detached.
    if (intent.saveCard && charge.paymentMethod) charge.paymentMethod = this.paymentMethods.attach(charge.paymentMethod, customerId);
    intent.saveCard = false;
    intent.lastPaymentError = null;
    intent.nextAction = null;
    intent.pendingChargeId = null;
    if (intent.captureMethod === 'automatic') {
      this.captureCharge(charge, intent.amount);
      intent.status = 'succeeded';
      intent.amountReceived = intent.amount;
    } else {
      intent.status = 'requires_capture';
      intent.amountCapturable = intent.amount;
      this.schedule('authorisation_expire', intent.id, this.store.nowMs() + this.config.authorisationExpiryMs);
    }
    this.saveCharge(charge);
    this.saveIntent(intent);
    s.status = 'complete';
    this.unschedule('session_expire', s.id);
    this.saveSession(s);
    this.emit('charge.succeeded', this.renderCharge(charge));
    if (intent.status === 'succeeded') this.emit('payment_intent.succeeded', this.renderIntent(intent));
    else this.emit('payment_intent.amount_capturable_updated', this.renderIntent(intent));
    this.emit('checkout.session.completed', this.renderSession(s));
  }

  private captureCharge(charge: ChargeRec, amount: number): void {
    charge.captured = true;
    charge.amountCaptured = amount;
    const fee = testFee(amount, charge.currency);
    const bt: BalanceTransaction = {
      id: newId('txn'),
      object: 'balance_transaction',
      type: 'charge',
      amount,
      fee,
      net: amount - fee,
      currency: charge.currency,
      source: charge.id,
      created: this.store.now(),
    };
    this.store.putDoc('balance_transactions', bt);
    charge.balanceTransactionId = bt.id;
  }

  /** The attempt failed: the intent goes back to `requires_payment_method` with `lastPaymentError`. */
  private failed(s: SessionRec, intent: IntentRec, charge: ChargeRec, code: string, declineCode?: string, type: LastPaymentError['type'] = 'card_error'): void {
    const message = declineMessage(code, declineCode);
    charge.status = 'failed';
    charge.failureCode = code;
    charge.declineCode = declineCode ?? null;
    charge.failureMessage = message;
    intent.status = 'requires_payment_method';
    intent.pendingChargeId = null;
    intent.nextAction = null;
    intent.saveCard = false;
    intent.lastPaymentError = { type, code, ...(declineCode ? { declineCode } : {}), message };
    this.saveCharge(charge);
    this.saveIntent(intent);
    this.saveSession(s);
    this.emit('charge.failed', this.renderCharge(charge));
    this.emit('payment_intent.payment_failed', this.renderIntent(intent));
  }

  private ensureCustomer(s: SessionRec, bd: BillingDetails): string {
    if (s.customerId) return s.customerId;
    const customer: Customer = {
      id: newId('cus'),
      object: 'customer',
      email: s.customerEmail ?? bd.email ?? null,
      name: bd.name,
      phone: bd.phone ?? null,
      address: bd.address ?? null,
      created: this.store.now(),
      metadata: {},
    };
    this.store.putDoc('customers', customer);
    return customer.id;
  }

  // ---------- 3-D Secure ----------
  /** The customer (ACS page), the widget (abandon_action) or the clock decided the challenge. */
  resolveChallenge(challengeId: string, outcome: 'authenticated' | 'failed' | 'abandoned'): ChallengeRec | undefined {
    const ch = this.challenge(challengeId);
    if (!ch || ch.status !== 'pending') return ch;
    const intent = this.intent(ch.intentId)!;
    const s = this.session(ch.sessionId)!;
    const charge = this.charge(ch.chargeId)!;
    ch.status = outcome;
    this.saveChallenge(ch);
    this.unschedule('challenge_timeout', ch.id);
    if (intent.status !== 'requires_action' || intent.pendingChargeId !== charge.id) return ch;
    if (charge.paymentMethodDetails.type === 'card') charge.paymentMethodDetails.card.threeDSecure = { result: outcome };
    if (outcome === 'authenticated') {
      if (ch.then === 'succeed') this.authorised(s, intent, charge);
      else this.failed(s, intent, charge, 'card_declined', 'generic_decline');
    } else {
      this.failed(s, intent, charge, outcome === 'failed' ? 'authentication_failed' : 'authentication_abandoned');
    }
    return ch;
  }

  abandonAction(sessionId: string): SessionRec {
    const s = this.requireSession(sessionId);
    const intent = s.paymentIntentId ? this.intent(s.paymentIntentId)! : null;
    if (!intent || intent.status !== 'requires_action') {
      throw invalid('payment_intent_unexpected_state', `There is no 3-D Secure challenge or bank redirect to abandon (payment is ${intent?.status ?? 'not started'}).`);
    }
    const ch = this.store.docs<ChallengeRec>("SELECT data FROM challenges WHERE intent_id = ? AND json_extract(data, '$.status') = 'pending'", intent.id)[0];
    if (ch) this.resolveChallenge(ch.id, 'abandoned');
    for (const auth of this.pendingBankAuths(intent.id)) this.resolveBankAuth(auth.id, 'abandoned');
    return this.session(sessionId)!;
  }

  // ---------- saved cards ----------
  /**
   * Detaches a saved card (secret-key API). A confirm with it that is between its two halves is
   * refused in the second (`checkMethod`); an attempt already at the issuer (3-D Secure,
   * processing) finishes, and never saves the card again.
   */
  detachPaymentMethod(id: string): PaymentMethodRec {
    const pm = this.paymentMethods.detach(id);
    // Every open session of that customer shows one card fewer.
    for (const s of this.store.docs<SessionRec>("SELECT data FROM sessions WHERE json_extract(data, '$.customerId') = ? AND json_extract(data, '$.status') = 'open'", pm.detachedFrom)) {
      this.saveSession(s);
    }
    return pm;
  }

  /** The session's customer removes one of their saved cards from the widget. */
  removeSavedCard(sessionId: string, pmId: string): SessionRec {
    const s = this.requireSession(sessionId);
    if (!methodsOf(s).allowRemoveSavedCards) {
      throw new ApiError('invalid_request_error', 'saved_card_removal_not_allowed', 'This session does not let the customer remove saved cards (allowRemoveSavedCards).', {}, 403);
    }
    if (s.status !== 'open') throw invalid('session_not_open', `The session is ${s.status}.`);
    const pm = this.paymentMethods.requireUsable(pmId, s.customerId);
    this.detachPaymentMethod(pm.id);
    return this.session(sessionId)!;
  }

  // ---------- capture, cancel, refunds ----------
  capture(intentId: string, amountToCapture: number | undefined): IntentRec {
    const intent = this.requireIntent(intentId);
    if (intent.status !== 'requires_capture') {
      throw invalid('payment_intent_unexpected_state', `This payment intent is ${intent.status}; only requires_capture can be captured.`);
    }
    const amount = amountToCapture ?? intent.amountCapturable;
    if (amount > intent.amountCapturable) {
      throw invalid('amount_too_large', `amountToCapture (${amount}) exceeds the capturable amount (${intent.amountCapturable}).`, 'amountToCapture');
    }
    const charge = this.chargesOf(intent.id).find((c) => c.status === 'succeeded' && !c.captured)!;
    this.captureCharge(charge, amount);
    this.saveCharge(charge);
    intent.amountReceived = amount;
    intent.amountCapturable = 0; // a partial capture releases the rest
    intent.status = 'succeeded';
    this.saveIntent(intent);
    this.unschedule('authorisation_expire', intent.id);
    this.saveSession(this.session(intent.sessionId)!);
    this.emit('payment_intent.succeeded', this.renderIntent(intent));
    return intent;
  }

  cancel(intentId: string, reason: string | undefined): IntentRec {
    const intent = this.requireIntent(intentId);
    if (!['requires_payment_method', 'requires_action', 'requires_capture'].includes(intent.status) || intent.confirming) {
      throw invalid('payment_intent_unexpected_state', `This payment intent is ${intent.status}; it cannot be canceled.`);
    }
    const s = this.session(intent.sessionId)!;
    this.cancelIntentRec(s, intent, reason ?? 'requested_by_customer');
    if (s.status === 'open') {
      // Nothing can be paid on this session any more.
      s.status = 'expired';
      this.unschedule('session_expire', s.id);
      this.saveSession(s);
      this.emit('checkout.session.expired', this.renderSession(s));
    } else {
      this.saveSession(s);
    }
    return intent;
  }

  private pendingBankAuths(intentId: string): BankAuthRec[] {
    return this.store.docs<BankAuthRec>("SELECT data FROM bank_authorizations WHERE intent_id = ? AND json_extract(data, '$.status') = 'pending'", intentId);
  }

  private cancelIntentRec(s: SessionRec, intent: IntentRec, reason: string): void {
    if (intent.pendingChargeId) {
      const charge = this.charge(intent.pendingChargeId)!;
      charge.status = 'failed';
      charge.failureCode = 'payment_intent_canceled';
      charge.failureMessage = declineMessage('payment_intent_canceled');
      this.saveCharge(charge);
      for (const ch of this.store.docs<ChallengeRec>("SELECT data FROM challenges WHERE intent_id = ? AND json_extract(data, '$.status') = 'pending'", intent.id)) {
        ch.status = 'canceled';
        this.saveChallenge(ch);
        this.unschedule('challenge_timeout', ch.id);
      }
      for (const auth of this.pendingBankAuths(intent.id)) {
        auth.status = 'canceled';
        this.store.putDoc('bank_authorizations', auth, { intent_id: auth.intentId });
        this.unschedule('bank_redirect_timeout', auth.id);
      }
    }
    intent.status = 'canceled';
    intent.pendingChargeId = null;
    intent.nextAction = null;
    intent.amountCapturable = 0;
    intent.canceledAt = this.store.now();
    intent.cancellationReason = reason;
    this.unschedule('authorisation_expire', intent.id);
    this.saveIntent(intent);
    this.saveSession(s);
    this.emit('payment_intent.canceled', this.renderIntent(intent));
  }

  createRefund(req: CreateRefundRequest): RefundRec {
    if ((req.paymentIntent === undefined) === (req.charge === undefined)) {
      throw invalid('parameter_invalid', 'Pass exactly one of paymentIntent or charge.', req.paymentIntent === undefined ? 'paymentIntent' : 'charge');
    }
    let charge: ChargeRec | undefined;
    if (req.charge !== undefined) {
      charge = this.charge(req.charge);
      if (!charge) throw notFound('resource_missing', `No such charge: ${JSON.stringify(req.charge)}.`, 'charge');
    } else {
      const intent = this.intent(req.paymentIntent!);
      if (!intent) throw notFound('resource_missing', `No such payment intent: ${JSON.stringify(req.paymentIntent)}.`, 'paymentIntent');
      charge = this.chargesOf(intent.id).find((c) => c.captured);
    }
    if (!charge || !charge.captured) {
      throw invalid('charge_not_captured', 'There is no captured charge to refund.', req.charge !== undefined ? 'charge' : 'paymentIntent');
    }
    const remaining = charge.amountCaptured - charge.amountRefunded;
    if (remaining <= 0) throw invalid('charge_already_refunded', `Charge ${charge.id} has already been fully refunded.`);
    const amount = req.amount ?? remaining;
    if (amount > remaining) {
      throw invalid('amount_too_large', `Refund amount (${amount}) is greater than the unrefunded captured amount (${remaining}).`, 'amount');
    }
    const now = this.store.now();
    const refundId = newId('re');
    const bt: BalanceTransaction = {
      id: newId('txn'),
      object: 'balance_transaction',
      type: 'refund',
      amount: -amount,
      fee: 0,
      net: -amount,
      currency: charge.currency,
      source: refundId,
      created: now,
    };
    this.store.putDoc('balance_transactions', bt);
    const refund: RefundRec = {
      id: refundId,
      object: 'refund',
      amount,
      currency: charge.currency,
      charge: charge.id,
      paymentIntent: charge.paymentIntent,
      reason: req.reason ?? null,
      status: 'succeeded',
      balanceTransactionId: bt.id,
      created: now,
    };
    this.store.putDoc('refunds', refund, { intent_id: refund.paymentIntent });
    charge.amountRefunded += amount;
    charge.refunded = charge.amountRefunded >= charge.amountCaptured;
    this.saveCharge(charge);
    this.emit('refund.created', this.renderRefund(refund));
    this.emit('charge.refunded', this.renderCharge(charge));
    this.store.onCommit(() => this.hooks.sessionChanged(this.intent(refund.paymentIntent)!.sessionId));
    return refund;
  }

  // ---------- webhook endpoints ----------
  createEndpoint(url: string, secret: string | undefined, enabledEvents: string[] | undefined, source: string | null = null): EndpointRec {
    const rec: EndpointRec = {
      id: newId('we'),
      url,
      secret: secret ?? newId('whsec'),
      enabledEvents: enabledEvents ?? ['*'],
      created: this.store.now(),
    };
    this.store.putDoc('webhook_endpoints', rec, { source });
    return rec;
  }

  /** XPAY_WEBHOOK_URL: one endpoint for the environment, updated in place on restart. */
  registerEnvEndpoint(url: string, secret: string): EndpointRec {
    return this.store.tx(() => {
      const row = this.store.db.prepare("SELECT data FROM webhook_endpoints WHERE source = 'env'").get() as { data: string } | undefined;
      if (!row) return this.createEndpoint(url, secret, ['*'], 'env');
      const rec = JSON.parse(row.data) as EndpointRec;
      rec.url = url;
      rec.secret = secret;
      this.store.db.prepare("UPDATE webhook_endpoints SET data = ?, deleted = 0 WHERE source = 'env'").run(JSON.stringify(rec));
      return rec;
    });
  }

  renderEndpoint(rec: EndpointRec, withSecret = false): WebhookEndpoint {
    return {
      id: rec.id,
      object: 'webhook_endpoint',
      url: rec.url,
      ...(withSecret ? { secret: rec.secret } : {}),
      enabledEvents: rec.enabledEvents,
      created: rec.created,
    };
  }

  // ---------- scheduled work ----------
  /** Runs every job due by the sandbox clock, each in its own transaction. Returns how many ran. */
  runDueJobs(limit = 1000): number {
    let ran = 0;
    const next = this.store.db.prepare('SELECT id, kind, ref, payload FROM jobs WHERE due_at <= ? ORDER BY due_at, id LIMIT 1');
    while (ran < limit) {
      const job = next.get(this.store.nowMs()) as { id: number; kind: JobKind; ref: string; payload: string } | undefined;
      if (!job) break;
      this.store.tx(() => {
        this.store.db.prepare('DELETE FROM jobs WHERE id = ?').run(job.id);
        this.runJob(job.kind, job.ref, JSON.parse(job.payload) as Record<string, unknown>);
      });
      ran++;
    }
    return ran;
  }

  private runJob(kind: JobKind, ref: string, payload: Record<string, unknown>): void {
    switch (kind) {
      case 'session_expire':
        if (this.session(ref)) this.expireSession(ref, false);
        return;
      case 'challenge_timeout':
        this.resolveChallenge(ref, 'abandoned');
        return;
      case 'bank_redirect_timeout':
        this.resolveBankAuth(ref, 'abandoned');
        return;
      case 'processing_complete': {
        const intent = this.intent(ref);
        if (!intent || intent.status !== 'processing' || intent.pendingChargeId !== payload.chargeId) return;
        const s = this.session(intent.sessionId)!;
        const charge = this.charge(payload.chargeId as string)!;
        if (payload.then === 'succeed') this.authorised(s, intent, charge);
        else if (charge.paymentMethodDetails.type === 'bank_redirect') this.failed(s, intent, charge, BANK_DECLINED, undefined, 'invalid_request_error');
        else this.failed(s, intent, charge, 'card_declined', 'generic_decline');
        return;
      }
      case 'authorisation_expire': {
        const intent = this.intent(ref);
        if (!intent || intent.status !== 'requires_capture') return;
        this.cancelIntentRec(this.session(intent.sessionId)!, intent, 'automatic');
        return;
      }
    }
  }

  /** The earliest moment (sandbox ms) anything is due, or null. */
  nextDueMs(): number | null {
    const job = this.store.db.prepare('SELECT MIN(due_at) AS t FROM jobs').get() as { t: number | null };
    const delivery = this.store.db.prepare("SELECT MIN(next_at) AS t FROM deliveries WHERE status = 'pending'").get() as { t: number | null };
    const ts = [job.t, delivery.t].filter((t): t is number => t !== null);
    return ts.length ? Math.min(...ts) : null;
  }

  /** After a crash: confirms that never answered hold nothing. */
  recover(): void {
    this.store.tx(() => {
      for (const i of this.store.docs<IntentRec>("SELECT data FROM intents WHERE json_extract(data, '$.confirming') = 1")) {
        i.confirming = false;
        this.saveIntent(i);
      }
      this.store.db.prepare("DELETE FROM idempotency WHERE state = 'in_flight'").run();
    });
  }
}

