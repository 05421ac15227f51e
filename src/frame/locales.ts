import { readBodyText } from '../api/read-body.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { EN_CHECKOUT, EN_FRAME } from '../i18n/en-catalogue.js';
import { withEnglishFallback } from '../i18n/fallback.js';

/** Set by scripts/frame-locales.ts at build time: `assets/locales-<hash>/`. */
declare const __XPAY_LOCALES_DIR__: string | undefined;

/** A catalogue is ~5–7 KB of JSON; anything near this is not one of ours. */
const MAX_CATALOGUE_BYTES = 64 * 1024;

/**
 * The URL of a non-English catalogue, relative to the frame's page (`/frames/card/v1/`), where the
 * frame build ships them. Outside a Vite build (a test loading the source) it is `locales/`.
 */
export function catalogueUrl(tag: string): string {
  const dir = typeof __XPAY_LOCALES_DIR__ === 'string' ? __XPAY_LOCALES_DIR__ : 'locales/';
  return `${dir}${encodeURIComponent(tag)}.json`;
}

/**
 * Fetches the catalogue of `tag` (a resolved, supported, non-English locale) from the frame's own
 * origin, reading at most 64 KB, and completes it with English string by string. Answers null — so
 * the caller stays in English — when it cannot be had: offline, a 404, a body that is not JSON.
 */
export async function loadCatalogue(tag: string, signal?: AbortSignal): Promise<Catalogue | null> {
  try {
    const response = await fetch(catalogueUrl(tag), { credentials: 'omit', signal });
    const text = response.ok ? await readBodyText(response, MAX_CATALOGUE_BYTES) : null;
    if (text === null) return null;
    const json = JSON.parse(text) as Partial<Record<keyof Catalogue, unknown>> | null;
    return { checkout: withEnglishFallback(EN_CHECKOUT, json?.checkout), frame: withEnglishFallback(EN_FRAME, json?.frame) };
  } catch {
    return null;
  }
}
