import { currencyExponent } from '../src/api/enums.js';

/**
 * The HTML the sandbox serves on the API origin (home, ACS issuer page, card-frame refusals, hosted
 * page). Every interpolated string goes through `esc`; no inline script or style anywhere, so the
 * pages run under `default-src 'none'`.
 */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function formatAmount(amount: number, currency: string): string {
  const exp = currencyExponent(currency);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: exp, maximumFractionDigits: exp }).format(amount / 10 ** exp);
  } catch {
    return `${(amount / 10 ** exp).toFixed(exp)} ${currency.toUpperCase()}`;
  }
}

export const PAGE_CSS = `
:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.5}
body{margin:0;padding:24px;max-width:640px;margin-inline:auto}
h1{font-size:1.25rem;margin:0 0 12px}
.muted{color:#666}
.amount{font-size:1.5rem;font-weight:600}
form{display:inline-block;margin:12px 12px 0 0}
button{font:inherit;padding:10px 16px;border-radius:6px;border:1px solid #888;cursor:pointer}
button.primary{background:#1a56db;color:#fff;border-color:#1a56db}
code{font-family:ui-monospace,monospace}
table{border-collapse:collapse}td,th{padding:4px 8px;text-align:left;border-bottom:1px solid #ddd}
xpay-checkout{display:block;margin-top:16px}
[hidden]{display:none!important}
`;

/** `parent.postMessage({ v: 1, type: 'challenge_done' }, returnOrigin)` — the origin comes from a data- attribute. */
export const DONE_JS = `(function () {
  var el = document.querySelector('[data-return-origin]');
  var origin = el && el.getAttribute('data-return-origin');
  if (origin && window.parent && window.parent !== window) {
    window.parent.postMessage({ v: 1, type: 'challenge_done' }, origin);
  }
})();
`;

export function page(title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/sandbox/assets/page.css">
${extraHead}
</head>
<body>
${body}
</body>
</html>
`;
}

export function pageCsp(frameAncestors: string): string {
  return `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors ${frameAncestors}`;
}

export function homePage(merchantName: string): string {
  return page(
    `XPay sandbox — ${merchantName}`,
    `<h1>XPay sandbox</h1>
<p>Merchant: <strong>${esc(merchantName)}</strong></p>
<p>This is an offline, test-mode implementation of the XPay session API. Create checkout sessions with
<code>POST /v1/checkout/sessions</code> and your test secret key.</p>
<ul>
<li><a href="/docs/sandbox-api.md">API reference (docs/sandbox-api.md)</a></li>
<li><a href="/v1/health">Health</a></li>
</ul>`,
  );
}

export function acsPage(opts: { challengeId: string; formToken: string; merchantName: string; amount: number; currency: string; last4: string }): string {
  const action = (what: string) => `/sandbox/acs/${encodeURIComponent(opts.challengeId)}/${what}`;
  const token = `<input type="hidden" name="token" value="${esc(opts.formToken)}">`;
  return page(
    '3-D Secure test authentication',
    `<main>
<h1>3-D Secure test authentication</h1>
<p class="muted">XPay sandbox issuer — no real bank is contacted.</p>
<p>Merchant: <strong>${esc(opts.merchantName)}</strong></p>
<p class="amount">${esc(formatAmount(opts.amount, opts.currency))}</p>
<p>Card ending in ${esc(opts.last4)}</p>
<form method="post" action="${esc(action('complete'))}">${token}<button type="submit" class="primary">Complete authentication</button></form>
<form method="post" action="${esc(action('fail'))}">${token}<button type="submit">Fail authentication</button></form>
</main>`,
  );
}

export function acsDonePage(outcome: string, returnOrigin: string): string {
  const text =
    outcome === 'authenticated'
      ? 'Authentication complete.'
      : outcome === 'failed'
        ? 'Authentication failed.'
        : 'This authentication is no longer pending.';
  return page(
    '3-D Secure test authentication',
    `<main data-return-origin="${esc(returnOrigin)}">
<h1>${esc(text)}</h1>
<p class="muted">You can close this window.</p>
</main>`,
    '<script src="/sandbox/acs/done.js" defer></script>',
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<main><h1>${esc(title)}</h1><p>${esc(message)}</p></main>`);
}

/** Where the sandbox serves the widget's CDN bundle (dist/cdn/xpay.js) for its own hosted page. */
export const HOSTED_WIDGET_PATH = '/sandbox/assets/xpay.js';

/**
 * The hosted page's CSP: the widget (from this origin), its card frame and ACS (this origin) and its
 * API calls (this origin). Line-item images may come from the merchant's own http(s) URLs.
 */
export function hostedPageCsp(): string {
  return "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self' data: https: http:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}

/** Where the sandbox serves the hosted page's script (HOSTED_JS in hosted-page.ts). */
export const HOSTED_SCRIPT_PATH = '/sandbox/assets/hosted.js';

/**
 * The hosted checkout page (`/c/:sessionId`), built on the widget itself. It holds no secret: its
 * script exchanges the token in the URL fragment for the client secret (`POST /c/:id/session`,
 * same origin) and then mounts `<xpay-checkout>`, or says why it cannot.
 */
export function hostedPage(opts: { merchantName: string; sessionId: string; cancelUrl: string }): string {
  return page(
    `Pay ${opts.merchantName}`,
    `<main class="hosted" data-hosted-session="/c/${esc(encodeURIComponent(opts.sessionId))}/session">
<p><a href="${esc(opts.cancelUrl)}" rel="noreferrer">← Cancel and return to ${esc(opts.merchantName)}</a></p>
<h1>${esc(opts.merchantName)}</h1>
<p class="muted">Test mode — XPay sandbox hosted checkout.</p>
<div data-hosted-checkout></div>
<section data-hosted-notice role="status" hidden><h2></h2><p></p><p><a rel="noreferrer" hidden></a></p></section>
<p class="muted" data-hosted-loading>Loading the checkout… If this stays, the sandbox's widget bundle is missing: run <code>npm run build</code>.</p>
</main>`,
    `<script src="${HOSTED_WIDGET_PATH}" defer></script>
<script src="${HOSTED_SCRIPT_PATH}" defer></script>`,
  );
}
