/**
 * xpay-checkout — the package's public entry. Side-effect free: importing it defines no element
 * (import `xpay-checkout/define` for that) and touches no DOM, so it is safe on a server (SSR).
 */
export const VERSION = '0.1.0';
