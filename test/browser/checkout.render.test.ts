import { expect } from '@open-wc/testing';
import { mountCheckout } from '../harness/checkout.harness.js';

describe('<xpay-checkout> rendering a real session', () => {
  it('should be accessible once loaded', async () => {
    const { el } = await mountCheckout();
    await expect(el).to.be.accessible();
  });

  describe('when the session is for $25.00 in USD', () => {
    it('should show the line items, the total and a pay button naming the amount', async () => {
      const { el, harness } = await mountCheckout();
      expect(el.status).to.equal('requires_payment_method');
      expect(el.getAttribute('status')).to.equal('requires_payment_method');
      expect(harness.text()).to.contain('T-shirt');
      expect(harness.text()).to.contain('Qty 2');
      expect(harness.text()).to.contain('$25.00');
      expect(harness.payButton()!.textContent!.trim()).to.equal('Pay $25.00');
    });

    it('should embed the card frame from the API origin with a descriptive title', async () => {
      const { harness, session, apiBase } = await mountCheckout();
      const frame = harness.cardFrame()!;
      expect(frame.title).to.equal('Secure card payment form');
      const src = new URL(frame.src);
      expect(src.origin).to.equal(new URL(apiBase).origin);
      expect(src.pathname).to.equal('/frames/card/v1/');
      expect(src.searchParams.get('origin')).to.equal(location.origin);
      expect(src.searchParams.get('mode')).to.equal('test');
      // One URL for every session of this page, so the browser keeps the document: no session id.
      expect(frame.src).not.to.contain(session.id);
      const other = await mountCheckout();
      expect(other.harness.cardFrame()!.src).to.equal(frame.src);
      // Cross-origin: the page can never read the card fields.
      expect(frame.contentDocument).to.equal(null);
    });

    it('should never put the client secret in an attribute or the frame URL', async () => {
      const { el, harness, session } = await mountCheckout();
      expect(el.hasAttribute('client-secret')).to.equal(false);
      expect(harness.cardFrame()!.src).not.to.contain(session.clientSecret);
    });
  });

  describe('when the currency has no minor unit (JPY)', () => {
    it('should format the total without decimals', async () => {
      const { harness } = await mountCheckout({
        session: { currency: 'jpy', lineItems: [{ name: 'Tea', unitAmount: 1500, quantity: 1 }] },
      });
      expect(harness.payButton()!.textContent!.trim()).to.equal('Pay ¥1,500');
    });
  });

  describe('when the currency has three decimals (KWD)', () => {
    it('should format the total with three decimals', async () => {
      const { harness } = await mountCheckout({
        session: { currency: 'kwd', lineItems: [{ name: 'Dates', unitAmount: 12345, quantity: 1 }] },
      });
      expect(harness.payButton()!.textContent!.trim()).to.match(/^Pay KWD\s12\.345$/);
    });
  });

  describe('fields by collection settings', () => {
    it('should render email and the country + postal code when billing address is auto', async () => {
      const { harness } = await mountCheckout({ session: { billingAddressCollection: 'auto' } });
      expect(harness.input('email')).to.exist;
      expect(harness.input('email')!.getAttribute('autocomplete')).to.equal('email');
      expect(harness.label('email')).to.equal('Email');
      expect(harness.input('country')!.getAttribute('autocomplete')).to.equal('billing country');
      expect(harness.input('postalCode')!.getAttribute('autocomplete')).to.equal('billing postal-code');
      expect(harness.input('line1')).to.equal(null);
      expect(harness.input('phone')).to.equal(null);
    });

    it('should render the full address and phone when the session requires them', async () => {
      const { el, harness } = await mountCheckout({
        session: { billingAddressCollection: 'required', phoneNumberCollection: { enabled: true } },
      });
      expect(harness.input('line1')!.getAttribute('autocomplete')).to.equal('billing address-line1');
      expect(harness.input('city')).to.exist;
      expect(harness.input('phone')!.getAttribute('autocomplete')).to.equal('tel');
      expect(harness.label('phone')).to.equal('Phone number');
      await expect(el).to.be.accessible();
    });

    it('should prefill the email from the session', async () => {
      const { harness } = await mountCheckout({ session: { customerEmail: 'jo@example.com' } });
      expect((harness.input('email') as HTMLInputElement).value).to.equal('jo@example.com');
    });

    it('should leave out the groups the merchant collects itself (fields)', async () => {
      const { harness } = await mountCheckout({ attributes: { fields: 'email' } });
      expect(harness.input('email')).to.exist;
      expect(harness.input('country')).to.equal(null);
    });
  });

  describe('summary modes', () => {
    it('should show only the total with summary="total"', async () => {
      const { harness } = await mountCheckout({ attributes: { summary: 'total' } });
      expect(harness.text()).not.to.contain('T-shirt');
      expect(harness.text()).to.contain('Total due');
    });

    it('should hide the pay button with hide-pay-button', async () => {
      const { harness } = await mountCheckout({ attributes: { 'hide-pay-button': '' } });
      expect(harness.payButton()).to.equal(null);
    });
  });
});
