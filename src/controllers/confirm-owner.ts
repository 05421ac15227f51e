/**
 * Which widget owns a session's open 3-D Secure challenge. The session only says that a challenge
 * is open, not who sent the confirm that led to it; two tabs (or two widgets) on one client secret
 * must not both show it. A widget owns it when it sent that confirm; after a reload, the tab's
 * `sessionStorage` (per tab, kept across reloads) remembers that this tab sent it.
 */

/** Idempotency keys of confirms sent by widgets still alive on this page. */
const sentOnThisPage = new Set<string>();

const storageKey = (sessionId: string) => `xpay:confirm:${sessionId}`;

/** Records that a widget on this page sent a confirm for the session, with this key. */
export function recordConfirm(sessionId: string, idempotencyKey: string): void {
  sentOnThisPage.add(idempotencyKey);
  try {
    sessionStorage.setItem(storageKey(sessionId), idempotencyKey);
  } catch {
    // Storage blocked (sandboxed frames, some private modes): a reload then waits for the
    // challenge instead of reopening it, which is safe.
  }
}

/** The widget that sent this key is gone (removed, or given another secret): a new one may resume. */
export function releaseConfirm(idempotencyKey: string | undefined): void {
  if (idempotencyKey) sentOnThisPage.delete(idempotencyKey);
}

/** Whether this tab sent the session's last confirm before a reload (not a widget alive on this page). */
export function sentBeforeReload(sessionId: string): boolean {
  try {
    const key = sessionStorage.getItem(storageKey(sessionId));
    return key !== null && !sentOnThisPage.has(key);
  } catch {
    return false;
  }
}
