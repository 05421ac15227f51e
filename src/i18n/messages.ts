import { DECLINE_REASONS, type DeclineReason, type Translation } from './translation.js';
import { en } from './en.js';

/** The catalogue for a locale with the merchant's overrides applied; English fills every gap. */
export function resolveTranslation(overrides?: Partial<Translation> | null): Translation {
  return overrides ? { ...en, ...overrides } : en;
}

/**
 * Picks the customer message for a failed attempt. The decline code is more precise than the error
 * code (`card_declined` + `insufficient_funds`), so it wins when we have words for it.
 */
export function declineMessage(t: Translation, code: string, declineCode?: string): string {
  const reason = [declineCode, code].find((c): c is DeclineReason =>
    (DECLINE_REASONS as readonly string[]).includes(c ?? ''),
  );
  return t.declined[reason ?? 'card_declined'];
}
