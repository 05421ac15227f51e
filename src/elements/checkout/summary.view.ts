import { html, nothing, type TemplateResult } from 'lit';
import type { ClientPublicSession } from '../../api/schemas.js';
import { formatMoney } from '../../i18n/format.js';
import { fill } from '../../i18n/messages.js';
import type { Translation } from '../../i18n/translation.js';

/** How much of the order the checkout shows: every line, just the total, or nothing (the merchant shows it). */
export type SummaryMode = 'full' | 'total' | 'none';

/** A bar where text will be, one line high: the loading summary's placeholder for a value. */
const placeholder = html`<span class="skeleton skeleton--text"></span>`;

/**
 * While a session loads (`session` null): the same markup with a one-item order of placeholders,
 * so the summary that replaces it has the same height and nothing below it moves (issue #9) —
 * unless the order has more lines, which only the session knows.
 */
const LOADING_ORDER = { lineItems: [{ name: '', quantity: 1, amountTotal: 0 }], amountSubtotal: 0, amountTotal: 0 };

/** The order summary: line items with quantities, then subtotal and total in the session's currency. */
export function summaryView(
  t: Translation,
  session: ClientPublicSession | null,
  mode: SummaryMode,
  locale: string,
): TemplateResult | typeof nothing {
  if (mode === 'none') return nothing;
  const order = session ?? LOADING_ORDER;
  const money = (minor: number) => (session ? formatMoney(minor, session.currency, locale) : placeholder);
  const total = html`<div class="summary__row summary__row--total">
    <dt>${t.total}</dt>
    <dd>${money(order.amountTotal)}</dd>
  </div>`;
  if (mode === 'total') {
    return html`<section class="summary summary--compact" aria-label=${t.orderSummary}>
      <dl>${total}</dl>
    </section>`;
  }
  const showSubtotal = order.amountSubtotal !== order.amountTotal;
  return html`<section class="summary" aria-labelledby="summary-title">
    <p class="summary__merchant">${session?.merchantName ?? placeholder}</p>
    <h2 id="summary-title" class="summary__title">${t.orderSummary}</h2>
    <ul class="summary__items">
      ${order.lineItems.map(
        (item) => html`<li class="summary__item">
          <span class="summary__name">${session ? item.name : placeholder}</span>
          <span class="summary__qty">${session ? fill(t, 'quantity', { count: item.quantity }) : placeholder}</span>
          <span class="summary__amount">${money(item.amountTotal)}</span>
        </li>`,
      )}
    </ul>
    <dl>
      ${showSubtotal
        ? html`<div class="summary__row">
            <dt>${t.subtotal}</dt>
            <dd>${money(order.amountSubtotal)}</dd>
          </div>`
        : nothing}
      ${total}
    </dl>
  </section>`;
}
