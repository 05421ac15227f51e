import type { CardBrand } from '../api/enums.js';
import type { CheckoutCatalogue } from './catalogue.js';
import { EN_CHECKOUT } from './en-catalogue.js';
import { interpolate, pluralVariant, type PlaceholderValue } from './interpolate.js';
import type { DeclineReason, TEMPLATE_PLACEHOLDERS, TemplateKey, Translation, TranslationOverrides } from './translation.js';

/** Card brands are proper nouns, the same in every locale; only the unknown brand is translated. */
const BRAND_NAMES: Partial<Record<CardBrand, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

/**
 * The strings in `locale`: its `catalogue` (English unless given) with the merchant's overrides
 * winning per entry, inside the tables too (overriding one decline message keeps the other nine).
 */
export function translate(overrides?: TranslationOverrides | null, catalogue: CheckoutCatalogue = EN_CHECKOUT, locale = 'en'): Translation {
  const t: Record<string, unknown> = { ...catalogue, locale };
  // Only the tables are objects in an override.
  for (const [key, value] of Object.entries(overrides ?? {})) t[key] = typeof value === 'object' ? { ...(t[key] as object), ...value } : value;
  return t as unknown as Translation;
}

/**
 * An entry that takes values, filled: `fill(t, 'pay', { amount: '$5.00' })`. A template's
 * placeholders are filled by name (a count formatted in the locale, a plural message's variant
 * picked by it); a merchant's function gets the values in the order given, which is
 * {@link TEMPLATE_PLACEHOLDERS}' order.
 */
export function fill(t: Translation, key: TemplateKey | 'succeededDetailNoCard' | 'authorisedDetailNoCard', values: Readonly<Record<string, PlaceholderValue>>): string {
  const message = t[key];
  return typeof message === 'function'
    ? (message as (...values: unknown[]) => string)(...Object.values(values))
    : interpolate(typeof message === 'string' ? message : pluralVariant(message, values['count'] as number, t.locale), values, t.locale);
}

/** A card brand's name: the merchant's, else the proper noun, else (unknown brand) the catalogue's "Card". */
export function brandName(t: Translation, brand: CardBrand): string {
  return t.brandNames?.[brand] ?? BRAND_NAMES[brand] ?? t.unknownBrand;
}

/**
 * Picks the customer message for a failed attempt. The decline code is more precise than the error
 * code (`card_declined` + `insufficient_funds`), so it wins when we have words for it. The English
 * catalogue has words for every reason, so its keys are the reasons (`DECLINE_REASONS`).
 */
export function declineMessage(t: Translation, code: string, declineCode?: string): string {
  const reason = [declineCode, code].find((c): c is DeclineReason => Object.hasOwn(EN_CHECKOUT.declined, c ?? ''));
  return t.declined[reason ?? 'card_declined'];
}
