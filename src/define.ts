/** Registers every `xpay-*` element. The CDN bundle and the `xpay-checkout/define` entry run this. */
import { XpayChallenge } from './elements/challenge/challenge.js';
import { XpayCheckout } from './elements/checkout/checkout.js';

// Two copies of the package on one page (an app bundle and the CDN script) must not throw.
if (!customElements.get('xpay-challenge')) customElements.define('xpay-challenge', XpayChallenge);
if (!customElements.get('xpay-checkout')) customElements.define('xpay-checkout', XpayCheckout);

export { XpayChallenge, XpayCheckout };
