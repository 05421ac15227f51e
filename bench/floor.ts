import type { Browser, Page } from 'playwright';
import { cdnBundle } from './browser/cdn-bundle.js';
import { launchChromium } from './browser/chromium.js';
import { isEvent, openProbedContext } from './browser/probed-context.js';
import { routeThrough, startServers, type Route } from './browser/stack.js';
import { ms, summarize } from './stats.js';

/** Issue #9: `xpay-ready` within this multiple of the floor, in every condition. */
export const FLOOR_RATIO_GOAL = 1.5;

/** One network/CPU condition of the comparison. */
export interface Condition {
  name: string;
  cpuSlowdown: number;
  /** Added round trip per request (latency proxies), 0 for plain loopback. */
  rttMs: number;
}

/** The four conditions of issue #9, measured in one run. */
export const CONDITIONS: Condition[] = [
  { name: 'loopback, CPU 1×', cpuSlowdown: 1, rttMs: 0 },
  { name: 'loopback, CPU 4× (one process)', cpuSlowdown: 4, rttMs: 0 },
  { name: '50 ms round trip, CPU 1×', cpuSlowdown: 1, rttMs: 50 },
  { name: '150 ms round trip, CPU 1×', cpuSlowdown: 1, rttMs: 150 },
];

/** One page load: navigation start → ready, and the fastest request of its iframe. */
export interface ReadySample {
  readyMs: number;
  /**
   * The smallest requestStart → responseStart of the iframe's own requests (its document and
   * subresources, from its Resource Timing): proof that the added round trip reached the frame.
   */
  frameTtfbMs?: number;
}

/** Floor, checkout floor and widget samples of one condition. */
export interface ConditionResult {
  condition: Condition;
  floor: ReadySample[];
  /** The floor plus what any embedded checkout must also do (host-page.ts `checkoutFloorPageFor`). */
  checkoutFloor: ReadySample[];
  xpay: ReadySample[];
  failures: string[];
}

/** The iframe's fastest request, timed inside the iframe (the floor's or the card frame). */
async function frameTtfb(page: Page): Promise<number | undefined> {
  const child = page.frames().find((f) => f !== page.mainFrame() && /\/(frames\/card\/|floor-frame)/.test(f.url()));
  if (!child) return undefined;
  const ttfbs = await child
    .evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .map((e) => (e as PerformanceResourceTiming).responseStart - (e as PerformanceResourceTiming).requestStart)
        .filter((t) => t > 0),
    )
    .catch(() => []);
  return ttfbs.length ? Math.min(...ttfbs) : undefined;
}

/** One measured load of `url` in a fresh context, until `event` reaches the page's window. */
async function loadUntil(browser: Browser, url: string, event: string, cpuSlowdown: number): Promise<ReadySample> {
  const probed = await openProbedContext(browser);
  try {
    const cdp = await probed.context.newCDPSession(probed.page);
    if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await probed.page.goto(url, { waitUntil: 'commit' });
    const ready = await probed.waitFor(isEvent(event));
    const timeOrigin = await probed.page.evaluate(() => performance.timeOrigin);
    return { readyMs: ready.at - timeOrigin, frameTtfbMs: await frameTtfb(probed.page) };
  } finally {
    await probed.close();
  }
}

/**
 * Floor, checkout floor and widget runs of one condition, alternated (the order rotates every
 * round), cold cache each. One round first is not counted: the first pages of a new browser pay its
 * renderer start-up.
 */
async function measureCondition(browser: Browser, route: Route, condition: Condition, runs: number): Promise<ConditionResult> {
  const result: ConditionResult = { condition, floor: [], checkoutFloor: [], xpay: [], failures: [] };
  const load = {
    floor: () => loadUntil(browser, route.floorPage(), 'bench-floor-ready', condition.cpuSlowdown),
    checkoutFloor: () => loadUntil(browser, route.checkoutFloorPage(), 'bench-floor-ready', condition.cpuSlowdown),
    xpay: async () => loadUntil(browser, await route.widgetPage(), 'xpay-ready', condition.cpuSlowdown),
  };
  const pages = ['floor', 'checkoutFloor', 'xpay'] as const;
  for (const page of pages) await load[page]().catch(() => undefined);
  for (let i = 0; i < runs; i++) {
    for (const page of [...pages.slice(i % 3), ...pages.slice(0, i % 3)]) {
      try {
        result[page].push(await load[page]());
      } catch (error) {
        result.failures.push(String((error as Error).message).split('\n')[0]!);
      }
    }
  }
  return result;
}

/**
 * Issue #9's yardstick: the widget's navigation → `xpay-ready` against the floor's navigation →
 * "ready" (a page whose only work is one cross-origin iframe that posts "ready"), per condition, in
 * one run; and against the checkout floor, the floor plus what no embedded checkout can skip. CPU
 * 4× keeps page and frame in one process so the throttling covers both (see bench/README.md); the
 * round-trip conditions put a latency proxy in front of every server.
 */
export async function benchFloor(runs = Number(process.env.BENCH_FLOOR_RUNS ?? 7)): Promise<ConditionResult[]> {
  const servers = await startServers(cdnBundle());
  const results: ConditionResult[] = [];
  try {
    for (const condition of CONDITIONS) {
      const browser = await launchChromium({ siteIsolation: condition.cpuSlowdown === 1 });
      const route = await routeThrough(servers, condition.rttMs);
      try {
        results.push(await measureCondition(browser, route, condition, runs));
      } finally {
        await route.close();
        await browser.close();
      }
    }
  } finally {
    await servers.close();
  }
  return results;
}

const medP95 = (samples: ReadySample[]) => {
  const s = summarize(samples.map((x) => x.readyMs));
  return s ? `${ms(s.median)} / ${ms(s.p95)}` : '—';
};
const minTtfb = (samples: ReadySample[]) => {
  const values = samples.flatMap((x) => (x.frameTtfbMs === undefined ? [] : [x.frameTtfbMs]));
  return values.length ? ms(Math.min(...values)) : '—';
};

/** The ratio of two sets' medians (NaN when either is empty). */
function medianRatio(of: ReadySample[], to: ReadySample[]): number {
  const a = summarize(of.map((s) => s.readyMs));
  const b = summarize(to.map((s) => s.readyMs));
  return a && b ? a.median / b.median : Number.NaN;
}
/** A ratio as `2.05×`, or '—'. */
const times = (ratio: number) => (Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)}×`);

/**
 * One row per condition: n, median / p95 of each page, xpay's ratio of medians to the floor (the
 * goal's) and the checkout floor's, to the floor and xpay's to the checkout floor.
 */
export function floorTable(results: ConditionResult[]): Record<string, string>[] {
  return results.map(({ condition, floor, checkoutFloor, xpay, failures }) => {
    const ratio = medianRatio(xpay, floor);
    return {
      condition: condition.name,
      'n floor / checkout floor / xpay': `${floor.length} / ${checkoutFloor.length} / ${xpay.length}${failures.length ? ` (+${failures.length} failed)` : ''}`,
      'floor ms (med / p95)': medP95(floor),
      'checkout floor ms': medP95(checkoutFloor),
      'xpay-ready ms (med / p95)': medP95(xpay),
      'xpay ÷ floor': times(ratio),
      [`goal ≤ ${FLOOR_RATIO_GOAL}×`]: Number.isNaN(ratio) ? '—' : ratio <= FLOOR_RATIO_GOAL ? 'within' : 'over',
      'checkout floor ÷ floor': times(medianRatio(checkoutFloor, floor)),
      'xpay ÷ checkout floor': times(medianRatio(xpay, checkoutFloor)),
      'frame min TTFB ms (floor / xpay)': `${minTtfb(floor)} / ${minTtfb(xpay)}`,
    };
  });
}
