import type { DeclineReason, Translation } from './translation.js';
import { en } from './en.js';

/** The catalogue for a locale with the merchant's overrides applied; English fills every gap. */
export function resolveTranslation(overrides?: Partial<Translation> | null): Translation {
  return overrides ? { ...en, ...overrides } : en;
}

/**
 * Picks the customer message for a failed attempt. The decline code is more precise than the error
 * code (`card_declined` + `insufficient_funds`), so it wins when we have words for it. The English
 * catalogue has words for every reason, so its keys are the reasons (`DECLINE_REASONS`).
 */
export function declineMessage(t: Translation, code: string, declineCode?: string): string {
  const reason = [declineCode, code].find((c): c is DeclineReason => Object.hasOwn(en.declined, c ?? ''));
  return t.declined[reason ?? 'card_declined'];
}
