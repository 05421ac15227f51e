import { readCart, resumeCheckout, startCheckout, type CheckoutStart } from './cart.js';
import { attachEventLog } from './event-log.js';

/**
 * What every checkout page does first: the event panel, then a session for the cart — or, after a
 * reload, the same order's session again (its id is kept in the URL), so a payment in progress (a
 * 3-D Secure challenge, processing) resumes instead of starting over.
 */
export async function prepareCheckoutPage(): Promise<CheckoutStart | undefined> {
  const log = document.getElementById('event-log') as HTMLOListElement | null;
  if (log) attachEventLog(log);
  const status = document.getElementById('page-status');
  const params = new URLSearchParams(location.search);
  const orderId = params.get('order');
  if (orderId) {
    try {
      return await resumeCheckout(orderId);
    } catch (error) {
      if (status) status.textContent = (error as Error).message;
      return undefined;
    }
  }
  const cart = readCart();
  if (cart.length === 0) {
    if (status) status.textContent = 'Your cart is empty — add something in the shop first.';
    return undefined;
  }
  const capture = new URLSearchParams(location.search).get('capture') === 'manual' ? 'manual' : 'automatic';
  try {
    const start = await startCheckout(cart, capture);
    params.set('order', start.orderId);
    history.replaceState(history.state, '', `${location.pathname}?${params}`);
    return start;
  } catch (error) {
    if (status) status.textContent = (error as Error).message;
    return undefined;
  }
}

/** After success, send the customer to the order page (fulfilment itself happens by webhook). */
export function goToOrderOnSuccess(target: EventTarget, orderId: string): void {
  target.addEventListener('xpay-succeeded', () => {
    const link = document.getElementById('order-link') as HTMLAnchorElement | null;
    if (link) {
      link.href = `/orders/${orderId}`;
      link.hidden = false;
    }
  });
}
