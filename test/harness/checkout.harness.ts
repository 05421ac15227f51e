import { fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ConfirmResult } from '../../src/controllers/intent.controller.js';
import type { XpayCheckout } from '../../src/elements/checkout/checkout.js';
import type { XpayChallenge } from '../../src/elements/challenge/challenge.js';
import { nextEvent } from '../helpers/expect-event.js';
import { createSession, sandboxUrl, type CreateSessionOptions, type TestSession } from './sandbox.js';

/** The sandbox's card that always asks for a 3-D Secure challenge (docs/sandbox-api.md). */
export const THREE_DS_CARD = '4000002760003184';

/**
 * Hides the checkout's shadow DOM from the tests (Material's harness idea): tests say what a
 * customer does and sees, not which div holds it.
 */
export class CheckoutHarness {
  constructor(readonly element: XpayCheckout) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }
  /** The visible text of the element's shadow root, whitespace collapsed. */
  text(): string {
    return (this.root.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  payButton(): HTMLButtonElement | null {
    return this.root.querySelector('[part~="submit-button"]');
  }
  cardFrame(): HTMLIFrameElement | null {
    return this.root.querySelector('iframe.card-frame');
  }
  statusView(): HTMLElement | null {
    return this.root.querySelector('[part~="status"]');
  }
  input(name: string): HTMLInputElement | HTMLSelectElement | null {
    return this.root.querySelector(`[name="${name}"]`);
  }
  label(forName: string): string {
    const input = this.input(forName);
    return input ? (this.root.querySelector(`label[for="${input.id}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  }
  challenge(): XpayChallenge {
    return this.root.querySelector('xpay-challenge')!;
  }
  liveRegion(): HTMLElement {
    return this.root.querySelector('[aria-live="polite"]')!;
  }
  /** Types into one of the element's own inputs as a customer would (input + blur). */
  async type(name: string, value: string): Promise<void> {
    const input = this.input(name)!;
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('blur'));
    await this.element.updateComplete;
  }
  /**
   * Types a card into the secure frame through real keyboard input (the page cannot reach into the
   * cross-origin frame): focus moves to the card number, Shift+Tab to the name, then Tab between fields.
   */
  async fillCard(card: { number: string; expiry?: string; cvc?: string; name?: string }): Promise<void> {
    const focused = frameMessage(this.cardFrame()!, 'focus');
    this.element.focus();
    await focused;
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ type: card.name ?? 'Jo Tester' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: card.number });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: card.expiry ?? '1234' });
    await sendKeys({ press: 'Tab' });
    const complete = frameMessage(this.cardFrame()!, 'change', (d) => d.complete === true);
    await sendKeys({ type: card.cvc ?? (card.number.startsWith('3') ? '1234' : '123') });
    await complete;
    await this.element.updateComplete;
  }
  /** Fills the element's own required fields (email, country, postal code) with valid values. */
  async fillBilling(): Promise<void> {
    if (this.input('email')) await this.type('email', 'jo@example.com');
    if (this.input('country')) await this.type('country', 'US');
    if (this.input('postalCode')) await this.type('postalCode', '94107');
    if (this.input('line1')) await this.type('line1', '1 Main St');
    if (this.input('city')) await this.type('city', 'Springfield');
    if (this.input('phone')) await this.type('phone', '+1 555 0100');
  }
  /** Clicks the pay button. */
  async submit(): Promise<void> {
    this.payButton()!.click();
    await this.element.updateComplete;
  }
  /**
   * Clicks the complete or fail button of the challenge's cross-origin ACS page (through Playwright,
   * see acs-plugin.mjs), by its `data-acs-action`: the page speaks the customer's language.
   */
  async completeChallenge(action: 'complete' | 'fail'): Promise<void> {
    await executeServerCommand('xpay-acs-click', { action });
  }
  /**
   * Resolves once the issuer page at `acsUrl` has loaded in the open challenge. Until then the
   * iframe's first navigation is in flight, and a test that navigates the frame itself races it
   * (the ACS document can commit after, and replace, the page the test sent it to).
   */
  async challengeLoaded(acsUrl: string): Promise<void> {
    await executeServerCommand('xpay-acs-loaded', { url: acsUrl });
  }
  /**
   * Pays with the 3-D Secure card (3184…) up to the open challenge, and resolves once the issuer page
   * has loaded in it (see challengeLoaded). `result` is the pending `confirm()`: it settles when the
   * challenge does.
   */
  async openChallenge(): Promise<{ result: Promise<ConfirmResult>; challenge: XpayChallenge; acsFrame: HTMLIFrameElement; acsUrl: string }> {
    await this.fillBilling();
    await this.fillCard({ number: THREE_DS_CARD });
    const result = this.element.confirm();
    await this.waitForStatus('requires_action');
    const challenge = this.challenge();
    await challenge.updateComplete;
    const acsFrame = challenge.shadowRoot!.querySelector('iframe')!;
    const acsUrl = acsFrame.src;
    await this.challengeLoaded(acsUrl);
    return { result, challenge, acsFrame, acsUrl };
  }
  /** Resolves once the element's rendered status matches. */
  async waitForStatus(status: string): Promise<void> {
    while (this.element.status !== status) await nextEvent(this.element, 'xpay-status-change');
    await this.element.updateComplete;
  }
}

/** Resolves with the next message of `type` the card frame posts to this page (optionally matching). */
export function frameMessage(
  frame: HTMLIFrameElement,
  type: string,
  match: (data: Record<string, unknown>) => boolean = () => true,
): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.data?.type !== type || !match(event.data)) return;
      window.removeEventListener('message', listener);
      resolve(event.data);
    };
    window.addEventListener('message', listener);
  });
}

/** Options for {@link mountCheckout}. */
export interface MountCheckoutOptions {
  session?: CreateSessionOptions;
  /** Attributes to put on the element besides client-secret and api-base. */
  attributes?: Record<string, string>;
  /** Another API base for the element (e.g. a fault proxy in front of the sandbox). */
  apiBase?: string;
}

/**
 * Creates a real sandbox session and renders `<xpay-checkout>` for it. Resolves once the element has
 * loaded the session and the card frame said `ready` (`xpay-ready`).
 */
export async function mountCheckout(options: MountCheckoutOptions = {}): Promise<{
  el: XpayCheckout;
  harness: CheckoutHarness;
  session: TestSession;
  apiBase: string;
}> {
  const [session, sandbox] = await Promise.all([createSession(options.session), sandboxUrl()]);
  const apiBase = options.apiBase ?? sandbox;
  const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
  for (const [k, v] of Object.entries(options.attributes ?? {})) el.setAttribute(k, v);
  const ready = nextEvent(el, 'xpay-ready');
  el.apiBase = apiBase;
  el.clientSecret = session.clientSecret;
  await ready;
  await el.updateComplete;
  return { el, harness: new CheckoutHarness(el), session, apiBase };
}
