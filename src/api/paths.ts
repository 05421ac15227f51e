/**
 * Builds an API path with every interpolated segment percent-encoded, so an id can never add a
 * segment, a query or a fragment: path`/v1/checkout/sessions/${id}/public`.
 */
export function path(strings: TemplateStringsArray, ...segments: (string | number)[]): string {
  let out = strings[0] ?? '';
  segments.forEach((segment, i) => {
    const s = String(segment);
    // encodeURIComponent leaves "." and ".." alone, and a URL parser would resolve them.
    if (s === '' || s === '.' || s === '..') throw new TypeError(`Invalid path segment ${JSON.stringify(s)}`);
    out += encodeURIComponent(s) + (strings[i + 1] ?? '');
  });
  return out;
}

/** A client secret, `cs_…_secret_…`; its first group is the session id. */
export const CLIENT_SECRET = /^(cs_\w+?)_secret_[A-Za-z0-9]+$/;

/** The session id inside a client secret (`cs_test_abc_secret_xyz` → `cs_test_abc`), or null if malformed. */
export function sessionIdOf(clientSecret: string): string | null {
  return CLIENT_SECRET.exec(clientSecret.trim())?.[1] ?? null;
}

/** What to fix when a client secret is malformed; never echoes the value (it may be a secret key). */
export function invalidClientSecretMessage(clientSecret: string): string {
  const hint = clientSecret.startsWith('sk_') ? ' (never a secret key: keep it off the page)' : '';
  return `client-secret must be the session's clientSecret, cs_…_secret_…${hint}.`;
}

/**
 * A fresh idempotency key: one per customer action, reused on every retry of that action. Uses
 * `crypto.getRandomValues`, which (unlike `randomUUID`) also works on non-secure origins.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return 'xpay_' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
