/**
 * Prints the SRI hash of the CDN bundle, for the merchant's `integrity` attribute, and writes it next
 * to the bundle as `xpay.sri.json` (exported as `xpay-checkout/cdn/xpay.sri.json`), so a merchant
 * reads it from the installed package rather than from our build log.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function sriOf(path: string): string {
  return `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? 'dist/cdn/xpay.js';
  const integrity = sriOf(path);
  const file = basename(path);
  writeFileSync(join(dirname(path), file.replace(/\.js$/, '.sri.json')), `${JSON.stringify({ file, integrity }, null, 2)}\n`);
  console.log(`${path} integrity="${integrity}"`);
}
