/**
 * Reads the frame's own URL: `/frames/card/v1/?session=cs_…&origin=<host origin>`. The sandbox has
 * already refused origins outside the session's `allowedOrigins`; the frame still insists on a
 * well-formed origin because it is the exact `targetOrigin` of every message it posts.
 */

/** Where the frame is and whom it talks to. */
export interface FrameParams {
  /** The Checkout Session id (`cs_…`); `init`'s client secret must belong to it. */
  readonly sessionId: string;
  /** The embedding page's origin, e.g. `http://localhost:5173`. */
  readonly hostOrigin: string;
}

/** Parses the query string; null when either parameter is missing or malformed. */
export function readFrameParams(search: string): FrameParams | null {
  const params = new URLSearchParams(search);
  const sessionId = params.get('session') ?? '';
  const origin = params.get('origin') ?? '';
  if (!/^cs_\w{1,200}$/.test(sessionId) || sessionId.includes('_secret_')) return null;
  return isExactOrigin(origin) ? { sessionId, hostOrigin: origin } : null;
}

/** True for a serialised http(s) origin with nothing after the port ("http://a.test:8080"). */
export function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** The session a client secret belongs to (`cs_test_X_secret_Y` → `cs_test_X`). */
export function sessionIdOfSecret(clientSecret: string): string {
  return clientSecret.split('_secret_')[0] ?? '';
}
