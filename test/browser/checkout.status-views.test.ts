import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { XpayCheckout } from '../../src/elements/checkout/checkout.js';
import { CheckoutHarness, mountCheckout } from '../harness/checkout.harness.js';
import { startFaultProxy, waitFor } from '../harness/messages.js';
import { createSession, sandboxApi, sandboxUrl } from '../harness/sandbox.js';

/**
 * Every view, with real sessions in the state it names: each is accessible (axe), and the polite
 * live region says what changed, so a screen-reader user hears each status as it happens.
 */
async function announced(harness: CheckoutHarness, text: string): Promise<void> {
  await waitFor(() => (harness.liveRegion().textContent ?? '').includes(text));
  expect(harness.liveRegion().getAttribute('aria-live')).to.equal('polite');
  expect(harness.liveRegion().textContent).to.contain(text);
}

async function renderAt(apiBase: string, clientSecret: string): Promise<{ el: XpayCheckout; harness: CheckoutHarness }> {
  const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
  el.apiBase = apiBase;
  el.clientSecret = clientSecret;
  return { el, harness: new CheckoutHarness(el) };
}

/** A checkout for a new default session whose first read the fault proxy holds for `delayMs`: still loading. */
async function renderLoading(delayMs: number): Promise<{ el: XpayCheckout; harness: CheckoutHarness }> {
  const session = await createSession();
  const proxy = await startFaultProxy([{ path: `/v1/checkout/sessions/${session.id}/public`, faults: [{ type: 'delay', ms: delayMs }] }]);
  const rendered = await renderAt(proxy, session.clientSecret);
  await rendered.el.updateComplete;
  expect(rendered.el.status).to.equal('loading');
  return rendered;
}

describe('<xpay-checkout> views', function () {
  this.timeout(60_000);

  it('loading: a labelled, busy placeholder while the session is read', async () => {
    const { el, harness } = await renderLoading(30_000);
    const skeleton = harness.root.querySelector('[aria-busy="true"]');
    expect(skeleton).to.exist;
    expect(skeleton!.textContent).to.contain('Loading checkout…');
    await expect(el).to.be.accessible();
  });

  it('loading: drawn in the shape of the form it becomes, so nothing below it moves (issue #9)', async () => {
    // The default shape: one order line, email, country and postal code, a test-mode card frame.
    const { el, harness } = await renderLoading(3_000);
    const loading = el.getBoundingClientRect().height;
    // Its text is laid out but not shown until the language is known (it may not be English).
    const label = harness.root.querySelector('label')!;
    expect(getComputedStyle(label).color).to.equal('rgba(0, 0, 0, 0)');
    // Nor does it name the countries (tens of ms of Intl.DisplayNames, which the card frame's
    // creation would wait for): every one is there by its code, to pick or autofill, until the form shows.
    const country = () => harness.root.querySelector<HTMLSelectElement>('select[name="country"]')!;
    const optionText = (code: string) => country().querySelector(`option[value="${code}"]`)?.textContent;
    expect(optionText('DE')).to.equal('DE');
    expect(getComputedStyle(country()).color, 'the code shown in the select').to.equal('rgba(0, 0, 0, 0)');
    await waitFor(() => el.status === 'requires_payment_method');
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    expect(Math.abs(el.getBoundingClientRect().height - loading), `loading ${loading}px`).to.be.below(1);
    expect(optionText('DE')).to.equal('Germany');
    expect(getComputedStyle(harness.root.querySelector('label')!).color).not.to.equal('rgba(0, 0, 0, 0)');
  });

  it('processing, then succeeded: each announced', async () => {
    const { el, harness } = await mountCheckout();
    await harness.fillBilling();
    await harness.fillCard({ number: '4000000000007718' });
    const result = el.confirm();
    await harness.waitForStatus('processing');
    await announced(harness, 'Confirming your payment…');
    await expect(el).to.be.accessible();
    expect((await result).status).to.equal('succeeded');
    await announced(harness, 'Payment successful');
    await expect(el).to.be.accessible();
  });

  it('declined: the notice and its reason announced, the form accessible', async () => {
    const { el, harness } = await mountCheckout();
    await harness.fillBilling();
    await harness.fillCard({ number: '4000000000000002' });
    expect((await el.confirm()).status).to.equal('requires_payment_method');
    await announced(harness, 'Payment not completed');
    await expect(el).to.be.accessible();
  });

  it('authorised (manual capture), then canceled on reload: each announced and accessible', async () => {
    const { el, harness, session, apiBase } = await mountCheckout({ session: { captureMethod: 'manual' } });
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    const { paymentIntent } = await el.confirm();
    await announced(harness, 'Payment authorised');
    await expect(el).to.be.accessible();

    await sandboxApi('POST', `/v1/payment_intents/${paymentIntent!.id}/cancel`);
    const again = await renderAt(apiBase, session.clientSecret);
    await waitFor(() => again.el.status === 'canceled');
    await announced(again.harness, 'Payment canceled');
    await expect(again.el).to.be.accessible();
  });

  it('expired, and an integration error: each announced', async () => {
    const [expiring, apiBase] = await Promise.all([createSession(), sandboxUrl()]);
    await sandboxApi('POST', `/v1/checkout/sessions/${expiring.id}/expire`);
    const expired = await renderAt(apiBase, expiring.clientSecret);
    await waitFor(() => expired.el.status === 'expired');
    await announced(expired.harness, 'This checkout has expired');

    const refused = await createSession({ allowedOrigins: ['https://shop.example'] });
    const error = await renderAt(apiBase, refused.clientSecret);
    await waitFor(() => error.el.status === 'error');
    await announced(error.harness, 'Checkout unavailable');
    await expect(error.el).to.be.accessible();
  });
});
