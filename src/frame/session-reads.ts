import { createApiClient } from '../api/client.js';
import { readFailureOf, toXpayError } from '../api/errors.js';
import type { ClientPublicSession } from '../api/schemas.js';
import { sessionView } from '../api/session-view.js';
import type { FrameSessionReply, HostMessage, Unversioned } from './protocol.js';

type ReadMessage = Extract<HostMessage, { type: 'read' }>;

/** The frame's side of the host's session calls: each `read` answered once, unless cancelled. */
export interface SessionReads {
  /** Runs the call `message` asks for, on the session of `clientSecret`, and replies with its `id`; a cancelled call never replies. */
  read(message: ReadMessage, session: { id: string; clientSecret: string }): void;
  /** Aborts call `id` (the host stopped waiting for it), so a stale long-poll frees its connection. */
  cancel(id: number): void;
}

/**
 * Serves the host's session calls from the frame, on the API's own origin: no CORS preflight, and
 * the merchant page makes no request to the API at all. The frame runs the same client (retries,
 * timeouts, body limit) the host used to, checks only that a reply is a session view, and passes it
 * on; the host validates it on receipt. `onView` sees every view the frame relays, which waits for
 * the promise it returns (the language of the session, applied before its first view is relayed).
 * Every call names `hostOrigin`, the page embedding the frame: the API refuses it
 * (`origin_not_allowed`) when the session does not allow that page.
 */
export function createSessionReads(
  hostOrigin: string,
  reply: (message: Unversioned<FrameSessionReply>) => void,
  onView: (session: ClientPublicSession) => void | Promise<void>,
): SessionReads {
  const inFlight = new Map<number, AbortController>();
  return {
    read({ id, kind, since = 0 }, { id: sessionId, clientSecret }) {
      inFlight.get(id)?.abort();
      const controller = new AbortController();
      inFlight.set(id, controller);
      const { signal } = controller;
      const client = createApiClient({ apiBase: '', sessionId, clientSecret, view: sessionView, embeddingOrigin: hostOrigin });
      const call =
        kind === 'get'
          ? client.getPublicSession({ signal })
          : kind === 'wait'
            ? client.waitForChange(since, { signal })
            : client.abandonAction({ signal });
      const settle = (answer: Unversioned<FrameSessionReply>) => {
        if (signal.aborted) return;
        inFlight.delete(id);
        reply(answer);
      };
      call.then(
        async (session) => {
          await onView(session);
          settle({ type: 'session', id, ok: true, session });
        },
        // A read's failure is classified as the customer should see it (readFailureOf); an
        // abandon's is the API's own: only the host knows whether it may have happened.
        (error: unknown) => settle({ type: 'session', id, ok: false, error: kind === 'abandon' ? toXpayError(error) : readFailureOf(error) }),
      );
    },
    cancel(id) {
      inFlight.get(id)?.abort();
      inFlight.delete(id);
    },
  };
}
