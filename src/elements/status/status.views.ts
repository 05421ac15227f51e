import { html, nothing, type TemplateResult } from 'lit';
import type { XpayError } from '../../events/events.js';
import { fill } from '../../i18n/messages.js';
import type { Translation } from '../../i18n/translation.js';
import { icons } from './icons.js';

/** Facts a finished-payment view shows; all already formatted for display. */
export interface OutcomeFacts {
  /** Formatted amount, e.g. "$25.00". */
  amount: string;
  /** "Visa ending in 4242", or null when no card is known. */
  card: string | null;
  /** The payment intent id: what support asks for. */
  reference: string | null;
}

function panel(tone: string, icon: TemplateResult, title: string, body: unknown, extra: unknown = nothing) {
  return html`<section part="status" class="status status--${tone}" aria-labelledby="status-title">
    <div class="status__icon" aria-hidden="true">${icon}</div>
    <h2 id="status-title" class="status__title" tabindex="-1">${title}</h2>
    <p class="status__body">${body}</p>
    ${extra}
  </section>`;
}

function reference(t: Translation, ref: string | null) {
  return ref
    ? html`<dl class="status__facts">
        <dt>${t.reference}</dt>
        <dd><code>${ref}</code></dd>
      </dl>`
    : nothing;
}

/** The payment is with the bank: a `processing` intent or a confirm in flight whose outcome we follow. */
export function processingView(t: Translation): TemplateResult {
  return panel('processing', icons.spinner, t.processingTitle, t.processingDetail);
}

/** "$25.00 paid with Visa ending in 4242." (or `…reserved on…`), or without a card to name. */
export function outcomeDetail(t: Translation, key: 'succeededDetail' | 'authorisedDetail', { amount, card }: OutcomeFacts): string {
  return card ? fill(t, key, { amount, card }) : fill(t, `${key}NoCard`, { amount });
}

/** Paid: amount, card and reference. */
export function succeededView(t: Translation, facts: OutcomeFacts): TemplateResult {
  return panel('success', icons.check, t.succeededTitle, outcomeDetail(t, 'succeededDetail', facts), reference(t, facts.reference));
}

/** Authorised with manual capture (`requires_capture`): reserved, charged later. */
export function authorisedView(t: Translation, facts: OutcomeFacts): TemplateResult {
  return panel('success', icons.check, t.authorisedTitle, outcomeDetail(t, 'authorisedDetail', facts), reference(t, facts.reference));
}

/** The intent was canceled (by the merchant, or with the session's expiry). */
export function canceledView(t: Translation): TemplateResult {
  return panel('neutral', icons.info, t.canceledTitle, t.canceledDetail);
}

/** The session expired: a merchant recovers by giving the element a new `clientSecret`. */
export function expiredView(t: Translation): TemplateResult {
  return panel('neutral', icons.clock, t.expiredTitle, t.expiredDetail);
}

/**
 * Integration or network trouble. The customer gets a sentence they can act on, and a retry button
 * when the network was the trouble; in test mode the merchant also sees the error code and the
 * message that says what to fix.
 */
export function errorView(t: Translation, error: XpayError, showDetails: boolean, onRetry: () => void): TemplateResult {
  const network = error.type === 'network_error';
  const details = showDetails
    ? html`<div class="status__developer" part="error">
        <code>${error.code}</code>
        <span>${error.message}</span>
      </div>`
    : nothing;
  const retry = network
    ? html`<button class="button button--secondary" type="button" @click=${onRetry}>${t.retry}</button>`
    : nothing;
  const detail = network
    ? t.networkErrorDetail
    : error.code === 'unsupported_browser'
      ? t.unsupportedBrowserDetail
      : t.integrationErrorDetail;
  return panel('danger', icons.alert, t.errorTitle, detail, [details, retry]);
}

/** A retryable failure, shown above the kept form so the customer can fix the card and pay again. */
export function declinedNotice(t: Translation, message: string): TemplateResult {
  return html`<div part="error" class="notice notice--danger">
    <span class="notice__icon" aria-hidden="true">${icons.alert}</span>
    <div>
      <strong>${t.declinedTitle}</strong>
      <p>${message}</p>
    </div>
  </div>`;
}
