import { matchLocale, resolveLocaleMatch, type LocaleMatch } from '../i18n/locale.js';
import { loadCatalogue, type LoadedCatalogue } from './locales.js';

/** Longest wait for a catalogue, in ms. */
const CATALOGUE_WAIT_MS = 8000;

/**
 * The card frame's language: resolved from the element's `locale` input (`auto` or a tag, sent in
 * `init`), the session's `locale` and `navigator.languages`, in that order, else English
 * (resolveLocaleMatch). Its catalogue is fetched once per change: one same-origin request, none for
 * English; `apply` gets it (null for English, or when it could not be had).
 *
 * The frame resolves it, not the host, because the frame reads the session: with `auto`, the first
 * view brings the session's `locale`, and the frame applies the language before it relays that view,
 * so the host learns it with no extra round trip and never paints its form in English first. An
 * explicit input needs no session: its catalogue loads while the session is read.
 *
 * Returns `speak(input?, view?)`: call it with `init`'s locale, and with every session view (only the
 * first one's `locale` counts); it resolves once the language they lead to is applied.
 */
export function createFrameLocale(apply: (match: LocaleMatch, catalogue: LoadedCatalogue | null) => void) {
  let input = '';
  /** The session's `locale`: undefined until the first view, null when it sets none. */
  let sessionLocale: string | null | undefined;
  let applied = '';
  let done: Promise<void> = Promise.resolve();

  return (nextInput?: string, view?: object): Promise<void> => {
    if (nextInput) input = nextInput;
    if (view && sessionLocale === undefined) {
      // The view as received: the widget's schemas leave `locale` out (api/schemas.ts).
      const { locale } = view as { locale?: unknown };
      sessionLocale = typeof locale === 'string' ? locale : null;
    }
    // `auto` (or a tag we have no catalogue for) waits for the session's own locale.
    if (!input || (sessionLocale === undefined && !matchLocale(input))) return done;
    const match = resolveLocaleMatch(input, sessionLocale, navigator.languages);
    const key = match.locale + match.requested;
    if (key === applied) return done;
    applied = key;
    // Bounded: past the wait the frame speaks English rather than hold the session's first view.
    const catalogue = match.locale === 'en' ? null : Promise.race([loadCatalogue(match.locale), new Promise<null>((r) => setTimeout(r, CATALOGUE_WAIT_MS, null))]);
    return (done = Promise.resolve(catalogue).then((catalogue) => {
      // A newer switch won while this one loaded.
      if (applied === key) apply(match, catalogue);
    }));
  };
}
