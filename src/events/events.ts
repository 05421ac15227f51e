import type { CardBrand } from '../api/enums.js';
import type { XpayError } from '../api/errors.js';
import type { CheckoutStatus, PaymentIntentSummary, ServerStatus } from '../state/intent.types.js';

/**
 * The public DOM events of `<xpay-checkout>`. Each is a class with a typed, readonly, plain-data
 * `detail` (serialisable: no elements, no `Response`), bubbling and composed so a listener on any
 * ancestor, even outside a shadow root, hears it. They are notifications, never cancelable: a
 * merchant who must act before a charge uses the async `beforeSubmit` hook.
 */

export type { XpayError, CheckoutStatus, PaymentIntentSummary };

/** Error codes per field the customer can see; never the digits typed. */
export interface FormErrors {
  name?: string;
  number?: string;
  expiry?: string;
  cvc?: string;
  email?: string;
  phone?: string;
  address?: string;
}

/** Detail of {@link XpayReadyEvent}. */
export interface XpayReadyDetail {
  status: CheckoutStatus;
  sessionId: string;
}
/** Detail of {@link XpayChangeEvent}. */
export interface XpayChangeDetail {
  complete: boolean;
  empty: boolean;
  brand: CardBrand | 'unknown';
  errors: FormErrors;
}
/** Detail of {@link XpayStatusChangeEvent}. */
export interface XpayStatusChangeDetail {
  status: ServerStatus;
  previousStatus: ServerStatus | null;
  paymentIntent: PaymentIntentSummary | null;
}
/** Detail of {@link XpayDeclinedEvent}. */
export interface XpayDeclinedDetail {
  error: XpayError;
  paymentIntent: PaymentIntentSummary | null;
}
/** Detail of {@link XpaySucceededEvent}. */
export interface XpaySucceededDetail {
  sessionId: string;
  paymentIntent: PaymentIntentSummary;
  /** True when the widget loaded onto an outcome that had already happened (e.g. after a reload). */
  resumed: boolean;
}
/** Detail of {@link XpayErrorEvent}. */
export interface XpayErrorDetail {
  error: XpayError;
}

const init: EventInit = { bubbles: true, composed: true };

/** The session is loaded and the card frame is ready for input. */
export class XpayReadyEvent extends Event {
  static readonly eventName = 'xpay-ready';
  constructor(readonly detail: XpayReadyDetail) {
    super(XpayReadyEvent.eventName, init);
  }
}

/** The whole form's completeness, emptiness, errors or the card brand changed. */
export class XpayChangeEvent extends Event {
  static readonly eventName = 'xpay-change';
  constructor(readonly detail: XpayChangeDetail) {
    super(XpayChangeEvent.eventName, init);
  }
}

/** The server status changed (intent status or session expiry); fired once per change, in order. */
export class XpayStatusChangeEvent extends Event {
  static readonly eventName = 'xpay-status-change';
  constructor(readonly detail: XpayStatusChangeDetail) {
    super(XpayStatusChangeEvent.eventName, init);
  }
}

/** A payment attempt was declined, or 3-D Secure failed or was abandoned. The customer may retry. */
export class XpayDeclinedEvent extends Event {
  static readonly eventName = 'xpay-declined';
  constructor(readonly detail: XpayDeclinedDetail) {
    super(XpayDeclinedEvent.eventName, init);
  }
}

/** The payment succeeded or was authorised (`requires_capture`). Fired once per session. */
export class XpaySucceededEvent extends Event {
  static readonly eventName = 'xpay-succeeded';
  constructor(readonly detail: XpaySucceededDetail) {
    super(XpaySucceededEvent.eventName, init);
  }
}

/** Integration or network trouble; `detail.error.code` says what to fix. */
export class XpayErrorEvent extends Event {
  static readonly eventName = 'xpay-error';
  constructor(readonly detail: XpayErrorDetail) {
    super(XpayErrorEvent.eventName, init);
  }
}

// GlobalEventHandlersEventMap, not HTMLElementEventMap alone: the element, document and window maps
// all extend it, so `document.addEventListener('xpay-succeeded', e => e.detail…)` is typed too.
/**
 * The events as `on…` callbacks, for the APIs that take callbacks instead of listeners: `mount()`'s
 * options and the React wrapper's props.
 */
export interface XpayEventCallbacks {
  onReady?: (event: XpayReadyEvent) => void;
  onChange?: (event: XpayChangeEvent) => void;
  onStatusChange?: (event: XpayStatusChangeEvent) => void;
  onDeclined?: (event: XpayDeclinedEvent) => void;
  onSucceeded?: (event: XpaySucceededEvent) => void;
  onError?: (event: XpayErrorEvent) => void;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xpay-ready': XpayReadyEvent;
    'xpay-change': XpayChangeEvent;
    'xpay-status-change': XpayStatusChangeEvent;
    'xpay-declined': XpayDeclinedEvent;
    'xpay-succeeded': XpaySucceededEvent;
    'xpay-error': XpayErrorEvent;
  }
}
