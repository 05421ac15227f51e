import type { IntentStatus } from '../api/enums.js';
import type { XpayError } from '../api/errors.js';
import type { ClientPublicIntent, ClientPublicSession } from '../api/schemas.js';

/**
 * Local steps of the checkout, merged with the server's status. The server is the source of truth
 * for *what* happened; the step says what the widget is doing about it.
 *
 * - `loading`: first read of the session in flight.
 * - `ready`: the form is usable (the intent, if any, is `requires_payment_method`).
 * - `submitting`: a confirm is in flight (from the pay button, Enter in the frame or `confirm()`).
 * - `challenge`: the 3-D Secure challenge dialog is open.
 * - `waiting`: the outcome is not known yet (processing, a lost confirm reply, an abandoned
 *   challenge being recorded): the widget re-reads / long-polls the session.
 * - `done`: a terminal outcome was reported (succeeded, authorised, canceled, expired); nothing
 *   moves it back.
 * - `error`: the session could not be loaded (integration or network trouble).
 */
export const INTENT_STEPS = ['loading', 'ready', 'submitting', 'challenge', 'waiting', 'done', 'error'] as const;
export type IntentStep = (typeof INTENT_STEPS)[number];

/** Steps during which a payment attempt is under way, so another submit is ignored. */
export const BUSY_STEPS = ['submitting', 'challenge', 'waiting'] as const satisfies readonly IntentStep[];

/** The server's status as the host page sees it: the intent status, or the session's `expired`. */
export type ServerStatus = IntentStatus | 'expired';

/** The public `status` of `<xpay-checkout>`: the server status plus the local `loading` and `error`. */
export type CheckoutStatus = ServerStatus | 'loading' | 'error';

/** What `confirm()` resolves with (issue 3 §8). */
export const CONFIRM_OUTCOMES = [
  'succeeded',
  'requires_capture',
  'processing',
  'requires_payment_method',
  'expired',
  'canceled',
  'not_submitted',
  'unknown',
] as const;
export type ConfirmOutcome = (typeof CONFIRM_OUTCOMES)[number];

/** What `confirm()` resolves with (issue 3 §8). */
export interface ConfirmResult {
  status: ConfirmOutcome;
  paymentIntent?: PaymentIntentSummary;
  error?: XpayError;
}

/** What the host page may know about the session's intent (the `paymentIntent` of event details). */
export interface PaymentIntentSummary {
  id: string;
  status: ClientPublicIntent['status'];
  /** In the currency's minor unit. */
  amount: number;
  currency: string;
  lastPaymentError?: { type: string; code: string; declineCode?: string; message: string };
}

/**
 * What the controller tells the machine. Server replies all arrive as `session`, whatever asked for
 * them (`via`), and are ordered by the session's monotonic `version`, not by arrival.
 */
export type IntentInput =
  | { type: 'session'; session: ClientPublicSession; via: 'read' | 'poll' | 'confirm' | 'abandon' }
  /** A read or long-poll failed after the client's own retries. */
  | { type: 'readFailed'; error: XpayError }
  /** The customer asked to pay (button, Enter in the frame, `confirm()`). */
  | { type: 'submit' }
  /** `beforeSubmit` refused or the form was incomplete: nothing was sent. */
  | { type: 'submitCanceled'; error?: XpayError }
  /** The card frame's confirm failed; `outcomeUnknown` from `isConfirmOutcomeUnknown()` (timeout, lost reply, 409, 5xx…). */
  | { type: 'confirmFailed'; error: XpayError; outcomeUnknown: boolean; paymentIntent?: ClientPublicIntent | null }
  /** The ACS posted `challenge_done`: only a signal to re-read, never the outcome. */
  | { type: 'challengeDone' }
  /** The customer closed the challenge dialog: record the abandon with the API. */
  | { type: 'challengeClosed' }
  /** Re-read the session now (`refresh()`, a failed abandon call, a retry from the error view). */
  | { type: 'refresh' }
  /**
   * The confirm's result will not arrive: the frame's message was dropped (malformed, oversized) or
   * the submit deadline passed. The outcome is unknown, never failed: re-read the session.
   */
  | { type: 'confirmLost' }
  /** The network may be back (`online`, the tab shown, a scheduled retry): read again now. */
  | { type: 'reconnect' };

/**
 * The events of the transition table. Server sessions are classified into `open` … `idle` first
 * (see `classifySession`), so the table stays plain data: step × event → step.
 */
export const INTENT_EVENT_TYPES = [
  // from the server's session
  'open',
  'declined',
  'action',
  'pending',
  'final',
  'unchanged',
  'idle',
  'noOutcome',
  'elsewhere',
  // from the controller
  'readFailed',
  'submit',
  'submitCanceled',
  'confirmDeclined',
  'confirmRejected',
  'confirmUnknown',
  'challengeDone',
  'challengeClosed',
  'refresh',
  'reconnect',
] as const;
export type IntentEventType = (typeof INTENT_EVENT_TYPES)[number];

/** Work for the controller to do (I/O, dialogs); the machine never does it itself. */
export type IntentEffect =
  /**
   * Ask the card frame to confirm (run `beforeSubmit` first; one idempotency key per submit). Once
   * sent, a result that has not arrived after `deadlineMs` is lost: send `confirmLost`.
   */
  | { type: 'confirm'; deadlineMs: number }
  /** Read the session's public view; after failures, wait `delayMs` first. */
  | { type: 'reread'; delayMs: number }
  /** Long-poll `…/public?wait=…&since=<sinceVersion>`; one at a time, the latest wins. */
  | { type: 'longPoll'; sinceVersion: number }
  /** Stop any running long-poll (the outcome is known). */
  | { type: 'stopPolling' }
  /** Show the 3-D Secure dialog (its `windowSize` may be 'unknown' from a newer API: fall back to 02). */
  | { type: 'openChallenge'; nextAction: ClientNextAction }
  | { type: 'closeChallenge' }
  /** `POST …/abandon_action`, then send its session with `via: 'abandon'` (or `refresh` on failure). */
  | { type: 'abandonAction' };

type ClientNextAction = NonNullable<ClientPublicIntent['nextAction']>;

/**
 * Things that happened, in order, for the host page. Each maps one-to-one to a DOM event (except
 * `confirmSettled`, which resolves the pending `confirm()` promise).
 */
export type IntentNotification =
  /** `xpay-status-change`: exactly once per change of the server status, in order. */
  | {
      type: 'statusChanged';
      status: ServerStatus;
      previousStatus: ServerStatus | null;
      paymentIntent: PaymentIntentSummary | null;
    }
  /** `xpay-declined`: a decline or failed/abandoned 3-D Secure; retryable. */
  | { type: 'declined'; error: XpayError; paymentIntent: PaymentIntentSummary | null }
  /** `xpay-succeeded`: `succeeded` or `requires_capture`, once per session. */
  | { type: 'succeeded'; sessionId: string; paymentIntent: PaymentIntentSummary; resumed: boolean }
  /** `xpay-error`: integration or network trouble. */
  | { type: 'error'; error: XpayError }
  /** The customer's attempt is resolved: resolve `confirm()` with this. */
  | { type: 'confirmSettled'; result: ConfirmResult };

/** The machine's whole state: the step, the last server view, and what has been reported. */
export interface IntentContext {
  step: IntentStep;
  /** The newest session view seen (by `version`); null until the first read. */
  session: ClientPublicSession | null;
  /** A customer's attempt is in flight, until its outcome is reported (resolves `confirm()`). */
  attempting: boolean;
  /** `xpay-succeeded` is once per session. */
  succeededReported: boolean;
  /** Consecutive failed reads, for the re-read backoff. */
  readFailures: number;
  /** The last decline (or too-many-attempts refusal), shown above the form until the next attempt. */
  decline: XpayError | null;
  /** Why the session could not be loaded; set exactly while the step is `error`. */
  loadError: XpayError | null;
  /**
   * This tab sent the confirm that led to the open challenge before a reload, so a challenge read
   * at load is its own to reopen. Without it (and without an attempt of this widget's), a challenge
   * belongs to another window: this one waits for it and never shows it.
   */
  resumesAction: boolean;
}

/** One step of the reducer: the next context, the work to do and what to tell the host page. */
export interface IntentResult {
  context: IntentContext;
  effects: IntentEffect[];
  notifications: IntentNotification[];
  /** The input was not allowed in this step (e.g. a second submit while busy) and changed nothing. */
  ignored: boolean;
}
