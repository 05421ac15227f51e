import { readBodyText } from '../api/read-body.js';
import type { FrameCatalogue } from '../i18n/catalogue.js';
import { fromValues } from '../i18n/catalogue-values.js';
import { EN_FRAME } from '../i18n/en-catalogue.js';

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
 * A fetched catalogue as the frame holds it: its own part as the build completed it, the host's part
 * as received, which the host completes with English on receipt (`withEnglishFallback`). Completing
 * it here would put the host's English strings in the frame's bundle (~1.5 KB brotli).
 */
export interface LoadedCatalogue {
  frame: FrameCatalogue;
  checkout: unknown;
}

/**
 * Fetches the catalogue of `tag` (a resolved, supported, non-English locale) from the frame's own
 * origin, reading at most 64 KB. Its frame part is used as fetched, its strings put back under
 * English's keys (`fromValues`): the build completed it with English and wrote it in that order
 * (scripts/frame-locales.ts) under a hashed, immutable directory beside this script, so it is as
 * complete and as ordered as the script is current. Answers null — so the caller stays in English —
 * when it cannot be had: offline, a 404, a body that is not JSON or whose frame part does not fit.
 */
export async function loadCatalogue(tag: string, signal?: AbortSignal): Promise<LoadedCatalogue | null> {
  try {
    const response = await fetch(catalogueUrl(tag), { credentials: 'omit', signal });
    const text = response.ok ? await readBodyText(response, MAX_CATALOGUE_BYTES) : null;
    if (text === null) return null;
    const json = JSON.parse(text) as Partial<Record<keyof LoadedCatalogue, unknown>> | null;
    const frame = fromValues<FrameCatalogue>(EN_FRAME, json?.frame);
    return frame ? { checkout: json!.checkout, frame } : null;
  } catch {
    return null;
  }
}
