import type { DeclineReason, Translation, TranslationOverrides } from './translation.js';
import { en } from './en.js';
import { interpolate } from './interpolate.js';

/**
 * The named placeholders of each `Translation` entry that is a function, in its argument order: a
 * merchant may override such an entry with a template string (`pay: 'Place order · {amount}'`).
 */
export const TEMPLATE_PLACEHOLDERS = {
  quantity: ['count'],
  pay: ['amount'],
  succeededDetail: ['amount', 'card'],
  cardDescription: ['brand', 'last4'],
  authorisedDetail: ['amount', 'card'],
} as const satisfies { [K in keyof Translation]?: readonly string[] };

/**
 * The catalogue with the merchant's overrides applied; `base` (English unless given, e.g.
 * `toTranslation(german, 'de')`) fills every gap, inside the tables too: overriding one decline
 * message keeps the other nine. An override given as a template where `base` has a function is
 * filled from the function's arguments by name (see {@link TEMPLATE_PLACEHOLDERS}).
 */
export function resolveTranslation(overrides?: TranslationOverrides | null, base: Translation = en): Translation {
  if (!overrides) return base;
  const t: Record<string, unknown> = { ...base, ...overrides };
  for (const key in overrides) {
    const baseValue = base[key as keyof Translation];
    const value = overrides[key as keyof Translation];
    if (typeof baseValue === 'object') t[key] = { ...baseValue, ...(value as object) };
    else if (typeof baseValue === 'function' && typeof value === 'string') {
      const names: readonly string[] = TEMPLATE_PLACEHOLDERS[key as keyof typeof TEMPLATE_PLACEHOLDERS] ?? [];
      t[key] = (...args: unknown[]) =>
        interpolate(value, Object.fromEntries(names.map((name, i) => [name, args[i] as string | number | null])));
    }
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
