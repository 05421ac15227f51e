// A merchant's browser code, type-checked against the installed tarball (strict, no skipLibCheck).
import 'xpay-checkout/define';
import { mount, XpayCheckout, type CheckoutStatus, type XpaySucceededEvent } from 'xpay-checkout';

// Listeners on document and window are typed, not only on the element.
document.addEventListener('xpay-succeeded', (e) => {
  const id: string = e.detail.paymentIntent.id;
  console.log(id);
});
window.addEventListener('xpay-error', (e) => console.log(e.detail.error.code));

const el = document.createElement('xpay-checkout');
el.clientSecret = 'cs_test_secret';
el.addEventListener('xpay-status-change', (e) => {
  const status: CheckoutStatus | string = e.detail.status;
  console.log(status);
});
const handler = (e: XpaySucceededEvent): boolean => e.detail.resumed;
el.addEventListener('xpay-succeeded', handler);
void el.confirm().then((result) => console.log(result.status));

// The machine's internals are not part of the API.
// @ts-expect-error not public
el.startConfirm();
// @ts-expect-error not public
el.openChallenge();
// @ts-expect-error not public
el.closeChallenge();

const mounted = mount('#checkout', { clientSecret: 'cs_test_secret', apiBase: 'https://api.example' });
console.log(mounted, el instanceof XpayCheckout);
