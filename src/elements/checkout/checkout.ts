import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ChallengeWindowSize } from '../../api/enums.js';
import type { XpayError } from '../../api/errors.js';
import type { ClientNextAction, ClientPublicSession } from '../../api/schemas.js';
import { IntentController, type ConfirmResult } from '../../controllers/intent.controller.js';
import { XpayChangeEvent, XpayReadyEvent, type FormErrors, type XpayChangeDetail } from '../../events/events.js';
import { type FrameMessage, type FrameResult, type HostBillingDetails } from '../../frame/protocol.js';
import type { CheckoutCatalogue } from '../../i18n/catalogue.js';
import { EN_CHECKOUT } from '../../i18n/en-catalogue.js';
import { withEnglishFallback } from '../../i18n/fallback.js';
import { formatMoney } from '../../i18n/format.js';
import { dirOf } from '../../i18n/locale.js';
import { brandName, declineMessage, fill, translate } from '../../i18n/messages.js';
import type { Translation, TranslationOverrides } from '../../i18n/translation.js';
import type { CheckoutStatus, PaymentIntentSummary } from '../../state/intent.types.js';
import { shared } from '../../styles/shared.styles.js';
import { tokens } from '../../styles/tokens.styles.js';
import { CardFrameController } from '../card-frame-host/card-frame.controller.js';
import { readStyleTokens } from '../card-frame-host/frame-style.js';
import { chooseChallengeWindowSize } from '../challenge/window-size.js';
import {
  authorisedView,
  canceledView,
  declinedNotice,
  errorView,
  expiredView,
  outcomeDetail,
  processingView,
  succeededView,
  type OutcomeFacts,
} from '../status/status.views.js';
import { icons } from '../status/icons.js';
import {
  emptyBilling,
  FIELD_GROUPS,
  isBillingEmpty,
  requirementsFor,
  toBillingDetails,
  validateBilling,
  type BillingErrors,
  type BillingField,
  type BillingValues,
  type FieldGroup,
} from './billing.js';
import { styles } from './checkout.styles.js';
import { countryOptions, defaultCountry, UNNAMED_COUNTRY_OPTIONS } from './countries.js';
import { fieldsView } from './fields.view.js';
import { browserSupported } from './browser-support.js';
import { integrationErrors } from './integration-errors.js';
import { refusedField } from './server-param.js';
import { originOf, sessionIdOf } from './session-id.js';
import { summaryView, type SummaryMode } from './summary.view.js';

/** Options of {@link XpayCheckout.confirm}. */
export interface ConfirmOptions {
  /** Billing details the merchant collected in its own fields; they win over the widget's. */
  billingDetails?: HostBillingDetails;
}

/** The colour themes: presets of the `--xpay-*` tokens (tokens.styles.ts); `auto` follows `prefers-color-scheme`. */
export type CheckoutTheme = 'light' | 'dark' | 'auto';

/**
 * Statuses in which the form shows; in the others the card frame stays mounted, parked. `loading`
 * is one: the card frame draws its fields while the session loads, and a frame that is visible
 * from the start has its height before `xpay-ready` (a hidden cross-origin frame is not laid out
 * by Chromium), so nothing jumps after it.
 */
const FORM_STATUSES: readonly CheckoutStatus[] = ['loading', 'requires_payment_method', 'requires_confirmation', 'requires_action'];

/**
 * `fields` attribute: space- or comma-separated groups, e.g. `fields="email address"`. Parsing only:
 * the property is never reflected, so Lit never needs a `toAttribute`.
 */
const fieldsConverter = (value: string | null): FieldGroup[] =>
  value === null
    ? [...FIELD_GROUPS]
    : (value.split(/[\s,]+/).filter((v) => (FIELD_GROUPS as readonly string[]).includes(v)) as FieldGroup[]);

/**
 * A complete card checkout for one XPay Checkout Session: order summary, the contact and billing
 * fields the session asks for, a secure card frame served by the API origin (card data never
 * touches this page), 3-D Secure, and the outcome. The API is the source of truth; the element
 * follows it and reports every change as a typed DOM event.
 *
 * @summary Drop-in checkout for an XPay Checkout Session.
 *
 * @fires {XpayReadyEvent} xpay-ready - The session is loaded and the card form can be used.
 * @fires {XpayChangeEvent} xpay-change - The form's completeness, emptiness, errors or card brand changed.
 * @fires {XpayStatusChangeEvent} xpay-status-change - The server status changed (once per change, in order).
 * @fires {XpayDeclinedEvent} xpay-declined - A payment attempt was declined or 3-D Secure failed; retryable.
 * @fires {XpaySucceededEvent} xpay-succeeded - The payment succeeded or was authorised; once per session.
 * @fires {XpayErrorEvent} xpay-error - Integration or network trouble; `detail.error.code` says what to fix.
 *
 * @attr {CheckoutStatus} status - Reflected from the `status` property, for styling by state (`xpay-checkout[status=succeeded]`); set by the element, not by you.
 * @attr {boolean} busy - Reflected from the `busy` property: present while a payment attempt is under way.
 * @attr {CheckoutTheme} theme - Reflected from the `theme` property (`light` by default), for styling by theme.
 *
 * @csspart form - The payment form.
 * @csspart field - One labelled input with its error.
 * @csspart label - A field's label.
 * @csspart input - An input or select.
 * @csspart error - A field error or the decline notice.
 * @csspart submit-button - The pay button.
 * @csspart status - A status view (processing, succeeded, expired, …).
 * @csspart challenge - The 3-D Secure dialog.
 * @csspart challenge-frame - The issuer's page inside the dialog.
 *
 * @cssprop --xpay-color-primary - Pay button and accents.
 * @cssprop --xpay-color-text - Text colour (also sent to the card frame).
 * @cssprop --xpay-color-text-muted - Secondary text and placeholders.
 * @cssprop --xpay-color-danger - Errors and declines.
 * @cssprop --xpay-color-success - Success icon.
 * @cssprop --xpay-color-background - Background of the element and the card frame.
 * @cssprop --xpay-color-surface - Order summary and status backgrounds.
 * @cssprop --xpay-color-border - Dividers.
 * @cssprop --xpay-input-background - Input background (also in the card frame).
 * @cssprop --xpay-input-border - Input border colour (also in the card frame).
 * @cssprop --xpay-focus-ring - Focus ring colour (also in the card frame).
 * @cssprop --xpay-font-family - Font stack (also in the card frame; web fonts are not sent).
 * @cssprop --xpay-font-size - Base font size (also in the card frame).
 * @cssprop --xpay-radius - Corner radius (also in the card frame).
 * @cssprop --xpay-space - Base spacing unit.
 * @cssprop --xpay-checkout-max-width - Maximum width of the element (default 480px).
 */
export class XpayCheckout extends LitElement {
  static override styles = [tokens, shared, styles];
  // Declared here rather than with Lit's decorators, whose helpers cost the script-tag bundle about
  // 0.5 KB brotli for the same accessors. Internal members are `#private`, so the minifier can
  // shorten their names.
  static override properties: PropertyDeclarations = {
    clientSecret: { attribute: 'client-secret' },
    apiBase: { attribute: 'api-base' },
    locale: {},
    theme: { reflect: true },
    redirect: {},
    summary: {},
    fields: { converter: fieldsConverter },
    hidePayButton: { type: Boolean, attribute: 'hide-pay-button' },
    messages: { attribute: false },
    beforeSubmit: { attribute: false },
    frameTimeout: { type: Number, attribute: 'frame-timeout' },
    // Internal state; `attribute: false` spelled out so the manifest (cem) lists no attribute.
    billing: { state: true, attribute: false },
    touched: { state: true, attribute: false },
    stopError: { state: true, attribute: false },
    challenge: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** The session's client secret (`cs_…_secret_…`). Never reflected back; a new value swaps the session, an empty one clears it. */
  clientSecret = '';
  /** Absolute URL of the XPay API, e.g. `http://127.0.0.1:4242`. */
  apiBase = '';
  /**
   * The customer's language, for text, money and dates: a BCP 47 tag (`de`, `pt-BR`, `ar`), or `auto`
   * (the default): the session's `locale`, else the browser's languages, else English.
   */
  locale = 'auto';
  /** Colour theme: `light` (default), `dark`, or `auto` (follows the system's light or dark mode, live). Reflected. */
  theme: CheckoutTheme = 'light';
  /** `never` (default): stay on the page. `on_success`: go to the session's `successUrl?session_id=…`. */
  redirect: 'never' | 'on_success' = 'never';
  /** How much of the order to show: `full` (lines and totals), `total`, or `none`. */
  summary: SummaryMode = 'full';
  /** Which of email / phone / address the element renders when the session asks; pass the rest to `confirm()`. */
  fields: FieldGroup[] = [...FIELD_GROUPS];
  /** Hide the pay button; the merchant calls `confirm()` from its own button. */
  hidePayButton = false;
  /** Overrides of catalogue strings, e.g. `{ pay: (amount) => \`Complete order · ${amount}\` }`. */
  messages: TranslationOverrides | null = null;
  /** Runs before every charge attempt; resolve `false` or throw to stop it (e.g. save the order first). */
  beforeSubmit: (() => Promise<void | false> | void | false) | null = null;
  /** How long the card frame may take to load before `frame_load_timeout` is reported, in ms. */
  frameTimeout = 15_000;

  private billing: BillingValues = emptyBilling();
  /** Fields whose errors show: those the customer has left, or all of them after a submit attempt. */
  private touched = new Set<BillingField>();
  /** What stopped this checkout (no usable frame, an unsafe URL, the browser, the setup): the error view. */
  private stopError: XpayError | null = null;
  private challenge: { url: string; windowSize: ChallengeWindowSize | 'unknown' } | null = null;
  private announcement = '';

  #intent = new IntentController(this, {
    startConfirm: (key) => this.#startConfirm(key),
    openChallenge: (nextAction) => this.#openChallenge(nextAction),
    closeChallenge: () => this.#closeChallenge(),
  });

  /** The card frame: created with the session, it also makes the session's calls (see CardFrameController). */
  #frame = new CardFrameController(this, {
    slot: () => this.renderRoot?.querySelector('.card-frame-slot') ?? null,
    title: () => this.#t.cardFrameTitle,
    // The input as given: the frame checks and resolves it (frame-locale.ts); one it cannot use is `auto`.
    initOf: () => ({ locale: this.locale, styleTokens: readStyleTokens(this) }),
    onSubmit: () => void this.#requestSubmit(),
    onLocale: (message) => this.#handleLocale(message),
    onResult: (result) => this.#handleResult(result),
    onResultLost: () => this.#intent.confirmLost(),
    onFailed: (error) => {
      // The frame is gone, and with it the session's calls: stop the run, show the error.
      this.#intent.stop();
      this.#stop(error);
    },
  });

  // Private fields left undefined until first set: what each holds is "none yet" until then.
  #formShown = false;
  #readyFired = false;
  #lastChange = '';
  #extraBilling: HostBillingDetails = {};
  /** The input the API refused in the last confirm, with its error (issue 8 §9). */
  #refused: BillingErrors = {};
  #prefilledFor: string | undefined;
  /** The billing values a session started with: still these (the same object) means nothing was typed. */
  #startBilling: BillingValues | undefined;
  #announced: { status: CheckoutStatus; decline: XpayError | null } = { status: 'loading', decline: null };
  /** The strings for the current `messages`, over the language's; cleared when the language changes. */
  #translation: { for: TranslationOverrides | null; t: Translation } | undefined;
  /** The language the card frame resolved: its catalogue, the tag it is written in, and the tag for `Intl`. */
  #spoken: { catalogue: CheckoutCatalogue; locale: string; intl: string } | undefined;


  constructor() {
    super();
    this.addEventListener('xpay-succeeded', this.#handleSucceeded);
  }

  /** Current status: the server's intent status, `expired`, or the local `loading` / `error`. Reflected as an attribute. */
  get status(): CheckoutStatus {
    return this.stopError ? 'error' : this.#intent.status;
  }
  /** True while a payment attempt is under way (submitting, 3-D Secure open, outcome pending). Reflected. */
  get busy(): boolean {
    return this.#intent.busy;
  }
  /** True when the card and every rendered field are complete and valid. */
  get complete(): boolean {
    const session = this.#intent.session;
    if (!session) return false;
    return this.#frame.state.complete && Object.keys(validateBilling(this.billing, this.#requirements(session))).length === 0;
  }
  /** The session's payment intent as the page may see it, or null before the first attempt. */
  get paymentIntent(): PaymentIntentSummary | null {
    return this.#intent.paymentIntent;
  }
  /** The Checkout Session id (`cs_…`), from the client secret. */
  get sessionId(): string | null {
    return sessionIdOf(this.clientSecret);
  }

  /**
   * Pays: the same path as the pay button and Enter in the card frame. Always resolves, once the
   * outcome is known (or with `processing` after one long-poll window): `{ status, paymentIntent?,
   * error? }`. `not_submitted` when the form is incomplete or `beforeSubmit` refused.
   */
  async confirm(options: ConfirmOptions = {}): Promise<ConfirmResult> {
    this.#extraBilling = options.billingDetails ?? {};
    return this.#requestSubmit();
  }

  /** Re-reads the session, e.g. after the amount changed on the server. */
  refresh(): void {
    this.#intent.refresh();
  }

  /** Moves focus into the card number field. */
  override focus(options?: FocusOptions): void {
    const frame = this.#frame.element;
    if (!frame) return super.focus(options);
    frame.focus(options);
    this.#frame.post({ type: 'focus', field: 'number' });
  }

  /** Empties the card fields and the element's own inputs (the email prefilled from the session stays). */
  clear(): void {
    this.#frame.post({ type: 'clear' });
    this.billing = this.#initialBilling(this.#intent.session);
    this.touched = new Set();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the DOM after a removal (the controllers stopped everything): start afresh.
    if (this.hasUpdated) this.#startSession();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('clientSecret') || changed.has('apiBase')) this.#startSession();
    const session = this.#intent.session;
    if (session && this.#prefilledFor !== session.id) {
      // Once per session, as it arrives, and never over typing (the fields show while it loads):
      // untouched, they start again from the session — the email the merchant knows, and the country
      // of the language the frame resolved just before; else only an empty email is filled.
      this.#prefilledFor = session.id;
      if (this.billing === this.#startBilling) this.billing = this.#initialBilling(session);
      else if (!this.billing.email && session.customerEmail) this.billing = { ...this.billing, email: session.customerEmail };
    }
    // Announcing sets reactive state: done here, before render, it joins this update instead of
    // scheduling another one right after it (Lit's "change-in-update" warning).
    this.#maybeAnnounce();
    this.#holdHeight();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // After the theme attribute is reflected, so the frame gets the new theme's resolved tokens.
    if (changed.has('theme') || changed.has('locale')) this.#frame.reinit();
    this.setAttribute('status', this.status);
    this.toggleAttribute('busy', this.busy);
    this.#maybeFireReady();
    this.#maybeFireChange();
  }

  /** IntentEffects: runs `beforeSubmit`, then asks the frame to confirm with this key. */
  async #startConfirm(idempotencyKey: string): Promise<'sent' | { refused: XpayError | undefined }> {
    if (this.beforeSubmit) {
      try {
        if ((await this.beforeSubmit()) === false) return { refused: undefined };
      } catch (reason) {
        return { refused: integrationErrors.beforeSubmitFailed(reason) };
      }
    }
    const session = this.#intent.session;
    if (!session || !this.#frame.state.ready) return { refused: undefined };
    const billingDetails = toBillingDetails(this.billing, this.#requirements(session), this.#extraBilling);
    this.#frame.confirm({
      type: 'confirm',
      idempotencyKey,
      billingDetails,
      returnOrigin: location.origin,
      challengeWindowSize: chooseChallengeWindowSize(window.innerWidth, window.innerHeight),
    });
    return 'sent';
  }

  /**
   * IntentEffects: shows the 3-D Secure dialog, if its page is one the widget may load. The session's
   * schema checked the URL on receipt (`k.url()`, `isSafeUrl`): an unsafe one arrives as null.
   */
  #openChallenge(nextAction: ClientNextAction): void {
    if (!nextAction.url) {
      // The frame stays: it records the abandon below.
      this.#stop(integrationErrors.unsafeUrl('challenge URL'));
      // No challenge can be shown: record the abandon, which frees the intent and settles confirm().
      queueMicrotask(() => this.#intent.challengeClosed());
      return;
    }
    // The issuer's page speaks the customer's language too. Only a query parameter is added to a
    // URL the schema found safe, so it stays one (and isSafeUrl checks it again at render).
    const url = new URL(nextAction.url);
    url.searchParams.set('locale', this.#lang);
    this.challenge = { url: url.href, windowSize: nextAction.windowSize };
    this.#announce(this.#t.challengeOpened);
  }

  /** IntentEffects: hides the 3-D Secure dialog. */
  #closeChallenge(): void {
    this.challenge = null;
  }

  /** The strings in the customer's language, with the merchant's `messages` winning per entry. */
  get #t(): Translation {
    if (this.#translation?.for !== this.messages) {
      this.#translation = { for: this.messages, t: translate(this.messages, this.#spoken?.catalogue, this.#spoken?.locale) };
    }
    return this.#translation.t;
  }

  /** The language the text is in (`lang`): English until the frame has said otherwise. */
  get #lang(): string {
    return this.#spoken?.locale ?? 'en';
  }

  /**
   * The locale money, dates and country names are formatted in: the one the frame resolved, which
   * it says before it relays the session. Never the input itself: a malformed tag (`en-a`) would
   * throw a RangeError in `Intl`, and the frame checks it (frame-locale.ts).
   */
  get #resolvedLocale(): string {
    return this.#spoken?.intl ?? navigator.language;
  }

  /**
   * The frame's `locale`: its host strings are checked key by key against English (a damaged or
   * stale catalogue degrades string by string), then rendered; `messages` still win per entry.
   */
  #handleLocale({ locale, requested, checkout }: Extract<FrameMessage, { type: 'locale' }>): void {
    // English comes without strings: the fallback makes all of them English.
    this.#spoken = { catalogue: withEnglishFallback(EN_CHECKOUT, checkout), locale, intl: requested };
    this.#translation = undefined;
    this.requestUpdate();
  }

  #requirements(session: ClientPublicSession | null) {
    return requirementsFor(session, this.fields);
  }

  /** The region of the language resolved (the session's `pt-BR` → BR), else of the browser's. */
  #initialBilling(session: ClientPublicSession | null): BillingValues {
    const country = defaultCountry(this.#resolvedLocale) || defaultCountry(navigator.language);
    return { ...emptyBilling(country), email: session?.customerEmail ?? '' };
  }

  /** (Re)starts everything for the current client secret: a new session run and a new frame. Owns every per-session field. */
  #startSession(): void {
    this.#frame.close();
    this.#extraBilling = {};
    this.stopError = null;
    this.challenge = null;
    this.#readyFired = false;
    this.#lastChange = '';
    this.#refused = {};
    this.billing = this.#startBilling = this.#initialBilling(null);
    this.#prefilledFor = undefined;
    this.touched = new Set();
    // No secret (not set yet, or removed): no session, so nothing of the previous one stays up.
    if (!this.clientSecret) return this.#intent.reset();
    this.#intent.reset();
    const apiBase = this.apiBase.replace(/\/+$/, '');
    const origin = originOf(apiBase);
    const sessionId = sessionIdOf(this.clientSecret);
    // Below the browser floor, or no API origin, or no session in the secret: the error view, and
    // no request, no card frame.
    const refused = !browserSupported()
      ? integrationErrors.unsupportedBrowser()
      : !origin
        ? integrationErrors.missingApiBase()
        : !sessionId && integrationErrors.invalidClientSecret(this.clientSecret);
    if (refused) return this.#stop(refused);
    // The frame and the session's first read start together: the read waits in the frame
    // controller for the frame's `ready`, so the mount is one chain, not two in a row.
    this.#frame.open({ origin: origin!, apiBase, sessionId: sessionId!, clientSecret: this.clientSecret, loadTimeoutMs: this.frameTimeout });
    this.#intent.start({ sessionId: sessionId!, reader: this.#frame });
    // Name the countries while the frame and the session are on the network (after this update has
    // made the iframe), so the form's render does not wait for it.
    setTimeout(() => countryOptions(this.#resolvedLocale));
  }

  /** Shows the error view for what stopped the checkout, and reports it (`xpay-error`); the first one wins. */
  #stop(error: XpayError): void {
    if (this.stopError) return;
    this.stopError = error;
    this.#intent.reportError(error);
  }

  #maybeFireReady(): void {
    if (this.#readyFired || !this.#intent.session || this.stopError) return;
    const formShown = this.#intent.step !== 'done';
    if (formShown && !this.#frame.state.ready) return;
    this.#readyFired = true;
    /** @ignore The class header's `@fires` documents it (cem would list this call as a nameless event). */
    this.dispatchEvent(new XpayReadyEvent({ status: this.status, sessionId: this.#intent.session.id }));
    this.#intent.watchWhileIdle();
  }

  #maybeFireChange(): void {
    const session = this.#intent.session;
    const frame = this.#frame.state;
    if (!session || !frame.ready) return;
    const req = this.#requirements(session);
    const visible = this.#visibleBillingErrors(session);
    const errors: FormErrors = { ...frame.errors };
    if (visible.email) errors.email = visible.email;
    if (visible.phone) errors.phone = visible.phone;
    const address = visible.line1 ?? visible.city ?? visible.postalCode ?? visible.country;
    if (address) errors.address = address;
    const detail: XpayChangeDetail = {
      complete: this.complete,
      empty: frame.empty && isBillingEmpty(this.billing, req),
      brand: frame.brand,
      errors,
    };
    const key = JSON.stringify(detail);
    if (key === this.#lastChange) return;
    const first = this.#lastChange === '';
    this.#lastChange = key;
    // The initial empty state is not a change; `complete` and friends are readable properties.
    if (first) return;
    /** @ignore The class header's `@fires` documents it (cem would list this call as an event named "detail"). */
    this.dispatchEvent(new XpayChangeEvent(detail));
  }

  #visibleBillingErrors(session: ClientPublicSession | null) {
    const all = { ...this.#refused, ...validateBilling(this.billing, this.#requirements(session)) };
    return Object.fromEntries(Object.entries(all).filter(([f]) => this.touched.has(f as BillingField)));
  }

  /**
   * A status view (succeeded, processing, expired…) replacing the form keeps the form's height, so
   * the merchant's content below the element does not move (issue #9: no layout shift); the form
   * coming back lets go. Read before this render, while the form is still laid out.
   */
  #holdHeight(): void {
    const status = this.status;
    const formShown = FORM_STATUSES.includes(status);
    if (formShown === this.#formShown) return;
    this.#formShown = formShown;
    const box = this.renderRoot?.querySelector<HTMLElement>('.checkout');
    // Not for the error view: what stopped the checkout matters more than the page below it.
    box?.style.setProperty('min-block-size', formShown || status === 'error' ? null : `${box.offsetHeight}px`);
  }

  /** Tells screen-reader users about each change of status and each decline, once. */
  #maybeAnnounce(): void {
    const status = this.status;
    const decline = this.#intent.lastDecline;
    const before = this.#announced;
    if (status === before.status && decline === before.decline) return;
    this.#announced = { status, decline };
    const t = this.#t;
    const session = this.#intent.session;
    if (decline && decline !== before.decline) {
      this.#announce(`${t.declinedTitle}. ${declineMessage(t, decline.code, decline.declineCode)}`);
      return;
    }
    if (status === before.status) return;
    const text: Partial<Record<CheckoutStatus, string>> = {
      processing: t.processingTitle,
      succeeded: session ? `${t.succeededTitle}. ${outcomeDetail(t, 'succeededDetail', this.#outcomeFacts(session))}` : t.succeededTitle,
      requires_capture: t.authorisedTitle,
      canceled: t.canceledTitle,
      expired: t.expiredTitle,
      error: t.errorTitle,
    };
    const message = text[status];
    if (message) this.#announce(message);
  }

  #announce(text: string): void {
    // Clearing first makes a repeated message (a second identical decline) announced again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** The single submit path: pay button, Enter in the frame, `confirm()`. */
  #requestSubmit(): Promise<ConfirmResult> {
    const session = this.#intent.session;
    if (session && !this.busy && this.#intent.step === 'ready' && !this.complete) {
      this.touched = new Set(Object.keys(this.billing) as BillingField[]);
      this.#frame.post({ type: 'focus' }); // the frame shows its errors and focuses the first one
      return Promise.resolve({ status: 'not_submitted', ...(this.paymentIntent ? { paymentIntent: this.paymentIntent } : {}) });
    }
    return this.#intent.submit();
  }

  /** The frame's answer to the confirm in flight. */
  #handleResult(result: FrameResult): void {
    this.#intent.confirmResolved(result.ok ? result : { ...result, error: this.#placeRefusal(result.error) });
  }

  /**
   * A 400 that names a `param` is never silent (issue 8 §9): shown under the input it names, which
   * gets focus; or, when this form does not render that input, turned into an integration error
   * (`xpay-error`) and a notice above the form.
   */
  #placeRefusal(error: XpayError): XpayError {
    const { param } = error;
    const session = this.#intent.session;
    if (error.type !== 'validation_error' || !param || !session) return error;
    const refused = refusedField(param, this.#requirements(session));
    // Not rendered: shown above the form like a refusal (REFUSAL_NOTICE_CODES), and an xpay-error.
    if (!refused) return integrationErrors.paramNotRendered(param, error.message);
    const [field, code] = refused;
    this.#refused = { [field]: code };
    this.touched = new Set([...this.touched, field]);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[name=${field}]`)?.focus());
    return error;
  }

  #handleFormSubmit(event: Event): void {
    event.preventDefault();
    if (this.busy) return;
    void this.#requestSubmit();
  }

  #handleChallengeCancel(): void {
    this.challenge = null;
    this.#intent.challengeClosed();
  }

  #handleChallengeDone(): void {
    this.#intent.challengeDone();
  }

  #handleSucceeded = (event: Event): void => {
    if (event.target !== this || this.redirect !== 'on_success') return;
    const session = this.#intent.session;
    if (!session) return;
    // The payment succeeded whatever happens here: a URL the schema refused (null) keeps the succeeded view.
    if (!session.successUrl) return this.#intent.reportError(integrationErrors.unsafeUrl('successUrl'));
    const url = new URL(session.successUrl);
    url.searchParams.set('session_id', session.id);
    location.assign(url.href);
  };

  #outcomeFacts(session: ClientPublicSession): OutcomeFacts {
    const pi = session.paymentIntent;
    const t = this.#t;
    return {
      amount: formatMoney(pi?.amount ?? session.amountTotal, pi?.currency ?? session.currency, this.#resolvedLocale),
      card: pi?.card ? fill(t, 'cardDescription', { brand: brandName(t, pi.card.brand), last4: pi.card.last4 }) : null,
      reference: pi?.id ?? null,
    };
  }

  #renderError(error: XpayError) {
    return errorView(this.#t, error, this.#intent.session?.livemode !== true, () => this.#startSession());
  }

  /**
   * The form, with the card frame in it. Rendered from the start of a session, before its view
   * arrives, because the frame is what reads it; outside the form's statuses it stays mounted but
   * parked (invisible, no height), so the frame keeps the session's calls going and what the
   * customer typed survives a round trip through a status view.
   */
  #renderForm(session: ClientPublicSession | null, shown: boolean) {
    const t = this.#t;
    const busy = this.busy;
    const decline = this.#intent.lastDecline;
    return html`
      ${shown && decline ? declinedNotice(t, declineMessage(t, decline.code, decline.declineCode)) : nothing}
      ${shown && this.#intent.actionElsewhere
        ? html`<p class="notice" role="status">${t.actionElsewhere}</p>`
        : nothing}
      <form part="form" class=${shown ? '' : 'parked'} novalidate @submit=${this.#handleFormSubmit} aria-busy=${busy}>
        ${fieldsView({
              t,
              // By code while the session loads (the text is hidden then): naming them is the slowest
              // step of a render (countries.ts), and the card frame's creation waits on this first one.
              countries: session ? countryOptions(this.#resolvedLocale) : UNNAMED_COUNTRY_OPTIONS,
              req: this.#requirements(session),
              values: this.billing,
              errors: this.#visibleBillingErrors(session),
              disabled: busy,
              // Typing replaces a value; leaving a field shows its errors from then on (`touched`).
              onInput: (field, value) => {
                this.billing = { ...this.billing, [field]: value };
                // The API's verdict was on the old value.
                this.#refused = {};
              },
              onBlur: (field) => {
                if (!this.touched.has(field)) this.touched = new Set([...this.touched, field]);
              },
            })}
        <fieldset class="group">
          <legend class="group__title">${t.cardHeading}</legend>
          <div class="card-frame-slot"></div>
        </fieldset>
        ${this.hidePayButton
          ? nothing
          : !session
            ? html`<div class="skeleton skeleton--button"></div>`
            : html`<button
              part="submit-button"
              class="button button--primary pay"
              type="submit"
              aria-disabled=${busy}
            >
              ${busy
                ? html`<span aria-hidden="true">${icons.spinner}</span>${t.paying}`
                : fill(t, 'pay', { amount: formatMoney(session.amountTotal, session.currency, this.#resolvedLocale) })}
            </button>`}
        <p class="secure"><span aria-hidden="true">${icons.lock}</span>${t.secureNote}</p>
      </form>
    `;
  }

  /** The view for a status without the form: loading, error or an outcome. */
  #renderStatus(status: CheckoutStatus) {
    const session = this.#intent.session;
    const t = this.#t;
    switch (status) {
      case 'loading':
        // What loads is drawn in place (summary, fields, button): only a screen reader needs saying so.
        return html`<p class="visually-hidden">${t.loading}</p>`;
      case 'error':
        return this.#renderError(this.stopError ?? this.#intent.loadError ?? integrationErrors.missingApiBase());
      case 'succeeded':
        return succeededView(t, this.#outcomeFacts(session!));
      case 'requires_capture':
        return authorisedView(t, this.#outcomeFacts(session!));
      case 'canceled':
        return canceledView(t);
      case 'expired':
        return expiredView(t);
      case 'processing':
        return processingView(t);
      default:
        return nothing;
    }
  }

  // The return type is spelled out so the emitted .d.ts names `lit`, not `lit-html` (pnpm installs).
  protected override render(): TemplateResult {
    const session = this.#intent.session;
    const status = this.status;
    const formShown = FORM_STATUSES.includes(status);
    const lang = this.#lang;
    const dir = dirOf(lang);
    return html`
      <div class="checkout" lang=${lang} dir=${dir} aria-busy=${status === 'loading'}>
        ${status === 'loading' || (session && status !== 'error') ? summaryView(this.#t, session, this.summary, this.#resolvedLocale) : nothing}
        ${formShown && status !== 'loading' ? nothing : this.#renderStatus(status)}
        ${this.#frame.src ? this.#renderForm(session, formShown) : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" lang=${lang} dir=${dir}>${this.announcement}</div>
      <xpay-challenge
        lang=${lang}
        dir=${dir}
        exportparts="challenge, challenge-frame"
        .messages=${this.#t}
        .url=${this.challenge?.url ?? ''}
        .windowSize=${this.challenge?.windowSize ?? '02'}
        ?open=${this.challenge !== null}
        @xpay-challenge-cancel=${this.#handleChallengeCancel}
        @xpay-challenge-done=${this.#handleChallengeDone}
      ></xpay-challenge>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'xpay-checkout': XpayCheckout;
  }
}
