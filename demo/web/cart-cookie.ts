import type { CartLine } from './cart.js';

/**
 * The cart's copy for the shop's server. The browser keeps the cart in localStorage (cart.ts) and
 * writes every change here too, so a server-rendered checkout page can see an empty cart and leave
 * the widget out instead of sending one that has no session to load.
 */
export const CART_COOKIE = 'xpay-demo-cart';

/** A month: the cart outlives the visit, as the localStorage copy does. */
const MAX_AGE_S = 30 * 24 * 60 * 60;

/** The `document.cookie` assignment that stores `cart` (JSON, percent-encoded for the cookie syntax). */
export function cartCookie(cart: readonly CartLine[]): string {
  return `${CART_COOKIE}=${encodeURIComponent(JSON.stringify(cart))}; Path=/; SameSite=Lax; Max-Age=${MAX_AGE_S}`;
}

/**
 * The cart lines in a cookie value the server has already percent-decoded; `undefined` when there is
 * no cookie, and an empty cart when it is not a list. Lines are checked again by the catalogue.
 */
export function parseCartCookie(value: string | undefined): CartLine[] | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as CartLine[]) : [];
  } catch {
    return [];
  }
}
