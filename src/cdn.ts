/**
 * The script-tag bundle: defines the elements and exposes the public API as `window.XPay` (Vite's
 * IIFE `name`). zod runs jitless first, so nothing calls `new Function` under a merchant's strict CSP.
 */
import { useJitlessZod } from './api/zod-jitless.js';
import { XpayChallenge } from './elements/challenge/challenge.js';
import { XpayCheckout } from './elements/checkout/checkout.js';

useJitlessZod();

// Registered here, in the entry, rather than by `import './define.js'`: package.json `sideEffects`
// names only dist files, so the bundler treats src/define.ts as pure and drops a bare import of it.
if (!customElements.get('xpay-challenge')) customElements.define('xpay-challenge', XpayChallenge);
if (!customElements.get('xpay-checkout')) customElements.define('xpay-checkout', XpayCheckout);

export * from './index.js';
