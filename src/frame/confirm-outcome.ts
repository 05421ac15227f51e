import { ApiError, toXpayError } from '../api/errors.js';
import type { ClientPublicIntent, ClientPublicSession } from '../api/schemas.js';
import type { FrameResult } from './protocol.js';

/** A confirm outcome as the frame reports it to the host (a `result` without its envelope). */
export type ConfirmOutcome = FrameResult extends infer R
  ? R extends FrameResult
    ? Omit<R, 'v' | 'type' | 'idempotencyKey'>
    : never
  : never;

/**
 * Turns the card frame's confirm (`postConfirm`) into what the host may learn: the session view, or
 * the public error — classified by the API client like every other call — with the intent on a
 * decline. Never rejects: every failure is an outcome to report.
 */
export function toConfirmOutcome(confirming: Promise<ClientPublicSession>): Promise<ConfirmOutcome> {
  return confirming.then(
    (session): ConfirmOutcome => ({ ok: true, session }),
    (error: unknown): ConfirmOutcome => {
      const outcome: ConfirmOutcome = { ok: false, error: toXpayError(error) };
      // As the API sent it: the host validates it with the shared schemas on receipt.
      if (error instanceof ApiError && error.paymentIntent) outcome.paymentIntent = error.paymentIntent as ClientPublicIntent;
      return outcome;
    },
  );
}
