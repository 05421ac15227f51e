import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey } from '../api/paths.js';
import { isConfirmOutcomeUnknown, type XpayError } from '../api/errors.js';
import type { ClientNextAction, ClientPublicSession } from '../api/schemas.js';
import {
  confirmResult,
  initialIntentContext,
  isActionElsewhere,
  isBusy,
  outcomeOf,
  reduce,
  statusOf,
  summarizeIntent,
} from '../state/intent.machine.js';
import type {
  CheckoutStatus,
  ConfirmResult,
  IntentContext,
  IntentEffect,
  IntentInput,
  IntentNotification,
  PaymentIntentSummary,
} from '../state/intent.types.js';
import {
  XpayDeclinedEvent,
  XpayErrorEvent,
  XpayStatusChangeEvent,
  XpaySucceededEvent,
} from '../events/events.js';
import { recordConfirm, releaseConfirm, sentBeforeReload } from './confirm-owner.js';
import type { SessionReader } from './session-reader.js';

export type { ConfirmResult };

/** The element the controller serves: it re-renders it and dispatches the public events on it. */
export type IntentHost = ReactiveControllerHost & HTMLElement;

/**
 * What the controller asks the element to do, passed in at construction rather than called as
 * methods of the element: they stay `#private` there, out of its public API, its .d.ts and the
 * manifest (a merchant calling them would skip the state machine and could drop a result).
 */
export interface IntentEffects {
  /** Send the card frame a confirm with this key (after `beforeSubmit` and the form checks). */
  startConfirm(idempotencyKey: string): Promise<'sent' | { refused: XpayError | undefined }>;
  /** Show the 3-D Secure dialog for this action (its `url` is checked there, at the point of use). */
  openChallenge(nextAction: ClientNextAction): void;
  /** Hide the 3-D Secure dialog. */
  closeChallenge(): void;
}

/** The session to run: its id (from the client secret) and what reads it (the card frame). */
export interface SessionConfig {
  sessionId: string;
  reader: SessionReader;
}

/**
 * Runs the pure intent machine (src/state) against the real session API for one `<xpay-checkout>`:
 * feeds it server views and customer actions, runs the effects it asks for (reads, the long-poll,
 * abandon, the dialog) and turns its notifications into the public DOM events. Like `@lit/task`,
 * each session run has one `AbortController`; starting a new session aborts the old one, so late
 * replies of a swapped session can never land.
 */
export class IntentController implements ReactiveController {
  // Internal state is `#private`: the minifier shortens those names (the CDN bundle has a budget).
  /** The machine's context; read through the getters below. */
  #ctx: IntentContext = initialIntentContext();
  // Left undefined rather than initialised to null: the constructor (and the CDN bundle) stays shorter.
  #reader: SessionReader | undefined;
  #run = new AbortController();
  #poll: AbortController | undefined;
  #watch: AbortController | undefined;
  #watchWanted = false;
  #waiters: ((result: ConfirmResult) => void)[] = [];
  #deadline: ReturnType<typeof setTimeout> | undefined;
  #sessionId = '';
  #sentKey: string | undefined;
  readonly #host: IntentHost;
  readonly #effects: IntentEffects;

  constructor(host: IntentHost, effects: IntentEffects) {
    this.#host = host;
    this.#effects = effects;
    host.addController(this);
  }

  /** Public status: server status, `loading` or `error`. */
  get status(): CheckoutStatus {
    return statusOf(this.#ctx);
  }
  /** A payment attempt is under way (submitting, challenge open, outcome pending). */
  get busy(): boolean {
    return isBusy(this.#ctx);
  }
  /** The machine's step, for rendering. */
  get step(): IntentContext['step'] {
    return this.#ctx.step;
  }
  /** The newest session view, or null before the first read. */
  get session(): ClientPublicSession | null {
    return this.#ctx.session;
  }
  /** The intent as the host page may see it. */
  get paymentIntent(): PaymentIntentSummary | null {
    return summarizeIntent(this.#ctx.session?.paymentIntent);
  }
  /** The error that stopped the session from loading, if any. */
  get loadError(): XpayError | null {
    return this.#ctx.loadError;
  }
  /** The last decline, failed authentication or too-many-attempts refusal, shown above the form until the next attempt. */
  get lastDecline(): XpayError | null {
    return this.#ctx.decline;
  }
  /** Another window is in this session's 3-D Secure challenge: the form waits, disabled, for its outcome. */
  get actionElsewhere(): boolean {
    return isActionElsewhere(this.#ctx);
  }

  /** Starts (or restarts, on a new client secret) the session: aborts the old run and reads the new one. */
  start(config: SessionConfig): void {
    this.reset();
    this.#sessionId = config.sessionId;
    this.#ctx = initialIntentContext(sentBeforeReload(this.#sessionId));
    this.#run = new AbortController();
    this.#reader = config.reader;
    void this.#read(0);
  }

  /** Forgets the session (its client secret was removed): aborts everything, back to no session. */
  reset(): void {
    this.stop();
    this.#ctx = initialIntentContext();
    this.#host.requestUpdate();
  }

  /** Aborts everything in flight; pending `confirm()` calls resolve as `unknown`. */
  stop(): void {
    this.#run.abort();
    this.#poll?.abort();
    this.#poll = undefined;
    this.#watchWanted = false;
    this.#syncIdleWatch();
    this.#reader = undefined;
    clearTimeout(this.#deadline);
    releaseConfirm(this.#sentKey);
    this.#sentKey = undefined;
    this.#settleWaiters({ status: 'unknown' });
  }

  /** The customer (or `confirm()`) asks to pay. Resolves once the outcome is known. */
  submit(): Promise<ConfirmResult> {
    const result = new Promise<ConfirmResult>((resolve) => this.#waiters.push(resolve));
    const applied = this.#send({ type: 'submit' });
    // Not allowed now: a second submit while this widget's attempt is in flight shares its outcome
    // (one request); otherwise (idle, or another window's payment under way) answer with where we are.
    if (!applied && !this.#ctx.attempting) this.#settleWaiters(this.#currentResult());
    return result;
  }

  /** Re-reads the session (amount changed server-side, or retry after an error). */
  refresh(): void {
    // Ignored while loading: the read in flight is the fresh one.
    this.#send({ type: 'refresh' });
  }

  /** The frame answered the confirm. */
  confirmResolved(result: { ok: true; session: ClientPublicSession } | { ok: false; error: XpayError; paymentIntent?: ClientPublicSession['paymentIntent']; session?: ClientPublicSession }): void {
    if (result.ok) {
      this.#send({ type: 'session', session: result.session, via: 'confirm' });
      return;
    }
    const { error, paymentIntent } = result;
    this.#send({ type: 'confirmFailed', error, outcomeUnknown: isConfirmOutcomeUnknown(error), paymentIntent });
  }

  /** The frame's result was dropped unread (malformed or oversized): learn the outcome from the session. */
  confirmLost(): void {
    this.#send({ type: 'confirmLost' });
  }

  /** The network may be back (`online`, the tab shown): read now rather than at the end of a backoff. */
  reconnect(): void {
    this.#send({ type: 'reconnect' });
  }

  /** The ACS signalled it is done: re-read (the message is never the outcome). */
  challengeDone(): void {
    this.#send({ type: 'challengeDone' });
  }

  /** The customer closed the challenge. */
  challengeClosed(): void {
    this.#send({ type: 'challengeClosed' });
  }

  hostConnected(): void {
    addEventListener('online', this.#handleOnline);
    document.addEventListener('visibilitychange', this.#handleOnline);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#handleOnline);
    document.removeEventListener('visibilitychange', this.#handleOnline);
    this.stop();
  }

  #handleOnline = (): void => {
    if (document.visibilityState === 'visible') this.reconnect();
  };

  /**
   * Follow the session while the form sits idle (the element turns this on once `xpay-ready` has
   * fired, so it never adds to the requests of mounting). Without it, a change made elsewhere —
   * the merchant expiring the session, a new amount — would show only at the customer's next action.
   */
  watchWhileIdle(): void {
    this.#watchWanted = true;
    this.#syncIdleWatch();
  }

  /** Feeds the machine one input; returns whether it was applied. */
  #send(input: IntentInput): boolean {
    const result = reduce(this.#ctx, input);
    if (result.ignored) return false;
    this.#ctx = result.context;
    if (this.#ctx.step !== 'submitting') clearTimeout(this.#deadline);
    for (const n of result.notifications) this.#notify(n);
    for (const e of result.effects) this.#execute(e);
    this.#syncIdleWatch();
    this.#host.requestUpdate();
    return true;
  }

  /** Runs the idle watch exactly while it is wanted and the form is idle on an open session. */
  #syncIdleWatch(): void {
    const idle = this.#watchWanted && this.#reader !== undefined && this.#ctx.step === 'ready' && this.#ctx.session?.status === 'open';
    if (idle && !this.#watch) void this.#watchIdle();
    if (!idle && this.#watch) {
      this.#watch.abort();
      this.#watch = undefined;
    }
  }

  /**
   * The idle watch: one long-poll after another on the current version. Any newer view goes to the
   * machine as a read. The machine's own long-poll takes over while a payment is in flight (the
   * step then leaves `ready` and this loop is aborted), so there is never more than one poll.
   */
  async #watchIdle(): Promise<void> {
    const reader = this.#reader!;
    // stop() aborts the watch with the run, so its own signal covers both. Whoever aborts it also
    // clears #watch (#syncIdleWatch), so the loop leaves nothing to tidy up.
    const { signal } = (this.#watch = new AbortController());
    let failures = 0;
    while (!signal.aborted) {
      const reply = await reader.read('wait', { since: this.#ctx.session?.version ?? 0, signal });
      if (signal.aborted) break;
      if (reply.ok) {
        failures = 0;
        // Unaborted means still `ready` (any other step aborts the watch), where the machine
        // ignores a view that is not newer.
        this.#send({ type: 'session', session: reply.session, via: 'read' });
      } else {
        // A background watch: its failures are not the customer's (the next action reports any
        // real trouble); back off so a broken network is not hammered.
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(60_000, 1000 * 2 ** failures)));
      }
    }
  }

  #notify(n: IntentNotification): void {
    switch (n.type) {
      case 'statusChanged': {
        const { type, ...detail } = n;
        this.#host.dispatchEvent(new XpayStatusChangeEvent(detail));
        break;
      }
      case 'declined': {
        const { type, ...detail } = n;
        this.#host.dispatchEvent(new XpayDeclinedEvent(detail));
        break;
      }
      case 'succeeded': {
        const { type, ...detail } = n;
        this.#host.dispatchEvent(new XpaySucceededEvent(detail));
        break;
      }
      case 'error':
        this.reportError(n.error);
        break;
      case 'confirmSettled':
        this.#settleWaiters(n.result);
        break;
    }
  }

  /** Fires `xpay-error`; in test mode also tells the developer on the console (never a secret). */
  reportError(error: XpayError): void {
    this.#host.dispatchEvent(new XpayErrorEvent({ error }));
    if (this.#ctx.session?.livemode !== true && (error.type === 'integration_error' || error.type === 'network_error')) {
      console.warn(`[xpay-checkout] ${error.code}: ${error.message}`);
    }
  }

  #execute(effect: IntentEffect): void {
    switch (effect.type) {
      case 'confirm':
        void this.#confirm(effect.deadlineMs);
        break;
      case 'reread':
        void this.#read(effect.delayMs);
        break;
      case 'longPoll':
        void this.#longPoll(effect.sinceVersion);
        break;
      case 'stopPolling':
        this.#poll?.abort();
        this.#poll = undefined;
        break;
      case 'openChallenge':
        this.#effects.openChallenge(effect.nextAction);
        break;
      case 'closeChallenge':
        this.#effects.closeChallenge();
        break;
      case 'abandonAction':
        void this.#abandon();
        break;
    }
  }

  async #confirm(deadlineMs: number): Promise<void> {
    const run = this.#run;
    // One key per customer action: the frame reuses it on every retry of this confirm. Not
    // crypto.randomUUID(), which is missing on non-secure (plain http) merchant pages.
    const key = newIdempotencyKey();
    const sent = await this.#effects.startConfirm(key);
    if (run.signal.aborted) return;
    if (sent !== 'sent') return void this.#send({ type: 'submitCanceled', error: sent.refused });
    releaseConfirm(this.#sentKey);
    recordConfirm(this.#sessionId, (this.#sentKey = key));
    // Armed only once sent (beforeSubmit may take its time); #send clears it when the step moves on.
    if (this.#ctx.step === 'submitting') this.#deadline = setTimeout(() => this.confirmLost(), deadlineMs);
  }

  async #read(delayMs: number): Promise<void> {
    const reader = this.#reader;
    const { signal } = this.#run;
    if (!reader) return;
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (signal.aborted) return;
    const reply = await reader.read('get', { signal });
    if (!signal.aborted) this.#send(reply.ok ? { type: 'session', session: reply.session, via: 'read' } : { type: 'readFailed', error: reply.error });
  }

  async #longPoll(sinceVersion: number): Promise<void> {
    const reader = this.#reader;
    if (!reader) return;
    // The latest long-poll wins: an older one is aborted, its reply never lands. stop() aborts the
    // current one with the run, so its own signal covers both. A finished poll may stay in #poll:
    // aborting it later changes nothing.
    this.#poll?.abort();
    const { signal } = (this.#poll = new AbortController());
    const reply = await reader.read('wait', { since: sinceVersion, signal });
    if (!signal.aborted) this.#send(reply.ok ? { type: 'session', session: reply.session, via: 'poll' } : { type: 'readFailed', error: reply.error });
  }

  async #abandon(): Promise<void> {
    const reader = this.#reader;
    const { signal } = this.#run;
    if (!reader) return;
    const reply = await reader.read('abandon', { signal });
    if (signal.aborted) return;
    if (reply.ok) return void this.#send({ type: 'session', session: reply.session, via: 'abandon' });
    // The abandon may or may not have been recorded: the session tells us which.
    if (!isConfirmOutcomeUnknown(reply.error)) this.reportError(reply.error);
    this.#send({ type: 'refresh' });
  }

  #currentResult(): ConfirmResult {
    const status = this.status;
    return confirmResult(status === 'loading' || status === 'error' ? 'not_submitted' : outcomeOf(status), this.paymentIntent);
  }

  #settleWaiters(result: ConfirmResult): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve(result);
  }
}
