import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * What the xpay-sandbox package serves besides its code, copied from the repository into
 * sandbox/ by `vite build --mode sandbox`, at the same paths relative to the package root as
 * relative to the repository root: sandbox/main.ts (the package's dist/cli.js) looks for them one
 * folder above itself in both layouts.
 */
const SERVED = [
  'dist/frame', // the card frame (/frames/card/v1/)
  'dist/cdn/xpay.js', // the widget the hosted page and payment links load
  'docs/sandbox-api.md', // /docs/sandbox-api.md, linked from the sandbox's home page
];

/**
 * Checks that the frame and CDN builds ran before the sandbox build (they are its inputs) and copies
 * SERVED, plus the LICENSE, into the package once its bundle is written, without source maps.
 */
export function sandboxAssetsPlugin(root: string, packageDir: string): Plugin {
  return {
    name: 'xpay-sandbox-assets',
    apply: 'build',
    buildStart() {
      const missing = SERVED.filter((path) => !existsSync(join(root, path)));
      if (missing.length > 0) this.error(`missing ${missing.join(', ')}: run \`vite build --mode frame\` and \`vite build --mode iife\` first (npm run build does)`);
    },
    writeBundle() {
      for (const path of [...SERVED, 'LICENSE']) {
        mkdirSync(join(packageDir, path, '..'), { recursive: true });
        // No source maps (they would be 70 % of the package): cli.js is unminified, and the frame's
        // map helps only who debugs the frame, in the repository.
        cpSync(join(root, path), join(packageDir, path), { recursive: true, filter: (src) => !src.endsWith('.map') });
      }
    },
  };
}
