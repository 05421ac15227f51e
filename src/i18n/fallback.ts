/** Longest string a catalogue entry may hold; anything longer is not ours and English is used. */
const MAX_STRING = 1000;
/** `Intl.PluralRules` categories: the keys a plural message may add beyond English's `other`. */
const PLURAL_KEYS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * A catalogue part received as JSON (fetched by the card frame, or posted to the host), checked
 * against its English counterpart: each entry that is a string (of a sane length) where English has
 * one is kept, everything else — a missing key, a number, an unknown key — is English. So a stale or
 * damaged locale file degrades string by string, never into `undefined` on screen or a thrown error.
 */
export function withEnglishFallback<T extends object>(english: T, candidate: unknown): T {
  const source = (candidate !== null && typeof candidate === 'object' ? candidate : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = Object.hasOwn(english, 'other') ? PLURAL_KEYS : Object.keys(english);
  for (const key of keys) {
    const base = (english as Record<string, unknown>)[key];
    const value = Object.hasOwn(source, key) ? source[key] : undefined;
    if (base !== null && typeof base === 'object') out[key] = withEnglishFallback(base, value);
    else if (typeof value === 'string' && value.length <= MAX_STRING) out[key] = value;
    else if (base !== undefined) out[key] = base;
  }
  return out as T;
}
