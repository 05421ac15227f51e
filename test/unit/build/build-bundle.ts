import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'vite';

/** A production build of one of the browser bundles, in a temporary directory. */
export interface BuiltBundle {
  /** Every file written, relative to the output directory, sorted. */
  files: string[];
  /** The output directory. */
  dir: string;
  /** The JavaScript of the bundle, all files joined. */
  code: string;
  /** Every HTML file of the build, concatenated. */
  html: string;
  /** Removes the temporary directory. */
  remove(): void;
}

/**
 * Builds `mode` (`iife` for the CDN bundle, `frame` for the card frame) with the project's own Vite
 * config, as `npm run build` does, into a temporary directory, for the bundle tripwire tests.
 */
export async function buildBundle(mode: 'iife' | 'frame'): Promise<BuiltBundle> {
  const outDir = mkdtempSync(join(tmpdir(), `xpay-${mode}-`));
  // Vitest sets NODE_ENV=test, which would make Vite resolve Lit's `development` build: build the
  // bundle merchants get, as `npm run build` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: resolve('vite.config.ts'),
      mode,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  const paths = walk(outDir).sort();
  const html = paths.filter((p) => p.endsWith('.html')).map((p) => readFileSync(p, 'utf8')).join('\n');
  // The card frame's script is inlined in its page (scripts/inline-frame-script.ts): code too.
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return {
    dir: outDir,
    files: paths.map((p) => relative(outDir, p)),
    code: [...paths.filter((p) => p.endsWith('.js')).map((p) => readFileSync(p, 'utf8')), ...inline].join('\n'),
    html,
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** Where each size rule is explained; a tripwire's failure message links its section. */
export const BUNDLE_RULES = 'docs/bundle-budget.md';

/** A string or pattern that only the thing a size rule keeps out would bring into a bundle. */
export type Marker = string | RegExp;

/** Whether the bundle's code contains the marker. */
export function contains(code: string, marker: Marker): boolean {
  return typeof marker === 'string' ? code.includes(marker) : marker.test(code);
}

/**
 * The anchors of docs/bundle-budget.md's headings, as GitHub makes them (lower case, spaces to
 * hyphens, punctuation other than hyphens dropped), so a tripwire can check that the section its
 * failure message links exists.
 */
export function ruleAnchors(): Set<string> {
  const headings = readFileSync(resolve(BUNDLE_RULES), 'utf8').match(/^#{1,6} .+$/gm) ?? [];
  return new Set(
    headings.map((h) =>
      h
        .replace(/^#+ /, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}
