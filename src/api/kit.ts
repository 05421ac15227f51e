import * as z from 'zod/mini';

/**
 * The two ways the same wire schemas are built.
 *
 * - `strict` (the sandbox): unknown fields are rejected and enums are exact, so the server can never
 *   emit or accept something the docs do not describe.
 * - `lenient` (the widget and the card frame): unknown fields are dropped and an unknown enum value
 *   becomes `'unknown'`, so a provider that adds a status or a field does not break checkouts that
 *   are already deployed. The `'unknown'` is in the lenient types, so client code must handle it.
 */
export type Mode = 'strict' | 'lenient';

type EnumOut<M extends Mode, T extends readonly string[]> = M extends 'lenient'
  ? T[number] | 'unknown'
  : T[number];

export interface Kit<M extends Mode> {
  mode: M;
  /** An object schema: strict rejects unknown keys, lenient strips them. */
  object: typeof z.object;
  /** An enum: exact when strict; unknown values become `'unknown'` when lenient. */
  oneOf<const T extends readonly [string, ...string[]]>(values: T): z.ZodMiniType<EnumOut<M, T>>;
}

export function kit<M extends Mode>(mode: M): Kit<M> {
  return {
    mode,
    object: (mode === 'strict' ? z.strictObject : z.object) as typeof z.object,
    oneOf: (values) =>
      (mode === 'lenient' ? z.catch(z.enum(values), 'unknown' as never) : z.enum(values)) as never,
  };
}

/**
 * Memoises a schema factory. Building zod schemas costs main-thread time (~40–50 ms at 4× CPU
 * slowdown for the whole set), so browser bundles build them on first use, not at module load.
 */
export function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/** A non-negative integer amount in the currency's minor unit. */
export const amount = () => z.int().check(z.minimum(0));
/** A Unix timestamp in seconds. */
export const unixSeconds = () => z.int();
