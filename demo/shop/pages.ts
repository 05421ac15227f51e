import { html, raw } from 'hono/html';
import { layout } from './layout.js';
import { formatMoney } from './money.js';
import { PRODUCTS, CURRENCY } from './catalogue.js';
import type { Order } from './orders.js';
import type { DemoPaymentLink } from './payment-link.js';
import { LANGUAGE_CHOICES, THEME_CHOICES } from '../web/appearance-options.js';
import { BACK_TO_SHOP, EMPTY_CART_MESSAGE } from '../web/empty-cart.js';

/** The shop front: products, the cart (it lives in the browser, see web/shop.ts) and the payment link. */
export function shopPage(link?: DemoPaymentLink) {
  return layout(
    'Shop',
    html`<h1>Sandbox Supplies</h1>
      <ul class="products">
        ${PRODUCTS.map(
          (p) => html`<li class="product">
            <h2>${p.name}</h2>
            <p>${p.description}</p>
            <p class="price">${formatMoney(p.unitAmount, CURRENCY)}</p>
            <button type="button" data-add="${p.sku}">Add to cart</button>
          </li>`,
        )}
      </ul>
      <section class="cart" aria-labelledby="cart-title">
        <h2 id="cart-title">Your cart</h2>
        <div id="cart" aria-live="polite"></div>
      </section>
      ${link
        ? html`<section class="cart" aria-labelledby="link-title">
            <h2 id="link-title">Or pay by link</h2>
            <p>A payment link for one ${link.productName} (${formatMoney(link.amountTotal, CURRENCY)}): no cart, no widget on this site —
              each visit opens a new checkout on XPay's hosted page. Share it anywhere.</p>
            <p><a href="${link.url}" data-testid="payment-link">Buy a ${link.productName} with a payment link</a></p>
          </section>`
        : ''}
      ${productsJson()}`,
    ['/assets/shop.js'],
  );
}

/** Where a payment link returns before its webhook has arrived: the order appears with it. */
export function thanksPage() {
  return layout(
    'Thank you',
    html`<h1>Thank you</h1>
      <p role="status">Your payment is being confirmed — this page updates when it is.</p>`,
    [],
    // A meta refresh, not a script: the order exists as soon as the verified webhook has arrived.
    html`<meta http-equiv="refresh" content="1" />`,
  );
}

export function ordersPage(orders: readonly Order[]) {
  return layout(
    'Orders',
    html`<h1>Orders</h1>
      ${orders.length === 0
        ? html`<p>No orders yet.</p>`
        : html`<table class="orders">
            <thead><tr><th scope="col">Order</th><th scope="col">Status</th><th scope="col">Total</th><th scope="col">Created</th></tr></thead>
            <tbody>
              ${orders.map(
                (o) => html`<tr>
                  <td><a href="/orders/${o.id}">${o.id}</a></td>
                  <td><span class="badge badge-${o.status}">${o.status}</span></td>
                  <td>${formatMoney(o.amountTotal, o.currency)}</td>
                  <td>${new Date(o.created).toISOString().replace('T', ' ').slice(0, 19)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}`,
  );
}

interface SessionGraph {
  id: string;
  status: string;
  paymentIntent: null | {
    id: string;
    status: string;
    amount: number;
    amountCapturable: number;
    amountReceived: number;
    currency: string;
    charges: {
      id: string;
      status: string;
      amount: number;
      amountCaptured: number;
      amountRefunded: number;
      failureCode: string | null;
      declineCode: string | null;
      paymentMethodDetails: { card: { brand: string; last4: string } };
      balanceTransaction: null | { id: string; amount: number; fee: number; net: number; type: string };
    }[];
    refunds: { id: string; amount: number; balanceTransaction: { id: string; amount: number; fee: number; net: number; type: string } }[];
  };
}

/** One order, with the payment graph read from XPay and the capture / refund actions. */
export function orderPage(order: Order, session: SessionGraph | undefined, notice?: string) {
  const intent = session?.paymentIntent ?? null;
  const txns = intent
    ? [
        ...intent.charges.flatMap((c) => (c.balanceTransaction ? [c.balanceTransaction] : [])),
        ...intent.refunds.map((r) => r.balanceTransaction),
      ]
    : [];
  const captured = intent ? intent.amountReceived : 0;
  const refunded = intent ? intent.refunds.reduce((sum, r) => sum + r.amount, 0) : 0;
  return layout(
    `Order ${order.id}`,
    html`<h1>Order ${order.id}</h1>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
      <dl class="facts">
        <dt>Status</dt><dd><span class="badge badge-${order.status}" data-testid="order-status">${order.status}</span></dd>
        <dt>Total</dt><dd>${formatMoney(order.amountTotal, order.currency)}</dd>
        <dt>Checkout session</dt><dd><code>${order.sessionId}</code></dd>
        <dt>Payment intent</dt><dd><code>${intent?.id ?? order.paymentIntentId ?? '—'}</code> ${intent ? html`(${intent.status})` : ''}</dd>
      </dl>
      <h2>Items</h2>
      <ul>${order.items.map((i) => html`<li>${i.quantity} × ${i.name} — ${formatMoney(i.unitAmount * i.quantity, order.currency)}</li>`)}</ul>
      ${intent
        ? html`<h2>Charges</h2>
            <table>
              <thead><tr><th scope="col">Charge</th><th scope="col">Status</th><th scope="col">Card</th><th scope="col">Amount</th><th scope="col">Captured</th><th scope="col">Refunded</th></tr></thead>
              <tbody>${intent.charges.map(
                (c) => html`<tr>
                  <td><code>${c.id}</code></td>
                  <td>${c.status}${c.declineCode ? html` (${c.declineCode})` : c.failureCode ? html` (${c.failureCode})` : ''}</td>
                  <td>${c.paymentMethodDetails.card.brand} •••• ${c.paymentMethodDetails.card.last4}</td>
                  <td>${formatMoney(c.amount, intent.currency)}</td>
                  <td>${formatMoney(c.amountCaptured, intent.currency)}</td>
                  <td>${formatMoney(c.amountRefunded, intent.currency)}</td>
                </tr>`,
              )}</tbody>
            </table>
            <h2>Balance transactions</h2>
            ${txns.length === 0
              ? html`<p>None yet.</p>`
              : html`<table data-testid="balance-transactions">
                  <thead><tr><th scope="col">Transaction</th><th scope="col">Type</th><th scope="col">Amount</th><th scope="col">Fee</th><th scope="col">Net</th></tr></thead>
                  <tbody>${txns.map(
                    (t) => html`<tr><td><code>${t.id}</code></td><td>${t.type}</td><td>${formatMoney(t.amount, intent.currency)}</td><td>${formatMoney(t.fee, intent.currency)}</td><td>${formatMoney(t.net, intent.currency)}</td></tr>`,
                  )}</tbody>
                </table>`}
            ${intent.status === 'requires_capture'
              ? html`<form method="post" action="/orders/${order.id}/capture" class="action">
                  <label for="capture-amount">Amount to capture (minor units)</label>
                  <input id="capture-amount" name="amount" inputmode="numeric" value="${intent.amountCapturable}" />
                  <button type="submit">Capture</button>
                </form>`
              : ''}
            ${captured - refunded > 0
              ? html`<form method="post" action="/orders/${order.id}/refund" class="action">
                  <label for="refund-amount">Amount to refund (minor units, max ${captured - refunded})</label>
                  <input id="refund-amount" name="amount" inputmode="numeric" value="${Math.min(500, captured - refunded)}" />
                  <button type="submit">Refund</button>
                </form>`
              : ''}`
        : html`<p>No payment attempt yet.</p>`}`,
  );
}
export type { SessionGraph };

/** Product facts for the browser as an inert JSON block (CSP-safe: it is data, never executed). */
function productsJson() {
  const data = PRODUCTS.map((p) => ({ sku: p.sku, name: p.name, unitAmount: p.unitAmount, price: formatMoney(p.unitAmount, CURRENCY) }));
  // JSON inside <script> must not contain "</": escape "<" so no string can close the block.
  return raw(`<script type="application/json" id="products">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`);
}

/** The panel every checkout page shows: each event the host page receives, newest first. */
const eventPanel = html`<aside class="events" aria-labelledby="events-title">
  <h2 id="events-title">Events received by this page</h2>
  <ol id="event-log" data-testid="event-log"></ol>
</aside>`;

/**
 * The language and theme pickers above a checkout (demo/web/appearance.ts applies them, live, and
 * keeps them in the URL). Each language is named in itself, with its `lang`, as a customer looks for it.
 */
const appearancePicker = html`<div class="appearance">
  <label
    >Language
    <select name="locale">
      ${LANGUAGE_CHOICES.map(([tag, name]) => html`<option value="${tag}" lang="${tag === 'auto' ? 'en' : tag}">${name}</option>`)}
    </select></label
  >
  <label
    >Theme
    <select name="theme">
      ${THEME_CHOICES.map(([value, name]) => html`<option value="${value}">${name}</option>`)}
    </select></label
  >
</div>`;

const orderLink = html`<p><a id="order-link" hidden href="/orders">View your order</a></p>`;

/**
 * Any checkout page when the cart holds nothing to pay for: what a merchant shows instead of a
 * widget that would have no session to load. No script: there is nothing to run.
 */
export function emptyCartPage() {
  return layout(
    'Checkout',
    html`<h1>Checkout</h1>
      <p id="page-status" role="status">${EMPTY_CART_MESSAGE}</p>
      <p><a href="${BACK_TO_SHOP.href}">${BACK_TO_SHOP.text}</a></p>`,
  );
}

/** The `<xpay-checkout>` tag, in a page whose script is built by a bundler from the npm package. */
export function tagCheckoutPage() {
  return layout(
    'Checkout',
    html`<h1>Checkout</h1>
      <p id="page-status" role="status"></p>
      <div class="checkout-layout">
        <section>
          ${appearancePicker}
          <xpay-checkout summary="total"></xpay-checkout>
          ${orderLink}
        </section>
        ${eventPanel}
      </div>
      ${productsJson()}`,
    ['/assets/checkout-tag.js'],
  );
}

/** No build: the CDN script tag with its SRI hash, then `XPay.mount()`. */
export function cdnCheckoutPage(integrity: string) {
  return layout(
    'Checkout (CDN)',
    html`<h1>Checkout</h1>
      <p id="page-status" role="status"></p>
      <div class="checkout-layout">
        <section>
          ${appearancePicker}
          <div id="pay"></div>
          ${orderLink}
        </section>
        ${eventPanel}
      </div>
      <script src="/cdn/xpay-checkout/0.1.0/xpay.js" integrity="${integrity}" crossorigin="anonymous"></script>
      <script type="module" src="/assets/checkout-cdn.js"></script>`,
  );
}

/** `hidePayButton`: the shop's own button calls `confirm()`; "Add a mug" changes the amount (`refresh()`). */
export function ownButtonCheckoutPage() {
  return layout(
    'Checkout (own button)',
    html`<h1>Checkout</h1>
      <p id="page-status" role="status"></p>
      <div class="checkout-layout">
        <section>
          ${appearancePicker}
          <xpay-checkout summary="total" hide-pay-button></xpay-checkout>
          <div class="shop-actions">
            <button type="button" id="add-mug">Add a mug to the order</button>
            <button type="button" id="shop-pay" class="primary" disabled>Place order</button>
          </div>
          <p id="shop-outcome" role="status"></p>
          ${orderLink}
        </section>
        ${eventPanel}
      </div>`,
    ['/assets/checkout-own-button.js'],
  );
}

/** The React SPA shell: client-side routes /spa and /spa/checkout. */
export function spaPage() {
  return layout(
    'React checkout',
    html`<h1>React checkout</h1>
      <div class="checkout-layout">
        <div id="app"></div>
        ${eventPanel}
      </div>
      ${productsJson()}`,
    ['/assets/spa.js'],
  );
}
