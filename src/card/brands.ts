/**
 * The card brand table and brand detection from the leading digits (the IIN/BIN prefix).
 *
 * Pure data plus pure functions: no DOM, no Lit. The frame, the widget and the tests all read the
 * same table, so adding a brand is one entry here.
 */

/** An inclusive range of card-number prefixes that all have the same number of digits. */
export type PrefixRange = readonly [low: number, high: number];

/** Everything the card rules need to know about one brand. */
export interface BrandSpec {
  /** Wire identifier, sent in `change` messages and shown to merchants. */
  readonly brand: string;
  /** Name shown to the customer (icon title, screen-reader text). */
  readonly displayName: string;
  /** Prefix ranges that identify the brand; `low` and `high` always have the same digit count. */
  readonly prefixes: readonly PrefixRange[];
  /** Card-number lengths the brand issues, ascending. */
  readonly lengths: readonly number[];
  /** Digit indexes before which a space is shown (4-4-4-4-3 is `[4, 8, 12, 16]`). */
  readonly gaps: readonly number[];
  /**
   * Gaps used instead of `gaps` while the number has at most `upTo` digits. Diners' classic 14-digit
   * cards print as 4-6-4; their 16–19 digit cards print like Visa. We cannot know the final length
   * while digits arrive, so the 4-6-4 layout holds up to 14 digits and switches on the 15th.
   */
  readonly shortLayout?: { readonly upTo: number; readonly gaps: readonly number[] };
  /** Security-code length: 4 for Amex (front of the card), 3 for the rest. */
  readonly cvcLength: number;
}

const GROUPS_OF_FOUR = [4, 8, 12, 16] as const;

/**
 * The supported brands. Order does not matter for detection (see {@link detectBrand}).
 *
 * Discover's published IIN table also lists 622126–622925: those are China UnionPay cards that the
 * Discover network accepts by agreement. The card face carries the UnionPay mark, so the whole 62
 * range is detected as UnionPay; listing it under Discover too would flip the icon from UnionPay to
 * Discover at the sixth digit.
 */
export const CARD_BRAND_TABLE = [
  {
    brand: 'visa',
    displayName: 'Visa',
    prefixes: [[4, 4]],
    lengths: [13, 16, 19],
    gaps: GROUPS_OF_FOUR,
    cvcLength: 3,
  },
  {
    brand: 'mastercard',
    displayName: 'Mastercard',
    prefixes: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
    gaps: [4, 8, 12],
    cvcLength: 3,
  },
  {
    brand: 'amex',
    displayName: 'American Express',
    prefixes: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
    gaps: [4, 10],
    cvcLength: 4,
  },
  {
    brand: 'discover',
    displayName: 'Discover',
    prefixes: [
      [6011, 6011],
      [644, 649],
      [65, 65],
    ],
    lengths: [16, 17, 18, 19],
    gaps: GROUPS_OF_FOUR,
    cvcLength: 3,
  },
  {
    brand: 'diners',
    displayName: 'Diners Club',
    prefixes: [
      [36, 36],
      [38, 38],
      [300, 305],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
    gaps: GROUPS_OF_FOUR,
    shortLayout: { upTo: 14, gaps: [4, 10] },
    cvcLength: 3,
  },
  {
    brand: 'jcb',
    displayName: 'JCB',
    prefixes: [[3528, 3589]],
    lengths: [16, 17, 18, 19],
    gaps: GROUPS_OF_FOUR,
    cvcLength: 3,
  },
  {
    brand: 'unionpay',
    displayName: 'UnionPay',
    prefixes: [[62, 62]],
    lengths: [16, 17, 18, 19],
    gaps: GROUPS_OF_FOUR,
    cvcLength: 3,
  },
] as const satisfies readonly BrandSpec[];

/** A brand the table knows. */
export type KnownCardBrand = (typeof CARD_BRAND_TABLE)[number]['brand'];
/** A detected brand; `unknown` until the digits identify exactly one brand. */
export type CardBrand = KnownCardBrand | 'unknown';

/** Formatting and length rules used while no brand is known: the widest any brand allows. */
export const UNKNOWN_BRAND_SPEC: BrandSpec = {
  brand: 'unknown',
  displayName: 'Card',
  prefixes: [],
  lengths: [12, 13, 14, 15, 16, 17, 18, 19],
  gaps: GROUPS_OF_FOUR,
  cvcLength: 3,
};

/** The longest card number any brand issues. */
export const MAX_CARD_NUMBER_LENGTH = 19;

/** The table entry for a brand, or {@link UNKNOWN_BRAND_SPEC}. */
export function brandSpec(brand: CardBrand): BrandSpec {
  return CARD_BRAND_TABLE.find((spec) => spec.brand === brand) ?? UNKNOWN_BRAND_SPEC;
}

/** Whether some completion of `digits` can fall inside `range`. */
function prefixCanMatch(digits: string, [low, high]: PrefixRange): boolean {
  const width = String(low).length;
  if (digits.length >= width) {
    const head = Number(digits.slice(0, width));
    return head >= low && head <= high;
  }
  // Fewer digits than the range: compare against the range truncated to what we have.
  const scale = 10 ** (width - digits.length);
  const head = Number(digits);
  return head >= Math.floor(low / scale) && head <= Math.floor(high / scale);
}

/**
 * The brands a number starting with `digits` could still belong to. Empty when no brand in the table
 * starts this way (an unsupported card, or a typo in the first digits).
 */
export function possibleBrands(digits: string): KnownCardBrand[] {
  if (digits === '') return CARD_BRAND_TABLE.map((spec) => spec.brand);
  return CARD_BRAND_TABLE.filter((spec) =>
    spec.prefixes.some((range) => prefixCanMatch(digits, range)),
  ).map((spec) => spec.brand);
}

/**
 * Detects the brand from the digits typed so far.
 *
 * Decision: a brand is reported as soon as it is the only brand the digits could still belong to, so
 * the icon appears as early as possible. Consequences: "4" is Visa; "5" and "2" are Mastercard (the
 * table has no other brand starting with 5 or 2 — adding Mir, 2200–2204, would make "2" and "22"
 * unknown until the next digit decides); "3" and "6" are unknown until the second digit; "220" is
 * unknown because no brand can match it any more.
 */
export function detectBrand(digits: string): CardBrand {
  if (digits === '') return 'unknown';
  const candidates = possibleBrands(digits);
  return candidates.length === 1 ? candidates[0]! : 'unknown';
}

/** The gap positions for a number of `length` digits of this brand. */
export function gapsFor(spec: BrandSpec, length: number): readonly number[] {
  return spec.shortLayout && length <= spec.shortLayout.upTo ? spec.shortLayout.gaps : spec.gaps;
}

/** The longest number the brand allows. */
export function maxLengthFor(spec: BrandSpec): number {
  return spec.lengths[spec.lengths.length - 1] ?? MAX_CARD_NUMBER_LENGTH;
}
