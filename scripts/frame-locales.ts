/**
 * A build step of the card frame (`vite build --mode frame`): ships every non-English catalogue
 * (src/i18n/locales/<tag>.json) as minified JSON beside the frame's hashed assets, in a directory
 * named by a hash of all of them: `assets/locales-<hash>/<tag>.json`. The frame fetches one from its
 * own origin at mount (see src/frame/locales.ts, which reads the directory from the
 * `__XPAY_LOCALES_DIR__` constant this plugin defines).
 *
 * Why a hashed directory: the sandbox, like any static host of dist/frame, serves `assets/` with a
 * year-long immutable cache. A changed translation gets a new directory, and the frame's (no-store)
 * page loads the script that names it, so no customer ever reads a stale catalogue — and no server
 * needs a new route for them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { EN_FRAME } from '../src/i18n/en-catalogue.js';
import { toValues } from '../src/i18n/catalogue-values.js';
import { withEnglishFallback } from '../src/i18n/fallback.js';

/** Where the catalogues are written (src/i18n/locales, one `<tag>.json` each). */
export const LOCALES_SOURCE = resolve(import.meta.dirname, '..', 'src', 'i18n', 'locales');

/**
 * Each catalogue as shipped: minified JSON, by BCP 47 tag, in file-name order. The card frame's part
 * is completed with English here, key by key, so its bundle carries no fallback code, and shipped as
 * its strings alone in English's key order (src/i18n/catalogue-values.ts says why). The host's part
 * keeps its keys and is completed by the host on receipt (it comes by postMessage).
 */
export function shippedCatalogues(dir = LOCALES_SOURCE): Map<string, string> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return new Map(
    files.map((f) => {
      const json = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { frame?: unknown };
      return [f.slice(0, -'.json'.length), JSON.stringify({ ...json, frame: toValues(EN_FRAME, withEnglishFallback(EN_FRAME, json.frame)) })];
    }),
  );
}

/** `assets/locales-<hash>/`: the hash covers every tag and every byte, so any change moves it. */
export function localesDir(catalogues: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const [tag, json] of catalogues) hash.update(`${tag}\0${json}\0`);
  return `assets/locales-${hash.digest('base64url').slice(0, 10)}/`;
}

/** The Vite plugin: defines `__XPAY_LOCALES_DIR__` and emits the catalogues there. */
export function frameLocalesPlugin(dir = LOCALES_SOURCE): Plugin {
  const catalogues = shippedCatalogues(dir);
  const target = localesDir(catalogues);
  return {
    name: 'xpay-frame-locales',
    config: () => ({ define: { __XPAY_LOCALES_DIR__: JSON.stringify(target) } }),
    buildStart() {
      for (const file of readdirSync(dir)) this.addWatchFile(join(dir, file));
    },
    generateBundle() {
      for (const [tag, json] of catalogues) this.emitFile({ type: 'asset', fileName: `${target}${tag}.json`, source: json });
    },
  };
}
