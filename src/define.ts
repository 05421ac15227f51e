/** Registers every `xpay-*` element. The CDN bundle and the `xpay-checkout/define` entry run this. */
export {};
