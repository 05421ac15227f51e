import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { mountCheckout } from '../harness/checkout.harness.js';
import { recordEvents } from '../helpers/expect-event.js';

/**
 * A 400 from confirm that names a `param` is never silent (issue 8 §9): against the real sandbox,
 * the refusal shows under the input it names, or — when the element does not render that input —
 * becomes an integration error that names it and says what to change.
 */
describe('<xpay-checkout> when the API refuses a billing field', () => {
  it('should report an integration error naming the param when fields hides what the session collects', async () => {
    // The session collects a billing address (`auto`), but the merchant renders only the email.
    const { el, harness } = await mountCheckout({ attributes: { fields: 'email' } });
    expect(harness.input('postalCode')).to.equal(null);
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    const errors = recordEvents(el, 'xpay-error');

    const result = await el.confirm();

    expect(result.status).to.equal('requires_payment_method');
    expect(errors.events).to.have.length(1);
    const { error } = errors.events[0]!.detail;
    expect(error).to.include({ type: 'integration_error', param: 'paymentMethod.billingDetails.address' });
    expect(error.message).to.contain('paymentMethod.billingDetails.address');
    expect(error.message).to.contain('confirm({ billingDetails })');
    expect(result.error).to.deep.equal(error);
    await el.updateComplete;
    // Shown above the kept form (the developer's detail is in xpay-error), not a dead Pay button.
    expect(harness.text()).to.contain('not set up correctly');
    expect(harness.payButton()).to.not.equal(null);

    // Doing what the message says works.
    const paid = await el.confirm({ billingDetails: { address: { country: 'US', postalCode: '94107' } } });
    expect(paid.status).to.equal('succeeded');
  });

  it('should show the refusal under the input it names and focus it', async () => {
    const { el, harness } = await mountCheckout();
    await harness.fillBilling();
    // The element checks that a postal code is present; the API also caps its length (20).
    await harness.type('postalCode', '9'.repeat(21));
    await harness.fillCard({ number: '4242424242424242' });
    const errors = recordEvents(el, 'xpay-error');

    const result = await el.confirm();

    expect(result.status).to.equal('requires_payment_method');
    expect(result.error).to.include({ type: 'validation_error', param: 'paymentMethod.billingDetails.address.postalCode' });
    // The customer can fix this one: a field error, not an integration error.
    expect(errors.events).to.have.length(0);
    await el.updateComplete;
    const input = harness.input('postalCode')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const message = harness.root.getElementById(input.getAttribute('aria-describedby')!);
    expect(message?.textContent?.trim()).to.not.equal('');
    expect(harness.root.activeElement).to.equal(input);

    // Typing a new value clears the API's verdict on the old one.
    await harness.type('postalCode', '94107');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });
});
