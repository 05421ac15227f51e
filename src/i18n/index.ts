/** Customer-facing strings, locale resolution and money formatting. */
export type { Translation, TranslationOverrides, TemplateKey, DeclineReason, FieldErrorCode } from './translation.js';
export { DECLINE_REASONS, FIELD_ERROR_CODES, TEMPLATE_PLACEHOLDERS } from './translation.js';
export type { Catalogue, CheckoutCatalogue, FrameCatalogue, PluralMessage, TestCardOutcome } from './catalogue.js';
export { TEST_CARD_OUTCOMES } from './catalogue.js';
export { EN_CHECKOUT, EN_FRAME } from './en-catalogue.js';
export { en } from './en.js';
export { withEnglishFallback } from './fallback.js';
export { interpolate, placeholdersOf, pluralVariant } from './interpolate.js';
export { AUTO_LOCALE, RTL_LOCALES, SUPPORTED_LOCALES, dirOf, isRtl, isSessionLocale, matchLocale, resolveLocale, resolveLocaleMatch } from './locale.js';
export type { LocaleMatch, SupportedLocale } from './locale.js';
export { formatMoney } from './format.js';
export { brandName, declineMessage, fill, translate } from './messages.js';
