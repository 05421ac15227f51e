import { fromPaymentError, REFUSAL_NOTICE_CODES, type XpayError } from '../api/errors.js';
import type { ClientPublicIntent, ClientPublicSession } from '../api/schemas.js';
import {
  BUSY_STEPS,
  type CheckoutStatus,
  type ConfirmOutcome,
  type ConfirmResult,
  type IntentContext,
  type IntentEffect,
  type IntentEventType,
  type IntentInput,
  type IntentNotification,
  type IntentResult,
  type IntentStep,
  type PaymentIntentSummary,
  type ServerStatus,
} from './intent.types.js';

/**
 * The intent machine as data: step × event → next step. A missing entry means "not allowed here,
 * ignore it" (a second submit while busy, a stale read after the outcome). The type makes a wrong
 * target a compile error. Side effects are not here: `reduce()` derives them from the transition.
 */
/** The first read of a session, from `loading` or (retrying in the background) from `error`. */
const FIRST_READ = {
  open: 'ready',
  declined: 'ready',
  action: 'challenge', // reload during 3-D Secure: the challenge reopens
  elsewhere: 'waiting', // another window's challenge: follow it, never show it
  pending: 'waiting', // reload during processing: wait for it
  final: 'done', // reload after the outcome: show it, never confirm again
  readFailed: 'error',
} as const;

export const TRANSITIONS: Readonly<Record<IntentStep, Readonly<Partial<Record<IntentEventType, IntentStep>>>>> = {
  loading: FIRST_READ,
  ready: {
    submit: 'submitting',
    open: 'ready',
    declined: 'ready',
    action: 'challenge',
    elsewhere: 'waiting',
    pending: 'waiting',
    final: 'done', // e.g. expired elsewhere, learned on refresh()
    readFailed: 'ready',
    refresh: 'ready',
    reconnect: 'ready',
  },
  submitting: {
    submitCanceled: 'ready',
    confirmDeclined: 'ready',
    confirmRejected: 'ready',
    confirmUnknown: 'waiting', // timeout, lost reply, 409: re-read, never report a failure
    open: 'ready',
    declined: 'ready',
    action: 'challenge',
    pending: 'waiting',
    final: 'done',
    unchanged: 'waiting', // a reply older than what we know: learn the truth by reading
  },
  challenge: {
    action: 'challenge',
    declined: 'ready', // failed or abandoned authentication, or a decline after it
    open: 'ready',
    pending: 'waiting',
    final: 'done',
    unchanged: 'challenge',
    idle: 'challenge',
    readFailed: 'challenge',
    challengeDone: 'challenge', // only a signal: re-read, the message is not the outcome
    challengeClosed: 'waiting',
    refresh: 'challenge',
    reconnect: 'challenge',
  },
  waiting: {
    action: 'challenge',
    elsewhere: 'waiting',
    declined: 'ready',
    open: 'ready',
    pending: 'waiting',
    final: 'done',
    unchanged: 'waiting',
    idle: 'waiting',
    noOutcome: 'ready',
    readFailed: 'waiting',
    refresh: 'waiting',
    reconnect: 'waiting', // the network is back: read now, not at the end of the backoff
  },
  done: {}, // a terminal outcome is reported once and never contradicted
  // A transient failure keeps reading in the background (backoff, `online`, the tab shown) while
  // the error view and its Try again stay up; the first good read leaves as `loading` would.
  error: { ...FIRST_READ, readFailed: 'error', reconnect: 'error', refresh: 'loading' },
};

/** The table lookup: the next step, or `undefined` when the event is not allowed in this step. */
export function transition(step: IntentStep, event: { type: IntentEventType }): IntentStep | undefined {
  return TRANSITIONS[step][event.type];
}

/**
 * A fresh machine for one session (a new client secret starts a new one). `resumesAction`: this tab
 * sent the confirm of a challenge that may still be open (see {@link IntentContext.resumesAction}).
 */
export function initialIntentContext(resumesAction = false): IntentContext {
  return {
    step: 'loading',
    session: null,
    attempting: false,
    succeededReported: false,
    readFailures: 0,
    decline: null,
    loadError: null,
    resumesAction,
  };
}

/**
 * How long a sent confirm may go without a result before it is treated as lost. Longer than the
 * frame's own retries of a slow API normally take: firing early only costs a re-read.
 */
export const SUBMIT_DEADLINE_MS = 60_000;

/**
 * Another window (or another widget on this page) is in the 3-D Secure challenge of this session:
 * this one shows the form disabled with a notice and follows the long-poll until the outcome.
 */
export function isActionElsewhere(ctx: IntentContext): boolean {
  return ctx.step === 'waiting' && !ownsAction(ctx) && ctx.session?.paymentIntent?.nextAction?.type === 'three_ds_challenge';
}

/** A challenge is this widget's when it sent the confirm, or its tab did before a reload. */
function ownsAction(ctx: IntentContext): boolean {
  return ctx.attempting || ctx.resumesAction;
}

/** The public `status`: the server status once known, else `loading`; `error` when loading failed. */
export function statusOf(ctx: IntentContext): CheckoutStatus {
  if (ctx.step === 'error') return 'error';
  if (ctx.step === 'loading' || ctx.session === null) return 'loading';
  return serverStatusOf(ctx.session);
}

/** The public `busy`: an attempt is under way (submitting, challenge open, outcome pending). */
export function isBusy(ctx: IntentContext): boolean {
  return (BUSY_STEPS as readonly IntentStep[]).includes(ctx.step);
}

/**
 * The server's status as reported to the host page. No intent yet means the form is waiting for a
 * card (`requires_payment_method`). A status this version does not know falls back on what the
 * session says: a complete session is paid (`succeeded`); otherwise something we do not understand
 * is under way, read as `processing`: the widget waits and follows the long-poll until it knows.
 */
export function serverStatusOf(session: ClientPublicSession): ServerStatus {
  if (session.status === 'expired') return 'expired';
  const status = session.paymentIntent?.status ?? 'requires_payment_method';
  if (status === 'unknown') return session.status === 'complete' ? 'succeeded' : 'processing';
  return session.status === 'unknown' && status === 'requires_payment_method' ? 'processing' : status;
}

/** The host page's view of the intent (event details). */
export function summarizeIntent(intent: ClientPublicIntent | null | undefined): PaymentIntentSummary | null {
  if (!intent) return null;
  const summary: PaymentIntentSummary = {
    id: intent.id,
    status: intent.status,
    amount: intent.amount,
    currency: intent.currency,
  };
  const e = intent.lastPaymentError;
  if (e) {
    summary.lastPaymentError = { type: e.type, code: e.code, message: e.message };
    if (e.declineCode !== undefined) summary.lastPaymentError.declineCode = e.declineCode;
  }
  return summary;
}

const FINAL_INTENT_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'requires_capture', 'canceled']);
const IN_FLIGHT_STATUSES: ReadonlySet<string> = new Set(['requires_action', 'processing']);

/**
 * Turns a server session into a table event. `newer` is decided by `version` alone, so replies that
 * arrive out of order (a slow read overtaken by a long-poll) cannot move the widget backwards.
 */
function classifySession(
  ctx: IntentContext,
  session: ClientPublicSession,
  via: 'read' | 'poll' | 'confirm' | 'abandon',
): IntentEventType {
  if (!isNewer(ctx, session)) {
    if (via !== 'poll') return 'unchanged';
    // A long-poll window ended with nothing new. With a card-ready intent that means the attempt we
    // were waiting on left no trace: its outcome cannot be learned (`unknown`, not a failure).
    return ctx.session && serverStatusOf(ctx.session) === 'requires_payment_method' ? 'noOutcome' : 'idle';
  }
  const intent = session.paymentIntent;
  if (session.status === 'expired' || session.status === 'complete') return 'final';
  if (intent && FINAL_INTENT_STATUSES.has(intent.status)) return 'final';
  if (intent?.status === 'requires_action') {
    if (intent.nextAction?.type !== 'three_ds_challenge') return 'pending';
    return ownsAction(ctx) ? 'action' : 'elsewhere';
  }
  if (intent && intent.status !== 'requires_payment_method') return 'pending'; // processing, requires_confirmation, unknown
  if (session.status === 'unknown') return 'pending'; // a session state we do not know: keep reading
  return attemptOpen(ctx) && intent?.lastPaymentError ? 'declined' : 'open';
}

/** An attempt is open when this page submitted one, or the server shows one still in flight (after a reload). */
function attemptOpen(ctx: IntentContext): boolean {
  if (ctx.attempting) return true;
  const status = ctx.session?.paymentIntent?.status;
  return status !== undefined && IN_FLIGHT_STATUSES.has(status);
}

function inputEventType(input: Exclude<IntentInput, { type: 'session' }>): IntentEventType {
  if (input.type === 'confirmLost') return 'confirmUnknown';
  if (input.type !== 'confirmFailed') return input.type;
  if (input.error.type === 'card_error') return 'confirmDeclined';
  return input.outcomeUnknown ? 'confirmUnknown' : 'confirmRejected';
}

/** The longest pause between re-reads after failures (the client has already retried each read). */
const MAX_REREAD_DELAY_MS = 30_000;

function rereadDelay(failures: number): number {
  return failures <= 0 ? 0 : Math.min(MAX_REREAD_DELAY_MS, 1000 * 2 ** (failures - 1));
}

/**
 * The outcome `confirm()` resolves with for a server status: the status itself, except the steps an
 * attempt cannot end on (a challenge or a confirmation still due), whose outcome is not known yet.
 */
export function outcomeOf(status: ServerStatus): ConfirmOutcome {
  return status === 'requires_action' || status === 'requires_confirmation' ? 'unknown' : status;
}

/** What `confirm()` resolves with: `paymentIntent` and `error` only when there is one. */
export function confirmResult(status: ConfirmOutcome, paymentIntent: PaymentIntentSummary | null, error?: XpayError): ConfirmResult {
  const result: ConfirmResult = { status };
  if (paymentIntent) result.paymentIntent = paymentIntent;
  if (error) result.error = error;
  return result;
}

/**
 * The reducer: applies one input and returns the next context, the effects to run (in order) and
 * the notifications to fire (in order). Pure: same input, same output; no clock, no randomness.
 */
export function reduce(ctx: IntentContext, input: IntentInput): IntentResult {
  const session = input.type === 'session' ? input.session : null;
  // Another session's reply (a swapped client secret) never touches this one.
  if (session && ctx.session && session.id !== ctx.session.id) return ignored(ctx);
  // While submitting, the attempt's outcome comes with the confirm reply. A read answered now was
  // asked before the attempt (a quiet re-read after a decline, a refresh()): its lastPaymentError
  // is an earlier attempt's, and taken as this one's it would report a decline for a card that may
  // yet be charged, and drop the real reply.
  if (input.type === 'session' && ctx.step === 'submitting' && input.via !== 'confirm') return ignored(ctx);
  const event = input.type === 'session' ? classifySession(ctx, input.session, input.via) : inputEventType(input);
  const next = TRANSITIONS[ctx.step][event];
  // Every newer view is in each non-terminal step's table; a miss is a stale or idle reply.
  if (next === undefined) return ignored(ctx);
  // Only a transient failure is retried by itself: a 4xx integration answer stays until fixed.
  if (event === 'reconnect' && ctx.step === 'error' && ctx.loadError?.type !== 'network_error') return ignored(ctx);
  const draft: IntentContext = { ...ctx };
  if (next !== 'error') draft.loadError = null;
  if (session) {
    if (isNewer(ctx, session)) draft.session = session;
    draft.readFailures = 0;
  }
  if (input.type === 'readFailed') {
    draft.readFailures = ctx.readFailures + 1;
    if (next === 'error') draft.loadError = input.error;
  }
  return enter(ctx, draft, event, next, input);
}

function isNewer(ctx: IntentContext, session: ClientPublicSession): boolean {
  return ctx.session === null || session.version > ctx.session.version;
}

function ignored(ctx: IntentContext): IntentResult {
  return { context: ctx, effects: [], notifications: [], ignored: true };
}

/** Derives effects and notifications from (previous context, event, next step). */
function enter(
  prev: IntentContext,
  draft: IntentContext,
  event: IntentEventType,
  to: IntentStep,
  input: IntentInput,
): IntentResult {
  const from = prev.step;
  const ctx: IntentContext = { ...draft, step: to };
  const effects: IntentEffect[] = [];
  const notifications: IntentNotification[] = [];
  const intent = () => summarizeIntent(ctx.session?.paymentIntent);
  const declined = (error: XpayError, paymentIntent: PaymentIntentSummary | null) => {
    ctx.decline = error;
    notifications.push({ type: 'declined', error, paymentIntent });
  };
  const settle = (status: ConfirmOutcome, error?: XpayError) => {
    if (!ctx.attempting) return;
    ctx.attempting = false;
    notifications.push({ type: 'confirmSettled', result: confirmResult(status, intent(), error) });
  };

  // 1. The server status, exactly once per change, before anything that follows from it.
  const before = prev.session ? serverStatusOf(prev.session) : null;
  const after = ctx.session ? serverStatusOf(ctx.session) : null;
  if (after !== null && after !== before) {
    notifications.push({ type: 'statusChanged', status: after, previousStatus: before, paymentIntent: intent() });
  }

  // 2. The dialog follows the step.
  if (from === 'challenge' && to !== 'challenge') effects.push({ type: 'closeChallenge' });
  if (to === 'challenge' && from !== 'challenge') {
    const nextAction = ctx.session?.paymentIntent?.nextAction;
    if (nextAction) effects.push({ type: 'openChallenge', nextAction });
  }

  // 3. What the event itself asks for.
  const version = ctx.session?.version ?? 0;
  switch (event) {
    case 'submit':
      ctx.attempting = true;
      ctx.decline = null;
      effects.push({ type: 'confirm', deadlineMs: SUBMIT_DEADLINE_MS });
      break;
    case 'submitCanceled':
      settle('not_submitted', (input as Extract<IntentInput, { type: 'submitCanceled' }>).error);
      break;
    case 'confirmDeclined': {
      const { error, paymentIntent } = input as Extract<IntentInput, { type: 'confirmFailed' }>;
      declined(error, summarizeIntent(paymentIntent ?? ctx.session?.paymentIntent));
      settle('requires_payment_method', error);
      // Pick up the new version and lastPaymentError quietly; the decline is already reported.
      effects.push({ type: 'reread', delayMs: 0 });
      break;
    }
    case 'confirmRejected': {
      const error = (input as Extract<IntentInput, { type: 'confirmFailed' }>).error;
      if (error.type !== 'validation_error') notifications.push({ type: 'error', error });
      // Too many failed attempts, or a rate limit, is no decline (no xpay-declined), but the customer
      // must learn why nothing happened (this checkout cannot take a payment any more, or not right
      // now): it is shown where a decline would be.
      if (REFUSAL_NOTICE_CODES.includes(error.code)) ctx.decline = error;
      settle('requires_payment_method', error);
      break;
    }
    case 'confirmUnknown':
    case 'challengeDone':
    case 'refresh':
    case 'reconnect':
      effects.push({ type: 'reread', delayMs: 0 });
      break;
    case 'challengeClosed':
      effects.push({ type: 'stopPolling' }, { type: 'abandonAction' });
      break;
    case 'readFailed': {
      const error = (input as Extract<IntentInput, { type: 'readFailed' }>).error;
      // Report the first failure of a run, not every retry of it.
      if (prev.readFailures === 0) notifications.push({ type: 'error', error });
      if (to === 'waiting' || to === 'challenge') settle('unknown');
      // Keep reading on a bounded backoff; a 4xx integration answer in `error` waits for a fix.
      if (to !== 'ready' && (to !== 'error' || ctx.loadError!.type === 'network_error')) {
        effects.push({ type: 'reread', delayMs: rereadDelay(ctx.readFailures) });
      }
      break;
    }
    case 'open':
      if (from !== 'ready' && from !== 'loading') effects.push({ type: 'stopPolling' });
      settle('unknown'); // a newer view with no trace of the attempt: never call it a failure
      break;
    case 'declined': {
      // classifySession only says `declined` when the new view carries a lastPaymentError.
      const error = fromPaymentError(ctx.session!.paymentIntent!.lastPaymentError!);
      if (from !== 'ready' && from !== 'loading') effects.push({ type: 'stopPolling' });
      declined(error, intent());
      settle('requires_payment_method', error);
      break;
    }
    case 'action':
    case 'elsewhere':
    case 'pending':
    case 'unchanged':
      if (to === 'challenge' || to === 'waiting') effects.push({ type: 'longPoll', sinceVersion: version });
      break;
    case 'idle':
      // One long-poll window passed while processing: confirm() resolves with `processing` now, the
      // outcome still arrives by the events.
      if (to === 'waiting' && after === 'processing') settle('processing');
      effects.push({ type: 'longPoll', sinceVersion: version });
      break;
    case 'noOutcome':
      settle('unknown');
      break;
    case 'final': {
      effects.push({ type: 'stopPolling' });
      const status = after ?? 'requires_payment_method';
      const pi = intent();
      if ((status === 'succeeded' || status === 'requires_capture') && pi && !ctx.succeededReported) {
        ctx.succeededReported = true;
        notifications.push({ type: 'succeeded', sessionId: ctx.session!.id, paymentIntent: pi, resumed: from === 'loading' || from === 'error' });
      }
      settle(outcomeOf(status));
      break;
    }
  }
  return { context: ctx, effects, notifications, ignored: false };
}
