/**
 * Bundle budgets (brotli), checked by `npm test`: the CDN bundle ≤ 25 KB and the card frame ≤ 16 KB,
 * brotli-compressed. The CDN budget was 24 KB until the speed issue (#9) raised it by 1 KB, to be
 * spent on what customers feel (speed, resilience, the browser floor), never on cleverness.
 *
 * How the CDN bundle got there, for whoever adds the next feature: 26.6 KB once it really defined
 * the elements; 25.3 KB after a first round of cuts (no Lit directives, a static css tag, lenient
 * zod schemas without the string/number/boolean/literal/array classes); 24.9 KB with a second
 * minification pass by swc (scripts/swc-minify.ts); 24.5 KB after a second round of cuts; 23.9 KB
 * after a third (integration errors carry the API's own message, lenient schema failures are zod's
 * "Invalid input" at the exact path, the token defaults a table, and small cuts in the client, the
 * controller, mount() and the views). What is left is Lit (~4.5 KB), zod/mini (~3.9 KB), the CSS
 * (~2.2 KB), the English catalogue (~0.9 KB) and our own code. Brotli moves ±25–40 bytes on
 * unrelated edits, so judge a change by its raw bytes as well as the brotli number.
 *
 * Over budget for a while: the trust fixes of issue #8 (a confirm path that waits out rate limits,
 * reply bodies read with a limit, mount retries and deadlines, the second-window state, URL checks,
 * size limits that agree, the browser floor) cost 1.5 KB and took it to 26,042 B, held by a
 * ratchet. Issue #9 brought it back under, structurally: the card frame, same-origin with the API,
 * makes every session call and hands the host the view, so the host's HTTP client (request,
 * retries, body limit, error bodies) left this bundle (24,839 B). The frame carries that client
 * now, and went from Oxc alone to Oxc + swc (as this bundle does) to stay within its 14 KB.
 * Exits non-zero when a bundle is missing, over its enforced limit, or a ratchet is no longer needed
 * (a ratchet: a temporary ceiling above a budget, lowered as cuts land, never raised).
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

interface Budget {
  name: string;
  files: string[];
  /** The budget the issue sets. */
  limitBytes: number;
  /** Temporary enforced ceiling while the budget is not met (see the header). */
  ratchetBytes?: number;
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
  { name: 'CDN bundle (dist/cdn/xpay.js)', files: ['dist/cdn/xpay.js'], limitBytes: 25 * KB },
  // 16 KB since issue #12 (the frame speaks 12 languages and makes the session's calls): issue #9
  // held it at 14 KB "unless another issue raises it", and issue #10 gives the frame 16 KB.
  { name: 'Card frame (dist/frame/**)', files: frameFiles(), limitBytes: 16 * KB },
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
  const within = !missing && bytes <= b.limitBytes;
  const enforced = b.ratchetBytes ?? b.limitBytes;
  const ok = !missing && bytes <= enforced;
  if (!ok) failed = true;
  // A met budget makes the ratchet pointless: fail so that it is removed and the budget enforced.
  if (within && b.ratchetBytes !== undefined) {
    failed = true;
    console.error(`size-check: ${b.name} is within its budget now: remove its ratchet.`);
  }
  return {
    bundle: b.name,
    bytes: missing ? 'missing' : bytes,
    'brotli KB': missing ? 'missing' : (bytes / KB).toFixed(2),
    'budget KB (issue)': (b.limitBytes / KB).toFixed(0),
    'vs budget': missing ? '—' : within ? `${b.limitBytes - bytes} B to spare` : `OVER by ${bytes - b.limitBytes} B`,
    enforced: b.ratchetBytes === undefined ? 'budget' : `ratchet ${b.ratchetBytes} B`,
    result: ok ? 'ok' : 'FAIL',
  };
});
console.table(rows);
if (failed) {
  console.error('size-check: a bundle is missing or over its enforced limit (run `npm run build` first).');
  process.exit(1);
}
