/** What the layout probe saw on the merchant page, in the page's `performance.now()` clock. */
export interface LayoutRecord {
  firstPaint: number | null;
  /** Every `layout-shift` entry: when, how much, and whether it followed input (CLS skips those). */
  shifts: { at: number; value: number; hadRecentInput: boolean }[];
  /** The sentinel's document-relative top each time it changed, sampled every animation frame. */
  sentinelTops: { at: number; top: number }[];
}

/**
 * Installed on the merchant page only (init script): a buffered `layout-shift` observer, and an
 * animation-frame sampler of `#bench-sentinel`, the paragraph below the widget. A shift can be
 * left out of CLS (after input, or under the 0.0001 reporting floor) while the sentinel still
 * moves, so the bench reports both. Read back with `window.__benchLayout()`.
 */
export function installLayoutProbe(): void {
  if (!location.pathname.startsWith('/checkout/')) return;
  const record: LayoutRecord = { firstPaint: null, shifts: [], sentinelTops: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      record.shifts.push({ at: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const sample = () => {
    const sentinel = document.getElementById('bench-sentinel');
    if (sentinel) {
      const top = sentinel.getBoundingClientRect().top + scrollY;
      if (record.sentinelTops.at(-1)?.top !== top) record.sentinelTops.push({ at: performance.now(), top });
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  (window as unknown as { __benchLayout: () => LayoutRecord }).__benchLayout = () => {
    record.firstPaint = performance.getEntriesByName('first-paint')[0]?.startTime ?? null;
    return record;
  };
}

/** The layout probe as init-script source (see probeScript for the `__name` shim). */
export const layoutProbeScript = () => `(() => { const __name = (target) => target; (${installLayoutProbe.toString()})(); })();`;
