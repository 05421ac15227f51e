/**
 * What a checkout page shows instead of the widget when there is nothing to pay for. Shared by the
 * server-rendered pages (demo/shop/pages.ts) and the scripts that decide in the browser, so the
 * customer sees the same words whichever one decided.
 */

/** The status line of a checkout page whose cart holds nothing to pay for. */
export const EMPTY_CART_MESSAGE = 'Your cart is empty.';

/** The way out of a checkout page without a widget: the shop front, where the cart is filled. */
export const BACK_TO_SHOP = { href: '/', text: 'Back to the shop' } as const;
