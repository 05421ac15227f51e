import { createHmac } from 'node:crypto';
import { secureEqual } from './http.js';

/**
 * The issuer (ACS) page's Complete / Fail forms are the customer's answer to 3-D Secure, so another
 * site must not be able to post them (issue #8). Each form carries a per-challenge token; a POST
 * counts only with that token, not from a foreign `Origin`, and not cross-site by Fetch Metadata.
 */

/**
 * The token of a challenge's forms: an HMAC of its id under the store's card key, so it survives a
 * restart, needs no column, and cannot be computed from the database or the challenge URL.
 */
export function acsFormToken(key: string, challengeId: string): string {
  return createHmac('sha256', key).update(`acs-form\n${challengeId}`).digest('base64url');
}

/** What the guard looks at in a form POST. */
export interface AcsPost {
  origin: string | undefined;
  secFetchSite: string | undefined;
  token: string | null;
}

/**
 * Why a form POST is refused, or null when it is the issuer page's own. `Origin: null` is accepted:
 * browsers send it for a form posted under `Referrer-Policy: no-referrer`, as this page is; the token
 * is what proves the page was read.
 */
export function acsPostProblem(post: AcsPost, ownOrigin: string, expectedToken: string): string | null {
  if (post.secFetchSite !== undefined && post.secFetchSite !== 'same-origin') return `a ${post.secFetchSite} request`;
  if (post.origin !== undefined && post.origin !== 'null' && post.origin !== ownOrigin) return `a request from ${post.origin}`;
  if (post.token === null || !secureEqual(post.token, expectedToken)) return 'a request without this page\'s token';
  return null;
}

/**
 * The token of a bank-redirect authorisation's forms (the sandbox's bank page, issue #11): guarded
 * like the issuer's, with {@link acsPostProblem}, under its own label so neither token opens the other.
 */
export function bankFormToken(key: string, authorisationId: string): string {
  return createHmac('sha256', key).update(`bank-form\n${authorisationId}`).digest('base64url');
}
