import { expect } from '@open-wc/testing';
import { mountCheckout } from '../harness/checkout.harness.js';
import { waitFor } from '../harness/messages.js';

/**
 * Card data never reaches the merchant page (issue 3, "Done means"): during two full payments, one
 * plain and one through 3-D Secure, nothing the page can observe (every `message`, every public
 * event's detail, the console) carries the card number, spaced or not, or the CVC; and the card
 * frame's document is out of the page's reach.
 */
const PUBLIC_EVENTS = ['xpay-ready', 'xpay-change', 'xpay-status-change', 'xpay-declined', 'xpay-succeeded', 'xpay-error'];

function text(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function recordEverything() {
  const seen: string[] = [];
  const onMessage = (e: MessageEvent) => seen.push(`message ${e.origin} ${text(e.data)}`);
  const onEvent = (e: Event) => seen.push(`${e.type} ${text((e as CustomEvent).detail)}`);
  window.addEventListener('message', onMessage, true);
  for (const type of PUBLIC_EVENTS) document.addEventListener(type, onEvent, true);
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = consoleMethods.map((m) => console[m]);
  consoleMethods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      seen.push(`console.${m} ${args.map(text).join(' ')}`);
      originals[i]!.apply(console, args);
    };
  });
  return {
    seen,
    stop() {
      window.removeEventListener('message', onMessage, true);
      for (const type of PUBLIC_EVENTS) document.removeEventListener(type, onEvent, true);
      consoleMethods.forEach((m, i) => (console[m] = originals[i]!));
    },
  };
}

/** A card number in every way it could be written, and the CVC as a token of its own. */
function leaks(all: string, card: { number: string; cvc: string }): string[] {
  const spaced = card.number.replace(/(\d{4})(?=\d)/g, '$1 ');
  const found = [card.number, spaced].filter((form) => all.includes(form));
  if (new RegExp(`(^|[^\\w])${card.cvc}([^\\w]|$)`).test(all)) found.push(`cvc ${card.cvc}`);
  return found;
}

describe('card data on the host page', () => {
  it('should never appear in a message, an event detail or the console, and the frame document stays out of reach', async function () {
    this.timeout(90_000); // two payments, one through 3-D Secure
    const recorder = recordEverything();
    try {
      const plain = { number: '4242424242424242', cvc: '731' };
      const first = await mountCheckout();
      await first.harness.fillBilling();
      await first.harness.fillCard({ number: plain.number, cvc: plain.cvc });
      // Booleans, not the documents: a failing assertion must not try to print a whole Document.
      expect(first.harness.cardFrame()!.contentDocument === null).to.equal(true);
      expect((await first.el.confirm()).status).to.equal('succeeded');

      const threeDs = { number: '4000002760003184', cvc: '852' };
      const second = await mountCheckout();
      await second.harness.fillBilling();
      await second.harness.fillCard({ number: threeDs.number, cvc: threeDs.cvc });
      expect(second.harness.cardFrame()!.contentDocument === null).to.equal(true);
      const result = second.el.confirm();
      await second.harness.waitForStatus('requires_action');
      await second.harness.challenge().updateComplete;
      // The issuer's iframe starts as a same-origin about:blank; once its page loads, it is out of reach.
      const acsFrame = second.harness.challenge().shadowRoot!.querySelector('iframe')!;
      await waitFor(() => acsFrame.contentDocument === null);
      await second.harness.completeChallenge('complete');
      expect((await result).status).to.equal('succeeded');

      const all = recorder.seen.join('\n');
      // The recording really saw the traffic (so an empty log cannot pass): frame changes, the
      // confirm results, public status changes.
      expect(all).to.contain('"type":"change"');
      expect(all).to.contain('"type":"result"');
      expect(all).to.contain('xpay-status-change');
      expect(leaks(all, plain)).to.deep.equal([]);
      expect(leaks(all, threeDs)).to.deep.equal([]);
    } finally {
      recorder.stop();
    }
  });
});
