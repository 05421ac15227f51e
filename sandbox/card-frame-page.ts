import { createHash } from 'node:crypto';
import { esc } from './pages.js';

/**
 * The two documents the API serves at the card frame's URL: the frame itself, and a refusal when
 * the URL names no well-formed embedding origin. A session the page may not use is refused on the
 * frame's first call (`session_not_found`, `origin_not_allowed`), which the widget reports as the
 * API words it.
 */

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The frame's CSP: its one inline module script and one inline `<style>` (the build inlines them:
 * scripts/inline-frame-script.ts, scripts/inline-frame-css.ts), each allowed by its hash, beside its
 * own origin; calls to its own origin; framed only by the page its URL names (and the API's pages).
 */
export function frameDocumentCsp(html: string, hostOrigin: string): string {
  const hashes = (tag: string) => [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].filter((m) => m[1]).map((m) => ` ${sha256(m[1]!)}`).join('');
  return [
    "default-src 'none'",
    `script-src 'self'${hashes('script')}`,
    `style-src 'self'${hashes('style')}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${hostOrigin} 'self'`,
  ].join('; ');
}

/**
 * How long a browser keeps the frame's document. It is one URL per embedding page, the same for
 * every session, so a returning customer's mount needs the network for the session only. A day,
 * not a year and `immutable`: the host (an npm package or a CDN file of its own version) cannot
 * know which frame build the API serves, so no URL of its making changes with the API's deploys;
 * the day bounds how long an older frame can outlive one. The document is whole (its script and
 * style inlined), so an older cached copy still works. `stale-while-revalidate`: after that day,
 * the next mount starts from the old copy while the new one is fetched beside it.
 */
export const FRAME_DOCUMENT_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';

/**
 * The refusal document, for a URL without a well-formed `origin` (sessions are checked on the
 * frame's calls): `message`, which says what to fix, as text for whoever opens it, framed by nobody.
 * Without an origin there is no page to tell over the frame protocol (its messages go to one exact
 * origin).
 */
export function frameRefusalDocument(message: string): { html: string; csp: string } {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XPay card frame refused</title></head><body><p>${esc(message)}</p></body></html>`;
  return { html, csp: "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" };
}
