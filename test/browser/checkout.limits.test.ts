import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { mountCheckout } from '../harness/checkout.harness.js';
import { nextEvent } from '../helpers/expect-event.js';

/**
 * Size limits agree end to end (issue 8 §7). The reported case: 100 line items with ~520-character
 * imageUrls, a 64.8 KB create the sandbox accepts. Its public view is ~67 KB, and the card frame's
 * confirm result carrying it used to be dropped by the host's 64 KB message cap: charged, and the
 * customer left on "Processing…".
 */
describe('<xpay-checkout> with the largest orders the API accepts', () => {
  it('should reach the succeeded view for 100 line items with 520-character image URLs', async () => {
    const imageUrl = (i: number) => `https://cdn.shop.example/images/${i}/`.padEnd(520, 'a');
    const lineItems = Array.from({ length: 100 }, (_, i) => ({
      name: `Item ${i} `.padEnd(70, 'x'),
      unitAmount: 100,
      quantity: 1,
      imageUrl: imageUrl(i),
    }));
    const { el, harness } = await mountCheckout({ session: { lineItems } });
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    const succeeded = nextEvent(el, 'xpay-succeeded');
    const result = el.confirm();
    await succeeded;
    expect((await result).status).to.equal('succeeded');
    await el.updateComplete;
    expect(el.status).to.equal('succeeded');
    expect(harness.statusView()?.textContent).to.contain('$100.00');
  });
});
