import { defineConfig, type UserConfig } from 'vite';
import { resolve } from 'node:path';

/**
 * One source, three outputs (see README "Builds"):
 * - `vite build`              → dist/esm/    ESM for npm; lit, zod and @floating-ui/dom stay external
 *                                             so apps dedupe them.
 * - `vite build --mode iife`  → dist/cdn/    one self-contained IIFE for a <script> tag (one SRI hash).
 * - `vite build --mode frame` → dist/frame/  the secure card frame, served by the API origin.
 */
const root = import.meta.dirname;

const esm: UserConfig = {
  build: {
    target: 'es2022',
    outDir: 'dist/esm',
    emptyOutDir: true,
    sourcemap: true,
    minify: false, // readable for downstream bundlers, which minify anyway
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        define: resolve(root, 'src/define.ts'),
        server: resolve(root, 'src/server/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@floating-ui\//, /^zod($|\/)/, /^react($|\/)/, /^node:/],
    },
  },
};

const iife: UserConfig = {
  build: {
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
  },
};

const frame: UserConfig = {
  root: resolve(root, 'src/frame'),
  base: './',
  build: {
    target: 'es2022',
    outDir: resolve(root, 'dist/frame'),
    emptyOutDir: true,
    sourcemap: true,
    // The frame's CSP forbids inline script and style: keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: { input: resolve(root, 'src/frame/index.html') },
  },
};

export default defineConfig(({ mode }) => (mode === 'iife' ? iife : mode === 'frame' ? frame : esm));
