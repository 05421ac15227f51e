import type { XpayError } from '../api/errors.js';
import type { ClientPublicSession } from '../api/schemas.js';
import type { ReadKind } from '../frame/protocol.js';

/** What one session call came to: the public view, or the error as the customer should see it. */
export type SessionReply = { ok: true; session: ClientPublicSession } | { ok: false; error: XpayError };

/** Options of {@link SessionReader.read}. */
export interface ReadOptions {
  /** For `wait`: answer once the view's version passes this one. */
  since?: number;
  /** Stops waiting; the reply of an aborted call is never looked at. */
  signal: AbortSignal;
}

/**
 * How the intent controller reaches the session: the card frame makes the calls on the API's own
 * origin and hands back the view (see CardFrameController). Never rejects: every failure, a lost
 * reply included, is a reply with an error, within a deadline.
 */
export interface SessionReader {
  read(kind: ReadKind, options: ReadOptions): Promise<SessionReply>;
}
