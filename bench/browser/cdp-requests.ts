import type { CDPSession } from 'playwright';
import { redact } from './probed-context.js';

/** One request as the target's CDP Network domain saw it. */
export interface CdpRequest {
  method: string;
  /** Origin and path, session ids shown as `cs_…`, no query. */
  url: string;
  /** CDP's resource type (`Preflight` for a CORS preflight). */
  type: string;
  /** Whether the URL has a query parameter `wait` (the idle watch's long-poll, started after ready). */
  idleWatch: boolean;
  /** False when the browser answered it from its cache (memory or disk). */
  network: boolean;
}

interface WillBeSent {
  requestId: string;
  type?: string;
  request: { method: string; url: string };
}

/**
 * Records every request a CDP session's target makes, preflights included (CDP reports them as
 * their own requests, type `Preflight`; Playwright's `page.on('request')` hides them), and whether
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
    order.push(e.requestId);
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
          url: redact(`${u.origin}${u.pathname}`),
          type: type ?? '?',
          idleWatch: u.searchParams.has('wait'),
          network: !cached.has(id),
        };
      });
    },
  };
}
