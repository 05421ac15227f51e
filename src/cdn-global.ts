/**
 * The types of the script-tag bundle, `xpay-checkout/cdn/xpay.js` (package.json points its `types`
 * here): loading it defines the elements and sets `window.XPay` to the public API. It exports
 * nothing; `import 'xpay-checkout/cdn/xpay.js'` (or a `<script>`) is used for that side effect.
 */
import type * as XPayApi from './index.js';

declare global {
  interface Window {
    /** The public API of `xpay-checkout`; its `mount()` needs no `define` import first. */
    XPay: typeof XPayApi;
  }
}
