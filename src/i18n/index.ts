/** Customer-facing strings and money formatting. */
export type { Translation, TranslationOverrides, DeclineReason, FieldErrorCode } from './translation.js';
export { DECLINE_REASONS, FIELD_ERROR_CODES } from './translation.js';
export { en } from './en.js';
export { formatMoney } from './format.js';
export { declineMessage, resolveTranslation } from './messages.js';
