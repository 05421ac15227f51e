/** The session id inside a client secret (`cs_test_abc_secret_xyz` → `cs_test_abc`), or null if malformed. */
export function sessionIdOf(clientSecret: string): string | null {
  const match = /^(cs_\w+?)_secret_[A-Za-z0-9]+$/.exec(clientSecret);
  return match?.[1] ?? null;
}

/** The origin of the API base URL, or null when it is not an absolute http(s) URL. */
export function originOf(apiBase: string): string | null {
  try {
    const url = new URL(apiBase);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
