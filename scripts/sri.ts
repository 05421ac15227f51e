/** Prints the SRI hash of the CDN bundle, for the merchant's `integrity` attribute. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function sriOf(path: string): string {
  return `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? 'dist/cdn/xpay.js';
  console.log(`${path} integrity="${sriOf(path)}"`);
}
