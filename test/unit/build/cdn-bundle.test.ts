import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_RULES, buildBundle, contains, ruleAnchors, type BuiltBundle, type Marker } from './build-bundle.js';

/**
 * What goes into the script-tag bundle (brotli budget 25 KB, scripts/size-check.ts). Builds it with
 * the project's own Vite config into a temporary directory, then looks for strings that only a
 * heavy or server-only module would bring: a cheap tripwire that names the culprit, where the size
 * check only says "over budget". Each marker's failure message links the size rule it guards in
 * docs/bundle-budget.md, which says what the rule saves and what to write instead.
 */
let bundle: BuiltBundle;

beforeAll(async () => {
  bundle = await buildBundle('iife');
}, 60_000);

afterAll(() => bundle?.remove());

describe('CDN bundle (dist/cdn/xpay.js)', () => {
  it('should be one self-contained file, so one SRI hash covers it', () => {
    expect(bundle.files).toEqual(['xpay.js']);
    expect(bundle.code).not.toMatch(/\bimport\s*\(/);
  });

  it('should parenthesise its function, so V8 compiles it while streaming, off the main thread', () => {
    // scripts/eager-compile.ts: without the parentheses the whole bundle compiles lazily, in the
    // script's evaluation on the main thread (issue #9's compile + evaluation measurement).
    expect(bundle.code.startsWith('var XPay=(function(')).toBe(true);
    expect(bundle.code.trimEnd()).toMatch(/\}\)\(\{\}\);?$/);
  });

  it("should carry Lit's production build, not its dev mode", () => {
    expect(bundle.code.includes('Lit is in dev mode'), `see ${BUNDLE_RULES}#lit-production-build`).toBe(false);
  });

  it('should define both elements and run zod jitless', () => {
    // Either quote: the minifiers choose.
    expect(bundle.code).toMatch(/customElements\.define\([`"']xpay-checkout[`"']/);
    expect(bundle.code).toMatch(/customElements\.define\([`"']xpay-challenge[`"']/);
    expect(bundle.code).toContain('jitless');
  });

  it.each<[Marker, string, string]>([
    // zod: the mini build, and none of the classes the lenient kit replaces.
    [/[`"']ZodObject[`"']/, "zod's classic build: import from 'zod/mini'", 'zod-mini-only'],
    ['$ZodString', 'z.string: use lenientKit.string (a z.custom predicate)', 'lenient-kit'],
    ['$ZodNumber', 'z.number / z.int: use lenientKit.int (a z.custom predicate)', 'lenient-kit'],
    ['$ZodBoolean', 'z.boolean: use lenientKit.bool (a z.custom predicate)', 'lenient-kit'],
    ['$ZodLiteral', 'z.literal: use lenientKit.literal (a z.custom predicate)', 'lenient-kit'],
    ['$ZodArray', 'z.array: use lenientKit.list', 'lenient-kit'],
    ['$ZodEnum', 'z.enum: use lenientKit.oneOf or lenientKit.literal([...])', 'lenient-kit'],
    ['$ZodCatch', 'z.catch: lenient enums are z.overwrite in lenientKit', 'lenient-kit'],
    ['$ZodCheckRegex', 'z.regex: use lenientKit.matches', 'lenient-kit'],
    ['$ZodCheckMaxLength', 'z.maxLength: use a predicate (see text() in src/frame/protocol.ts)', 'lenient-kit'],
    ['$ZodCheckMinLength', 'z.minLength: use a predicate', 'lenient-kit'],
    ['$ZodCheckGreaterThan', 'z.minimum: use lenientKit.int(min)', 'lenient-kit'],
    ['$ZodCheckLessThan', 'z.maximum: use a predicate', 'lenient-kit'],
    ['$ZodUnion', 'z.union / z.discriminatedUnion: pick the schema by its tag by hand', 'lenient-kit'],
    ['$ZodURL', 'z.url: use lenientKit.matches', 'lenient-kit'],
    ['$ZodRecord', 'z.record: only the server object graph (src/api/objects.ts) uses it', 'server-only-code'],
    ['$ZodPipe', 'z.pipe / z.transform', 'lenient-kit'],
    // Code only servers need.
    ['$ZodNever', 'z.strictObject: the strict (sandbox) schemas', 'server-only-code'],
    ['[0-9]{12,19}', 'the confirm request schema, which only the sandbox parses', 'server-only-code'],
    ['checkout.session.completed', 'the webhook event types (server-only enums / objects.ts)', 'server-only-code'],
    ['nzd', 'the full currency list (only the exceptions to two decimals are needed)', 'server-only-code'],
    // Lit.
    ['Unsupported decorator location', "Lit's decorators: elements declare static properties", 'no-lit-decorators'],
    [/this\.render\(\.\.\./, "Lit's Directive class (keyed, classMap, styleMap, repeat…)", 'no-class-directives'],
    ["Value passed to 'css' function", "Lit's css tag: use the static one in src/styles/css.ts", 'static-css-tag'],
    [/\n[ \t]+/, 'an indented line: a template the minifier skipped (a css/html tag renamed?)', 'template-tag-names'],
  ])('should not contain %s (%s)', (marker, what, anchor) => {
    expect(ruleAnchors(), `${BUNDLE_RULES} has a section for #${anchor}`).toContain(anchor);
    expect(contains(bundle.code, marker), `${what} — see ${BUNDLE_RULES}#${anchor}`).toBe(false);
  });
});
