/**
 * `npm run bench`: measures what the issues budget — bundle bytes, API throughput (and, once the
 * browser benches land, load and interaction latency) — and prints each as a table next to its
 * budget. Numbers only: timing never fails a test here (machines are noisy); bytes do, in `npm test`.
 */
import { measureBundles } from './bundle.js';
import { benchApi } from './api.js';

const KB = 1024;
const only = new Set(process.argv.slice(2));
const want = (name: string) => only.size === 0 || only.has(name);

if (want('bundle')) {
  console.log('\nBundle bytes (run `npm run build` first)');
  console.table(
    measureBundles().map((r) => ({
      bundle: r.bundle,
      'raw KB': (r.raw / KB).toFixed(1),
      'gzip KB': (r.gzip / KB).toFixed(2),
      'brotli KB': (r.brotli / KB).toFixed(2),
      'budget KB (brotli)': r.budgetBrotli ? (r.budgetBrotli / KB).toFixed(0) : '—',
      verdict: r.budgetBrotli ? (r.brotli <= r.budgetBrotli ? 'within' : 'OVER') : '—',
    })),
  );
}

if (want('api')) {
  console.log('\nSandbox API throughput (own process, loopback, 10 connections, 5 s each; confirm: 4 connections × 400)');
  console.table(await benchApi());
}
