import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What goes into the script-tag bundle (brotli budget 25 KB, scripts/size-check.ts). Builds it with
 * the project's own Vite config into a temporary directory, then looks for strings that only a
 * heavy or server-only module would bring: a cheap tripwire that names the culprit, where the size
 * check only says "over budget".
 */
const outDir = mkdtempSync(join(tmpdir(), 'xpay-cdn-'));
let code = '';

beforeAll(async () => {
  // Vitest sets NODE_ENV=test, which would make Vite resolve Lit's `development` build: build the
  // bundle merchants get, as `npm run build` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: resolve('vite.config.ts'),
      mode: 'iife',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  code = readFileSync(join(outDir, 'xpay.js'), 'utf8');
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('CDN bundle (dist/cdn/xpay.js)', () => {
  it('should be one self-contained file, so one SRI hash covers it', () => {
    expect(readdirSync(outDir)).toEqual(['xpay.js']);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it("should carry Lit's production build, not its dev mode", () => {
    expect(code).not.toContain('Lit is in dev mode');
  });

  it('should define both elements and run zod jitless', () => {
    // Either quote: the minifiers choose.
    expect(code).toMatch(/customElements\.define\([`"']xpay-checkout[`"']/);
    expect(code).toMatch(/customElements\.define\([`"']xpay-challenge[`"']/);
    expect(code).toContain('jitless');
  });

  it.each([
    ['$ZodNever', 'z.strictObject: the strict (sandbox) schemas'],
    ['$ZodCatch', 'z.catch: lenient enums are z.overwrite in lenientKit'],
    ['$ZodEnum', 'z.enum: use lenientKit.oneOf or lenientKit.literal([...])'],
    ['$ZodNumber', 'z.number / z.int: use lenientKit.int (a z.custom predicate)'],
    ['$ZodBoolean', 'z.boolean: use lenientKit.bool (a z.literal)'],
    ['$ZodString', 'z.string: use lenientKit.string (a z.custom predicate)'],
    ['$ZodLiteral', 'z.literal: use lenientKit.literal (a z.custom predicate)'],
    ['$ZodArray', 'z.array: use lenientKit.list'],
    ['$ZodCheckRegex', 'z.regex: use lenientKit.matches'],
    ['$ZodCheckMaxLength', 'z.maxLength: use a refine (see frame/protocol.ts text())'],
    ['$ZodCheckMinLength', 'z.minLength'],
    ['$ZodCheckGreaterThan', 'z.minimum: use lenientKit.int(min)'],
    ['$ZodCheckLessThan', 'z.maximum'],
    ['$ZodUnion', 'z.union / z.discriminatedUnion'],
    ['$ZodURL', 'z.url'],
    ['$ZodRecord', 'z.record: objects.ts'],
    ['$ZodPipe', 'z.pipe / z.transform'],
    ['checkout.session.completed', 'the webhook event types (server-only enums / objects.ts)'],
    ['[0-9]{12,19}', 'the confirm request schema, which only the sandbox parses'],
    ['nzd', 'the full currency list (only the exceptions to two decimals are needed)'],
    ['Unsupported decorator location', "Lit's decorators (elements declare static properties)"],
    ["Value passed to 'css' function", "Lit's css tag: use the static one in src/styles/css.ts"],
  ])('should not contain %j (%s)', (marker) => {
    expect(code.includes(marker)).toBe(false);
  });
});
