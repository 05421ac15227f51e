import type { PluralMessage } from './catalogue.js';

/** A value for a placeholder; `null`/`undefined` leave the placeholder as written. */
export type PlaceholderValue = string | number | null | undefined;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills the named placeholders of a catalogue string: `interpolate('Pay {amount}', { amount: '$5' })`.
 * A number is formatted in `locale` ("1,200"). A placeholder without a value stays visible as
 * `{name}` rather than throwing or vanishing, so a translation mistake shows up on screen instead of
 * breaking the checkout.
 */
export function interpolate(template: string, values: Readonly<Record<string, PlaceholderValue>>, locale = 'en'): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value == null ? whole : typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

/** The placeholder names of a template, sorted and without repeats (for checks and tests). */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!))].sort();
}

/** The variant of a plural message for `count` in `locale` (`Intl.PluralRules`), else `other`. */
export function pluralVariant(message: PluralMessage, count: number, locale: string): string {
  return message[new Intl.PluralRules(locale).select(count)] ?? message.other;
}
