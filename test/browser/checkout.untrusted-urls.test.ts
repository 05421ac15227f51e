import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { mountCheckout } from '../harness/checkout.harness.js';
import { startFaultProxy } from '../harness/messages.js';
import { nextEvent } from '../helpers/expect-event.js';

/**
 * URLs from the network (issue 8 §5): a tampered reply — here the fault proxy between the widget and
 * the real sandbox rewrites it — must never make the widget load or navigate to a URL that is not
 * https (or http to this machine). The refusal is an `integration_error` the merchant hears.
 */
const CONFIRM = '^/v1/checkout/sessions/[^/]+/confirm$';
const PUBLIC = '^/v1/checkout/sessions/[^/]+/public$';
const CHALLENGE_CARD = '4000002760003184';

declare global {
  interface Window {
    __xpayPwned?: unknown;
  }
}

/** Mounts a checkout whose every session reply (confirm, reads, long-polls) has `at` (dotted) set to `value`. */
async function mountTampered(at: string, value: string, attributes: Record<string, string> = {}) {
  // By method: the CORS preflights (OPTIONS) on the same paths have no JSON to rewrite. One fault
  // per request: enough for every read and long-poll of a test.
  const faults = Array.from({ length: 200 }, () => ({ type: 'patchJson' as const, set: { [at]: value } }));
  const proxy = await startFaultProxy(
    [
      { path: CONFIRM, pattern: true, method: 'POST', faults },
      { path: PUBLIC, pattern: true, method: 'GET', faults },
    ],
    { preserveHost: true },
  );
  return mountCheckout({ apiBase: proxy, attributes });
}

describe('<xpay-checkout> with URLs from a tampered API reply', () => {
  beforeEach(() => {
    delete window.__xpayPwned;
  });

  for (const [name, url] of [
    ['a javascript: URL', 'javascript:parent.__xpayPwned=1'],
    ['a data: URL', 'data:text/html,<script>parent.postMessage("pwned","*")</script>'],
    ['a plain-http URL to another host', 'http://evil.example/acs'],
  ]) {
    it(`should not load ${name} as the 3-D Secure challenge, and report an integration error`, async () => {
      const { el, harness } = await mountTampered('paymentIntent.nextAction.url', url!);
      await harness.fillBilling();
      await harness.fillCard({ number: CHALLENGE_CARD });
      const error = nextEvent(el, 'xpay-error');
      // The customer never sees a challenge, so the widget records the abandon: the attempt ends.
      const declined = nextEvent(el, 'xpay-declined');
      await harness.submit();
      expect((await error).detail.error).to.include({ type: 'integration_error', code: 'unsafe_url' });
      await declined;
      await el.updateComplete;
      expect(harness.challenge().shadowRoot!.querySelector('iframe')).to.equal(null);
      expect(harness.challenge().open).to.equal(false);
      expect(el.status).to.equal('error');
      expect(harness.text()).to.contain('unsafe_url');
      expect(window.__xpayPwned).to.equal(undefined);
    });
  }

  it('should not navigate to a javascript: successUrl after paying, and report an integration error', async () => {
    // `//` comments out the `?session_id=…` the redirect appends, so unchecked this would run.
    const { el, harness } = await mountTampered('successUrl', 'javascript:window.__xpayPwned=1//', {
      redirect: 'on_success',
    });
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    const succeeded = nextEvent(el, 'xpay-succeeded');
    const error = nextEvent(el, 'xpay-error');
    await harness.submit();
    await succeeded;
    expect((await error).detail.error).to.include({ type: 'integration_error', code: 'unsafe_url' });
    expect((await error).detail.error.message).to.contain('successUrl');
    // The payment did succeed: the customer keeps the succeeded view.
    await el.updateComplete;
    expect(el.status).to.equal('succeeded');
    expect(window.__xpayPwned).to.equal(undefined);
  });
});
