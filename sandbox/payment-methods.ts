import type { EventType } from '../src/api/enums.js';
import type { PaymentMethod } from '../src/api/objects.js';
import type { BillingDetails, SavedCard } from '../src/api/schemas.js';
import type { CardBehaviour } from './cards.js';
import type { Store } from './db.js';
import { invalid, notFound } from './errors.js';
import { newId } from './ids.js';

/**
 * Payment Methods (`pm_…`, issue #11): the card of every card charge, kept as brand, last 4,
 * expiry, fingerprint and billing details — never its number or CVC — and saved to a customer when
 * the session says so. A customer has at most one saved card per fingerprint (saving the same card
 * again updates it; a unique index backs the rule), and a detached card is never charged again.
 */

/** The stored record: the wire object plus what only the sandbox's issuer needs. */
export interface PaymentMethodRec extends PaymentMethod {
  /**
   * What the test issuer does with this card (its row in cards.ts's table, not its number), so a
   * saved 3-D Secure card challenges again. Never a secret: the table is public.
   */
  issuer: CardBehaviour;
  /** The customer it was detached from, to say "detached" rather than "no such card" to them. */
  detachedFrom: string | null;
}

/** The newest saved cards a public view lists (bounded: SAVED_CARDS_HEADROOM in src/api/limits.ts). */
export const MAX_SAVED_CARDS_LISTED = 10;

export class PaymentMethods {
  constructor(
    private readonly store: Store,
    private readonly emit: (type: EventType, object: unknown) => void,
  ) {}

  get(id: string): PaymentMethodRec | undefined {
    return this.store.getDoc<PaymentMethodRec>('payment_methods', id);
  }

  /** The wire object (no issuer profile). */
  render(rec: PaymentMethodRec): PaymentMethod {
    const { issuer: _issuer, detachedFrom: _from, ...pm } = rec;
    return pm;
  }

  private save(rec: PaymentMethodRec): void {
    this.store.putDoc('payment_methods', rec, { customer_id: rec.customer, fingerprint: rec.card.fingerprint });
  }

  /** The card of a new card charge, not saved to anyone yet. */
  create(card: PaymentMethod['card'], billingDetails: BillingDetails, issuer: CardBehaviour): PaymentMethodRec {
    const rec: PaymentMethodRec = {
      id: newId('pm'),
      object: 'payment_method',
      type: 'card',
      card,
      billingDetails,
      customer: null,
      created: this.store.now(),
      issuer,
      detachedFrom: null,
    };
    this.save(rec);
    return rec;
  }

  /**
   * Saves the card `pmId` to `customerId` (in the caller's transaction, after the charge succeeded).
   * When the customer already has this card (same fingerprint), that saved card is updated (expiry,
   * billing details) instead, and its id returned: one saved card per card per customer.
   */
  attach(pmId: string, customerId: string): string {
    const pm = this.get(pmId)!;
    const existing = this.savedByFingerprint(customerId, pm.card.fingerprint);
    if (existing) {
      existing.card = pm.card;
      existing.billingDetails = pm.billingDetails;
      existing.issuer = pm.issuer;
      this.save(existing);
      return existing.id;
    }
    pm.customer = customerId;
    pm.detachedFrom = null;
    this.save(pm);
    this.emit('payment_method.attached', this.render(pm));
    return pm.id;
  }

  private savedByFingerprint(customerId: string, fingerprint: string): PaymentMethodRec | undefined {
    return this.store.docs<PaymentMethodRec>('SELECT data FROM payment_methods WHERE customer_id = ? AND fingerprint = ?', customerId, fingerprint)[0];
  }

  /** Detaches a saved card from its customer (secret-key API, or the customer from the widget). */
  detach(id: string): PaymentMethodRec {
    const pm = this.get(id);
    if (!pm) throw notFound('resource_missing', `No such payment method: ${JSON.stringify(id)}.`, 'id');
    if (pm.customer === null) throw invalid('payment_method_not_attached', 'This payment method is not saved to a customer.', 'id');
    pm.detachedFrom = pm.customer;
    pm.customer = null;
    this.save(pm);
    this.emit('payment_method.detached', this.render(pm));
    return pm;
  }

  /** A customer's saved cards, newest first. */
  listFor(customerId: string, limit = 100): PaymentMethodRec[] {
    return this.store.docs<PaymentMethodRec>('SELECT data FROM payment_methods WHERE customer_id = ? ORDER BY seq DESC LIMIT ?', customerId, limit);
  }

  /** The saved cards a session's public view shows its customer: no fingerprint, no billing details. */
  savedCards(customerId: string | null, nowSeconds: number): SavedCard[] {
    if (customerId === null) return [];
    return this.listFor(customerId, MAX_SAVED_CARDS_LISTED).map((pm) => ({
      id: pm.id,
      card: { brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.expMonth, expYear: pm.card.expYear },
      expired: cardExpired(pm.card, nowSeconds),
    }));
  }

  /**
   * The saved card `id` when `customerId` may pay with it, else a 400 that says why without
   * revealing another customer's cards: theirs, unknown and never-saved all read "no such card".
   */
  requireUsable(id: string, customerId: string | null): PaymentMethodRec {
    const pm = this.get(id);
    const param = 'paymentMethod.id';
    if (pm && customerId !== null && pm.customer === null && pm.detachedFrom === customerId) {
      throw invalid('payment_method_detached', 'This saved card was removed; pay with another card.', param);
    }
    if (!pm || customerId === null || pm.customer !== customerId) {
      throw invalid('resource_missing', `No saved card ${JSON.stringify(id)} for this session's customer.`, param);
    }
    return pm;
  }
}

/** Whether a card is past its expiry month at `nowSeconds`. */
export function cardExpired(card: { expMonth: number; expYear: number }, nowSeconds: number): boolean {
  const now = new Date(nowSeconds * 1000);
  const y = now.getUTCFullYear();
  return card.expYear < y || (card.expYear === y && card.expMonth < now.getUTCMonth() + 1);
}
