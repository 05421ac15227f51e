import * as z from 'zod/mini';
import { lazy, lenientKit as k } from '../../api/kit.js';

/** What the issuer's ACS page posts to its parent when the customer finished: a bare signal, no outcome. */
const ChallengeDone = lazy(() => z.object({ v: k.literal(1), type: k.literal('challenge_done') }));

/**
 * Decides whether a `message` event is the ACS's "done" signal. Order matters (Adyen's
 * get-process-message-handler): the origin first, then the sender window, then the shape, so a
 * message from anywhere else is dropped before we even look at its data.
 */
export function isChallengeDone(event: MessageEvent, acsOrigin: string, acsWindow: Window | null): boolean {
  if (event.origin !== acsOrigin) return false;
  if (!acsWindow || event.source !== acsWindow) return false;
  return ChallengeDone().safeParse(event.data).success;
}
