import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** The version of Adyen's web SDK the comparison builds (pinned, so runs compare alike). */
export const ADYEN_WEB_VERSION = '6.45.2';

const DIR = resolve(import.meta.dirname, '../.adyen');
const OUT = resolve(DIR, `card-${ADYEN_WEB_VERSION}.js`);

/**
 * Adyen's card drop-in as a merchant would ship it: `@adyen/adyen-web`'s tree-shaken ESM entry,
 * `AdyenCheckout` and `Card` only, bundled and minified into one classic script. The comparison
 * point for xpay.js's compile + evaluation (issue #9).
 *
 * Installed on demand into bench/.adyen/ (git-ignored, its own package.json), never into the root
 * package.json: the widget does not depend on it. Returns null, with the reason, when npm cannot
 * install it (offline), so the bench falls back to the issue's stated anchor.
 */
export async function adyenCardBundle(): Promise<{ code: Buffer } | { error: string }> {
  if (existsSync(OUT)) return { code: readFileSync(OUT) };
  try {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(
      resolve(DIR, 'package.json'),
      JSON.stringify({ name: 'bench-adyen-card', private: true, dependencies: { '@adyen/adyen-web': ADYEN_WEB_VERSION } }, null, 2),
    );
    if (!existsSync(resolve(DIR, 'node_modules/@adyen/adyen-web'))) {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: DIR, stdio: 'pipe', timeout: 120_000 });
    }
    const entry = resolve(DIR, 'entry.js');
    // Exposed on window, so tree-shaking keeps exactly what a card integration imports.
    writeFileSync(entry, "import { AdyenCheckout, Card } from '@adyen/adyen-web';\nwindow.AdyenWeb = { AdyenCheckout, Card };\n");
    await build({ entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: 'es2020', outfile: OUT, logLevel: 'silent' });
    return { code: readFileSync(OUT) };
  } catch (error) {
    return { error: String((error as Error).message).split('\n')[0]! };
  }
}
