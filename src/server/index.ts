/** `xpay-checkout/server`: helpers for the merchant's server (webhook verification). No dependencies. */
export {};
