import { createHash } from 'node:crypto';
import { esc } from './pages.js';

/**
 * The two documents the API serves at the card frame's URL: the frame itself, and — when it will
 * not serve the frame to that page — a refusal that tells the embedding widget why, over the frame
 * protocol, so the merchant's developer reads `session_not_found` or `origin_not_allowed` rather
 * than a load timeout.
 */

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The frame's CSP: scripts from its own origin only; styles from its own origin and the one inline
 * `<style>` of its document (scripts/inline-frame-css.ts), allowed by its hash; calls to its own
 * origin; framed only by the page it was loaded for.
 */
export function frameDocumentCsp(html: string, hostOrigin: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${hostOrigin} 'self'`,
  ].join('; ');
}

/** Why the frame is refused: an integration error of the frame protocol (`refused`). */
export interface FrameRefusal {
  code: 'session_not_found' | 'origin_not_allowed' | 'invalid_request';
  /**
   * Says what to fix; shown to the developer in test mode. May name the session's allowed origins:
   * the merchant's own public sites, which the frame's refusal page has always listed.
   */
  message: string;
}

// Reads the data block and tells the parent, at the exact origin it claimed (a page of any other
// origin never receives it). Constant, so the CSP can allow it by hash.
const REFUSAL_SCRIPT =
  "const d=JSON.parse(document.getElementById('refusal').textContent);parent.postMessage({v:1,type:'refused',error:d.error},d.origin);";

/**
 * The refusal document: visible text for whoever opens it, and, when the page's origin is known,
 * a `refused` message to it. Framed only by that origin.
 */
export function frameRefusalDocument(refusal: FrameRefusal, hostOrigin: string | null): { html: string; csp: string } {
  const data = JSON.stringify({ origin: hostOrigin, error: { type: 'integration_error', ...refusal } }).replace(/</g, '\\u003c');
  const script = hostOrigin ? `<script type="application/json" id="refusal">${data}</script><script>${REFUSAL_SCRIPT}</script>` : '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XPay card frame refused</title></head><body><p>${esc(refusal.message)}</p>${script}</body></html>`;
  const csp = `default-src 'none'; script-src ${sha256(REFUSAL_SCRIPT)}; base-uri 'none'; form-action 'none'; frame-ancestors ${hostOrigin ?? "'none'"}`;
  return { html, csp };
}
