import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ChallengeWindowSize } from '../../api/enums.js';
import { isSafeUrl } from '../../api/safe-url.js';
import { en } from '../../i18n/en.js';
import type { Translation } from '../../i18n/translation.js';
import { shared } from '../../styles/shared.styles.js';
import { tokens } from '../../styles/tokens.styles.js';
import { isChallengeDone } from './challenge-message.js';
import { styles } from './challenge.styles.js';
import { CHALLENGE_WINDOW_DIMENSIONS } from './window-size.js';

/**
 * Internal signals to the checkout, plain `Event`s with no detail:
 * - `xpay-challenge-cancel`: the customer closed the challenge (close button or Escape); the checkout abandons it.
 * - `xpay-challenge-done`: the ACS said it is done; only a signal to re-read the session, never the outcome.
 */
type ChallengeSignal = 'xpay-challenge-cancel' | 'xpay-challenge-done';

/**
 * The 3-D Secure challenge: a modal `<dialog>` (focus trapped, page behind inert) holding the
 * issuer's ACS page at the EMV window size chosen before confirm. Internal to `<xpay-checkout>`.
 *
 * @summary 3-D Secure challenge dialog.
 * @csspart challenge - The dialog.
 * @csspart challenge-frame - The issuer's iframe.
 */
export class XpayChallenge extends LitElement {
  static override styles = [tokens, shared, styles];
  // Declared without decorators, whose helpers would cost the script-tag bundle (see XpayCheckout).
  static override properties: PropertyDeclarations = {
    url: {},
    windowSize: { attribute: 'window-size' },
    open: { type: Boolean, reflect: true },
    messages: { attribute: false },
  };

  /** The ACS page to show (only an https URL, or http on localhost). Setting it while `open` replaces the page. */
  url = '';
  /** EMV window size (`01`–`05`); `05` is full screen. */
  windowSize: ChallengeWindowSize | 'unknown' = '02';
  /** Whether the dialog is shown. */
  open = false;
  /** Strings; the checkout passes its resolved catalogue. */
  messages: Translation = en;

  get #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }
  get #frame(): HTMLIFrameElement | null {
    return this.renderRoot?.querySelector('iframe') ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.#handleMessage);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('message', this.#handleMessage);
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The EMV box size goes through CSSOM, not a style="" binding, which a merchant's CSP without
    // 'unsafe-inline' would block.
    const size = this.windowSize === 'unknown' ? '02' : this.windowSize;
    const box = size === '05' ? undefined : CHALLENGE_WINDOW_DIMENSIONS[size];
    this.#frame?.style.setProperty('width', box ? `${box.width}px` : null);
    this.#frame?.style.setProperty('height', box ? `${box.height}px` : null);
    if (!changed.has('open')) return;
    if (this.open && !this.#dialog.open) this.#dialog.showModal();
    if (!this.open && this.#dialog.open) this.#dialog.close();
  }

  get #acsOrigin(): string {
    try {
      return new URL(this.url).origin;
    } catch {
      return '';
    }
  }

  #handleMessage = (event: MessageEvent): void => {
    if (!this.open || !this.#frame) return;
    if (!isChallengeDone(event, this.#acsOrigin, this.#frame.contentWindow)) return;
    this.#signal('xpay-challenge-done');
  };

  #handleCancel(event: Event): void {
    // Escape fires `cancel`; we close ourselves so the checkout learns of it through one path.
    event.preventDefault();
    this.#requestCancel();
  }

  #requestCancel(): void {
    this.open = false;
    this.#signal('xpay-challenge-cancel');
  }

  #signal(type: ChallengeSignal): void {
    // Internal child → checkout signal: stays inside the checkout's shadow root.
    /** @ignore Internal (`composed: false`): not part of the public event list in the manifest. */
    this.dispatchEvent(new Event(type, { bubbles: true, composed: false }));
  }

  // The return type is spelled out so the emitted .d.ts names `lit`, not `lit-html` (pnpm installs).
  protected override render(): TemplateResult {
    const t = this.messages;
    const fullscreen = this.windowSize === '05';
    return html`<dialog
      part="challenge"
      class=${fullscreen ? 'fullscreen' : ''}
      aria-labelledby="title"
      @cancel=${this.#handleCancel}
    >
      <header>
        <h2 id="title">${t.challengeTitle}</h2>
        <button class="close" type="button" aria-label=${t.challengeClose} @click=${this.#requestCancel}>
          <svg viewBox="0 0 20 20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round">
            <path d="M5 5l10 10M15 5L5 15" />
          </svg>
        </button>
      </header>
      ${this.open && isSafeUrl(this.url)
        ? html`<iframe part="challenge-frame" title=${t.challengeFrameTitle} src=${this.url} allow="payment"></iframe>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'xpay-challenge': XpayChallenge;
  }
}
