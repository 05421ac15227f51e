import type { Browser } from 'playwright';
import { cdnBundle } from './browser/cdn-bundle.js';
import { recordRequests, type CdpRequest } from './browser/cdp-requests.js';
import { launchChromium } from './browser/chromium.js';
import { ADYEN_WEB_VERSION, adyenCardBundle } from './browser/adyen-card.js';
import { XPAY_PATH } from './browser/host-page.js';
import { layoutProbeScript, type LayoutRecord } from './browser/layout-probe.js';
import type { ProbeReport } from './browser/probe.js';
import { isEvent, openProbedContext } from './browser/probed-context.js';
import { scriptCost, type ScriptCost } from './browser/script-cost.js';
import { routeThrough, startServers, type Route } from './browser/stack.js';
import { fillBilling } from './interaction.js';
import { ms, summarize } from './stats.js';
import { clickWhenMouseReaches } from '../test/helpers/cross-origin-click.mjs';

/** Issue #9's goals for the shape of the mount. */
export const MOUNT_GOALS = { coldRequests: 3, warmNetworkRequests: 1, cls: 0.01, adyenAnchorMs: 17.9, evalRatio: 0.6 } as const;

/** What the mount bench measured. */
export interface MountResult {
  cold: CdpRequest[][];
  warm: CdpRequest[][];
  layout: { mount: LayoutWindow; status: LayoutWindow }[];
  script: ScriptCost[];
  /** Adyen's card drop-in in the same run, alternated with xpay.js; absent when it could not be built. */
  adyen: ScriptCost[];
  /** Why Adyen's card is absent (npm could not install it), if it is. */
  adyenMissing?: string;
  failures: string[];
}

/** Layout shifts and sentinel movement in one window of time. */
export interface LayoutWindow {
  /** Sum of every shift's value in the window, those after input included. */
  shiftAll: number;
  /** The same without shifts flagged `hadRecentInput`: what CLS counts. */
  cls: number;
  /** How far the sentinel's top moved from the window's start to its end (px). */
  sentinelMovedPx: number;
  /** How many times the sentinel's top changed in the window. */
  sentinelMoves: number;
}

const VISA = '4242424242424242';
const ADYEN_PATH = '/cdn/adyen/card.js';
const isPageOwn = (r: CdpRequest) => /\/checkout\/[^/]+$/.test(r.url) || r.url.endsWith('/xpay.js') || r.url.endsWith('/favicon.ico');

/** The requests of one load until `xpay-ready` (cold or after a priming load in the same context). */
async function requestsOnce(browser: Browser, route: Route, cache: 'cold' | 'warm'): Promise<CdpRequest[]> {
  const probed = await openProbedContext(browser);
  try {
    if (cache === 'warm') {
      await probed.page.goto(await route.widgetPage());
      await probed.waitFor(isEvent('xpay-ready'));
      await probed.page.goto('about:blank');
      probed.reports.length = 0;
    }
    const recorder = await recordRequests(await probed.context.newCDPSession(probed.page));
    await probed.page.goto(await route.widgetPage(), { waitUntil: 'commit' });
    await probed.waitFor(isEvent('xpay-ready'));
    return recorder.stop().filter((r) => !r.idleWatch);
  } finally {
    await probed.close();
  }
}

/** Shifts and sentinel movement between two points of the page's clock. */
function windowOf(record: LayoutRecord, from: number, to: number): LayoutWindow {
  const shifts = record.shifts.filter((s) => s.at >= from && s.at <= to);
  const topAt = (t: number) => [...record.sentinelTops].reverse().find((s) => s.at <= t)?.top ?? record.sentinelTops[0]?.top ?? 0;
  return {
    shiftAll: shifts.reduce((s, e) => s + e.value, 0),
    cls: shifts.filter((e) => !e.hadRecentInput).reduce((s, e) => s + e.value, 0),
    sentinelMovedPx: Math.abs(topAt(to) - topAt(from)),
    sentinelMoves: record.sentinelTops.filter((s) => s.at > from && s.at <= to).length,
  };
}

/**
 * One load with the layout probe: first paint → `xpay-ready`, then pay with 4242… and watch the
 * succeeded view replace the form (pay click → one second after `xpay-succeeded`, time for any
 * transition to end).
 */
async function layoutOnce(browser: Browser, route: Route): Promise<{ mount: LayoutWindow; status: LayoutWindow }> {
  const probed = await openProbedContext(browser);
  const { page } = probed;
  try {
    await probed.context.addInitScript({ content: layoutProbeScript() });
    await page.goto(await route.widgetPage(), { waitUntil: 'commit' });
    const ready = await probed.waitFor(isEvent('xpay-ready'));
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    await fillBilling(page);
    const frame = page.frameLocator('xpay-checkout iframe.card-frame');
    await frame.getByRole('textbox', { name: 'Name on card' }).fill('Jo Tester');
    await frame.getByRole('textbox', { name: 'Card number' }).fill(VISA);
    await frame.getByRole('textbox', { name: 'Expiry date' }).fill('12 / 34');
    await frame.getByRole('textbox', { name: 'Security code' }).fill('123');
    await clickWhenMouseReaches(page, page.locator('xpay-checkout').getByRole('button', { name: /^Pay / }));
    const click = await probed.waitFor((r): r is Extract<ProbeReport, { kind: 'click' }> => r.kind === 'click' && r.doc === 'page' && /^Pay /.test(r.label));
    const done = await probed.waitFor(isEvent('xpay-succeeded'));
    await page.waitForTimeout(1_000);
    const record = await page.evaluate(() => (window as unknown as { __benchLayout: () => LayoutRecord }).__benchLayout());
    const clock = (epoch: number) => epoch - timeOrigin;
    return {
      mount: windowOf(record, record.firstPaint ?? 0, clock(ready.at)),
      status: windowOf(record, clock(click.at), clock(done.at) + 1_000),
    };
  } finally {
    await probed.close();
  }
}

/**
 * One cold load at CPU 4×, under a trace, of a page whose only content is the script at `path`:
 * the main thread's compile + evaluation of that script. The same page shape for both scripts, so
 * nothing but the script differs.
 */
async function scriptCostOnce(browser: Browser, route: Route, path: string): Promise<ScriptCost> {
  const probed = await openProbedContext(browser);
  try {
    const cdp = await probed.context.newCDPSession(probed.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await browser.startTracing(probed.page, { categories: ['devtools.timeline', 'v8'] });
    await probed.page.goto(route.scriptPage(path), { waitUntil: 'load' });
    const cost = scriptCost(await browser.stopTracing(), path);
    if (!cost) throw new Error(`the trace holds no EvaluateScript of ${path}`);
    return cost;
  } finally {
    await probed.close();
  }
}

/** Runs `n` times, keeping what succeeded and the first line of what failed. */
async function repeat<T>(n: number, once: () => Promise<T>, failures: string[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    try {
      out.push(await once());
    } catch (error) {
      failures.push(String((error as Error).message).split('\n')[0]!);
    }
  }
  return out;
}

/**
 * The shape of the mount (issue #9), on loopback: requests until `xpay-ready` on a cold and a warm
 * cache, counted by CDP on the page's target with site isolation off, so that the card frame's
 * document and requests are in that target too (preflights included); layout shift on the merchant
 * page (site isolation on, desktop's default); and xpay.js's main-thread compile + evaluation at
 * CPU 4× from a trace.
 */
export async function benchMount(runs = Number(process.env.BENCH_MOUNT_RUNS ?? 7)): Promise<MountResult> {
  const adyen = await adyenCardBundle();
  const servers = await startServers(cdnBundle(), 'code' in adyen ? { [ADYEN_PATH]: adyen.code } : {});
  const route = await routeThrough(servers, 0);
  const result: MountResult = { cold: [], warm: [], layout: [], script: [], adyen: [], failures: [] };
  if ('error' in adyen) result.adyenMissing = adyen.error;
  try {
    const oneProcess = await launchChromium({ siteIsolation: false });
    try {
      result.cold = await repeat(runs, () => requestsOnce(oneProcess, route, 'cold'), result.failures);
      result.warm = await repeat(runs, () => requestsOnce(oneProcess, route, 'warm'), result.failures);
      // Alternated, so that a busy moment of the machine falls on both.
      for (let i = 0; i < runs; i++) {
        result.script.push(...(await repeat(1, () => scriptCostOnce(oneProcess, route, XPAY_PATH), result.failures)));
        if (!result.adyenMissing) result.adyen.push(...(await repeat(1, () => scriptCostOnce(oneProcess, route, ADYEN_PATH), result.failures)));
      }
    } finally {
      await oneProcess.close();
    }
    const isolated = await launchChromium();
    try {
      result.layout = await repeat(Math.min(runs, 3), () => layoutOnce(isolated, route), result.failures);
    } finally {
      await isolated.close();
    }
  } finally {
    await route.close();
    await servers.close();
  }
  return result;
}

const medMax = (values: number[], format: (v: number) => string = String) => {
  const s = summarize(values);
  return s ? `${format(s.median)} / ${format(s.max)}` : '—';
};

/** Requests at mount: cold and warm, how many, how many reached the network, against the goals. */
export function mountRequestTable(result: MountResult): Record<string, string | number>[] {
  const row = (name: string, runs: CdpRequest[][], goal: string) => {
    const mount = runs.map((list) => list.filter((r) => !isPageOwn(r)));
    return {
      cache: name,
      n: runs.length,
      'requests at mount (med / max)': medMax(mount.map((l) => l.length)),
      'of which preflights': medMax(mount.map((l) => l.filter((r) => r.type === 'Preflight' || r.method === 'OPTIONS').length)),
      'reaching the network (med / max)': medMax(mount.map((l) => l.filter((r) => r.network).length)),
      'issue #9 goal': goal,
    };
  };
  return [
    row('cold', result.cold, `≤ ${MOUNT_GOALS.coldRequests} requests`),
    row('warm', result.warm, `≤ ${MOUNT_GOALS.warmNetworkRequests} reaching the network`),
  ];
}

/** The first cold run's requests in order, with whether the first warm run served each from its cache. */
export function mountRequestOrder(result: MountResult): Record<string, string>[] {
  const cold = result.cold[0] ?? [];
  const warm = [...(result.warm[0] ?? [])];
  return cold.map((r) => {
    const i = warm.findIndex((w) => w.method === r.method && w.url === r.url);
    const twin = i >= 0 ? warm.splice(i, 1)[0] : undefined;
    return {
      counted: isPageOwn(r) ? 'page (not counted)' : 'mount',
      method: r.method,
      url: r.url,
      type: r.type,
      'warm cache': twin ? (twin.network ? 'network' : 'cache') : 'not requested',
    };
  });
}

/** Layout shift and sentinel movement, mount and status view, against CLS ≤ 0.01. */
export function layoutTable(result: MountResult): Record<string, string | number>[] {
  const cls = (v: number) => v.toFixed(4);
  const row = (name: string, windows: LayoutWindow[]) => ({
    window: name,
    n: windows.length,
    'CLS (med / max)': medMax(windows.map((w) => w.cls), cls),
    'all shifts, input-led too (med / max)': medMax(windows.map((w) => w.shiftAll), cls),
    'sentinel moved px (med / max)': medMax(windows.map((w) => w.sentinelMovedPx)),
    'sentinel moves': medMax(windows.map((w) => w.sentinelMoves)),
    goal: `CLS ≤ ${MOUNT_GOALS.cls}, sentinel still`,
  });
  return [
    row('first paint → xpay-ready', result.layout.map((l) => l.mount)),
    row('pay click → succeeded view (+1 s)', result.layout.map((l) => l.status)),
  ];
}

/** Compile + evaluation of xpay.js and Adyen's card at CPU 4×, and their ratio against issue #9's goal. */
export function scriptCostTable(result: MountResult): Record<string, string | number>[] {
  const row = (script: string, costs: ScriptCost[], versus: string) => {
    const total = summarize(costs.map((s) => s.totalMs));
    return {
      script,
      n: costs.length,
      'background parse ms (med)': ms(summarize(costs.map((s) => s.backgroundParseMs))?.median),
      'main-thread compile ms (med)': ms(summarize(costs.map((s) => s.compileMs))?.median),
      'main-thread compile + evaluate ms (med / p95)': total ? `${ms(total.median)} / ${ms(total.p95)}` : '—',
      'xpay / this (medians)': versus,
    };
  };
  const xpay = summarize(result.script.map((s) => s.totalMs));
  const adyen = summarize(result.adyen.map((s) => s.totalMs));
  const goal = `goal ≤ ${MOUNT_GOALS.evalRatio}×`;
  return [
    row('dist/cdn/xpay.js', result.script, '—'),
    adyen
      ? row(`Adyen card (@adyen/adyen-web ${ADYEN_WEB_VERSION}, AdyenCheckout + Card)`, result.adyen, xpay ? `${(xpay.median / adyen.median).toFixed(2)}× (${goal})` : '—')
      : { script: `Adyen card: not built (${result.adyenMissing ?? 'no run succeeded'})`, n: 0 },
    {
      script: "issue #9's anchor for Adyen's card (another run)",
      n: '—',
      'main-thread compile + evaluate ms (med / p95)': `${MOUNT_GOALS.adyenAnchorMs}`,
      'xpay / this (medians)': xpay ? `${(xpay.median / MOUNT_GOALS.adyenAnchorMs).toFixed(2)}× (${goal})` : '—',
    },
  ];
}
