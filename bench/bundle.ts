import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BundleRow {
  bundle: string;
  raw: number;
  gzip: number;
  brotli: number;
  budgetBrotli?: number;
}

const KB = 1024;

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), pattern) : pattern.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function measure(bundle: string, files: string[], budgetBrotli?: number): BundleRow {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { bundle, raw, gzip, brotli, budgetBrotli };
}

/** Bundle bytes of every build output (run `npm run build` first). */
export function measureBundles(): BundleRow[] {
  return [
    measure('CDN IIFE dist/cdn/xpay.js', ['dist/cdn/xpay.js'].filter(existsSync), 25 * KB),
    measure('card frame dist/frame/**', filesUnder('dist/frame', /\.(js|css|html)$/), 16 * KB),
    measure('ESM dist/esm/*.js (deps external)', filesUnder('dist/esm', /\.js$/)),
  ];
}
