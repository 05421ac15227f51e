import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { XpayCheckout } from '../../src/elements/checkout/checkout.js';
import { CheckoutHarness, mountCheckout } from '../harness/checkout.harness.js';
import { startFaultProxy, waitFor, type ProxyRule } from '../harness/messages.js';
import { createSession, sandboxApi, type TestSession } from '../harness/sandbox.js';
import { nextEvent, recordEvents } from '../helpers/expect-event.js';

/**
 * How the widget waits and recovers (issue 8, items 7, 8, 11, 12): every wait has an end, a lost or
 * unreadable result becomes a re-read of the session, transient trouble heals by itself, and a
 * second window on the same checkout follows the first instead of taking over its challenge. Faults
 * come from the fault proxy in front of the real sandbox; the card frame is served through it too,
 * so the frame's own confirm passes the proxy.
 */

const CONFIRM: Omit<ProxyRule, 'faults'> = { path: '/confirm$', pattern: true, method: 'POST' };
const PUBLIC_READ: Omit<ProxyRule, 'faults'> = { path: '/public$', pattern: true, method: 'GET' };

/** An error status the page can read (with CORS headers, as the API sends), not a CORS failure. */
const answer = (status: number) => ({
  type: 'respond' as const,
  status,
  headers: { 'Access-Control-Allow-Origin': location.origin },
});

/** Pays with 4242 through a proxy that alters the confirm reply, and returns what the customer gets. */
async function payThrough(faults: ProxyRule['faults']) {
  const apiBase = await startFaultProxy([{ ...CONFIRM, faults }], { preserveHost: true });
  const { el, harness } = await mountCheckout({ apiBase });
  await harness.fillBilling();
  await harness.fillCard({ number: '4242424242424242' });
  const result = await el.confirm();
  await el.updateComplete;
  return { el, harness, result };
}

/** Renders the checkout for a new session through `apiBase` without waiting for it to load. */
async function mountUnready(apiBase: string): Promise<{ el: XpayCheckout; harness: CheckoutHarness; session: TestSession }> {
  const session = await createSession();
  const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
  el.apiBase = apiBase;
  el.clientSecret = session.clientSecret;
  return { el, harness: new CheckoutHarness(el), session };
}

describe('<xpay-checkout> waiting and recovering', function () {
  // Real payments through a proxy on 2 shared cores.
  this.timeout(60_000);

  describe('when the confirm result never reaches the page', () => {
    it('should re-read the session when the reply lacks its status, and show the success', async () => {
      const { el, harness, result } = await payThrough([{ type: 'patchJson', unset: ['status'] }]);
      expect(result.status).to.equal('succeeded');
      expect(el.status).to.equal('succeeded');
      expect(harness.statusView()!.textContent).to.contain('Payment successful');
    });

    it('should re-read the session when the result is too large to be posted to the page', async () => {
      const { el, result } = await payThrough([{ type: 'patchJson', set: { padding: 'x'.repeat(70 * 1024) } }]);
      expect(result.status).to.equal('succeeded');
      expect(el.status).to.equal('succeeded');
    });
  });

  describe('when the API answers an intent status this version does not know', () => {
    it('should follow the complete session to the succeeded view, not freeze on processing', async () => {
      const { el, harness, result } = await payThrough([
        { type: 'patchJson', set: { 'paymentIntent.status': 'settled_by_a_newer_api' } },
      ]);
      expect(result.status).to.equal('succeeded');
      expect(el.status).to.equal('succeeded');
      expect(harness.statusView()!.textContent).to.contain('Payment successful');
    });
  });

  describe('when the API has trouble at mount', () => {
    it('should show the form by itself after a blip of three 503s', async () => {
      const apiBase = await startFaultProxy([{ ...PUBLIC_READ, faults: Array(3).fill(answer(503)) }]);
      const { el, harness } = await mountUnready(apiBase);
      const error = await nextEvent(el, 'xpay-error');
      expect(error.detail.error.type).to.equal('network_error'); // transient: not "contact the store"
      await nextEvent(el, 'xpay-ready');
      await el.updateComplete;
      expect(harness.payButton()).to.not.equal(null);
    });

    it('should recover by itself when the network comes back (online)', async () => {
      const apiBase = await startFaultProxy([{ ...PUBLIC_READ, faults: Array(6).fill({ type: 'drop' }) }]);
      const { el, harness } = await mountUnready(apiBase);
      await nextEvent(el, 'xpay-error');
      await el.updateComplete;
      expect(el.status).to.equal('error');
      expect(harness.text()).to.contain('Try again');
      const ready = nextEvent(el, 'xpay-ready');
      window.dispatchEvent(new Event('online')); // as the browser does when the network returns
      await ready;
      await el.updateComplete;
      expect(harness.payButton()).to.not.equal(null);
    });

    it('should offer Try again on a 5xx, and load when it is pressed', async () => {
      const apiBase = await startFaultProxy([{ ...PUBLIC_READ, faults: Array(3).fill(answer(502)) }]);
      const { el, harness } = await mountUnready(apiBase);
      await nextEvent(el, 'xpay-error');
      await el.updateComplete;
      const retry = [...harness.root.querySelectorAll('button')].find((b) => b.textContent?.includes('Try again'));
      expect(retry, 'a Try again button').to.not.equal(undefined);
      const ready = nextEvent(el, 'xpay-ready');
      retry!.click();
      await ready;
    });

    it('should keep an integration answer (4xx) as an integration error', async () => {
      const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
      el.apiBase = await startFaultProxy();
      el.clientSecret = 'cs_test_doesnotexist_secret_abc123';
      const error = await nextEvent(el, 'xpay-error');
      await el.updateComplete;
      expect(error.detail.error.type).to.equal('integration_error');
      expect(new CheckoutHarness(el).text()).to.not.contain('Try again');
    });
  });

  /** A second widget on the first one's client secret: as good as a second window for these checks. */
  async function mountSecondWindow(first: { apiBase: string; session: TestSession }) {
    const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
    const ready = nextEvent(el, 'xpay-ready');
    el.apiBase = first.apiBase;
    el.clientSecret = first.session.clientSecret;
    await ready;
    return { el, harness: new CheckoutHarness(el) };
  }

  describe('when two windows pay the same checkout', () => {
    it('should let the second follow the first one\'s 3-D Secure without showing it, and resolve its confirm()', async () => {
      const a = await mountCheckout();
      const { el: bEl, harness: b } = await mountSecondWindow(a);

      await a.harness.fillBilling();
      await a.harness.fillCard({ number: '4000002760003184' });
      const aResult = a.el.confirm();
      await a.harness.waitForStatus('requires_action');
      await b.waitForStatus('requires_action'); // B learns it from its idle long-poll

      expect(a.harness.challenge().open).to.equal(true);
      expect(b.challenge().open).to.equal(false);
      expect(b.text()).to.contain('This payment is being completed in another window');
      expect(bEl.busy).to.equal(true);
      const bResult = await bEl.confirm(); // resolves now: the attempt is not B's
      expect(bResult.status).to.equal('unknown');
      expect(bResult.paymentIntent?.status).to.equal('requires_action');

      const challenge = a.harness.challenge();
      await challenge.updateComplete;
      await a.harness.challengeLoaded(challenge.shadowRoot!.querySelector('iframe')!.src);
      await a.harness.completeChallenge('complete');
      expect((await aResult).status).to.equal('succeeded');
      await b.waitForStatus('succeeded');
      expect(b.statusView()!.textContent).to.contain('Payment successful');
    });
  });

  describe('when a second window opens while the first is in 3-D Secure', () => {
    it('should show its card frame at full height, disabled, with the notice', async () => {
      const a = await mountCheckout();
      await a.harness.fillBilling();
      await a.harness.fillCard({ number: '4000002760003184' });
      void a.el.confirm();
      await a.harness.waitForStatus('requires_action');

      const { el: bEl, harness: b } = await mountSecondWindow(a);
      expect(b.text()).to.contain('This payment is being completed in another window');
      // The frame reports its height once it has laid out. Chromium lays out a cross-origin frame
      // only once it is in view (the first element fills the viewport), as when a customer scrolls.
      b.cardFrame()!.scrollIntoView({ block: 'center' });
      await waitFor(() => b.cardFrame()!.style.height !== '');
      expect(b.cardFrame()!.getBoundingClientRect().height).to.be.greaterThan(100);
      await expect(bEl).to.be.accessible();
    });
  });

  describe('when the client secret changes after confirm({ billingDetails })', () => {
    it('should not send the previous session\'s billing details with the next payment', async () => {
      const { el, harness } = await mountCheckout();
      // Incomplete card: not submitted, but the merchant's details were handed over.
      expect((await el.confirm({ billingDetails: { email: 'stale@example.com' } })).status).to.equal('not_submitted');

      const next = await createSession();
      const ready = nextEvent(el, 'xpay-ready');
      el.clientSecret = next.clientSecret;
      await ready;
      await el.updateComplete;
      await harness.fillBilling();
      await harness.fillCard({ number: '4242424242424242' });
      const succeeded = recordEvents(el, 'xpay-succeeded');
      await harness.submit();
      const { detail } = await succeeded.nth(1);

      const intent = await sandboxApi<{ charges: { billingDetails: { email: string | null } }[] }>(
        'GET',
        `/v1/payment_intents/${detail.paymentIntent.id}`,
      );
      expect(intent.charges[0]!.billingDetails.email).to.equal('jo@example.com');
      await waitFor(() => el.status === 'succeeded');
    });
  });
});
