import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');
const DIST = resolve(REPO, 'dist/cdn/xpay.js');

/** Whether a built IIFE registers the elements at all (the tag embed relies on it). */
export const definesElements = (code: string) => /customElements\.define\(/.test(code);

/**
 * dist/cdn/xpay.js as `npm run build` made it: the file the load bench serves as the CDN script.
 * Refuses a bundle that never calls `customElements.define` (seen once, fixed in b314ab1: the
 * IIFE build dropped the bare `import './define.js'`), because every browser number would then
 * time out instead of measuring the widget.
 */
export function cdnBundle(): Buffer {
  if (!existsSync(DIST)) throw new Error('dist/cdn/xpay.js is missing: run `npm run build` first');
  const bytes = readFileSync(DIST);
  if (!definesElements(bytes.toString('utf8'))) {
    throw new Error('dist/cdn/xpay.js registers no element (<xpay-checkout> would stay unknown): rebuild it, or fix the CDN entry');
  }
  return bytes;
}
