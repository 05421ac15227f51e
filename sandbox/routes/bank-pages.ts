import type { Context } from 'hono';
import { acsPostProblem, bankFormToken } from '../acs-guard.js';
import { bankDonePage, bankPage, bankPageCsp } from '../bank-page.js';
import { bankOf, type BankAuthRec } from '../banks.js';
import { readForm, type Env } from '../http.js';
import { messagePage } from '../pages.js';
import { html, ownOrigin } from '../responses.js';
import type { SandboxContext } from './context.js';

/** The merchant's return URL with the session's id, so the page there knows which checkout came back. */
export function returnUrlOf(auth: BankAuthRec): string {
  const url = new URL(auth.returnUrl);
  url.searchParams.set('session_id', auth.sessionId);
  return url.href;
}

/**
 * The sandbox bank's page of a `bank_redirect` payment (`nextAction.url`), and its two answers.
 * The forms are guarded like the issuer's 3-D Secure forms (acs-guard.ts): a per-authorisation
 * token, the sandbox's own `Origin`, `Sec-Fetch-Site: same-origin`. Either answer sends the customer
 * back to the merchant's `returnUrl` (303).
 */
export function bankPageRoutes(ctx: SandboxContext): void {
  const { app, config, engine, store } = ctx;
  const unknown = (c: Context<Env>) => html(c, messagePage('Unknown payment', 'This bank payment does not exist.'), 404);

  app.get('/sandbox/bank/:id', (c) => {
    engine.runDueJobs();
    const auth = engine.bankAuth(c.req.param('id'));
    if (!auth) return unknown(c);
    const returnUrl = returnUrlOf(auth);
    const csp = bankPageCsp(new URL(returnUrl).origin);
    if (auth.status !== 'pending') return c.body(bankDonePage(returnUrl), 200, pageHeaders(csp));
    const intent = engine.intent(auth.intentId)!;
    const body = bankPage({
      authorisationId: auth.id,
      formToken: bankFormToken(store.fingerprintKey, auth.id),
      merchantName: config.merchantName,
      amount: intent.amount,
      currency: intent.currency,
      bankName: bankOf(auth.bank)?.name ?? auth.bank,
    });
    return c.body(body, 200, pageHeaders(csp));
  });

  for (const [action, outcome] of [['authorize', 'authorized'], ['fail', 'failed']] as const) {
    app.post(`/sandbox/bank/:id/${action}`, async (c) => {
      const id = c.req.param('id');
      const form = await readForm(c);
      const post = { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site'), token: form.get('token') };
      const problem = acsPostProblem(post, ownOrigin(c), bankFormToken(store.fingerprintKey, id));
      if (problem) return html(c, messagePage('Payment refused', `The bank refused ${problem}: use the buttons on its page.`), 403);
      engine.runDueJobs();
      const auth = store.tx(() => engine.resolveBankAuth(id, outcome));
      if (!auth) return unknown(c);
      return c.body(null, 303, { Location: returnUrlOf(auth), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    });
  }
}

function pageHeaders(csp: string): Record<string, string> {
  return { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
}
