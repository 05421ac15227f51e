import { expect } from '@open-wc/testing';
import { mountCheckout } from '../harness/checkout.harness.js';
import { startFaultProxy } from '../harness/messages.js';
import { recordEvents } from '../helpers/expect-event.js';

/** The expected sequences of issue 3 §8, with real cards typed into the real frame. */
describe('<xpay-checkout> payment journeys', () => {
  describe('when the card succeeds (4242…)', () => {
    it('should resolve confirm() with succeeded and fire status-change then succeeded once', async () => {
      const { el, harness, session } = await mountCheckout();
      const statuses = recordEvents(el, 'xpay-status-change');
      const succeeded = recordEvents(el, 'xpay-succeeded');
      await harness.fillBilling();
      await harness.fillCard({ number: '4242424242424242' });
      const result = await el.confirm();
      expect(result.status).to.equal('succeeded');
      expect(result.paymentIntent!.amount).to.equal(2500);
      await el.updateComplete;
      expect(statuses.events.map((e) => e.detail.status)).to.deep.equal(['succeeded']);
      expect(statuses.events[0]!.detail.previousStatus).to.equal('requires_payment_method');
      expect(succeeded.events).to.have.length(1);
      expect(succeeded.events[0]!.detail).to.deep.include({ sessionId: session.id, resumed: false });
      expect(el.status).to.equal('succeeded');
      expect(harness.statusView()!.textContent).to.contain('Payment successful');
      expect(harness.text()).to.contain('Visa ending in 4242');
      expect(harness.text()).to.contain(result.paymentIntent!.id);
      await new Promise(requestAnimationFrame); // the announcer sets its text on the next frame
      expect(harness.liveRegion().textContent).to.contain('Payment successful');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the card is declined for insufficient funds (9995…)', () => {
    it('should keep the form, show why, and fire xpay-declined', async () => {
      const { el, harness } = await mountCheckout();
      const declined = recordEvents(el, 'xpay-declined');
      await harness.fillBilling();
      await harness.fillCard({ number: '4000000000009995' });
      const result = await el.confirm();
      await el.updateComplete;
      expect(result.status).to.equal('requires_payment_method');
      expect(result.error).to.deep.include({ type: 'card_error', code: 'card_declined', declineCode: 'insufficient_funds' });
      expect(declined.events).to.have.length(1);
      expect(el.status).to.equal('requires_payment_method');
      expect(harness.cardFrame()).to.exist;
      expect(harness.text()).to.contain('Your card has insufficient funds.');
      expect(harness.payButton()!.textContent!.trim()).to.equal('Pay $25.00');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the session has had too many failed attempts (the API answers 429)', () => {
    it('should resolve confirm() with the refusal at once and report it, not wait for an outcome', async () => {
      const { el, harness } = await mountCheckout();
      await harness.fillBilling();
      await harness.fillCard({ number: '4000000000000002' });
      // The sandbox refuses confirm after 10 failed attempts (XPAY_SANDBOX_MAX_FAILED_CONFIRMS).
      for (let i = 0; i < 10; i++) expect((await el.confirm()).error?.code).to.equal('card_declined');
      const errors = recordEvents(el, 'xpay-error');
      const statuses = recordEvents(el, 'xpay-status-change');
      const result = await el.confirm();
      await el.updateComplete;
      expect(result.status).to.equal('requires_payment_method');
      expect(result.error).to.deep.include({ type: 'api_error', code: 'too_many_attempts' });
      expect(errors.events.map((e) => e.detail.error.code)).to.deep.equal(['too_many_attempts']);
      // A known refusal: no detour through "outcome unknown" (processing view, long-poll).
      expect(statuses.events).to.have.length(0);
      expect(el.busy).to.equal(false);
      expect(harness.cardFrame()).to.exist;
      // The customer is told, where a decline would be: this checkout cannot take a payment any more.
      expect(harness.text()).to.contain('Too many attempts with this checkout. You have not been charged.');
      await expect(el).to.be.accessible();
    });
  });

  describe('when confirm stays rate limited (429 with Retry-After, through a proxy)', () => {
    it('should wait out Retry-After, then tell the customer, with nothing charged', async () => {
      const limited = { type: 'respond', status: 429, headers: { 'Retry-After': '1' }, body: '' } as const;
      // The frame tries four times (three retries) within its 30 s of Retry-After waits.
      const proxy = await startFaultProxy([{ path: '/confirm$', pattern: true, faults: [limited, limited, limited, limited] }]);
      const { el, harness } = await mountCheckout({ apiBase: proxy });
      await harness.fillBilling();
      await harness.fillCard({ number: '4242424242424242' });
      const errors = recordEvents(el, 'xpay-error');
      const statuses = recordEvents(el, 'xpay-status-change');
      const result = await el.confirm();
      await el.updateComplete;
      expect(result.status).to.equal('requires_payment_method');
      expect(result.error).to.deep.include({ type: 'api_error', code: 'rate_limited' });
      expect(errors.events.map((e) => e.detail.error.code)).to.deep.equal(['rate_limited']);
      // A known refusal, not an unknown outcome: no processing view, the form is back at once.
      expect(statuses.events).to.have.length(0);
      expect(el.busy).to.equal(false);
      expect(harness.text()).to.contain('Too many attempts right now. You have not been charged. Wait a moment, then try again.');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the same attempt is submitted twice', () => {
    it('should make one request and resolve both calls with the same outcome', async () => {
      const { el, harness } = await mountCheckout();
      const declined = recordEvents(el, 'xpay-declined');
      await harness.fillBilling();
      await harness.fillCard({ number: '4000000000000002' });
      const [a, b] = await Promise.all([el.confirm(), el.confirm()]);
      expect(a.status).to.equal('requires_payment_method');
      expect(b.status).to.equal('requires_payment_method');
      // One request → one charge → one decline.
      expect(declined.events).to.have.length(1);
    });
  });

  describe('when beforeSubmit refuses', () => {
    it('should resolve not_submitted and send nothing', async () => {
      const { el, harness } = await mountCheckout();
      let calls = 0;
      el.beforeSubmit = async (): Promise<false> => {
        calls += 1;
        return false;
      };
      await harness.fillBilling();
      await harness.fillCard({ number: '4242424242424242' });
      const result = await el.confirm();
      expect(calls).to.equal(1);
      expect(result.status).to.equal('not_submitted');
      expect(el.status).to.equal('requires_payment_method');
      expect(el.paymentIntent).to.equal(null);
    });
  });

  describe('when the form is incomplete', () => {
    it('should resolve not_submitted and show the field errors', async () => {
      const { el, harness } = await mountCheckout();
      const result = await el.confirm();
      await el.updateComplete;
      expect(result.status).to.equal('not_submitted');
      expect(harness.input('email')!.getAttribute('aria-invalid')).to.equal('true');
      expect(harness.text()).to.contain('This field is required.');
    });
  });

  describe('when the card needs 3-D Secure (3184…)', () => {
    it('should open the challenge, and succeed once the customer completes it', async () => {
      const { el, harness } = await mountCheckout();
      const statuses = recordEvents(el, 'xpay-status-change');
      await harness.fillBilling();
      await harness.fillCard({ number: '4000002760003184' });
      const result = el.confirm();
      await statuses.nth(1);
      expect(statuses.events[0]!.detail.status).to.equal('requires_action');
      await el.updateComplete;
      const challenge = harness.challenge();
      await challenge.updateComplete;
      expect(challenge.open).to.equal(true);
      expect(el.busy).to.equal(true);
      expect(el.hasAttribute('busy')).to.equal(true);
      const dialog = challenge.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      await harness.completeChallenge('complete');
      expect((await result).status).to.equal('succeeded');
      expect(statuses.events.map((e) => e.detail.status)).to.deep.equal(['requires_action', 'succeeded']);
      await el.updateComplete;
      expect(challenge.open).to.equal(false);
    });

    it('should report a decline when the customer closes the challenge, and bring the form back', async () => {
      const { el, harness } = await mountCheckout();
      const declined = recordEvents(el, 'xpay-declined');
      const { result, challenge } = await harness.openChallenge();
      (challenge.shadowRoot!.querySelector('button.close') as HTMLButtonElement).click();
      const settled = await result;
      expect(settled.status).to.equal('requires_payment_method');
      expect(settled.error!.code).to.equal('authentication_abandoned');
      await declined.nth(1);
      await el.updateComplete;
      expect(el.status).to.equal('requires_payment_method');
      expect(harness.cardFrame()).to.exist;
      expect(harness.text()).to.contain('Verification was cancelled');
    });
  });

  describe('when the payment is processing (7718…)', () => {
    it('should show the processing view, then succeed', async () => {
      const { el, harness } = await mountCheckout();
      const statuses = recordEvents(el, 'xpay-status-change');
      await harness.fillBilling();
      await harness.fillCard({ number: '4000000000007718' });
      void el.confirm();
      await statuses.nth(1);
      await el.updateComplete;
      expect(el.status).to.equal('processing');
      expect(harness.statusView()!.textContent).to.contain('Confirming your payment…');
      await statuses.nth(2);
      expect(statuses.events.map((e) => e.detail.status)).to.deep.equal(['processing', 'succeeded']);
    });
  });

  describe('when the session uses manual capture', () => {
    it('should show the authorised view (requires_capture) and fire xpay-succeeded', async () => {
      const { el, harness } = await mountCheckout({ session: { captureMethod: 'manual' } });
      const succeeded = recordEvents(el, 'xpay-succeeded');
      await harness.fillBilling();
      await harness.fillCard({ number: '4242424242424242' });
      expect((await el.confirm()).status).to.equal('requires_capture');
      await el.updateComplete;
      expect(succeeded.events).to.have.length(1);
      expect(harness.statusView()!.textContent).to.contain('Payment authorised');
    });
  });
});
