/**
 * Bundle budgets (brotli), enforced by `npm test`. Budgets come from the widget issue:
 * the CDN bundle must stay ≤ 24 KB and the card frame ≤ 14 KB, brotli-compressed.
 * Prints a table and exits non-zero when a budget is exceeded or a bundle is missing.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

interface Budget {
  name: string;
  files: string[];
  limitBytes: number;
}

const KB = 1024;

function frameFiles(): string[] {
  const dir = 'dist/frame';
  if (!existsSync(dir)) return [];
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : /\.(js|css|html)$/.test(e.name) ? [join(d, e.name)] : [],
    );
  return walk(dir);
}

const budgets: Budget[] = [
  { name: 'CDN bundle (dist/cdn/xpay.js)', files: ['dist/cdn/xpay.js'], limitBytes: 24 * KB },
  { name: 'Card frame (dist/frame/**)', files: frameFiles(), limitBytes: 14 * KB },
];

export function brotliSize(path: string): number {
  return brotliCompressSync(readFileSync(path), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

let failed = false;
const rows = budgets.map((b) => {
  const missing = b.files.length === 0 || b.files.some((f) => !existsSync(f));
  const bytes = missing ? NaN : b.files.reduce((sum, f) => sum + brotliSize(f), 0);
  const ok = !missing && bytes <= b.limitBytes;
  if (!ok) failed = true;
  return {
    bundle: b.name,
    'brotli KB': missing ? 'missing' : (bytes / KB).toFixed(2),
    'budget KB': (b.limitBytes / KB).toFixed(0),
    result: ok ? 'ok' : 'OVER BUDGET',
  };
});
console.table(rows);
if (failed) {
  console.error('size-check: a bundle is missing or over its budget (run `npm run build` first).');
  process.exit(1);
}
