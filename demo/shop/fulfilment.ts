/**
 * How a verified webhook moves an order — pure, so duplicates and out-of-order deliveries can be
 * tested as data. Orders only move forward: a late `payment_intent.processing` never undoes `paid`.
 */
export const ORDER_STATUSES = ['pending', 'authorised', 'paid', 'canceled', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Higher rank wins; canceled/expired only replace a pending or authorised order. */
const RANK: Record<OrderStatus, number> = { pending: 0, authorised: 1, canceled: 2, expired: 2, paid: 3 };

export interface EventLike {
  type: string;
  data: { object: Record<string, unknown> };
}

/** The order status an event asks for, or undefined when the event does not concern fulfilment. */
export function statusFromEvent(event: EventLike): OrderStatus | undefined {
  const object = event.data.object;
  switch (event.type) {
    case 'checkout.session.completed': {
      const intent = object['paymentIntent'] as { status?: string } | null | undefined;
      if (intent?.status === 'succeeded') return 'paid';
      if (intent?.status === 'requires_capture') return 'authorised';
      return undefined;
    }
    case 'payment_intent.succeeded':
      // After a manual capture the session is already complete; this is what moves authorised → paid.
      return 'paid';
    case 'payment_intent.canceled':
      return 'canceled';
    case 'checkout.session.expired':
      return 'expired';
    default:
      return undefined;
  }
}

/** The order's next status: forward moves only, so replays and reordering change nothing wrongly. */
export function nextOrderStatus(current: OrderStatus, requested: OrderStatus | undefined): OrderStatus {
  if (requested === undefined || requested === current) return current;
  if (current === 'paid' || current === 'canceled' || current === 'expired') return current;
  return RANK[requested] > RANK[current] ? requested : current;
}
