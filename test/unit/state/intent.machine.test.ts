import { describe, expect, it } from 'vitest';
import type { XpayError } from '../../../src/api/errors.js';
import type { ClientPublicIntent, ClientPublicSession } from '../../../src/api/schemas.js';
import {
  initialIntentContext,
  isActionElsewhere,
  isBusy,
  reduce,
  statusOf,
  SUBMIT_DEADLINE_MS,
  transition,
  TRANSITIONS,
} from '../../../src/state/intent.machine.js';
import {
  INTENT_STEPS,
  type IntentContext,
  type IntentEffect,
  type IntentInput,
  type IntentNotification,
} from '../../../src/state/intent.types.js';
import { openPublicSession } from '../../fixtures/public-session.data.js';

// ---- builders -------------------------------------------------------------------------------

type IntentPatch = Partial<ClientPublicIntent> & { status: ClientPublicIntent['status'] };

/** A public session at `version`, with no intent (`null`) or an intent in the given state. */
function view(version: number, intent: IntentPatch | null, patch: Partial<ClientPublicSession> = {}): ClientPublicSession {
  const base = openPublicSession.paymentIntent!;
  return {
    ...openPublicSession,
    version,
    paymentIntent: intent && { ...base, lastPaymentError: null, nextAction: null, card: null, ...intent },
    ...patch,
  };
}

const challenge = {
  type: 'three_ds_challenge',
  url: 'http://127.0.0.1:4242/sandbox/acs/pi_test_x1',
  windowSize: '02',
} as const;
const insufficientFunds = {
  type: 'card_error',
  code: 'card_declined',
  declineCode: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
} as const;
const abandoned = {
  type: 'card_error',
  code: 'authentication_abandoned',
  message: 'Authentication was abandoned.',
} as const;

const v1Open = view(1, null);
const read = (session: ClientPublicSession): IntentInput => ({ type: 'session', session, via: 'read' });
const poll = (session: ClientPublicSession): IntentInput => ({ type: 'session', session, via: 'poll' });
const confirmed = (session: ClientPublicSession): IntentInput => ({ type: 'session', session, via: 'confirm' });
const submit: IntentInput = { type: 'submit' };

const timeout: XpayError = { type: 'network_error', code: 'timeout', message: 'no answer' };
const declinedError: XpayError = {
  type: 'card_error',
  code: 'card_declined',
  declineCode: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
};

interface Run {
  ctx: IntentContext;
  effects: IntentEffect[];
  notes: IntentNotification[];
  ignored: number;
}

/** Feeds inputs in order from `from` and collects every effect and notification. */
function run(inputs: IntentInput[], from: IntentContext = initialIntentContext()): Run {
  let ctx = from;
  const effects: IntentEffect[] = [];
  const notes: IntentNotification[] = [];
  let ignored = 0;
  for (const input of inputs) {
    const r = reduce(ctx, input);
    ctx = r.context;
    effects.push(...r.effects);
    notes.push(...r.notifications);
    if (r.ignored) ignored++;
  }
  return { ctx, effects, notes, ignored };
}

/** Notifications as short strings, so a whole sequence reads as one expectation. */
function names(notes: IntentNotification[]): string[] {
  return notes.map((n) => {
    switch (n.type) {
      case 'statusChanged':
        return `status:${n.previousStatus}->${n.status}`;
      case 'declined':
        return `declined:${n.error.declineCode ?? n.error.code}`;
      case 'succeeded':
        return `succeeded${n.resumed ? ':resumed' : ''}`;
      case 'error':
        return `error:${n.error.code}`;
      case 'confirmSettled':
        return `settled:${n.result.status}`;
    }
  });
}
const kinds = (effects: IntentEffect[]) => effects.map((e) => e.type);

// ---- the table ------------------------------------------------------------------------------

describe('transition table', () => {
  it('should accept every server view in every step that is not terminal', () => {
    for (const step of INTENT_STEPS) {
      if (step === 'done' || step === 'error') continue;
      for (const event of ['open', 'declined', 'action', 'pending', 'final'] as const) {
        expect(transition(step, { type: event }), `${step} + ${event}`).toBeDefined();
      }
    }
  });

  it('should make the terminal step absorb everything', () => {
    expect(TRANSITIONS.done).toEqual({});
  });

  it('should allow submit only when the form is ready', () => {
    const allowed = INTENT_STEPS.filter((s) => transition(s, { type: 'submit' }) !== undefined);
    expect(allowed).toEqual(['ready']);
  });
});

// ---- issue 3 §8 expected sequences ---------------------------------------------------------

describe('when the session loads', () => {
  it('should report loading, then the server status once', () => {
    expect(statusOf(initialIntentContext())).toBe('loading');
    const r = run([read(v1Open)]);
    expect(r.ctx.step).toBe('ready');
    expect(statusOf(r.ctx)).toBe('requires_payment_method');
    expect(isBusy(r.ctx)).toBe(false);
    expect(names(r.notes)).toEqual(['status:null->requires_payment_method']);
  });

  it('should go to the error step when the first read fails, and retry on refresh', () => {
    const err: XpayError = { type: 'integration_error', code: 'session_not_found', message: 'fix api-base' };
    const r = run([{ type: 'readFailed', error: err }]);
    expect(r.ctx.step).toBe('error');
    expect(statusOf(r.ctx)).toBe('error');
    expect(names(r.notes)).toEqual(['error:session_not_found']);
    const again = run([{ type: 'refresh' }, read(v1Open)], r.ctx);
    expect(kinds(again.effects)).toEqual(['reread']);
    expect(statusOf(again.ctx)).toBe('requires_payment_method');
  });
});

describe('when paying with 4242 (succeeds)', () => {
  it('should confirm once and report succeeded exactly once', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'succeeded', card: { brand: 'visa', last4: '4242' } }, { status: 'complete' })),
    ]);
    expect(r.ctx.step).toBe('done');
    expect(kinds(r.effects)).toEqual(['confirm', 'stopPolling']);
    expect(names(r.notes)).toEqual([
      'status:null->requires_payment_method',
      'status:requires_payment_method->succeeded',
      'succeeded',
      'settled:succeeded',
    ]);
  });

  it('should report requires_capture (manual capture) as the success outcome', () => {
    const r = run([read(v1Open), submit, confirmed(view(2, { status: 'requires_capture', captureMethod: 'manual' }))]);
    expect(names(r.notes).slice(1)).toEqual([
      'status:requires_payment_method->requires_capture',
      'succeeded',
      'settled:requires_capture',
    ]);
  });
});

describe('when paying with 9995 (insufficient funds)', () => {
  it('should report one decline from the 402 and keep the status requires_payment_method', () => {
    const r = run([
      read(v1Open),
      submit,
      { type: 'confirmFailed', error: declinedError, outcomeUnknown: false },
      // the quiet re-read the decline asks for
      read(view(2, { status: 'requires_payment_method', lastPaymentError: insufficientFunds })),
    ]);
    expect(r.ctx.step).toBe('ready');
    expect(statusOf(r.ctx)).toBe('requires_payment_method');
    expect(kinds(r.effects)).toEqual(['confirm', 'reread']);
    expect(names(r.notes)).toEqual([
      'status:null->requires_payment_method',
      'declined:insufficient_funds',
      'settled:requires_payment_method',
    ]);
  });

  it('should report one decline when the frame hands back the session and then the error', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'requires_payment_method', lastPaymentError: insufficientFunds })),
      { type: 'confirmFailed', error: declinedError, outcomeUnknown: false },
    ]);
    expect(names(r.notes)).toEqual([
      'status:null->requires_payment_method',
      'declined:insufficient_funds',
      'settled:requires_payment_method',
    ]);
    expect(r.ignored).toBe(1);
  });

  it('should let the customer retry on the same intent and succeed', () => {
    const declined = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'requires_payment_method', lastPaymentError: insufficientFunds })),
    ]);
    const r = run([submit, confirmed(view(3, { status: 'succeeded' }, { status: 'complete' }))], declined.ctx);
    expect(names(r.notes)).toEqual(['status:requires_payment_method->succeeded', 'succeeded', 'settled:succeeded']);
  });
});

describe('when paying with 3184 (3-D Secure challenge)', () => {
  const start = [read(v1Open), submit, confirmed(view(2, { status: 'requires_action', nextAction: challenge }))];

  it('should open the challenge, follow the long-poll and report succeeded', () => {
    const r = run([...start, poll(view(3, { status: 'succeeded' }, { status: 'complete' }))]);
    expect(kinds(r.effects)).toEqual(['confirm', 'openChallenge', 'longPoll', 'closeChallenge', 'stopPolling']);
    expect(r.effects[1]).toEqual({ type: 'openChallenge', nextAction: challenge });
    expect(r.effects[2]).toEqual({ type: 'longPoll', sinceVersion: 2 });
    expect(names(r.notes)).toEqual([
      'status:null->requires_payment_method',
      'status:requires_payment_method->requires_action',
      'status:requires_action->succeeded',
      'succeeded',
      'settled:succeeded',
    ]);
  });

  it('should be busy while the challenge is open and ignore another submit', () => {
    const r = run([...start, submit]);
    expect(r.ctx.step).toBe('challenge');
    expect(isBusy(r.ctx)).toBe(true);
    expect(r.ignored).toBe(1);
    expect(kinds(r.effects).filter((k) => k === 'confirm')).toHaveLength(1);
  });

  it('should treat challenge_done as a signal to re-read, not as the outcome', () => {
    const signalled = run([...start, { type: 'challengeDone' }]);
    expect(signalled.ctx.step).toBe('challenge');
    expect(signalled.effects.at(-1)).toEqual({ type: 'reread', delayMs: 0 });
    expect(names(signalled.notes)).not.toContain('succeeded');
    // the read still shows the challenge (ACS not finished): stay, keep polling
    const same = run([read(view(2, { status: 'requires_action', nextAction: challenge }))], signalled.ctx);
    expect(same.ctx.step).toBe('challenge');
    expect(kinds(same.effects)).toEqual(['longPoll']);
    const done = run([read(view(3, { status: 'succeeded' }, { status: 'complete' }))], same.ctx);
    expect(names(done.notes)).toEqual(['status:requires_action->succeeded', 'succeeded', 'settled:succeeded']);
  });

  it('should report a failed authentication as a retryable decline', () => {
    const failed = { type: 'card_error', code: 'authentication_failed', message: 'Authentication failed.' } as const;
    const r = run([...start, poll(view(3, { status: 'requires_payment_method', lastPaymentError: failed }))]);
    expect(r.ctx.step).toBe('ready');
    expect(kinds(r.effects).slice(-2)).toEqual(['closeChallenge', 'stopPolling']);
    expect(names(r.notes).slice(2)).toEqual([
      'status:requires_action->requires_payment_method',
      'declined:authentication_failed',
      'settled:requires_payment_method',
    ]);
  });

  it('should report 1629 (challenge, then card_declined) as one decline', () => {
    const declined = { type: 'card_error', code: 'card_declined', declineCode: 'generic_decline', message: 'Declined.' } as const;
    const r = run([...start, poll(view(3, { status: 'requires_payment_method', lastPaymentError: declined }))]);
    expect(names(r.notes).filter((n) => n.startsWith('declined'))).toEqual(['declined:generic_decline']);
  });
});

describe('when the customer closes the challenge', () => {
  it('should abandon the action, then report requires_payment_method and a decline', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'requires_action', nextAction: challenge })),
      { type: 'challengeClosed' },
      { type: 'session', session: view(3, { status: 'requires_payment_method', lastPaymentError: abandoned }), via: 'abandon' },
    ]);
    expect(kinds(r.effects)).toEqual([
      'confirm',
      'openChallenge',
      'longPoll',
      'closeChallenge',
      'stopPolling',
      'abandonAction',
      'stopPolling',
    ]);
    expect(r.ctx.step).toBe('ready');
    expect(names(r.notes).slice(2)).toEqual([
      'status:requires_action->requires_payment_method',
      'declined:authentication_abandoned',
      'settled:requires_payment_method',
    ]);
  });

  it('should follow the server if the challenge had completed before the abandon landed', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'requires_action', nextAction: challenge })),
      { type: 'challengeClosed' },
      { type: 'refresh' }, // the abandon call failed (payment_intent_unexpected_state)
      read(view(3, { status: 'succeeded' }, { status: 'complete' })),
    ]);
    expect(names(r.notes).slice(2)).toEqual(['status:requires_action->succeeded', 'succeeded', 'settled:succeeded']);
  });
});

describe('when paying with 7718 / 7726 (processing)', () => {
  const start = [read(v1Open), submit, confirmed(view(2, { status: 'processing' }))];

  it('should wait on the long-poll, resolve confirm() with processing after one window, then report succeeded', () => {
    const r = run([
      ...start,
      poll(view(2, { status: 'processing' })), // the window ended without change
      poll(view(3, { status: 'succeeded' }, { status: 'complete' })),
    ]);
    expect(kinds(r.effects)).toEqual(['confirm', 'longPoll', 'longPoll', 'stopPolling']);
    expect(names(r.notes)).toEqual([
      'status:null->requires_payment_method',
      'status:requires_payment_method->processing',
      'settled:processing',
      'status:processing->succeeded',
      'succeeded',
    ]);
  });

  it('should report 7726 failing after processing as a decline', () => {
    const failed = { type: 'card_error', code: 'card_declined', declineCode: 'generic_decline', message: 'Declined.' } as const;
    const r = run([...start, poll(view(3, { status: 'requires_payment_method', lastPaymentError: failed }))]);
    expect(r.ctx.step).toBe('ready');
    expect(names(r.notes).slice(2)).toEqual([
      'status:processing->requires_payment_method',
      'declined:generic_decline',
      'settled:requires_payment_method',
    ]);
  });
});

// ---- unknown outcomes ----------------------------------------------------------------------

describe('when the confirm outcome is unknown (timeout, lost reply, 409)', () => {
  const lost = (error: XpayError): IntentInput => ({ type: 'confirmFailed', error, outcomeUnknown: true });

  it('should re-read instead of reporting a failure, and report what the server says', () => {
    const r = run([read(v1Open), submit, lost(timeout), read(view(2, { status: 'succeeded' }, { status: 'complete' }))]);
    expect(kinds(r.effects)).toEqual(['confirm', 'reread', 'stopPolling']);
    expect(names(r.notes)).toEqual([
      'status:null->requires_payment_method',
      'status:requires_payment_method->succeeded',
      'succeeded',
      'settled:succeeded',
    ]);
  });

  it('should treat a 409 the same way and stay busy while it learns the outcome', () => {
    const conflict: XpayError = { type: 'api_error', code: 'idempotency_key_in_use', message: 'in flight' };
    const r = run([read(v1Open), submit, lost(conflict)]);
    expect(r.ctx.step).toBe('waiting');
    expect(isBusy(r.ctx)).toBe(true);
    expect(names(r.notes)).toEqual(['status:null->requires_payment_method']);
  });

  it('should long-poll when the re-read shows nothing yet, and end with unknown — never a decline', () => {
    const r = run([
      read(v1Open),
      submit,
      lost(timeout),
      read(v1Open), // nothing happened (yet)
      poll(v1Open), // and nothing in a whole window
    ]);
    expect(kinds(r.effects)).toEqual(['confirm', 'reread', 'longPoll']);
    expect(r.ctx.step).toBe('ready');
    expect(names(r.notes)).toEqual(['status:null->requires_payment_method', 'settled:unknown']);
  });

  it('should report a decline the server recorded while the reply was lost', () => {
    const r = run([
      read(v1Open),
      submit,
      lost(timeout),
      read(view(2, { status: 'requires_payment_method', lastPaymentError: insufficientFunds })),
    ]);
    expect(names(r.notes).slice(1)).toEqual(['declined:insufficient_funds', 'settled:requires_payment_method']);
  });
});

describe('when a confirm is refused for a known reason', () => {
  it('should not report a validation error as integration trouble', () => {
    const invalid: XpayError = { type: 'validation_error', code: 'invalid_phone', message: 'Check the phone number.' };
    const r = run([read(v1Open), submit, { type: 'confirmFailed', error: invalid, outcomeUnknown: false }]);
    expect(r.ctx.step).toBe('ready');
    expect(names(r.notes).slice(1)).toEqual(['settled:requires_payment_method']);
  });

  it('should report API trouble such as too many attempts as an error', () => {
    const tooMany: XpayError = { type: 'api_error', code: 'too_many_attempts', message: 'Too many attempts.' };
    const r = run([read(v1Open), submit, { type: 'confirmFailed', error: tooMany, outcomeUnknown: false }]);
    expect(names(r.notes).slice(1)).toEqual(['error:too_many_attempts', 'settled:requires_payment_method']);
  });

  it('should settle with not_submitted when beforeSubmit refuses', () => {
    const r = run([read(v1Open), submit, { type: 'submitCanceled' }]);
    expect(r.ctx.step).toBe('ready');
    expect(isBusy(r.ctx)).toBe(false);
    expect(names(r.notes).slice(1)).toEqual(['settled:not_submitted']);
  });
});

// ---- double submit, reload, ordering --------------------------------------------------------

describe('when submit arrives twice (double click, Enter + click, confirm() twice)', () => {
  it('should make one confirm and ignore the rest while busy', () => {
    const r = run([read(v1Open), submit, submit, submit]);
    expect(kinds(r.effects)).toEqual(['confirm']);
    expect(r.ignored).toBe(2);
    expect(isBusy(r.ctx)).toBe(true);
  });

  it('should ignore submit while waiting on processing', () => {
    const r = run([read(v1Open), submit, confirmed(view(2, { status: 'processing' })), submit]);
    expect(kinds(r.effects).filter((k) => k === 'confirm')).toHaveLength(1);
    expect(r.ignored).toBe(1);
  });
});

describe('when the page reloads mid-payment', () => {
  it('should reopen a pending challenge this tab opened before the reload', () => {
    const r = run([read(view(2, { status: 'requires_action', nextAction: challenge }))], initialIntentContext(true));
    expect(r.ctx.step).toBe('challenge');
    expect(kinds(r.effects)).toEqual(['openChallenge', 'longPoll']);
    expect(names(r.notes)).toEqual(['status:null->requires_action']);
    // the customer completes it in this page life
    const done = run([poll(view(3, { status: 'succeeded' }, { status: 'complete' }))], r.ctx);
    expect(names(done.notes)).toEqual(['status:requires_action->succeeded', 'succeeded']);
  });

  it('should report a decline of the resumed challenge even though this page did not submit', () => {
    const r = run(
      [
        read(view(2, { status: 'requires_action', nextAction: challenge })),
        poll(view(3, { status: 'requires_payment_method', lastPaymentError: abandoned })),
      ],
      initialIntentContext(true),
    );
    expect(names(r.notes)).toEqual([
      'status:null->requires_action',
      'status:requires_action->requires_payment_method',
      'declined:authentication_abandoned',
    ]);
  });

  it('should wait on a processing intent', () => {
    const r = run([read(view(2, { status: 'processing' }))]);
    expect(r.ctx.step).toBe('waiting');
    expect(isBusy(r.ctx)).toBe(true);
    expect(r.effects).toEqual([{ type: 'longPoll', sinceVersion: 2 }]);
  });

  it('should show a success it landed on as resumed, and never confirm again', () => {
    const r = run([read(view(4, { status: 'succeeded' }, { status: 'complete' })), submit]);
    expect(r.ctx.step).toBe('done');
    expect(names(r.notes)).toEqual(['status:null->succeeded', 'succeeded:resumed']);
    expect(kinds(r.effects)).not.toContain('confirm');
    expect(r.ignored).toBe(1);
  });

  it('should not re-report an old decline found on reload', () => {
    const r = run([read(view(2, { status: 'requires_payment_method', lastPaymentError: insufficientFunds }))]);
    expect(r.ctx.step).toBe('ready');
    expect(names(r.notes)).toEqual(['status:null->requires_payment_method']);
  });
});

describe('when replies arrive out of order', () => {
  it('should never move back after a terminal outcome', () => {
    const success = run([read(v1Open), submit, confirmed(view(3, { status: 'succeeded' }, { status: 'complete' }))]);
    const r = run(
      [
        read(view(2, { status: 'requires_action', nextAction: challenge })), // a slow, stale read
        read(view(9, { status: 'requires_payment_method' })), // even a "newer" contradiction
        { type: 'readFailed', error: timeout },
        { type: 'refresh' },
      ],
      success.ctx,
    );
    expect(r.notes).toEqual([]);
    expect(r.effects).toEqual([]);
    expect(r.ignored).toBe(4);
    expect(statusOf(r.ctx)).toBe('succeeded');
  });

  it('should ignore an older version while waiting and keep following the newest', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(3, { status: 'processing' })),
      read(view(2, { status: 'requires_action', nextAction: challenge })), // overtaken
      poll(view(4, { status: 'succeeded' }, { status: 'complete' })),
    ]);
    expect(kinds(r.effects)).not.toContain('openChallenge');
    expect(names(r.notes)).toEqual([
      'status:null->requires_payment_method',
      'status:requires_payment_method->processing',
      'status:processing->succeeded',
      'succeeded',
      'settled:succeeded',
    ]);
  });

  it('should not close an open challenge for a stale read', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'requires_action', nextAction: challenge })),
      read(v1Open),
    ]);
    expect(r.ctx.step).toBe('challenge');
    expect(kinds(r.effects)).not.toContain('closeChallenge');
  });

  it("should not take a re-read asked before this attempt for this attempt's outcome", () => {
    // Decline, then pay again at once: the quiet re-read after the decline answers while the
    // second attempt is in flight. Its lastPaymentError is the first attempt's.
    const firstDecline = view(2, { status: 'requires_payment_method', lastPaymentError: insufficientFunds });
    const secondTry = run([
      read(v1Open),
      submit,
      { type: 'confirmFailed', error: declinedError, outcomeUnknown: false },
      submit,
    ]);
    const r = run(
      [read(firstDecline), confirmed(view(3, { status: 'succeeded' }, { status: 'complete' }))],
      secondTry.ctx,
    );
    expect(r.ignored).toBe(1);
    expect(names(r.notes)).toEqual([
      'status:requires_payment_method->succeeded',
      'succeeded',
      'settled:succeeded',
    ]);
  });

  it('should ignore another session\'s reply', () => {
    const r = run([read(v1Open), read(view(5, { status: 'succeeded' }, { id: 'cs_test_other', status: 'complete' }))]);
    expect(r.ignored).toBe(1);
    expect(statusOf(r.ctx)).toBe('requires_payment_method');
  });

  it('should merge a newer view that moves no step (amount changed) without a status event', () => {
    const r = run([read(v1Open), read(view(2, null, { amountTotal: 9900 }))]);
    expect(r.ctx.session?.amountTotal).toBe(9900);
    expect(names(r.notes)).toEqual(['status:null->requires_payment_method']);
  });
});

describe('when the session expires', () => {
  it('should report expired once, from ready, and stay there', () => {
    const r = run([read(v1Open), read(view(2, null, { status: 'expired' })), read(view(3, null, { status: 'expired' }))]);
    expect(r.ctx.step).toBe('done');
    expect(statusOf(r.ctx)).toBe('expired');
    expect(names(r.notes)).toEqual(['status:null->requires_payment_method', 'status:requires_payment_method->expired']);
  });

  it('should resolve a waiting confirm() with expired', () => {
    const r = run([
      read(v1Open),
      submit,
      { type: 'confirmFailed', error: { type: 'api_error', code: 'session_expired', message: 'expired' }, outcomeUnknown: true },
      read(view(2, { status: 'canceled' }, { status: 'expired' })),
    ]);
    expect(names(r.notes).slice(1)).toEqual(['status:requires_payment_method->expired', 'settled:expired']);
  });
});

describe('when reads fail while waiting', () => {
  it('should report the first failure once, back off, and keep trying', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'processing' })),
      { type: 'readFailed', error: timeout },
      { type: 'readFailed', error: timeout },
      { type: 'readFailed', error: timeout },
    ]);
    expect(r.ctx.step).toBe('waiting');
    const rereads = r.effects.filter((e) => e.type === 'reread').map((e) => (e as { delayMs: number }).delayMs);
    expect(rereads).toEqual([1000, 2000, 4000]);
    expect(names(r.notes).slice(2)).toEqual(['error:timeout', 'settled:unknown']);
    // a successful read resets the backoff
    const back = run([poll(view(3, { status: 'succeeded' }, { status: 'complete' }))], r.ctx);
    expect(back.ctx.readFailures).toBe(0);
  });
});

// ---- issue 8: lost results, unknown states, mount failures, two windows ----------------------

describe('when the confirm result is lost (dropped unread by the host, or past the deadline)', () => {
  it('should give every sent confirm a deadline', () => {
    const r = run([read(v1Open), submit]);
    expect(r.effects).toEqual([{ type: 'confirm', deadlineMs: SUBMIT_DEADLINE_MS }]);
    expect(SUBMIT_DEADLINE_MS).toBeGreaterThan(0);
  });

  it('should re-read the session instead of waiting forever, and report what it says', () => {
    const r = run([read(v1Open), submit, { type: 'confirmLost' }]);
    expect(r.ctx.step).toBe('waiting');
    expect(isBusy(r.ctx)).toBe(true);
    expect(r.effects).toEqual([{ type: 'confirm', deadlineMs: SUBMIT_DEADLINE_MS }, { type: 'reread', delayMs: 0 }]);
    // outcome unknown is never "failed": no error, no decline, confirm() still pending
    expect(names(r.notes)).toEqual(['status:null->requires_payment_method']);
    const paid = run([read(view(2, { status: 'succeeded' }, { status: 'complete' }))], r.ctx);
    expect(names(paid.notes)).toEqual(['status:requires_payment_method->succeeded', 'succeeded', 'settled:succeeded']);
  });

  it('should ignore a deadline that passes after the result arrived', () => {
    const r = run([read(v1Open), submit, confirmed(view(2, { status: 'processing' })), { type: 'confirmLost' }]);
    expect(r.ignored).toBe(1);
    expect(r.ctx.step).toBe('waiting');
  });
});

describe('when the server sends a status this version does not know', () => {

  it('should show a complete session as succeeded, whatever its intent says', () => {
    const r = run([read(v1Open), submit, confirmed(view(2, { status: 'unknown' }, { status: 'complete' }))]);
    expect(r.ctx.step).toBe('done');
    expect(statusOf(r.ctx)).toBe('succeeded');
    expect(names(r.notes).slice(1)).toEqual(['status:requires_payment_method->succeeded', 'succeeded', 'settled:succeeded']);
  });

  it('should keep long-polling an open session with an unknown intent status until it is known', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'unknown' })),
      poll(view(2, { status: 'unknown' })), // a window with nothing new
      poll(view(3, { status: 'unknown' })), // still unknown, but newer
    ]);
    expect(r.ctx.step).toBe('waiting');
    expect(statusOf(r.ctx)).toBe('processing');
    expect(kinds(r.effects)).toEqual(['confirm', 'longPoll', 'longPoll', 'longPoll']);
    const done = run([poll(view(4, { status: 'succeeded' }, { status: 'complete' }))], r.ctx);
    expect(statusOf(done.ctx)).toBe('succeeded');
  });

  it('should keep reading a session whose own status is unknown', () => {
    const r = run([read(view(1, null, { status: 'unknown' })), poll(view(1, null, { status: 'unknown' }))]);
    expect(r.ctx.step).toBe('waiting');
    expect(kinds(r.effects)).toEqual(['longPoll', 'longPoll']);
  });
});

describe('when the first read fails', () => {
  const unavailable: XpayError = { type: 'network_error', code: 'http_503', message: 'XPay API answered HTTP 503.' };
  const notFound: XpayError = { type: 'integration_error', code: 'session_not_found', message: 'No such session.' };

  it('should show a network error, retry on a bounded backoff and recover by itself', () => {
    const r = run([
      { type: 'readFailed', error: unavailable },
      { type: 'readFailed', error: unavailable },
      { type: 'readFailed', error: unavailable },
    ]);
    expect(r.ctx.step).toBe('error');
    expect(r.ctx.loadError).toEqual(unavailable);
    expect(r.effects).toEqual([
      { type: 'reread', delayMs: 1000 },
      { type: 'reread', delayMs: 2000 },
      { type: 'reread', delayMs: 4000 },
    ]);
    expect(names(r.notes)).toEqual(['error:http_503']); // once, not per retry
    const failures = run(Array.from({ length: 12 }, () => ({ type: 'readFailed', error: unavailable }) as IntentInput));
    expect(Math.max(...failures.effects.map((e) => (e as { delayMs: number }).delayMs))).toBe(30_000);
    const back = run([read(v1Open)], r.ctx);
    expect(back.ctx.step).toBe('ready');
    expect(back.ctx.loadError).toBeNull();
    expect(statusOf(back.ctx)).toBe('requires_payment_method');
  });

  it('should read again at once when the network is back (online, tab shown)', () => {
    const r = run([{ type: 'readFailed', error: unavailable }, { type: 'reconnect' }]);
    expect(r.ctx.step).toBe('error');
    expect(r.effects).toEqual([
      { type: 'reread', delayMs: 1000 },
      { type: 'reread', delayMs: 0 },
    ]);
  });

  it('should not retry an integration answer by itself', () => {
    const r = run([{ type: 'readFailed', error: notFound }, { type: 'reconnect' }]);
    expect(r.ctx.step).toBe('error');
    expect(r.ctx.loadError).toEqual(notFound);
    expect(r.effects).toEqual([]);
    expect(r.ignored).toBe(1);
  });
});

describe('when the network comes back while waiting on the outcome', () => {
  it('should re-read at once instead of at the end of the backoff', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'processing' })),
      { type: 'readFailed', error: timeout },
      { type: 'readFailed', error: timeout },
      { type: 'reconnect' },
    ]);
    expect(r.effects.at(-1)).toEqual({ type: 'reread', delayMs: 0 });
    expect(r.ctx.step).toBe('waiting');
  });
});

describe('when another window is in this session\'s 3-D Secure challenge', () => {
  const inChallenge = view(2, { status: 'requires_action', nextAction: challenge });

  it('should follow it without showing the challenge, whether found at load or while idle', () => {
    for (const inputs of [[read(inChallenge)], [read(v1Open), read(inChallenge)]]) {
      const r = run(inputs);
      expect(r.ctx.step).toBe('waiting');
      expect(isActionElsewhere(r.ctx)).toBe(true);
      expect(kinds(r.effects)).not.toContain('openChallenge');
      expect(r.effects.at(-1)).toEqual({ type: 'longPoll', sinceVersion: 2 });
    }
  });

  it('should refuse a submit, then report the other window\'s outcome', () => {
    const r = run([read(inChallenge), submit, poll(view(3, { status: 'succeeded' }, { status: 'complete' }))]);
    expect(r.ignored).toBe(1);
    expect(kinds(r.effects)).not.toContain('confirm');
    expect(statusOf(r.ctx)).toBe('succeeded');
    expect(isActionElsewhere(r.ctx)).toBe(false);
  });

  it('should still open a challenge its own confirm led to', () => {
    const r = run([read(v1Open), submit, confirmed(inChallenge)]);
    expect(r.ctx.step).toBe('challenge');
    expect(kinds(r.effects)).toContain('openChallenge');
    expect(isActionElsewhere(r.ctx)).toBe(false);
  });
});

describe('the decline notice', () => {
  it('should appear with a decline and clear on the next attempt', () => {
    const declinedView = view(2, { status: 'requires_payment_method', lastPaymentError: insufficientFunds });
    const r = run([read(v1Open), submit, { type: 'confirmFailed', error: declinedError, outcomeUnknown: false }]);
    expect(r.ctx.decline).toEqual(declinedError);
    const quiet = run([read(declinedView)], r.ctx); // the quiet re-read keeps it
    expect(quiet.ctx.decline).toEqual(declinedError);
    const again = run([submit], quiet.ctx);
    expect(again.ctx.decline).toBeNull();
  });

  it('should show a decline learned from the session (failed authentication)', () => {
    const r = run([
      read(v1Open),
      submit,
      confirmed(view(2, { status: 'requires_action', nextAction: challenge })),
      poll(view(3, { status: 'requires_payment_method', lastPaymentError: abandoned })),
    ]);
    expect(r.ctx.decline?.code).toBe('authentication_abandoned');
  });

  it('should show too many attempts where a decline would be, without calling it one', () => {
    const tooMany: XpayError = { type: 'api_error', code: 'too_many_attempts', message: 'Too many attempts.' };
    const r = run([read(v1Open), submit, { type: 'confirmFailed', error: tooMany, outcomeUnknown: false }]);
    expect(r.ctx.decline).toEqual(tooMany);
    expect(names(r.notes)).not.toContain('declined:too_many_attempts');
  });

  it('should not show an old decline found on load', () => {
    const r = run([read(view(2, { status: 'requires_payment_method', lastPaymentError: insufficientFunds }))]);
    expect(r.ctx.decline).toBeNull();
  });
});
