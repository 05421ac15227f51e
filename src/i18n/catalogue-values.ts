/**
 * The card frame's part of a catalogue as shipped: its strings alone, in the order of English's keys
 * (depth first), without the keys. The keys were a quarter of every catalogue's brotli bytes (~200 B
 * of a 2 KB budget), and the frame does not need them on the wire: it fetches its part from the
 * hashed directory its own build wrote (scripts/frame-locales.ts), so the order it reads with is the
 * order the file was written in. The host's part keeps its keys: it crosses to a host bundle that may
 * be of another version (a merchant pins the CDN script), where an order could not be trusted.
 */

/** Every string of `catalogue`, walking `english`'s keys in order (the build's side). */
export function toValues(english: object, catalogue: object): string[] {
  return Object.entries(english).flatMap(([key, base]) => {
    const value = (catalogue as Record<string, unknown>)[key];
    return typeof base === 'string' ? [String(value)] : toValues(base as object, value as object);
  });
}

/**
 * The catalogue `values` spell in `english`'s shape (the frame's side), or null when they do not fit
 * it exactly — a list of another length, or an entry that is not a string — so the caller keeps
 * English rather than showing one string in another's place.
 */
export function fromValues<T extends object>(english: T, values: unknown): T | null {
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) return null;
  let next = 0;
  const rebuild = (part: object): object =>
    Object.fromEntries(Object.entries(part).map(([key, base]) => [key, typeof base === 'string' ? values[next++] : rebuild(base as object)]));
  const catalogue = rebuild(english) as T;
  return next === values.length ? catalogue : null;
}
