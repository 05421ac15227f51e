/** The session id inside a client secret; the one parser lives with the API client. */
export { sessionIdOf } from '../../api/paths.js';

/** The origin of the API base URL, or null when it is not an absolute http(s) URL. */
export function originOf(apiBase: string): string | null {
  try {
    const url = new URL(apiBase);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
