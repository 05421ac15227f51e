import * as z from 'zod/mini';
import { isSafeUrl } from './safe-url.js';

/**
 * The two ways the same wire schemas are built.
 *
 * - `strict` (the sandbox): unknown fields are rejected and enums are exact, so the server can never
 *   emit or accept something the docs do not describe.
 * - `lenient` (the widget and the card frame): unknown fields are dropped and an unknown enum value
 *   becomes `'unknown'`, so a provider that adds a status or a field does not break checkouts that
 *   are already deployed. The `'unknown'` is in the lenient types, so client code must handle it.
 *
 * They are two objects, not one `kit(mode)` with a branch per helper: a browser bundle imports only
 * {@link lenientKit}, so the strict-only zod code (`z.strictObject`, `z.enum`, `z.int`, `z.regex`,
 * `z.minimum`) stays out of it.
 */
export type Mode = 'strict' | 'lenient';

type EnumOut<M extends Mode, T extends readonly string[]> = M extends 'lenient'
  ? T[number] | 'unknown'
  : T[number];

export interface Kit<M extends Mode> {
  mode: M;
  /** An object schema: strict rejects unknown keys, lenient strips them. */
  object: typeof z.object;
  /** An enum: exact when strict; an unknown string becomes `'unknown'` when lenient. */
  oneOf<const T extends readonly [string, ...string[]]>(values: T): z.ZodMiniType<EnumOut<M, T>>;
  /** An integer, at least `min` when given (strict also requires a safe integer). */
  int(min?: number): z.ZodMiniType<number>;
  /** A string matching `pattern` (a non-global RegExp). */
  matches(pattern: RegExp): z.ZodMiniType<string>;
  /** One of the given primitive values, compared with `===` (`z.literal`). */
  literal<const T extends string | number | boolean>(value: T | readonly T[]): z.ZodMiniType<T>;
  /** `true` or `false`. */
  bool(): z.ZodMiniType<boolean>;
  /** Any string. */
  string(): z.ZodMiniType<string>;
  /** An array whose every element parses with `item`. */
  list<T>(item: z.ZodMiniType<T>): z.ZodMiniType<T[]>;
  /**
   * A URL the browser may navigate to or load (see `isSafeUrl`). Strict: any string (the sandbox
   * checks URLs where they come in, at create). Lenient: a string that is not a safe URL becomes
   * `null`, so a tampered URL makes that one field unusable instead of failing the whole view.
   */
  url(): z.ZodMiniType<M extends 'lenient' ? string | null : string>;
}

/** How the sandbox builds the wire schemas: exact, with zod's specific checks and messages. */
export const strictKit: Kit<'strict'> = {
  mode: 'strict',
  object: z.strictObject as typeof z.object,
  oneOf: (values) => z.enum(values) as never,
  int: (min) => (min === undefined ? z.int() : z.int().check(z.minimum(min))),
  matches: (pattern) => z.string().check(z.regex(pattern)),
  literal: (value) => z.literal(value as never),
  bool: () => z.boolean(),
  string: () => z.string(),
  list: (item) => z.array(item),
  url: () => z.string(),
};

/**
 * How the widget and the card frame build them. The same constraints, expressed with the generic
 * `z.overwrite`, `z.refine` and `z.custom` instead of one zod class each: every zod class a browser
 * bundle pulls in costs it 0.1–0.4 KB brotli (the CDN bundle's budget is 25 KB). An enum accepts any
 * string and rewrites values it does not know to `'unknown'`; a non-string still fails. Strings,
 * integers, booleans and literals are `z.custom` predicates (`Number.isInteger` rejects non-numbers,
 * NaN and ±Infinity as `z.number()` would; a literal is compared with `===` as `z.literal` does),
 * so none of `$ZodString`, `$ZodNumber`, `$ZodBoolean` and `$ZodLiteral` is bundled. A list is a
 * `z.custom` predicate that every item parses, then a `z.overwrite` that keeps the parsed items
 * (unknown fields dropped), instead of `$ZodArray` (~0.3 KB brotli): a bad item's issue stops at the
 * list's path.
 *
 * The predicates carry no messages of their own: a failure is zod's "Invalid input" at the exact
 * path of the field (`ResponseValidationError` says "… reply at paymentIntent.amount: Invalid
 * input"). A reply only fails when the API breaks its contract, the path is what a developer needs
 * to find it, and a sentence per predicate cost the CDN bundle ~0.09 KB brotli of its 25 KB budget.
 */
export const lenientKit: Kit<'lenient'> = {
  mode: 'lenient',
  object: z.object,
  oneOf: (values) =>
    isString().check(z.overwrite((value) => ((values as readonly string[]).includes(value) ? value : 'unknown'))) as never,
  int: (min = -Infinity) =>
    z.custom<number>((n) => Number.isInteger(n) && (n as number) >= min),
  matches: (pattern) => z.custom<string>((s) => typeof s === 'string' && pattern.test(s)),
  literal: (value) => {
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    return z.custom((x) => values.includes(x));
  },
  bool: () => z.custom<boolean>((b) => typeof b === 'boolean'),
  string: () => isString(),
  list: <T>(item: z.ZodMiniType<T>) =>
    z
      .custom<T[]>((v) => Array.isArray(v) && v.every((x) => item.safeParse(x).success))
      // Only a list whose every item parsed gets here: parse again to drop their unknown fields.
      .check(z.overwrite((v) => v.map((x) => item.parse(x)))),
  url: () => isString().check(z.overwrite((s) => (isSafeUrl(s) ? s : null) as string)) as never,
};

/** A string, as a `z.custom` predicate (see {@link lenientKit}). */
function isString(): z.ZodMiniType<string> {
  return z.custom<string>((s) => typeof s === 'string');
}

/**
 * Memoises a schema factory. Building zod schemas costs main-thread time (~40–50 ms at 4× CPU
 * slowdown for the whole set), so browser bundles build them on first use, not at module load.
 */
export function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/** A non-negative integer amount in the currency's minor unit (the server's strict object graph). */
export const amount = () => z.int().check(z.minimum(0));
/** A Unix timestamp in seconds. */
export const unixSeconds = () => z.int();
