import { defineConfig, type UserConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILD_TARGETS } from './scripts/browser-floor.js';
import { inlineFrameCssPlugin } from './scripts/inline-frame-css.js';
import { inlineFrameScriptPlugin } from './scripts/inline-frame-script.js';
import { frameLocalesPlugin } from './scripts/frame-locales.js';
import { eagerCompilePlugin } from './scripts/eager-compile.js';
import { minifyLitTemplatesPlugin } from './scripts/minify-lit-templates.js';
import { sandboxAssetsPlugin } from './scripts/sandbox-package.js';
import { safariFieldScopePlugin } from './scripts/safari-field-scope.js';
import { swcMinifyPlugin } from './scripts/swc-minify.js';

/**
 * One source, three outputs (see README "Builds"):
 * - `vite build`              → dist/esm/    ESM for npm; lit and zod stay external
 *                                             so apps dedupe them.
 * - `vite build --mode iife`  → dist/cdn/    one self-contained IIFE for a <script> tag (one SRI hash).
 * - `vite build --mode frame` → dist/frame/  the secure card frame, served by the API origin.
 * - `vite build --mode demo`  → dist/demo/   the demo shop's page scripts, built the way a merchant
 *                                             builds them: importing the *built* package by name.
 * - `vite build --mode sandbox` → sandbox/dist/cli.js  the xpay-sandbox package's command, for Node
 *                                             (after frame and iife: it copies what it serves).
 * Every mode builds for the browser floor (scripts/browser-floor.ts, README "Browser support"):
 * Oxc lowers the syntax, safariFieldScopePlugin() works around Safari 15's class-field bug.
 */
const root = import.meta.dirname;

const esm: UserConfig = {
  plugins: [safariFieldScopePlugin()],
  build: {
    target: BUILD_TARGETS,
    outDir: 'dist/esm',
    emptyOutDir: true,
    sourcemap: true,
    minify: false, // readable for downstream bundlers, which minify anyway
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        define: resolve(root, 'src/define.ts'),
        server: resolve(root, 'src/server/index.ts'),
        react: resolve(root, 'src/react.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // @lit/react (≈1 KB) is bundled into the react entry, so the package depends only on lit and
      // zod; react itself is an optional peer dependency.
      external: [/^lit($|\/)/, /^@lit\/(?!react$)/, /^zod($|\/)/, /^react($|\/)/, /^node:/],
    },
  },
};

const iife: UserConfig = {
  // The CDN bundle has a 25 KB brotli budget: squeeze the indentation out of Lit's html/svg/css
  // templates, which the JS minifier leaves as written (see scripts/minify-lit-templates.ts), and
  // run swc over Oxc's output (see scripts/swc-minify.ts). Last, parenthesise the IIFE so V8
  // compiles it off the main thread (see scripts/eager-compile.ts).
  plugins: [minifyLitTemplatesPlugin(), swcMinifyPlugin(), safariFieldScopePlugin(), eagerCompilePlugin()],
  build: {
    // Oxc only minifies here: swc, the last pass, lowers to the floor (BUILD_TARGETS). Its lowering
    // of the static blocks Oxc emits for Lit's `static styles` costs ~60 bytes brotli less than Oxc's.
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: resolve(root, 'src/cdn.ts'),
      name: 'XPay',
      formats: ['iife'],
      fileName: () => 'xpay.js',
    },
    // window.XPay is a plain object: no Symbol.toStringTag 'Module' marker (nothing reads it).
    rolldownOptions: { output: { generatedCode: { symbols: false } } },
  },
};

const frame: UserConfig = {
  root: resolve(root, 'src/frame'),
  base: './',
  // swc's second pass, as for the CDN bundle: the frame has its own 14 KB brotli budget.
  // frameLocalesPlugin(): the non-English catalogues, fetched by the frame (assets/locales-<hash>/).
  // inlineFrameScriptPlugin() after the two that rewrite the chunk: it inlines the final code.
  plugins: [swcMinifyPlugin(), safariFieldScopePlugin(), inlineFrameCssPlugin(), inlineFrameScriptPlugin(), frameLocalesPlugin()],
  build: {
    target: BUILD_TARGETS,
    outDir: resolve(root, 'dist/frame'),
    emptyOutDir: true,
    sourcemap: true,
    // The frame's CSP forbids inline script and style but for its one hashed <script> and <style>
    // (inlineFrameScriptPlugin, inlineFrameCssPlugin): keep every other asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: { input: resolve(root, 'src/frame/index.html') },
  },
};

const demo: UserConfig = {
  plugins: [safariFieldScopePlugin()],
  resolve: {
    // What `npm install xpay-checkout` would resolve to: the ESM build in dist/esm (run first).
    alias: [
      { find: /^xpay-checkout\/define$/, replacement: resolve(root, 'dist/esm/define.js') },
      { find: /^xpay-checkout\/react$/, replacement: resolve(root, 'dist/esm/react.js') },
      { find: /^xpay-checkout$/, replacement: resolve(root, 'dist/esm/index.js') },
    ],
  },
  build: {
    target: BUILD_TARGETS,
    outDir: 'dist/demo',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    lib: {
      entry: Object.fromEntries(
        ['shop', 'checkout-tag', 'checkout-cdn', 'checkout-own-button', 'spa'].map((name) => [
          name,
          resolve(root, `demo/web/${name}.${name === 'spa' ? 'tsx' : 'ts'}`),
        ]),
      ),
      formats: ['es'],
    },
  },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
};

// The xpay-sandbox package (sandbox/package.json): sandbox/main.ts and the few src/api modules it
// imports, bundled into one plain JavaScript file for Node (no tsx at run time); the package's own
// dependencies stay external, installed beside it.
const sandboxPackage = JSON.parse(readFileSync(resolve(root, 'sandbox/package.json'), 'utf8')) as { dependencies: Record<string, string> };
const sandboxDeps = Object.keys(sandboxPackage.dependencies);
const sandbox: UserConfig = {
  plugins: [sandboxAssetsPlugin(root, resolve(root, 'sandbox'))],
  ssr: { target: 'node', noExternal: true, external: sandboxDeps },
  build: {
    ssr: resolve(root, 'sandbox/main.ts'),
    target: 'node20',
    outDir: resolve(root, 'sandbox/dist'),
    emptyOutDir: true,
    sourcemap: false, // unminified: a stack trace is readable as it is, and a map would double the package
    minify: false,
    rolldownOptions: {
      external: [/^node:/, new RegExp(`^(${sandboxDeps.join('|')})($|/)`)],
      output: { entryFileNames: 'cli.js', banner: '#!/usr/bin/env node' },
    },
  },
};

const builds: Record<string, UserConfig> = { iife, frame, demo, sandbox };
export default defineConfig(({ mode }) => builds[mode] ?? esm);
