import { html, nothing, type TemplateResult } from 'lit';
import type { ClientPublicSession } from '../../api/schemas.js';
import { formatMoney } from '../../i18n/format.js';
import { fill } from '../../i18n/messages.js';
import type { Translation } from '../../i18n/translation.js';

/** How much of the order the checkout shows: every line, just the total, or nothing (the merchant shows it). */
export type SummaryMode = 'full' | 'total' | 'none';

/** The order summary: line items with quantities, then subtotal and total in the session's currency. */
export function summaryView(
  t: Translation,
  session: ClientPublicSession,
  mode: SummaryMode,
  locale: string,
): TemplateResult | typeof nothing {
  if (mode === 'none') return nothing;
  const money = (minor: number) => formatMoney(minor, session.currency, locale);
  const total = html`<div class="summary__row summary__row--total">
    <dt>${t.total}</dt>
    <dd>${money(session.amountTotal)}</dd>
  </div>`;
  if (mode === 'total') {
    return html`<section class="summary summary--compact" aria-label=${t.orderSummary}>
      <dl>${total}</dl>
    </section>`;
  }
  const showSubtotal = session.amountSubtotal !== session.amountTotal;
  return html`<section class="summary" aria-labelledby="summary-title">
    <p class="summary__merchant">${session.merchantName}</p>
    <h2 id="summary-title" class="summary__title">${t.orderSummary}</h2>
    <ul class="summary__items">
      ${session.lineItems.map(
        (item) => html`<li class="summary__item">
          <span class="summary__name">${item.name}</span>
          <span class="summary__qty">${fill(t, 'quantity', { count: item.quantity })}</span>
          <span class="summary__amount">${money(item.amountTotal)}</span>
        </li>`,
      )}
    </ul>
    <dl>
      ${showSubtotal
        ? html`<div class="summary__row">
            <dt>${t.subtotal}</dt>
            <dd>${money(session.amountSubtotal)}</dd>
          </div>`
        : nothing}
      ${total}
    </dl>
  </section>`;
}
