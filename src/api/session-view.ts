import type { ReplySchema } from './request.js';
import type { ClientPublicSession } from './schemas.js';

/**
 * Checks only that a reply is a session view. The card frame makes every session call and passes
 * the view on unread; the host parses it with the shared lenient schemas on receipt
 * (`parseFrameMessage`), and turns a view that fails them into a re-read. Building those schemas in
 * the frame as well would cost ~1.4 KB brotli of its 14 KB budget, for a reply from its own origin.
 */
export const sessionView: ReplySchema<ClientPublicSession> = {
  safeParse: (data) =>
    (data as { object?: unknown } | null)?.object === 'checkout.session.public'
      ? { success: true, data: data as ClientPublicSession }
      : { success: false, error: { issues: [{ path: ['object'], message: 'expected a checkout.session.public' }] } },
};
