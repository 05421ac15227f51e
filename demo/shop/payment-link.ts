import { CURRENCY, PRODUCTS } from './catalogue.js';
import type { MerchantApi } from './merchant-api.js';

/** The shop's one payment link, as its pages show it. */
export interface DemoPaymentLink {
  url: string;
  productName: string;
  amountTotal: number;
}

/** The product sold through the link: a fixed cart, no widget on the shop's side at all. */
const LINK_SKU = 'stickers';

/**
 * Creates the demo's payment link for a fixed product (seed 001: a link anyone can open, each visit a
 * new checkout session on XPay's hosted page). The idempotency key names the shop's origin, so a
 * restart within a day gets the same link back instead of a new one.
 */
export async function createDemoPaymentLink(xpay: MerchantApi, shopOrigin: string): Promise<DemoPaymentLink> {
  const product = PRODUCTS.find((p) => p.sku === LINK_SKU)!;
  const link = await xpay.post<{ url: string; amountTotal: number }>(
    '/v1/payment_links',
    {
      lineItems: [{ name: product.name, unitAmount: product.unitAmount, quantity: 1 }],
      currency: CURRENCY,
      successUrl: `${shopOrigin}/thanks`,
      cancelUrl: `${shopOrigin}/`,
      metadata: { source: 'demo-payment-link', sku: product.sku },
    },
    `demo-payment-link-${shopOrigin}`,
  );
  return { url: link.url, productName: product.name, amountTotal: link.amountTotal };
}
