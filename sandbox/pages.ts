import { currencyExponent } from '../src/api/enums.js';
import type { SupportedLocale } from '../src/i18n/locale.js';
import { interpolate } from '../src/i18n/interpolate.js';
import { htmlLangDir, PAGE_STRINGS, type PageStrings } from './page-strings.js';

/**
 * The HTML the sandbox serves on the API origin (home, ACS issuer page, card-frame refusals, hosted
 * page). Every interpolated string goes through `esc`; no inline script or style anywhere, so the
 * pages run under `default-src 'none'`.
 */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A page string with its placeholders filled by HTML: the template is escaped, the values are
 * HTML the caller built (and escaped) itself.
 */
function fill(template: string, html: Record<string, string>): string {
  return interpolate(esc(template), html);
}

export function formatAmount(amount: number, currency: string, locale: string = 'en'): string {
  const exp = currencyExponent(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: exp, maximumFractionDigits: exp }).format(amount / 10 ** exp);
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
form{display:inline-block;margin-block-start:12px;margin-inline-end:12px}
button{font:inherit;padding:10px 16px;border-radius:6px;border:1px solid #888;cursor:pointer}
button.primary{background:#1a56db;color:#fff;border-color:#1a56db}
code{font-family:ui-monospace,monospace}
table{border-collapse:collapse}td,th{padding:4px 8px;text-align:start;border-bottom:1px solid #ddd}
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

/** A whole page, written in `locale` (its `lang`, and `dir="rtl"` for Arabic). */
export function page(title: string, body: string, extraHead = '', locale: SupportedLocale = 'en'): string {
  return `<!doctype html>
<html ${htmlLangDir(locale)}>
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

/**
 * The issuer's challenge page, in the customer's locale. `localeParam` is the `locale` query
 * parameter it was opened with, if any: the forms carry it on, so the page after the button speaks
 * the same language. The buttons are also marked `data-acs-action` for tests that run in any locale.
 */
export function acsPage(opts: {
  challengeId: string;
  formToken: string;
  merchantName: string;
  amount: number;
  currency: string;
  last4: string;
  locale?: SupportedLocale;
  localeParam?: SupportedLocale;
}): string {
  const locale = opts.locale ?? 'en';
  const t = PAGE_STRINGS[locale];
  const query = opts.localeParam ? `?locale=${encodeURIComponent(opts.localeParam)}` : '';
  const action = (what: string) => `/sandbox/acs/${encodeURIComponent(opts.challengeId)}/${what}${query}`;
  const token = `<input type="hidden" name="token" value="${esc(opts.formToken)}">`;
  return page(
    t.acsTitle,
    `<main>
<h1>${esc(t.acsTitle)}</h1>
<p class="muted">${esc(t.acsIssuer)}</p>
<p>${fill(t.acsMerchant, { merchant: `<strong>${esc(opts.merchantName)}</strong>` })}</p>
<p class="amount">${esc(formatAmount(opts.amount, opts.currency, locale))}</p>
<p>${fill(t.acsCard, { last4: `<bdi dir="ltr">${esc(opts.last4)}</bdi>` })}</p>
<form method="post" action="${esc(action('complete'))}">${token}<button type="submit" class="primary" data-acs-action="complete">${esc(t.acsComplete)}</button></form>
<form method="post" action="${esc(action('fail'))}">${token}<button type="submit" data-acs-action="fail">${esc(t.acsFail)}</button></form>
</main>`,
    '',
    locale,
  );
}

export function acsDonePage(outcome: string, returnOrigin: string, locale: SupportedLocale = 'en'): string {
  const t = PAGE_STRINGS[locale];
  const text = outcome === 'authenticated' ? t.acsAuthenticated : outcome === 'failed' ? t.acsFailed : t.acsNotPending;
  return page(
    t.acsTitle,
    `<main data-return-origin="${esc(returnOrigin)}">
<h1>${esc(text)}</h1>
<p class="muted">${esc(t.acsClose)}</p>
</main>`,
    '<script src="/sandbox/acs/done.js" defer></script>',
    locale,
  );
}

export function messagePage(title: string, message: string, locale: SupportedLocale = 'en'): string {
  return page(title, `<main><h1>${esc(title)}</h1><p>${esc(message)}</p></main>`, '', locale);
}

/** A customer-facing message page from a pair of page strings (title, text), in `locale`. */
export function localizedMessagePage(locale: SupportedLocale, title: keyof PageStrings, text: keyof PageStrings): string {
  return messagePage(PAGE_STRINGS[locale][title], PAGE_STRINGS[locale][text], locale);
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
export function hostedPage(opts: { merchantName: string; sessionId: string; cancelUrl: string; locale?: SupportedLocale }): string {
  const locale = opts.locale ?? 'en';
  const t = PAGE_STRINGS[locale];
  // What the page's script says when there is no checkout to mount (HOSTED_JS's notices).
  const notices = {
    invalid: [t.invalidTitle, t.invalidText],
    complete: [t.completeTitle, t.completeText],
    ended: [t.endedTitle, t.endedText],
    failed: [t.loadFailedTitle, t.loadFailedText],
    back: t.returnToStore,
  };
  return page(
    interpolate(t.hostedTitle, { merchant: opts.merchantName }),
    `<main class="hosted" data-hosted-session="/c/${esc(encodeURIComponent(opts.sessionId))}/session" data-hosted-strings="${esc(JSON.stringify(notices))}">
<p><a href="${esc(opts.cancelUrl)}" rel="noreferrer">${fill(t.hostedCancel, { merchant: esc(opts.merchantName) })}</a></p>
<h1>${esc(opts.merchantName)}</h1>
<p class="muted">${esc(t.hostedTestMode)}</p>
<div data-hosted-checkout></div>
<section data-hosted-notice role="status" hidden><h2></h2><p></p><p><a rel="noreferrer" hidden></a></p></section>
<p class="muted" data-hosted-loading>${fill(t.hostedLoading, { command: '<code dir="ltr">npm run build</code>' })}</p>
</main>`,
    `<script src="${HOSTED_WIDGET_PATH}" defer></script>
<script src="${HOSTED_SCRIPT_PATH}" defer></script>`,
    locale,
  );
}
