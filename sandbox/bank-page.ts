import { esc, formatAmount, page } from './pages.js';

/**
 * The sandbox bank's page (`bank_redirect`, issue #11): a full page the customer is sent to, not a
 * frame. Its two forms post back to the sandbox, which answers with a redirect to the merchant's
 * `returnUrl`, so `form-action` must allow that origin too (browsers apply it to the redirect).
 */
export function bankPageCsp(returnOrigin: string): string {
  return `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' ${returnOrigin}; base-uri 'none'; frame-ancestors 'none'`;
}

export function bankPage(opts: { authorisationId: string; formToken: string; merchantName: string; amount: number; currency: string; bankName: string }): string {
  const action = (what: string) => `/sandbox/bank/${encodeURIComponent(opts.authorisationId)}/${what}`;
  const token = `<input type="hidden" name="token" value="${esc(opts.formToken)}">`;
  return page(
    `${opts.bankName} — authorize payment`,
    `<main>
<h1>${esc(opts.bankName)}</h1>
<p class="muted">XPay sandbox bank — no real bank is contacted.</p>
<p>Pay <strong>${esc(opts.merchantName)}</strong></p>
<p class="amount">${esc(formatAmount(opts.amount, opts.currency))}</p>
<form method="post" action="${esc(action('authorize'))}">${token}<button type="submit" class="primary">Authorize payment</button></form>
<form method="post" action="${esc(action('fail'))}">${token}<button type="submit">Fail payment</button></form>
</main>`,
  );
}

/** An authorisation already answered (a second tab, the back button): back to the merchant. */
export function bankDonePage(returnUrl: string): string {
  return page(
    'Payment answered',
    `<main>
<h1>This payment was already answered</h1>
<p><a href="${esc(returnUrl)}">Return to the merchant</a></p>
</main>`,
  );
}
