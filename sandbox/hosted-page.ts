import { createHmac } from 'node:crypto';
import * as z from 'zod/mini';
import type { SessionRec } from './engine.js';
import { ApiError } from './errors.js';
import { secureEqual } from './http.js';

/**
 * The hosted page's own credential (issue #8, item 3). The session id is no secret — it travels in
 * `successUrl?session_id=`, the card frame's URL, logs and events — so `/c/:id` alone must not hand
 * out the client secret. The session's `url` carries a token in its fragment (`/c/cs_…#token=…`),
 * which no server log, proxy or Referer ever sees; the page's script sends it in a same-origin POST
 * and gets the client secret back only while the session is open.
 *
 * The token is an HMAC of the client secret, so it is unguessable and not derivable from the id,
 * while nothing new is stored: whoever can read it from the database could read the client secret it
 * unlocks anyway, and `GET /v1/checkout/sessions/:id` can keep returning the same `url` (the demo
 * shop resumes a checkout that way). Sessions stored before the token existed get one too.
 */

const TOKEN_LABEL = 'xpay hosted page v1';

/** The token of a session's hosted page (43 base64url characters). */
export function hostedPageToken(clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(TOKEN_LABEL).digest('base64url');
}

/** The session's public `url`: its hosted page, with the token in the fragment. */
export function hostedPageUrl(s: Pick<SessionRec, 'url' | 'clientSecret'>): string {
  return `${s.url}#token=${hostedPageToken(s.clientSecret)}`;
}

/** Body of `POST /c/:id/session`. */
export const HostedPageRequest = z.strictObject({ token: z.string().check(z.maxLength(200)) });

/** Answer of `POST /c/:id/session`: the secret while the session is open, else only how it ended. */
export type HostedPageGrant =
  | { object: 'hosted_page'; status: 'open'; clientSecret: string }
  | { object: 'hosted_page'; status: 'complete'; returnUrl: string }
  | { object: 'hosted_page'; status: 'expired'; returnUrl: string };

/**
 * Checks the token (constant time) and answers what the page may show. A wrong or missing token is a
 * 403 that says nothing about the session; a complete or expired one gets its outcome, never the
 * secret: a finished checkout has nothing left to pay and its secret still reads the customer's
 * email and card's last 4.
 */
export function hostedPageGrant(s: SessionRec, token: string): HostedPageGrant {
  if (!secureEqual(token, hostedPageToken(s.clientSecret))) {
    throw new ApiError(
      'authentication_error',
      'invalid_hosted_page_token',
      "This checkout link is incomplete: open the session's url exactly as it was created, fragment (#token=…) included.",
      {},
      403,
    );
  }
  if (s.status === 'open') return { object: 'hosted_page', status: 'open', clientSecret: s.clientSecret };
  if (s.status === 'complete') return { object: 'hosted_page', status: 'complete', returnUrl: successReturnUrl(s) };
  return { object: 'hosted_page', status: 'expired', returnUrl: s.cancelUrl };
}

/** Where the widget sends the customer after paying: `successUrl?session_id=cs_…`. */
function successReturnUrl(s: SessionRec): string {
  const url = new URL(s.successUrl);
  url.searchParams.set('session_id', s.id);
  return url.href;
}

/**
 * The hosted page's script (`/sandbox/assets/hosted.js`, after the widget bundle): reads the token
 * from the fragment, exchanges it for the client secret, then mounts `<xpay-checkout>`; otherwise it
 * says why there is no checkout, in the page's language (its notices come from the server in
 * `data-hosted-strings`). The widget gets no `locale` input: it follows the session's `locale`, else
 * the browser's languages, as the page did, and their full tag (`en-US`, not the page's `en`) also
 * picks its default country. Plain ES2017 (the
 * widget's browser floor), DOM built with textContent only, and only http(s) links from the answer
 * are used.
 */
export const HOSTED_JS = `(function () {
  'use strict';
  var main = document.querySelector('[data-hosted-session]');
  if (!main) return;
  var loading = main.querySelector('[data-hosted-loading]');
  var notice = main.querySelector('[data-hosted-notice]');
  function say(title, text, href, linkText) {
    notice.querySelector('h2').textContent = title;
    notice.querySelector('p').textContent = text;
    var a = notice.querySelector('a');
    var ok = false;
    try { ok = !!href && /^https?:$/.test(new URL(href).protocol); } catch (e) { ok = false; }
    if (ok) { a.href = href; a.textContent = linkText; }
    a.hidden = !ok;
    notice.hidden = false;
    loading.hidden = true;
  }
  var T = JSON.parse(main.getAttribute('data-hosted-strings'));
  var INVALID = T.invalid;
  var token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!token) { say(INVALID[0], INVALID[1]); return; }
  fetch(main.getAttribute('data-hosted-session'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: token }),
    credentials: 'same-origin',
    cache: 'no-store'
  }).then(function (res) {
    return res.json().then(function (body) { return { status: res.status, body: body }; });
  }).then(function (r) {
    var b = r.body || {};
    if (r.status === 403) return say(INVALID[0], INVALID[1]);
    if (r.status !== 200) throw new Error('unexpected ' + r.status);
    if (b.status === 'complete') return say(T.complete[0], T.complete[1], b.returnUrl, T.back);
    if (b.status === 'expired') return say(T.ended[0], T.ended[1], b.returnUrl, T.back);
    if (b.status !== 'open' || typeof b.clientSecret !== 'string') throw new Error('unexpected answer');
    var el = document.createElement('xpay-checkout');
    el.setAttribute('client-secret', b.clientSecret);
    el.setAttribute('api-base', location.origin);
    el.setAttribute('redirect', 'on_success');
    main.querySelector('[data-hosted-checkout]').appendChild(el);
    // Without the widget bundle the loading note (which says to build it) stays.
    if (customElements.get('xpay-checkout')) loading.hidden = true;
  }).catch(function () {
    say(T.failed[0], T.failed[1]);
  });
})();
`;
