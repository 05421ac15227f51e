import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Helpers for tests about who a `message` receiver listens to: real pages that post (see pages/),
 * a fault proxy in front of the sandbox that serves them from an API-like origin, and waiting for a
 * message to have been dispatched before asserting that nothing reacted to it.
 */

/** One rule for the fault proxy plugin (see fault-proxy-plugin.mjs). */
export interface ProxyRule {
  /** Exact path, or a RegExp source when `pattern` is true. */
  path: string;
  pattern?: boolean;
  method?: string;
  faults: (
    | { type: 'delay'; ms: number }
    | { type: 'drop' }
    | { type: 'dropReply' }
    | { type: 'respond'; status: number; body?: unknown; headers?: Record<string, string> }
    | { type: 'page'; file: 'poster.html' | 'frame-v2.html'; times?: number }
    /** Forward, then set (dotted path → value) or delete (dotted paths) parts of the JSON reply. */
    | { type: 'patchJson'; set?: Record<string, unknown>; unset?: string[] }
  )[];
}

/**
 * Starts a fresh fault proxy in front of the sandbox (its own origin); resolves with its base URL.
 * `preserveHost`: the sandbox takes the proxy's origin for its own (to pay through the proxy).
 */
export async function startFaultProxy(rules: ProxyRule[] = [], options: { preserveHost?: boolean } = {}): Promise<string> {
  const answer = (await executeServerCommand('xpay-fault-proxy', { rules, ...options })) as { url: string };
  return answer.url;
}

/** The poster page's URL under `base`, posting `messages` to its parent in order. */
export function posterUrl(base: string, messages: unknown[]): string {
  return `${base}#${encodeURIComponent(JSON.stringify(messages))}`;
}

/** The poster page on this (the test page's) origin. */
export const LOCAL_POSTER = '/test/harness/pages/poster.html';

/** Resolves with the next `message` event on this window that `match` accepts. */
export function nextMessage(match: (event: MessageEvent) => boolean): Promise<MessageEvent> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if (!match(event)) return;
      window.removeEventListener('message', listener);
      resolve(event);
    };
    window.addEventListener('message', listener);
  });
}

/**
 * Lets the current event dispatch finish (one macrotask), so every other `message` listener has
 * seen the event the test just observed: after this, "nothing reacted" is a fact, not a race.
 */
export function afterDispatch(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until `condition()` holds, checking every animation frame; the test's timeout bounds it. */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise(requestAnimationFrame);
}
