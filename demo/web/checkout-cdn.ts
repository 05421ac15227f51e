/**
 * Glue for the CDN page. The widget itself comes from the single script tag (with its SRI hash);
 * this file only asks the shop for a session and calls `window.XPay.mount()`.
 */
import type * as XPayApi from 'xpay-checkout';
import { attachAppearancePicker } from './appearance.js';
import { goToOrderOnSuccess, prepareCheckoutPage } from './checkout-page.js';

declare global {
  interface Window {
    XPay: typeof XPayApi;
  }
}

const start = await prepareCheckoutPage();
if (start) {
  const checkout = window.XPay.mount('#pay', { clientSecret: start.clientSecret, apiBase: start.apiBase, summary: 'total' });
  attachAppearancePicker(checkout);
  goToOrderOnSuccess(checkout, start.orderId);
}
