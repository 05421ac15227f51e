/**
 * The `<xpay-checkout>` tag in a page built by a bundler from the npm package
 * (`import 'xpay-checkout/define'`). The shop shows its own cart, so the widget uses summary="total".
 */
import 'xpay-checkout/define';
import { attachAppearancePicker } from './appearance.js';
import { goToOrderOnSuccess, prepareCheckoutPage } from './checkout-page.js';

const checkout = document.querySelector('xpay-checkout')!;
attachAppearancePicker(checkout);
const start = await prepareCheckoutPage();
if (start) {
  checkout.apiBase = start.apiBase;
  checkout.clientSecret = start.clientSecret;
  goToOrderOnSuccess(checkout, start.orderId);
}
