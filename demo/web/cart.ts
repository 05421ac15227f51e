import { cartCookie } from './cart-cookie.js';

/** The browser-side cart: SKUs and quantities in localStorage (prices are always the server's). */
export interface CartLine {
  sku: string;
  quantity: number;
}

const KEY = 'xpay-demo-cart';

export function readCart(): CartLine[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(parsed)
      ? parsed.filter((l): l is CartLine => typeof l?.sku === 'string' && Number.isInteger(l?.quantity) && l.quantity > 0)
      : [];
  } catch {
    return [];
  }
}

/** Saves the cart, and its copy in a cookie for the server's checkout pages (see cart-cookie.ts). */
export function writeCart(cart: readonly CartLine[]): void {
  const lines = cart.filter((l) => l.quantity > 0);
  localStorage.setItem(KEY, JSON.stringify(lines));
  document.cookie = cartCookie(lines);
}

export function addToCart(sku: string, delta = 1): CartLine[] {
  const cart = readCart();
  const line = cart.find((l) => l.sku === sku);
  if (line) line.quantity = Math.max(0, Math.min(99, line.quantity + delta));
  else if (delta > 0) cart.push({ sku, quantity: delta });
  writeCart(cart);
  return readCart();
}

export interface CheckoutStart {
  orderId: string;
  clientSecret: string;
  apiBase: string;
  hostedUrl: string;
}

/** The checkout of an order started earlier (a reload keeps the same order and session). */
export async function resumeCheckout(orderId: string): Promise<CheckoutStart> {
  const response = await fetch(`/api/orders/${encodeURIComponent(orderId)}/checkout`);
  if (!response.ok) throw new Error(`Could not resume checkout (${response.status}).`);
  return (await response.json()) as CheckoutStart;
}

/** Asks the shop's server for a checkout session for this cart (the secret key stays there). */
export async function startCheckout(cart: readonly CartLine[], captureMethod: 'automatic' | 'manual' = 'automatic'): Promise<CheckoutStart> {
  const response = await fetch('/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cart, captureMethod }),
  });
  if (!response.ok) throw new Error(`Could not start checkout (${response.status}).`);
  return (await response.json()) as CheckoutStart;
}
