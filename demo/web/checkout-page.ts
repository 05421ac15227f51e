import { readCart, resumeCheckout, startCheckout, type CheckoutStart } from './cart.js';
import { BACK_TO_SHOP, EMPTY_CART_MESSAGE } from './empty-cart.js';
import { attachEventLog } from './event-log.js';

/**
 * What every checkout page does first: the event panel, then a session for the cart — or, after a
 * reload, the same order's session again (its id is kept in the URL), so a payment in progress (a
 * 3-D Secure challenge, processing) resumes instead of starting over. Without a session (an empty
 * cart, or the shop could not make one) the page drops the widget and says why.
 */
export async function prepareCheckoutPage(): Promise<CheckoutStart | undefined> {
  const log = document.getElementById('event-log') as HTMLOListElement | null;
  if (log) attachEventLog(log);
  const params = new URLSearchParams(location.search);
  const orderId = params.get('order');
  if (orderId) {
    try {
      return await resumeCheckout(orderId);
    } catch (error) {
      showWithoutCheckout((error as Error).message);
      return undefined;
    }
  }
  const cart = readCart();
  if (cart.length === 0) {
    showWithoutCheckout(EMPTY_CART_MESSAGE);
    return undefined;
  }
  const capture = new URLSearchParams(location.search).get('capture') === 'manual' ? 'manual' : 'automatic';
  try {
    const start = await startCheckout(cart, capture);
    // The query as it is now: the language and theme pickers may have changed it meanwhile.
    const now = new URLSearchParams(location.search);
    now.set('order', start.orderId);
    history.replaceState(history.state, '', `${location.pathname}?${now}`);
    return start;
  } catch (error) {
    showWithoutCheckout((error as Error).message);
    return undefined;
  }
}

/**
 * The page as the server renders it for an empty cart (emptyCartPage in demo/shop/pages.ts): the
 * message and a way back to the shop, with no widget left showing its loading skeleton forever.
 */
function showWithoutCheckout(message: string): void {
  const status = document.getElementById('page-status');
  if (status) status.textContent = message;
  const back = document.createElement('p');
  back.append(Object.assign(document.createElement('a'), { href: BACK_TO_SHOP.href, textContent: BACK_TO_SHOP.text }));
  document.querySelector('.checkout-layout')?.replaceWith(back);
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
