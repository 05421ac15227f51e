/**
 * A build step for the script-tag bundle and the card frame: a second minification pass, with swc,
 * over what Vite's own minifier (Oxc) produced. Measured on the CDN bundle (brotli): swc instead of Oxc saves
 * ~0.1 KB, Oxc then swc ~0.45 KB, of a bundle with a 25 KB budget (docs/bundle-budget.md). It
 * also lowers the syntax to the browser floor (scripts/browser-floor.ts). Only swc's default, safe
 * compress options, with 4 passes (measured: 4 is 49 B brotli smaller than 3; 5 or more reach a
 * fixpoint 23 B larger); nothing that assumes more than the language guarantees. The source map
 * is chained through, so it still points at the TypeScript sources.
 */
import { transform } from '@swc/core';
import type { Plugin } from 'vite';
import { BUILD_FLOOR } from './browser-floor.js';

/** Vite plugin: re-minifies every JS chunk after Vite has minified it (`generateBundle`). */
export function swcMinifyPlugin(): Plugin {
  return {
    name: 'xpay:swc-minify',
    apply: 'build',
    enforce: 'post',
    async generateBundle(output, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const out = await transform(chunk.code, {
          filename: chunk.fileName,
          // The card frame is an ES module (strict, may import); the CDN bundle a classic script.
          isModule: output.format === 'es',
          minify: true,
          sourceMaps: chunk.map !== null,
          inputSourceMap: chunk.map ? JSON.stringify(chunk.map) : false,
          // The browser floor, not an ES year: swc lowers what the floor lacks (class static blocks)
          // and emits nothing newer. Default parameters stay: Oxc, which builds the other bundles,
          // does not lower them for Safari 15.4 either (swc's table says 16.3, for an edge case of
          // a closure in a default value naming a `var` of the body).
          env: { targets: BUILD_FLOOR, exclude: ['transform-parameters'] },
          jsc: { parser: { syntax: 'ecmascript' }, minify: { compress: { passes: 4 }, mangle: true } },
        });
        chunk.code = out.code;
        if (chunk.map && out.map) Object.assign(chunk.map, JSON.parse(out.map));
      }
    },
  };
}
