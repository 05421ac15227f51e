import type { CreatePaymentLinkRequest, PaymentLink } from '../src/api/objects.js';
import type { Store } from './db.js';
import type { Engine, SessionRec } from './engine.js';
import { invalid, notFound } from './errors.js';
import { newId } from './ids.js';

/**
 * Payment Links (seed 001): a merchant creates one link with line items; every visit of its URL
 * (`/p/plink_…`) opens a fresh checkout session for that visitor, named by the session's
 * `paymentLink`, so the merchant still fulfils from `checkout.session.completed` as usual.
 */

/** A stored link: the wire object is rendered from it unchanged. */
export type PaymentLinkRec = PaymentLink;

/** Creates, reads and opens payment links; each call runs inside the caller's store transaction. */
export class PaymentLinks {
  constructor(
    private readonly store: Store,
    private readonly engine: Engine,
  ) {}

  /** Stores a new link; `apiOrigin` makes its absolute `url`. */
  create(req: CreatePaymentLinkRequest, apiOrigin: string): PaymentLinkRec {
    const lineItems = req.lineItems.map((li) => ({
      name: li.name,
      unitAmount: li.unitAmount,
      quantity: li.quantity,
      amountTotal: li.unitAmount * li.quantity,
      imageUrl: li.imageUrl ?? null,
    }));
    const amountTotal = lineItems.reduce((sum, li) => sum + li.amountTotal, 0);
    // The same bounds a session enforces, checked now rather than at every visit.
    if (amountTotal < 1) throw invalid('amount_too_small', 'The link total must be at least 1 minor unit.', 'lineItems');
    if (amountTotal > 99_999_999) throw invalid('amount_too_large', 'The link total must be at most 99999999 minor units.', 'lineItems');
    const id = newId('plink');
    const link: PaymentLinkRec = {
      id,
      object: 'payment_link',
      url: `${apiOrigin}/p/${id}`,
      currency: req.currency,
      lineItems,
      amountTotal,
      captureMethod: req.captureMethod ?? 'automatic',
      successUrl: req.successUrl,
      cancelUrl: req.cancelUrl ?? null,
      billingAddressCollection: req.billingAddressCollection ?? 'auto',
      metadata: req.metadata ?? {},
      created: this.store.now(),
      livemode: false,
    };
    this.store.putDoc('payment_links', link);
    return link;
  }

  get(id: string): PaymentLinkRec | undefined {
    return this.store.getDoc<PaymentLinkRec>('payment_links', id);
  }

  require(id: string): PaymentLinkRec {
    const link = this.get(id);
    if (!link) throw notFound('resource_missing', `No such payment link: ${JSON.stringify(id)}.`, 'id');
    return link;
  }

  /** A new open session for one visitor of the link (its hosted page is the session's `url`). */
  openSession(link: PaymentLinkRec, apiOrigin: string): SessionRec {
    return this.engine.createSession(
      {
        lineItems: link.lineItems.map((li) => ({
          name: li.name,
          unitAmount: li.unitAmount,
          quantity: li.quantity,
          ...(li.imageUrl === null ? {} : { imageUrl: li.imageUrl }),
        })),
        currency: link.currency,
        mode: 'payment',
        captureMethod: link.captureMethod,
        successUrl: link.successUrl,
        // Without a cancel URL, "back" returns to the link: a new visit, a new session.
        cancelUrl: link.cancelUrl ?? link.url,
        billingAddressCollection: link.billingAddressCollection,
        metadata: link.metadata,
      },
      apiOrigin,
      { paymentLink: link.id },
    );
  }
}
