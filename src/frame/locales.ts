import { readBodyText } from '../api/read-body.js';
import type { FrameCatalogue } from '../i18n/catalogue.js';
import { EN_FRAME } from '../i18n/en-catalogue.js';
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
 * A fetched catalogue as the frame holds it: its own part completed with English, the host's part
 * as received, which the host completes with English on receipt (`withEnglishFallback`). Completing
 * it here too would put the host's English strings in the frame's bundle (~1.5 KB brotli).
 */
export interface LoadedCatalogue {
  frame: FrameCatalogue;
  checkout: unknown;
}

/**
 * Fetches the catalogue of `tag` (a resolved, supported, non-English locale) from the frame's own
 * origin, reading at most 64 KB, and completes the frame's part with English string by string.
 * Answers null — so the caller stays in English — when it cannot be had: offline, a 404, a body that
 * is not JSON.
 */
export async function loadCatalogue(tag: string, signal?: AbortSignal): Promise<LoadedCatalogue | null> {
  try {
    const response = await fetch(catalogueUrl(tag), { credentials: 'omit', signal });
    const text = response.ok ? await readBodyText(response, MAX_CATALOGUE_BYTES) : null;
    if (text === null) return null;
    const json = JSON.parse(text) as Partial<Record<keyof LoadedCatalogue, unknown>> | null;
    return { checkout: json?.checkout, frame: withEnglishFallback(EN_FRAME, json?.frame) };
  } catch {
    return null;
  }
}
