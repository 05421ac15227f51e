import type { Browser, BrowserContext, Page } from 'playwright';
import { probeScript, PROBE_BINDING, type ProbeReport } from './probe.js';

/** A fresh browser context with the probe in every document, and what it reported so far. */
export interface ProbedContext {
  context: BrowserContext;
  page: Page;
  reports: ProbeReport[];
  /** Resolves with the first report matching `match` (already received or later); rejects after `timeoutMs`. */
  waitFor<R extends ProbeReport>(match: (r: ProbeReport) => r is R, timeoutMs?: number): Promise<R>;
  /** What the probe reported so far, one line each (for a timeout's message). */
  describe(): string;
  /** Asks every frame for its paint entries and long tasks up to `untilEpoch`, and waits for them. */
  collectTimings(untilEpoch: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A new context (its own empty HTTP cache) with the probe installed before any script of any
 * document, page and cross-origin frames alike, reporting through one binding.
 */
export async function openProbedContext(browser: Browser): Promise<ProbedContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const reports: ProbeReport[] = [];
  const waiters = new Set<() => void>();
  await context.exposeBinding(PROBE_BINDING, (_source, report: ProbeReport) => {
    reports.push(report);
    for (const wake of waiters) wake();
  });
  await context.addInitScript({ content: probeScript() });
  const page = await context.newPage();

  function waitFor<R extends ProbeReport>(match: (r: ProbeReport) => r is R, timeoutMs = 30_000): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const check = () => {
        const found = reports.find(match);
        if (!found) return false;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(found);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`no matching probe report within ${timeoutMs} ms (${match.name || 'predicate'}); got:\n${describe()}`));
      }, timeoutMs);
      if (!check()) waiters.add(wake);
    });
  }

  // Kinds, documents, event types and labels only: nothing a customer typed.
  const describe = () =>
    reports.map((r) => `${r.kind} ${r.doc} ${'type' in r ? r.type : ''} ${'label' in r ? r.label : ''} ${'status' in r ? (r.status ?? '') : ''}`).join('\n');

  return {
    context,
    describe,
    page,
    reports,
    waitFor,
    async collectTimings(untilEpoch) {
      const before = reports.filter((r) => r.kind === 'longtasks').length;
      let asked = 0;
      for (const frame of page.frames()) {
        const ok = await frame
          .evaluate((until) => {
            const w = window as unknown as { __benchPaints?: () => void; __benchLongTasks?: (u: number) => void };
            if (!w.__benchLongTasks) return false;
            w.__benchPaints?.();
            w.__benchLongTasks(until);
            return true;
          }, untilEpoch)
          .catch(() => false);
        if (ok) asked++;
      }
      const deadline = Date.now() + 5_000;
      while (reports.filter((r) => r.kind === 'longtasks').length < before + asked && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => context.close(),
  };
}

/** Type guards for {@link ProbedContext.waitFor}. */
export const isEvent =
  (type: string, doc = 'page') =>
  (r: ProbeReport): r is Extract<ProbeReport, { kind: 'event' }> =>
    r.kind === 'event' && r.type === type && r.doc === doc;

/** Replaces session ids (and anything after them, a client secret included) with `cs_…`. */
export const redact = (text: string) => text.replace(/cs_(test|live)_\w+/g, 'cs_…');
