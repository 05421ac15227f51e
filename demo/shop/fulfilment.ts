/**
 * How the shop decides an order's status — pure, so every delivery order can be tested as data.
 *
 * A webhook is only a prompt: the shop re-reads the checkout session with its secret key and moves
 * the order to what the API says now. The event's own payload is a snapshot from when it was written
 * (a `checkout.session.completed` retried after a capture still says `requires_capture`), and events
 * arrive late, twice and out of order; the session read after any of them is always current.
 */
export const ORDER_STATUSES = ['pending', 'authorised', 'paid', 'canceled', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Higher rank wins; canceled/expired only replace a pending or authorised order. */
const RANK: Record<OrderStatus, number> = { pending: 0, authorised: 1, canceled: 2, expired: 2, paid: 3 };

export interface EventLike {
  type: string;
  data: { object: Record<string, unknown> };
}

/** The part of `GET /v1/checkout/sessions/:id` that fulfilment reads. */
export interface SessionState {
  id: string;
  status: string;
  paymentIntent: { id: string; status: string } | null;
}

/** What an event is about: its checkout session, or a payment intent the shop may know an order by. */
export type EventSubject = { sessionId: string } | { paymentIntentId: string };

/** The session or intent an event concerns (charges and refunds name their intent), if any. */
export function eventSubject(event: EventLike): EventSubject | undefined {
  const object = event.data.object as { id?: unknown; object?: unknown; paymentIntent?: unknown };
  const id = typeof object.id === 'string' ? object.id : undefined;
  switch (object.object) {
    case 'checkout.session':
      return id ? { sessionId: id } : undefined;
    case 'payment_intent':
      return id ? { paymentIntentId: id } : undefined;
    case 'charge':
    case 'refund':
      return typeof object.paymentIntent === 'string' ? { paymentIntentId: object.paymentIntent } : undefined;
    default:
      return undefined;
  }
}

/** The order status a session stands for right now. */
export function statusFromSession(session: SessionState): OrderStatus {
  switch (session.paymentIntent?.status) {
    case 'succeeded':
      return 'paid';
    case 'requires_capture':
      return 'authorised';
    case 'canceled':
      return 'canceled';
  }
  return session.status === 'expired' ? 'expired' : 'pending';
}

/**
 * The order's next status: forward moves only, so two re-reads racing (the older one written last)
 * can never move an order back.
 */
export function nextOrderStatus(current: OrderStatus, requested: OrderStatus | undefined): OrderStatus {
  if (requested === undefined || requested === current) return current;
  if (current === 'paid' || current === 'canceled' || current === 'expired') return current;
  return RANK[requested] > RANK[current] ? requested : current;
}
