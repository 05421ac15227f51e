import type { CDPSession } from 'playwright';
import { redact } from './probed-context.js';

/** One request as the target's CDP Network domain saw it. */
export interface CdpRequest {
  method: string;
  /** Origin and path, session ids shown as `cs_…` and page ids as `…`, no query. */
  url: string;
  /** CDP's resource type (a CORS preflight is an `OPTIONS` of type `Other` or `Preflight`). */
  type: string;
  /** Whether the URL has a query parameter `wait` (the idle watch's long-poll, started after ready). */
  idleWatch: boolean;
  /** False when the browser answered it from its cache (memory or disk). */
  network: boolean;
}

interface WillBeSent {
  requestId: string;
  type?: string;
  initiator?: { type?: string; requestId?: string };
  request: { method: string; url: string };
}

/**
 * Records every request a CDP session's target makes, preflights included (CDP reports them as
 * their own `OPTIONS` requests; Playwright's `page.on('request')` hides them), and whether
 * each was served from the cache. `stop()` freezes the list. The target must hold every document
 * the caller cares about: with site isolation off, the card frame lives in the page's target.
 */
export async function recordRequests(cdp: CDPSession): Promise<{ stop(): CdpRequest[] }> {
  const order: string[] = [];
  const sent = new Map<string, WillBeSent>();
  const cached = new Set<string>();
  let stopped = false;
  // A redirect or a retry reuses the request id: the first sighting is the one the list keeps.
  cdp.on('Network.requestWillBeSent', (e: WillBeSent) => {
    if (stopped || sent.has(e.requestId)) return;
    sent.set(e.requestId, e);
    // CDP announces a fetch before its CORS preflight; list the preflight first, as the wire has it.
    const before = e.initiator?.type === 'preflight' && e.initiator.requestId ? order.indexOf(e.initiator.requestId) : -1;
    if (before >= 0) order.splice(before, 0, e.requestId);
    else order.push(e.requestId);
  });
  cdp.on('Network.requestServedFromCache', (e: { requestId: string }) => void cached.add(e.requestId));
  cdp.on('Network.responseReceived', (e: { requestId: string; response: { fromDiskCache?: boolean; fromPrefetchCache?: boolean } }) => {
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) cached.add(e.requestId);
  });
  await cdp.send('Network.enable');
  return {
    stop() {
      stopped = true;
      return order.map((id) => {
        const { request, type } = sent.get(id)!;
        const u = new URL(request.url);
        return {
          method: request.method,
          // The bench's page ids too, so a warm run's page matches the cold run's.
          url: redact(`${u.origin}${u.pathname}`).replace(/\/checkout\/[0-9a-f-]{36}$/, '/checkout/…'),
          type: type ?? '?',
          idleWatch: u.searchParams.has('wait'),
          network: !cached.has(id),
        };
      });
    },
  };
}
