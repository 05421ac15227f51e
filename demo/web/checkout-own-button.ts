/**
 * `hidePayButton` with the shop's own button: the button calls `confirm()`, which always resolves
 * with the outcome, and the cart editor shows `refresh()` after the amount changed server-side.
 */
import 'xpay-checkout/define';
import { addToCart } from './cart.js';
import { attachAppearancePicker } from './appearance.js';
import { goToOrderOnSuccess, prepareCheckoutPage } from './checkout-page.js';

const checkout = document.querySelector('xpay-checkout')!;
attachAppearancePicker(checkout);
const payButton = document.getElementById('shop-pay') as HTMLButtonElement;
const addMore = document.getElementById('add-mug') as HTMLButtonElement;
const outcome = document.getElementById('shop-outcome')!;

const start = await prepareCheckoutPage();
if (start) {
  checkout.apiBase = start.apiBase;
  checkout.clientSecret = start.clientSecret;
  goToOrderOnSuccess(checkout, start.orderId);
  checkout.addEventListener('xpay-change', (e) => {
    payButton.disabled = !e.detail.complete;
  });
  payButton.addEventListener('click', async () => {
    payButton.disabled = true;
    const result = await checkout.confirm();
    outcome.textContent = `confirm() resolved: ${result.status}${result.error ? ` — ${result.error.message}` : ''}`;
    payButton.disabled = result.status === 'succeeded' || result.status === 'requires_capture';
  });
  addMore.addEventListener('click', async () => {
    const cart = addToCart('mug');
    const response = await fetch(`/api/orders/${start.orderId}/cart`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cart }),
    });
    outcome.textContent = response.ok ? 'Cart updated.' : 'Could not update the cart.';
    await checkout.refresh();
  });
}
