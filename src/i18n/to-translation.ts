import type { CardBrand } from '../api/enums.js';
import type { CheckoutCatalogue } from './catalogue.js';
import { interpolate, pluralVariant } from './interpolate.js';
import type { Translation } from './translation.js';

/** Card brands are proper nouns, the same in every locale; only the unknown brand is translated. */
const BRAND_NAMES: Omit<Record<CardBrand, string>, 'unknown'> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

/**
 * The widget's {@link Translation} (what its views call) from a catalogue in `locale`: templates
 * become the functions `Translation` has always had, so the views do not change with the locale.
 * Apply the merchant's `messages` on top with `resolveTranslation(messages, toTranslation(…))`.
 */
export function toTranslation(c: CheckoutCatalogue, locale: string): Translation {
  return {
    ...c,
    locale,
    quantity: (count) =>
      interpolate(pluralVariant(c.quantity, count, locale), { count: new Intl.NumberFormat(locale).format(count) }),
    pay: (amount) => interpolate(c.pay, { amount }),
    succeededDetail: (amount, card) => interpolate(card ? c.succeededDetail : c.succeededDetailNoCard, { amount, card }),
    cardDescription: (brand, last4) => interpolate(c.cardDescription, { brand, last4 }),
    authorisedDetail: (amount, card) => interpolate(card ? c.authorisedDetail : c.authorisedDetailNoCard, { amount, card }),
    brandNames: { ...BRAND_NAMES, unknown: c.unknownBrand },
  };
}
