/**
 * The in-page probe, installed in every document (page, card frame, 3-D Secure page) before any of
 * its scripts run, through `context.addInitScript`. Timestamps are taken inside the document and
 * sent as epoch milliseconds (`performance.timeOrigin + now`), so the CDP round trip that carries
 * them to Node never enters a measurement.
 *
 * It reports event names, timestamps, lengths and counts only: never a field's value, an event's
 * detail beyond its status, or a URL's query (the frame URL names the session, not the secret, but
 * nothing here needs it).
 */

/** Name of the Playwright binding the probe reports through. */
export const PROBE_BINDING = '__benchReport';

/** A report from one document. `doc` tells which: 'page', 'card-frame', 'acs' or 'other'. */
export type ProbeReport =
  | { kind: 'event'; doc: string; type: string; at: number; status?: string }
  | { kind: 'click'; doc: string; at: number; label: string }
  | { kind: 'keystroke'; doc: string; keyAt: number; inputAt: number; paintAt: number; length: number; spaces: number }
  | { kind: 'longtasks'; doc: string; count: number; totalMs: number; blockingMs: number; until: number }
  | { kind: 'paint'; doc: string; name: string; at: number; timeOrigin: number };

/**
 * The probe itself. Self-contained (Playwright serialises the function), so it uses no imports and
 * declares what it needs from `window` locally.
 */
export function installProbe(binding: string): void {
  const w = window as unknown as Record<string, unknown>;
  if (w.__benchProbeInstalled) return;
  w.__benchProbeInstalled = true;
  const send = (report: Record<string, unknown>) => {
    const fn = w[binding] as ((r: Record<string, unknown>) => Promise<void>) | undefined;
    void fn?.(report).catch(() => undefined);
  };
  const epoch = (t: number) => performance.timeOrigin + t;
  const doc = location.pathname.startsWith('/frames/card/')
    ? 'card-frame'
    : location.pathname.startsWith('/sandbox/acs/')
      ? 'acs'
      : location.pathname.startsWith('/checkout/')
        ? 'page'
        : 'other';

  // Long tasks of this document's thread (with site isolation off, the page's observer also sees
  // same-process frames' tasks, attributed to them). Read on demand via `__benchLongTasks()`.
  const longTasks: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* longtask unsupported: the report says 0 tasks, which the README explains */
  }
  w.__benchLongTasks = (untilEpoch: number) => {
    const until = untilEpoch - performance.timeOrigin;
    const upTo = longTasks.filter((t) => t.start <= until);
    send({
      kind: 'longtasks',
      doc,
      count: upTo.length,
      totalMs: upTo.reduce((s, t) => s + t.duration, 0),
      blockingMs: upTo.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
      until: untilEpoch,
    });
  };
  w.__benchPaints = () => {
    for (const e of performance.getEntriesByType('paint')) {
      send({ kind: 'paint', doc, name: e.name, at: epoch(e.startTime), timeOrigin: performance.timeOrigin });
    }
  };

  for (const type of ['bench-floor-ready', 'xpay-ready', 'xpay-succeeded', 'xpay-declined', 'xpay-error', 'xpay-status-change']) {
    window.addEventListener(
      type,
      (e) => {
        const status = (e as CustomEvent<{ status?: unknown }>).detail?.status;
        send({ kind: 'event', doc, type, at: epoch(performance.now()), ...(typeof status === 'string' && { status }) });
      },
      true,
    );
  }

  // A click's own timestamp (when the browser created the event), labelled by the button's text
  // so the bench can tell "Pay $25.00" from "Complete authentication".
  window.addEventListener(
    'click',
    (e) => {
      const target = e.composedPath()[0];
      const label = target instanceof Element ? (target.closest('button')?.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
      send({ kind: 'click', doc, at: epoch(e.timeStamp), label });
    },
    true,
  );

  // Keystroke → formatted value → next frame. keydown's timeStamp is when the browser created the
  // event; the bubbling `input` listener on window runs after the field's own handler has
  // reformatted the value; a task queued from requestAnimationFrame runs after that frame painted.
  let keyAt: number | null = null;
  window.addEventListener('keydown', (e) => void (keyAt = e.timeStamp), true);
  window.addEventListener('input', (e) => {
    if (keyAt === null || !(e.target instanceof HTMLInputElement)) return;
    const started = keyAt;
    keyAt = null;
    const inputAt = performance.now();
    const value = e.target.value;
    const length = value.length;
    const spaces = value.split(' ').length - 1;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () =>
        send({ kind: 'keystroke', doc, keyAt: epoch(started), inputAt: epoch(inputAt), paintAt: epoch(performance.now()), length, spaces });
      channel.port2.postMessage(null);
    });
  });
}

/**
 * The probe as init-script source. tsx (esbuild) wraps named functions in `__name(…)` calls, which
 * exist only in Node, so the serialised function gets a local no-op `__name` of its own.
 */
export function probeScript(): string {
  return `(() => { const __name = (target) => target; (${installProbe.toString()})(${JSON.stringify(PROBE_BINDING)}); })();`;
}
