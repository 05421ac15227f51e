/** Registers every `xpay-*` element. The CDN bundle and the `xpay-checkout/define` entry run this. */
import { XpayChallenge } from './elements/challenge/challenge.js';
import { XpayCheckout } from './elements/checkout/checkout.js';

/**
 * Defines `<xpay-challenge>` and `<xpay-checkout>` once. Entries that need the elements call it
 * rather than relying on a bare `import './define.js'`: package.json `sideEffects` names only dist
 * files, so the bundler treats this source module as pure and would drop such an import.
 */
export function defineElements(): void {
  // Two copies of the package on one page (an app bundle and the CDN script) must not throw.
  if (!customElements.get('xpay-challenge')) customElements.define('xpay-challenge', XpayChallenge);
  if (!customElements.get('xpay-checkout')) customElements.define('xpay-checkout', XpayCheckout);
}

defineElements();

export { XpayChallenge, XpayCheckout };
