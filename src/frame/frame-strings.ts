import type { CardBrand } from '../card/brands.js';
import type { FrameCatalogue } from '../i18n/catalogue.js';
import { EN_FRAME } from '../i18n/en-catalogue.js';

/**
 * Every string the card frame shows: its catalogue (English inline, other locales fetched as
 * `locales/<tag>.json`), with the security-code hint picked by brand.
 */
export interface FrameStrings extends Readonly<Omit<FrameCatalogue, 'cvcHintFront' | 'cvcHintBack'>> {
  /** CVC hint by where the code is printed. */
  readonly cvcHint: (brand: CardBrand) => string;
}

/**
 * The frame's strings from a catalogue. Pass a fetched one through `withEnglishFallback(EN_FRAME, …)`
 * first, so that every string exists.
 */
export function toFrameStrings(c: FrameCatalogue): FrameStrings {
  return { ...c, cvcHint: (brand) => (brand === 'amex' ? c.cvcHintFront : c.cvcHintBack) };
}

/** English. */
export const EN_STRINGS: FrameStrings = toFrameStrings(EN_FRAME);
