import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { XpayCheckout } from '../../src/elements/checkout/checkout.js';
import { mount } from '../../src/mount.js';
import { CheckoutHarness, mountCheckout } from '../harness/checkout.harness.js';
import { createSession, sandboxApi, sandboxUrl } from '../harness/sandbox.js';
import { nextEvent, recordEvents } from '../helpers/expect-event.js';

async function renderWith(apiBase: string, clientSecret: string): Promise<XpayCheckout> {
  const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
  el.apiBase = apiBase;
  el.clientSecret = clientSecret;
  return el;
}

describe('<xpay-checkout> integration errors', () => {
  it('should report session_not_found and say to check api-base', async () => {
    const [session, apiBase] = await Promise.all([createSession(), sandboxUrl()]);
    const el = await renderWith(apiBase, session.clientSecret.replace(/^cs_/, 'cs_nope'));
    const { detail } = await nextEvent(el, 'xpay-error');
    expect(detail.error.type).to.equal('integration_error');
    expect(detail.error.code).to.equal('session_not_found');
    expect(detail.error.message).to.contain('api-base');
    await el.updateComplete;
    expect(el.status).to.equal('error');
    expect(new CheckoutHarness(el).text()).to.contain('session_not_found');
    await expect(el).to.be.accessible();
  });

  it('should report a network error when api-base points nowhere', async () => {
    const session = await createSession();
    const el = await renderWith('http://127.0.0.1:9', session.clientSecret);
    const { detail } = await nextEvent(el, 'xpay-error');
    expect(detail.error.type).to.equal('network_error');
    await el.updateComplete;
    expect(new CheckoutHarness(el).text()).to.contain('Try again');
  });

  it('should report invalid_client_secret for a wrong secret', async () => {
    const [session, apiBase] = await Promise.all([createSession(), sandboxUrl()]);
    const el = await renderWith(apiBase, `${session.id}_secret_wrongwrongwrong`);
    const { detail } = await nextEvent(el, 'xpay-error');
    expect(detail.error.code).to.equal('invalid_client_secret');
    expect(JSON.stringify(detail)).not.to.contain('wrongwrongwrong');
  });

  it('should refuse a malformed client secret before loading anything, without echoing it', async () => {
    const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
    const error = nextEvent(el, 'xpay-error');
    el.apiBase = await sandboxUrl();
    el.clientSecret = 'sk_test_pasted_by_mistake';
    const { detail } = await error;
    expect(detail.error.code).to.equal('invalid_client_secret');
    expect(detail.error.message).to.contain('secret key');
    expect(JSON.stringify(detail)).not.to.contain('pasted_by_mistake');
    await el.updateComplete;
    expect(el.status).to.equal('error');
    expect(el.shadowRoot!.querySelectorAll('iframe').length).to.equal(0);
  });

  it('should report origin_not_allowed naming this origin', async () => {
    const [session, apiBase] = await Promise.all([createSession({ allowedOrigins: ['https://shop.example'] }), sandboxUrl()]);
    const el = await renderWith(apiBase, session.clientSecret);
    const { detail } = await nextEvent(el, 'xpay-error');
    expect(detail.error.code).to.equal('origin_not_allowed');
    expect(detail.error.message).to.contain(location.origin);
    expect(detail.error.message).to.contain('https://shop.example');
  });
});

describe('<xpay-checkout> server states on load', () => {
  it('should show the expired view for an expired session', async () => {
    const [session, apiBase] = await Promise.all([createSession(), sandboxUrl()]);
    await sandboxApi('POST', `/v1/checkout/sessions/${session.id}/expire`);
    const el = await renderWith(apiBase, session.clientSecret);
    await nextEvent(el, 'xpay-ready');
    await el.updateComplete;
    expect(el.status).to.equal('expired');
    expect(new CheckoutHarness(el).statusView()!.textContent).to.contain('This checkout has expired');
    await expect(el).to.be.accessible();
  });

  it('should resume on a succeeded session without a second confirm (resumed: true)', async () => {
    const { el, harness, session, apiBase } = await mountCheckout();
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    await el.confirm();
    const again = await renderWith(apiBase, session.clientSecret);
    const { detail } = await nextEvent(again, 'xpay-succeeded');
    expect(detail.resumed).to.equal(true);
    await again.updateComplete;
    // The card frame stays mounted (it makes the session's calls), in a parked form: invisible and
    // taking no room. Plain values, never the element: a failure must not print a live iframe.
    const form = new CheckoutHarness(again).root.querySelector('form');
    expect(form?.querySelector('iframe.card-frame') != null).to.equal(true);
    expect(form!.getBoundingClientRect().height).to.equal(0);
    expect(getComputedStyle(form!).visibility).to.equal('hidden');
  });

  it('should show the canceled view when the authorisation was canceled', async () => {
    const { el, harness, session, apiBase } = await mountCheckout({ session: { captureMethod: 'manual' } });
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    const { paymentIntent } = await el.confirm();
    await sandboxApi('POST', `/v1/payment_intents/${paymentIntent!.id}/cancel`);
    const again = await renderWith(apiBase, session.clientSecret);
    await nextEvent(again, 'xpay-ready');
    await again.updateComplete;
    expect(again.status).to.equal('canceled');
    expect(new CheckoutHarness(again).statusView()!.textContent).to.contain('Payment canceled');
  });
});

describe('<xpay-checkout> swapping the client secret', () => {
  it('should load the new session and its amount in a new frame, adding nothing to the page history', async () => {
    const { el, harness } = await mountCheckout();
    const first = harness.cardFrame();
    const historyLength = history.length;
    const other = await createSession({ lineItems: [{ name: 'Mug', unitAmount: 900, quantity: 1 }] });
    const ready = nextEvent(el, 'xpay-ready');
    el.clientSecret = other.clientSecret;
    const { detail } = await ready;
    expect(detail.sessionId).to.equal(other.id);
    await el.updateComplete;
    expect(el.sessionId).to.equal(other.id);
    expect(harness.payButton()!.textContent!.trim()).to.equal('Pay $9.00');
    // The same document URL (one per page, kept by the cache), in a new iframe that learnt the new session from init.
    expect(harness.cardFrame()!.src).to.equal(first!.src);
    expect(harness.root.querySelectorAll('iframe.card-frame')).to.have.length(1);
    expect(harness.cardFrame() === first, 'a new iframe').to.equal(false);
    // Back must leave the checkout, not step back through our frame documents.
    expect(history.length).to.equal(historyLength);
  });

  it('should drop the old session when the client secret is removed, then load the next one', async () => {
    const { el, harness } = await mountCheckout();
    const errors = recordEvents(el, 'xpay-error');
    el.clientSecret = '';
    await el.updateComplete;
    // Nothing of the old session stays up: no form, no frame waiting to time out.
    // Counts, not elements: a failure message never has to print a live iframe.
    expect(harness.root.querySelectorAll('iframe.card-frame').length).to.equal(0);
    expect(harness.root.querySelectorAll('button.pay').length).to.equal(0);
    expect(el.status).to.equal('loading');
    expect(el.sessionId).to.equal(null);
    expect(el.paymentIntent).to.equal(null);
    expect(harness.text()).not.to.contain('$');
    const next = await createSession({ lineItems: [{ name: 'Mug', unitAmount: 900, quantity: 1 }] });
    const ready = nextEvent(el, 'xpay-ready');
    el.clientSecret = next.clientSecret;
    expect((await ready).detail.sessionId).to.equal(next.id);
    await el.updateComplete;
    expect(harness.payButton()!.textContent!.trim()).to.equal('Pay $9.00');
    expect(errors.events).to.deep.equal([]);
    errors.stop();
  });
});

describe('mount()', () => {
  it('should return the element and never create a second one on the same target', async () => {
    const [session, apiBase] = await Promise.all([createSession(), sandboxUrl()]);
    const target = await fixture<HTMLDivElement>(html`<div></div>`);
    const readyCalls: string[] = [];
    const first = mount(target, { clientSecret: session.clientSecret, apiBase, onReady: (e) => readyCalls.push(e.detail.sessionId) });
    const second = mount(target, { clientSecret: session.clientSecret, apiBase, onReady: (e) => readyCalls.push(e.detail.sessionId) });
    expect(second).to.equal(first);
    expect(target.querySelectorAll('xpay-checkout')).to.have.length(1);
    await nextEvent(first, 'xpay-ready');
    // The first callback was replaced, not added to: one call per event.
    expect(readyCalls).to.deep.equal([session.id]);
    expect(first.shadowRoot!.querySelectorAll('iframe')).to.have.length(1);
    first.destroy();
    expect(target.children).to.have.length(0);
    const third = mount(target, { clientSecret: session.clientSecret, apiBase });
    expect(third).not.to.equal(first);
    third.destroy();
  });
});

describe('events', () => {
  it('should fire xpay-change with codes, never digits, bubbling and composed', async () => {
    const changes = recordEvents(document, 'xpay-change');
    const { el, harness } = await mountCheckout();
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    const last = changes.events.at(-1)!;
    expect(last.bubbles && last.composed).to.equal(true);
    expect(last.detail.complete).to.equal(true);
    expect(last.detail.brand).to.equal('visa');
    expect(JSON.stringify(changes.events.map((e) => e.detail))).not.to.match(/4242/);
    expect(el.complete).to.equal(true);
    changes.stop();
  });
});
