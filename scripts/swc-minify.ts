/**
 * A build step for the script-tag bundle: a second minification pass, with swc, over what Vite's
 * own minifier (Oxc) produced. Measured on the CDN bundle (brotli): swc instead of Oxc saves
 * ~0.1 KB, Oxc then swc ~0.45 KB, of a bundle with a 25 KB budget (docs/bundle-budget.md). Only
 * swc's default, safe compress options (3 passes); nothing that assumes more than the language
 * guarantees. The source map is chained through, so it still points at the TypeScript sources.
 */
import { transform } from '@swc/core';
import type { Plugin } from 'vite';

/** Vite plugin: re-minifies every JS chunk after Vite has minified it (`generateBundle`). */
export function swcMinifyPlugin(): Plugin {
  return {
    name: 'xpay:swc-minify',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const out = await transform(chunk.code, {
          filename: chunk.fileName,
          isModule: false,
          minify: true,
          sourceMaps: chunk.map !== null,
          inputSourceMap: chunk.map ? JSON.stringify(chunk.map) : false,
          jsc: { target: 'es2022', parser: { syntax: 'ecmascript' }, minify: { compress: { passes: 3 }, mangle: true } },
        });
        chunk.code = out.code;
        if (chunk.map && out.map) Object.assign(chunk.map, JSON.parse(out.map));
      }
    },
  };
}
