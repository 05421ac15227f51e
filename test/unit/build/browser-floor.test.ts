import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { parseAst } from 'rolldown/parseAst';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftMappings } from '../../../scripts/source-insertions.js';
import { unsafeFieldInitializers, wrapUnsafeFieldInitializers } from '../../../scripts/safari-field-scope.js';

/**
 * The browser floor (README "Browser support": Safari/iOS 15.4, Chrome/Edge 100, Firefox 100), as
 * far as syntax goes. Chromium cannot be made to reject syntax it knows, so the e2e journeys
 * (test/e2e/browser-floor.spec.ts) prove the run-time APIs and this test parses what the builds
 * emit: the CDN bundle, the card frame and the ESM package, each built with the project's config.
 */
const modes = { iife: 'script', frame: 'module', production: 'module' } as const;
const out: Record<string, { file: string; code: string; sourceType: 'script' | 'module' }[]> = {};
const dirs: string[] = [];

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : name.endsWith('.js') ? [path] : [];
  });
}

beforeAll(async () => {
  // As in cdn-bundle.test.ts: build what merchants get, not Lit's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    for (const [mode, sourceType] of Object.entries(modes)) {
      const outDir = mkdtempSync(join(tmpdir(), `xpay-floor-${mode}-`));
      dirs.push(outDir);
      await build({ configFile: resolve('vite.config.ts'), mode, logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
      out[mode] = jsFiles(outDir).map((file) => ({ file, code: readFileSync(file, 'utf8'), sourceType }));
    }
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 120_000);

afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Every node of a parsed file. */
function* nodes(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) for (const n of node) yield* nodes(n);
  else if (typeof node === 'object' && node !== null) {
    if (typeof (node as { type?: unknown }).type === 'string') yield node as Record<string, unknown>;
    for (const value of Object.values(node)) yield* nodes(value);
  }
}

/** APIs some floor browser lacks (with the version that brought them); the bundles must not call them. */
const NEWER_APIS = [
  /\bAbortSignal\.(any|timeout)\b/, // Safari 17.4 / 16, Chrome 116, Firefox 124
  /\.withResolvers\b|\bPromise\.try\b/,
  /\b(Object|Map)\.groupBy\b/,
  /\.(toSorted|toReversed|toSpliced|findLast|findLastIndex)\(/, // findLast: Firefox 104
  /\.(union|intersection|symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom)\(/,
  /\bArray\.fromAsync\b|\.(isWellFormed|toWellFormed)\(/,
  /\bURL\.(canParse|parse)\b|\bResponse\.json\b/,
  /\.checkVisibility\(|\bshowPopover\b|\brequestIdleCallback\b/,
];

describe.each(Object.keys(modes))('the %s build', (mode) => {
  it('should use no syntax newer than the floor', () => {
    for (const { file, code, sourceType } of out[mode]!) {
      const found: string[] = [];
      for (const node of nodes(parseAst(code, { sourceType }))) {
        if (node['type'] === 'StaticBlock') found.push('class static block (Safari 16.4)');
        const regex = node['regex'] as { pattern: string; flags: string } | undefined;
        if (regex?.flags.includes('v')) found.push(`/${regex.pattern}/v (Safari 17)`);
        if (regex && /\(\?<[=!]/.test(regex.pattern)) found.push(`/${regex.pattern}/ lookbehind (Safari 16.4)`);
      }
      expect(found, file).toEqual([]);
    }
  });

  it("should leave no class-field initializer that Safari 15's scope bug can break", () => {
    for (const { file, code, sourceType } of out[mode]!) {
      expect(unsafeFieldInitializers(code, sourceType).map((n) => code.slice(n.start, n.end)), file).toEqual([]);
    }
  });

  it.each(NEWER_APIS.map((re) => [re.source, re] as const))('should not call %s', (_name, re) => {
    for (const { file, code } of out[mode]!) expect(re.exec(code)?.[0], file).toBeUndefined();
  });
});

describe('safari-field-scope', () => {
  it('should wrap the initializers that read an outer name, and only those', () => {
    const code = 'class A { #m = new Map(); n = 1; f = () => a; g = a[(0)]; static s = [b]; t = this.x; o = { k: c } }';
    const { code: wrapped } = wrapUnsafeFieldInitializers(code);
    expect(wrapped).toBe(
      'class A { #m = (()=>(new Map()))(); n = 1; f = () => a; g = (()=>(a[(0)]))(); static s = (()=>([b]))(); t = this.x; o = (()=>({ k: c }))() }',
    );
    expect(unsafeFieldInitializers(wrapped)).toEqual([]);
  });

  it('should keep a source map pointing at the same code', () => {
    const code = 'x;class A{m=M()}y';
    const mappings = encode([[[0, 0, 0, 0], [12, 0, 0, 12], [16, 0, 0, 16]]]);
    const { code: wrapped, insertions } = wrapUnsafeFieldInitializers(code, 'script');
    const columns = decode(shiftMappings(mappings, code, insertions))[0]!.map((s) => s[0]);
    expect(columns.map((c) => wrapped.slice(c, c + 1))).toEqual(['x', 'M', 'y']);
  });
});
