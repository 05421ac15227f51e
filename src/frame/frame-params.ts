/**
 * Reads the frame's own URL: `/frames/card/v1/?origin=<host origin>&mode=test`. It names no session:
 * the document is one URL per embedding page, cached across sessions, and learns its session from
 * `init`'s client secret. The API serves it only with `frame-ancestors <origin>`, so the origin is
 * the page the browser rendered it in; the frame names it to the API on every call (which checks it
 * against the session's `allowedOrigins`) and posts every message to exactly it.
 */

/** Where the frame is and whom it talks to. */
export interface FrameParams {
  /** The embedding page's origin, e.g. `http://localhost:5173`. */
  readonly hostOrigin: string;
  /** The host's session is a test-mode one (`mode=test`): the test-card picker is part of the first layout. */
  readonly testMode: boolean;
}

/** Parses the query string; null when the origin is missing or malformed. */
export function readFrameParams(search: string): FrameParams | null {
  const params = new URLSearchParams(search);
  const origin = params.get('origin') ?? '';
  return isExactOrigin(origin) ? { hostOrigin: origin, testMode: params.get('mode') === 'test' } : null;
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
