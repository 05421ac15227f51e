import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { frameMessage, mountCheckout } from '../harness/checkout.harness.js';
import { waitFor } from '../harness/messages.js';
import { nextEvent } from '../helpers/expect-event.js';

/** A customer without a mouse: real key presses only, from the first field to the outcome. */
describe('<xpay-checkout> with the keyboard only', () => {
  it('should tab from the first field through the card fields to the pay button, and pay with Enter in a card field', async () => {
    const { el, harness } = await mountCheckout();
    const frame = harness.cardFrame()!;
    const focusedFields: unknown[] = [];
    const onMessage = (e: MessageEvent) => {
      if (e.source === frame.contentWindow && e.data?.type === 'focus') focusedFields.push(e.data.field);
    };
    window.addEventListener('message', onMessage);
    try {
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      expect(harness.root.activeElement).to.equal(harness.input('email'));
      await sendKeys({ type: 'jo@example.com' });
      await sendKeys({ press: 'Tab' });
      expect(harness.root.activeElement).to.equal(harness.input('country'));
      expect((harness.input('country') as HTMLSelectElement).value).to.equal('US');
      await sendKeys({ press: 'Tab' });
      expect(harness.root.activeElement).to.equal(harness.input('postalCode'));
      await sendKeys({ type: '94107' });

      // Into the frame: in test mode its first stop is the sandbox's test-card picker, then the name.
      // Focus crossing into or out of the cross-origin frame goes through the browser process: it
      // lands after sendKeys resolves, so wait for it (bounded by the test's timeout). Compared as
      // booleans: a failing assertion that prints the iframe element hangs the test page.
      await sendKeys({ press: 'Tab' });
      await waitFor(() => harness.root.activeElement === frame);
      const onName = frameMessage(frame, 'focus');
      await sendKeys({ press: 'Tab' });
      expect((await onName).field).to.equal('name');
      await sendKeys({ type: 'Jo Tester' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '4242424242424242' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '1234' });
      const complete = frameMessage(frame, 'change', (d) => d.complete === true);
      const onCvc = frameMessage(frame, 'focus', (d) => d.field === 'cvc');
      await sendKeys({ press: 'Tab' });
      await onCvc;
      await sendKeys({ type: '123' });
      await complete;
      expect(focusedFields).to.deep.equal(['name', 'number', 'expiry', 'cvc']);

      // Past the security-code hint button, out of the frame, onto the pay button.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await waitFor(() => harness.root.activeElement === harness.payButton());
      expect(document.activeElement === el, 'focus in the checkout element').to.equal(true);

      // Back into the card's last field; Enter there pays (the frame says `submit`).
      const backInCvc = frameMessage(frame, 'focus', (d) => d.field === 'cvc');
      await sendKeys({ press: 'Shift+Tab' });
      await sendKeys({ press: 'Shift+Tab' });
      await backInCvc;
      const succeeded = nextEvent(el, 'xpay-succeeded');
      await sendKeys({ press: 'Enter' });
      const { detail } = await succeeded;
      expect(detail.paymentIntent.amount).to.equal(2500);
      await el.updateComplete;
      expect(el.status).to.equal('succeeded');
    } finally {
      window.removeEventListener('message', onMessage);
    }
  });
});
