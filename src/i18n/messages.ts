import type { DeclineReason, Translation, TranslationOverrides } from './translation.js';
import { en } from './en.js';

/**
 * The catalogue with the merchant's overrides applied; English fills every gap, inside the tables
 * too: overriding one decline message keeps the other six.
 */
export function resolveTranslation(overrides?: TranslationOverrides | null): Translation {
  if (!overrides) return en;
  const t: Record<string, unknown> = { ...en, ...overrides };
  for (const key in overrides) {
    const base = en[key as keyof Translation];
    if (typeof base === 'object') t[key] = { ...base, ...(overrides[key as keyof Translation] as object) };
  }
  return t as unknown as Translation;
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
