import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localesDir, shippedCatalogues } from '../../../scripts/frame-locales.js';
import { SUPPORTED_LOCALES } from '../../../src/i18n/locale.js';
import { BUNDLE_RULES, buildBundle, contains, ruleAnchors, type BuiltBundle, type Marker } from './build-bundle.js';

/**
 * What goes into the card frame (brotli budget 16 KB, scripts/size-check.ts): the same kind of
 * tripwire as cdn-bundle.test.ts, for the frame's own rules. The frame parses the host's messages
 * with z.object, z.optional and z.custom predicates (the lenient kit's way); what must stay out are
 * the zod classes those predicates replace and the heavy pieces the frame was written to avoid.
 * Failure messages link docs/bundle-budget.md.
 */
let bundle: BuiltBundle;

beforeAll(async () => {
  bundle = await buildBundle('frame');
}, 60_000);

afterAll(() => bundle?.remove());

describe('card frame (dist/frame/)', () => {
  it('should be one page, its stylesheet and script inlined, and run zod jitless', () => {
    const names = bundle.files.filter((f) => !f.startsWith('assets/locales-')).sort();
    expect(names).toEqual(['index.html']);
    // Issue #9: the CSS and the JS ride in the document (a cold mount loads the document and the
    // session, nothing else; a cached document is the whole frame), each allowed by its hash.
    expect(bundle.html).toMatch(/<style>[^<]+<\/style>/);
    expect(bundle.html).toMatch(/<script type="module">[\s\S]+?<\/script>/);
    expect(bundle.html).not.toMatch(/<script[^>]+src=/);
    expect(bundle.code).toContain('jitless');
  });

  it('should ship every non-English catalogue as minified JSON in the hashed directory it names', () => {
    const catalogues = shippedCatalogues();
    const dir = localesDir(catalogues);
    const shipped = bundle.files.filter((f) => f.startsWith('assets/locales-'));
    expect(shipped).toEqual([...catalogues.keys()].map((tag) => `${dir}${tag}.json`).sort());
    expect([...catalogues.keys()].sort()).toEqual(SUPPORTED_LOCALES.filter((l) => l !== 'en').sort());
    expect(readFileSync(join(bundle.dir, dir, 'de.json'), 'utf8')).toBe(catalogues.get('de'));
  });

  it.each<[Marker, string, string]>([
    [/[`"']ZodObject[`"']/, "zod's classic build: import from 'zod/mini'", 'zod-mini-only'],
    ['$ZodLiteral', 'z.literal: use lenientKit.literal (a z.custom predicate)', 'lenient-kit'],
    ['$ZodBoolean', 'z.boolean: use lenientKit.bool (a z.custom predicate)', 'lenient-kit'],
    ['$ZodNullable', 'z.nullable: a predicate that also takes null (see line2 in src/frame/protocol.ts)', 'lenient-kit'],
    ['$ZodCatch', 'z.catch: a predicate with a fallback (orElse in src/frame/protocol.ts)', 'lenient-kit'],
    ['$ZodUnion', 'z.union / z.discriminatedUnion: the protocol picks the schema by type', 'frame-protocol-by-hand'],
    ['billingAddressCollection', "the shared session schemas: the frame checks only the reply's shape", 'frame-minimal-confirm'],
    ['clippingAncestors', '@floating-ui/dom: the CVC hint is placed by CSS', 'frame-no-floating-ui'],
    ['$ZodNever', 'z.strictObject: the strict (sandbox) schemas', 'server-only-code'],
    ['[0-9]{12,19}', 'the confirm request schema, which only the sandbox parses', 'server-only-code'],
  ])('should not contain %s (%s)', (marker, what, anchor) => {
    expect(ruleAnchors(), `${BUNDLE_RULES} has a section for #${anchor}`).toContain(anchor);
    expect(contains(bundle.code, marker), `${what} — see ${BUNDLE_RULES}#${anchor}`).toBe(false);
  });
});
