import { expect } from '@open-wc/testing';
import { mountCheckout } from '../harness/checkout.harness.js';
import { waitFor } from '../harness/messages.js';
import { sandboxApi } from '../harness/sandbox.js';

describe('<xpay-checkout> refresh()', () => {
  describe('when the merchant changed the order on the server', () => {
    it('should show the new amount and charge the new amount', async () => {
      const { el, harness, session } = await mountCheckout();
      expect(harness.payButton()!.textContent!.trim()).to.equal('Pay $25.00');
      await sandboxApi('POST', `/v1/checkout/sessions/${session.id}`, {
        lineItems: [
          { name: 'T-shirt', unitAmount: 1250, quantity: 1 },
          { name: 'Socks', unitAmount: 650, quantity: 1 },
        ],
      });
      el.refresh();
      await waitFor(() => harness.payButton()?.textContent?.trim() === 'Pay $19.00');
      await el.updateComplete;
      expect(harness.text()).to.contain('Socks');
      expect(harness.cardFrame()).to.exist;

      await harness.fillBilling();
      await harness.fillCard({ number: '4242424242424242' });
      const result = await el.confirm();
      expect(result.status).to.equal('succeeded');
      expect(result.paymentIntent!.amount).to.equal(1900);
      // What the API actually charged, read with the secret key.
      const intent = await sandboxApi<{ amount: number; amountReceived?: number }>('GET', `/v1/payment_intents/${result.paymentIntent!.id}`);
      expect(intent.amount).to.equal(1900);
      expect(harness.text()).to.contain('$19.00');
    });
  });
});
