import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acsFormToken, acsPostProblem } from '../acs-guard.js';
import { ApiError, notFound } from '../errors.js';
import { HOSTED_JS, hostedPageGrant, HostedPageRequest, hostedPageUrl } from '../hosted-page.js';
import { readForm, readJson, validate } from '../http.js';
import type { Context } from 'hono';
import { matchLocale, type SupportedLocale } from '../../src/i18n/locale.js';
import type { Env } from '../http.js';
import { pageLocale } from '../page-strings.js';
import { acsDonePage, acsPage, DONE_JS, homePage, hostedPage, hostedPageCsp, HOSTED_SCRIPT_PATH, HOSTED_WIDGET_PATH, localizedMessagePage, messagePage, PAGE_CSS } from '../pages.js';
import { html, ownOrigin, send, STRICT_ORIGIN } from '../responses.js';
import type { SandboxContext } from './context.js';

/** The repository root (docs and the built bundles are read from it). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/**
 * What a person's browser opens on the sandbox: its home page and docs, the issuer's 3-D Secure
 * (ACS) page, the hosted checkout page, and payment links.
 */
export function pageRoutes(ctx: SandboxContext): void {
  const { app, config, engine, store, links } = ctx;

  app.get('/', (c) => html(c, homePage(config.merchantName)));
  app.get('/v1/health', (c) => send(c, { status: 200, body: { status: 'ok' } }));
  app.get('/docs/sandbox-api.md', (c) => {
    const file = ctx.docsFile;
    if (!existsSync(file)) return html(c, messagePage('Not found', 'docs/sandbox-api.md is missing.'), 404);
    return c.body(readFileSync(file, 'utf8'), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  });
  app.get('/sandbox/assets/page.css', (c) => c.body(PAGE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.get('/sandbox/acs/done.js', (c) => c.body(DONE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  // ---- the issuer's 3-D Secure page, framed by the widget on the merchant's page ----
  function acsFrameAncestors(sessionId: string): string {
    const s = engine.session(sessionId);
    if (!s || s.allowedOrigins === null) return '*';
    return [...s.allowedOrigins.filter((o) => STRICT_ORIGIN.test(o)), "'self'"].join(' ');
  }

  /** The customer's language on the sandbox's pages: the one asked for (the widget's `locale` parameter on the issuer's), else the browser's. */
  const acsLocaleParam = (c: Context<Env>) => matchLocale(c.req.query('locale') ?? '') as SupportedLocale | undefined;
  const customerLocale = (c: Context<Env>, requested: string | undefined) => pageLocale(requested, c.req.header('accept-language'));

  app.get('/sandbox/acs/:challengeId', (c) => {
    engine.runDueJobs();
    const ch = engine.challenge(c.req.param('challengeId'));
    const locale = customerLocale(c, c.req.query('locale'));
    if (!ch) return html(c, localizedMessagePage(locale, 'acsUnknownTitle', 'acsUnknown'), 404, '*');
    const ancestors = acsFrameAncestors(ch.sessionId);
    if (ch.status !== 'pending') return html(c, acsDonePage(ch.status, ch.returnOrigin, locale), 200, ancestors);
    const intent = engine.intent(ch.intentId)!;
    const details = engine.charge(ch.chargeId)!.paymentMethodDetails;
    const last4 = details.type === 'card' ? details.card.last4 : '';
    return html(
      c,
      acsPage({ challengeId: ch.id, formToken: acsFormToken(store.fingerprintKey, ch.id), merchantName: config.merchantName, amount: intent.amount, currency: intent.currency, last4, locale, localeParam: acsLocaleParam(c) }),
      200,
      ancestors,
    );
  });

  for (const [action, outcome] of [['complete', 'authenticated'], ['fail', 'failed']] as const) {
    app.post(`/sandbox/acs/:challengeId/${action}`, async (c) => {
      const id = c.req.param('challengeId');
      const form = await readForm(c);
      const post = { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site'), token: form.get('token') };
      const problem = acsPostProblem(post, ownOrigin(c), acsFormToken(store.fingerprintKey, id));
      if (problem) return html(c, messagePage('Authentication refused', `The issuer refused ${problem}: use the buttons on its page.`), 403, '*');
      engine.runDueJobs();
      const ch = store.tx(() => engine.resolveChallenge(id, outcome));
      if (!ch) return html(c, localizedMessagePage(customerLocale(c, c.req.query('locale')), 'acsUnknownTitle', 'acsUnknown'), 404, '*');
      return html(c, acsDonePage(ch.status, ch.returnOrigin, customerLocale(c, c.req.query('locale'))), 200, acsFrameAncestors(ch.sessionId));
    });
  }

  // ---- the hosted checkout page: the widget itself, from this origin ----
  app.get(HOSTED_WIDGET_PATH, (c) => {
    if (!existsSync(ctx.widgetFile)) return c.body('dist/cdn/xpay.js is missing: run npm run build.', 503, { 'Content-Type': 'text/plain; charset=utf-8' });
    // Rebuilt in place by `npm run build`, so revalidate instead of caching for a year.
    return c.body(readFileSync(ctx.widgetFile), 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
  });

  app.get(HOSTED_SCRIPT_PATH, (c) => c.body(HOSTED_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));

  app.get('/c/:id', (c) => {
    engine.runDueJobs();
    const s = engine.session(c.req.param('id'));
    // The session's own `locale` first (validated at creation; `auto` defers to the browser).
    const locale = customerLocale(c, s?.locale ?? undefined);
    if (!s) return html(c, localizedMessagePage(locale, 'checkoutNotFoundTitle', 'checkoutNotFound'), 404);
    // No secret in the page: its script trades the URL fragment's token for it (POST below).
    const body = hostedPage({ merchantName: config.merchantName, sessionId: s.id, cancelUrl: s.cancelUrl, locale });
    return c.body(body, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': hostedPageCsp(),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
  });

  /** The hosted page's token (from its URL fragment) for the client secret; same origin only. */
  app.post('/c/:id/session', async (c) => {
    engine.runDueJobs();
    if (c.req.header('origin') !== ownOrigin(c)) {
      throw new ApiError('invalid_request_error', 'origin_not_allowed', `Only the hosted page itself (${ownOrigin(c)}) may open its session.`, {}, 403);
    }
    const s = engine.session(c.req.param('id'));
    if (!s) throw notFound('session_not_found', 'This checkout session does not exist.');
    const req = validate(HostedPageRequest, await readJson(c));
    return send(c, { status: 200, body: hostedPageGrant(s, req.token) });
  });

  /** Each visit of a payment link is a new customer: a new session, then its hosted page. */
  app.get('/p/:id', (c) => {
    engine.runDueJobs();
    const link = links.get(c.req.param('id'));
    if (!link) return html(c, localizedMessagePage(customerLocale(c, undefined), 'linkNotFoundTitle', 'linkNotFound'), 404);
    const s = store.tx(() => links.openSession(link, ownOrigin(c)));
    return c.body(null, 303, { Location: hostedPageUrl(s), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  });
}
