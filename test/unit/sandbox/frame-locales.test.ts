import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localesDir, shippedCatalogues } from '../../../scripts/frame-locales.js';
import { fromValues, toValues } from '../../../src/i18n/catalogue-values.js';
import { EN_FRAME } from '../../../src/i18n/en-catalogue.js';
import { startTestSandbox, tempDir, type Api } from './helpers.js';

/**
 * The card frame fetches its catalogue from the sandbox (same origin, at mount). The frame directory
 * here is laid out as the frame build writes it (scripts/frame-locales.ts), by the same functions.
 */
const catalogues = shippedCatalogues();
const dir = localesDir(catalogues);

let api: Api & { cleanup(): void };
let built: ReturnType<typeof tempDir>;
beforeAll(async () => {
  built = tempDir();
  const frameDir = join(built.dir, 'frame');
  mkdirSync(join(frameDir, dir), { recursive: true });
  writeFileSync(join(frameDir, 'index.html'), '<!doctype html><title>frame</title>');
  for (const [tag, json] of catalogues) writeFileSync(join(frameDir, dir, `${tag}.json`), json);
  api = await startTestSandbox({}, { frameDir });
});
afterAll(async () => {
  await api.close();
  api.cleanup();
  built.cleanup();
});

describe('card frame catalogues /frames/card/v1/assets/locales-<hash>/<tag>.json', () => {
  it('should serve a catalogue as JSON the frame may fetch, cached for a year', async () => {
    const r = await api.request('GET', `/frames/card/v1/${dir}pt-BR.json`, { secret: null });
    expect(r.status).toBe(200);
    // A JSON type (never HTML or script) and nosniff: the browser will not run or render it.
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    // Safe to cache for good: a changed catalogue is shipped under a new directory hash.
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(r.text).toBe(catalogues.get('pt-BR'));
    expect(r.body.checkout.pay).toBe('Pagar {amount}');
  });

  it('should answer 404 for a locale that is not shipped, or a path out of the directory', async () => {
    for (const path of [`${dir}xx.json`, `${dir}..%2F..%2Findex.html`, `${dir}%2e%2e/%2e%2e/index.html`]) {
      const r = await api.request('GET', `/frames/card/v1/${path}`, { secret: null });
      expect(r.status, path).toBe(404);
    }
  });
});

describe('shippedCatalogues', () => {
  it("should complete a catalogue's frame part with English key by key and ship its strings in English's key order, and leave its host part as written", () => {
    const source = tempDir();
    try {
      writeFileSync(join(source.dir, 'de.json'), JSON.stringify({ checkout: { pay: '{amount} bezahlen' }, frame: { labels: { number: 'Kartennummer' }, cvcHintButton: 42 } }));
      const shipped = JSON.parse(shippedCatalogues(source.dir).get('de')!);
      expect(shipped.checkout).toEqual({ pay: '{amount} bezahlen' });
      const frame = fromValues(EN_FRAME, shipped.frame)!;
      expect(frame.labels).toEqual({ ...EN_FRAME.labels, number: 'Kartennummer' });
      expect(frame.cvcHintButton).toBe(EN_FRAME.cvcHintButton);
      expect(shipped.frame).toEqual(toValues(EN_FRAME, frame));
    } finally {
      source.cleanup();
    }
  });
});
