/**
 * Whether a URL that came over the network may be navigated to or loaded in a frame: an absolute
 * `https:` URL, or `http:` to this machine (`localhost`, `127.0.0.0/8`, `[::1]`) for local
 * development. Everything else — `javascript:`, `data:`, `blob:`, plain `http:` to another host, a
 * relative or unparsable string, a non-string — is refused: a tampered reply (a plain-http
 * `api-base`, a compromised proxy) must never run script in the merchant's origin or show a page
 * the API did not serve over TLS (issue 8 §5).
 *
 * The WHATWG parser normalises the host first, so `http://127.1`, `http://0x7f.1` and
 * `HTTP://LOCALHOST.` are judged by what the browser would actually connect to.
 */
export function isSafeUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && /^(localhost\.?|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
}
