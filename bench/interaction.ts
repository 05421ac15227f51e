import type { Locator, Page } from 'playwright';
import { cdnBundle } from './browser/cdn-bundle.js';
import { launchChromium } from './browser/chromium.js';
import { startHostPage, type HostPage } from './browser/host-page.js';
import { isEvent, openProbedContext, type ProbedContext } from './browser/probed-context.js';
import type { ProbeReport } from './browser/probe.js';
import { startBenchSandbox, type BenchSandbox } from './browser/sandbox.js';
import { ms, summarize } from './stats.js';
import { clickWhenMouseReaches } from '../test/helpers/cross-origin-click.mjs';

type Keystroke = Extract<ProbeReport, { kind: 'keystroke' }>;
type Click = Extract<ProbeReport, { kind: 'click' }>;

/** Test cards (docs/sandbox-api.md). Typed into the frame only; never printed. */
const VISA = '4242424242424242';
const THREE_DS = '4000002760003184';

/** Samples gathered over all runs, in milliseconds. */
export interface InteractionResult {
  /** Card-number keystrokes: keydown → the field's value reformatted (input handler done). */
  keyToValue: number[];
  /** Card-number keystrokes: keydown → the next frame after it (value on screen). */
  keyToPaint: number[];
  /** Expiry and security-code keystrokes, keydown → next frame. */
  otherKeyToPaint: number[];
  /** Pay click (4242…) → `xpay-succeeded`. */
  payToSucceeded: number[];
  /** Pay click (3184…) → `xpay-status-change` requires_action (the challenge opens). */
  payToChallenge: number[];
  /** "Complete authentication" click in the issuer page → `xpay-succeeded` on the host page. */
  challengeToSucceeded: number[];
  runs: number;
  /** Checkouts that did not finish (a timeout on a loaded machine), with the first line of why. */
  failures: string[];
  issuerLatencyMs: number;
}

const isKeystroke = (r: ProbeReport): r is Keystroke => r.kind === 'keystroke';
const isClick =
  (doc: string, label: RegExp) =>
  (r: ProbeReport): r is Click =>
    r.kind === 'click' && r.doc === doc && label.test(r.label);
const isStatus =
  (status: string) =>
  (r: ProbeReport): r is Extract<ProbeReport, { kind: 'event' }> =>
    r.kind === 'event' && r.doc === 'page' && r.type === 'xpay-status-change' && r.status === status;

/** Fills whatever contact and billing fields the session asks for, as a customer would. */
export async function fillBilling(page: Page): Promise<void> {
  const field = (name: string) => page.locator(`xpay-checkout [name="${name}"]`);
  if (await field('email').count()) await field('email').fill('jo@example.com');
  if (await field('country').count()) await field('country').selectOption('US');
  if (await field('postalCode').count()) await field('postalCode').fill('94107');
  if (await field('line1').count()) await field('line1').fill('1 Main St');
  if (await field('city').count()) await field('city').fill('Springfield');
  if (await field('phone').count()) await field('phone').fill('+1 555 0100');
}

/**
 * Presses one key at a time into the focused card field and waits for its keystroke report before
 * the next, so two keystrokes never share a frame. Returns the reports, in order.
 */
async function typeMeasured(probed: ProbedContext, text: string): Promise<Keystroke[]> {
  const out: Keystroke[] = [];
  for (const key of text) {
    const before = probed.reports.filter(isKeystroke).length;
    await probed.page.keyboard.press(key);
    const report = await probed.waitFor((r): r is Keystroke => isKeystroke(r) && probed.reports.filter(isKeystroke).indexOf(r) >= before, 5_000);
    out.push(report);
  }
  return out;
}

/**
 * Clicks and waits for the probe to see the click in the right document. On a loaded machine the
 * dialog can still be moving when Playwright computes the click point, and the click lands on the
 * page beside the issuer frame; a second click is then what a customer would do too.
 */
async function clickUntilSeen(probed: ProbedContext, target: Locator, seen: (r: ProbeReport) => r is Click): Promise<Click> {
  for (let attempt = 1; ; attempt++) {
    await target.click();
    try {
      return await probed.waitFor(seen, 5_000);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * One checkout in the given tab: load, fill, type the card (measured), pay; for 3-D Secure also
 * complete the challenge. Each checkout navigates to a new session's page, so no state carries over
 * but the HTTP cache (which none of these measurements depends on).
 */
async function checkoutOnce(probed: ProbedContext, sandbox: BenchSandbox, host: HostPage, card: 'visa' | '3ds', result: InteractionResult): Promise<void> {
  const { page } = probed;
  probed.reports.length = 0;
  await page.goto(host.pageFor(await sandbox.createSession(host.origin)), { waitUntil: 'commit' });
  await probed.waitFor(isEvent('xpay-ready'));
  await fillBilling(page);

  const frame = page.frameLocator('xpay-checkout iframe.card-frame');
  await frame.getByRole('textbox', { name: 'Name on card' }).fill('Jo Tester');
  if (card === 'visa') {
    // Keystrokes are measured on the 4242… checkout; the 3-D Secure one fills its fields at once
    // (a paste, as autofill does) to stay inside the time box.
    await frame.getByRole('textbox', { name: 'Card number' }).click();
    for (const k of await typeMeasured(probed, VISA)) {
      result.keyToValue.push(k.inputAt - k.keyAt);
      result.keyToPaint.push(k.paintAt - k.keyAt);
    }
    await frame.getByRole('textbox', { name: 'Expiry date' }).click();
    const other = await typeMeasured(probed, '1234');
    await frame.getByRole('textbox', { name: 'Security code' }).click();
    other.push(...(await typeMeasured(probed, '123')));
    for (const k of other) result.otherKeyToPaint.push(k.paintAt - k.keyAt);
  } else {
    await frame.getByRole('textbox', { name: 'Card number' }).fill(THREE_DS);
    await frame.getByRole('textbox', { name: 'Expiry date' }).fill('12 / 34');
    await frame.getByRole('textbox', { name: 'Security code' }).fill('123');
  }

  // Not a plain click: right after Playwright scrolls the button into view, the card frame's old
  // position can still take the click (see test/helpers/cross-origin-click.mjs).
  await clickWhenMouseReaches(page, page.locator('xpay-checkout').getByRole('button', { name: /^Pay / }));
  const payClick = await probed.waitFor(isClick('page', /^Pay /));
  if (card === 'visa') {
    const done = await probed.waitFor(isEvent('xpay-succeeded'));
    result.payToSucceeded.push(done.at - payClick.at);
    return;
  }
  const challenge = await probed.waitFor(isStatus('requires_action'));
  result.payToChallenge.push(challenge.at - payClick.at);
  const acs = page.frameLocator('xpay-checkout xpay-challenge iframe');
  const complete = await clickUntilSeen(probed, acs.getByRole('button', { name: 'Complete authentication' }), isClick('acs', /Complete authentication/));
  const done = await probed.waitFor(isEvent('xpay-succeeded'));
  result.challengeToSucceeded.push(done.at - complete.at);
}

/**
 * The interaction bench: `runs` pairs of checkouts (4242… and 3-D Secure 3184…) in one tab,
 * against the real sandbox on loopback. Every timestamp is taken inside the document where the
 * event happened; no new pair starts once the time box (default 85 s) is spent.
 */
export async function benchInteraction(options: { runs?: number; budgetMs?: number } = {}): Promise<InteractionResult> {
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 10);
  const deadline = Date.now() + (options.budgetMs ?? 85_000);
  const script = cdnBundle();
  const sandbox = await startBenchSandbox();
  const host = await startHostPage(sandbox.url, script);
  const browser = await launchChromium();
  const probed = await openProbedContext(browser);
  const result: InteractionResult = {
    keyToValue: [],
    keyToPaint: [],
    otherKeyToPaint: [],
    payToSucceeded: [],
    payToChallenge: [],
    challengeToSucceeded: [],
    runs: 0,
    failures: [],
    issuerLatencyMs: sandbox.issuerLatencyMs,
  };
  try {
    for (let i = 0; i < runs && (i < 3 || Date.now() < deadline); i++) {
      for (const card of ['visa', '3ds'] as const) {
        try {
          await checkoutOnce(probed, sandbox, host, card, result);
        } catch (error) {
          result.failures.push(`${card}: ${String((error as Error).message).split('\n')[0]}`);
        }
      }
      result.runs++;
    }
  } finally {
    await browser.close();
    await host.close();
    await sandbox.stop();
  }
  return result;
}

/** The interaction table: median / p95 per measurement. */
export function interactionTable(r: InteractionResult): Record<string, string | number>[] {
  const row = (what: string, samples: number[], how: string) => {
    const s = summarize(samples);
    return { measurement: what, n: samples.length, 'median ms': ms(s?.median), 'p95 ms': ms(s?.p95), 'max ms': ms(s?.max), how };
  };
  return [
    row('keystroke → formatted value (card number)', r.keyToValue, 'keydown.timeStamp → input handled, in the frame'),
    row('keystroke → next frame (card number)', r.keyToPaint, 'keydown.timeStamp → task after rAF, in the frame'),
    row('keystroke → next frame (expiry, CVC)', r.otherKeyToPaint, 'same, other fields'),
    row('pay click → xpay-succeeded (4242…)', r.payToSucceeded, `click.timeStamp → event, on the page; issuer latency ${r.issuerLatencyMs} ms`),
    row('pay click → challenge opens (3184…)', r.payToChallenge, 'click → xpay-status-change requires_action'),
    row('"Complete authentication" → xpay-succeeded', r.challengeToSucceeded, 'click in the issuer page → event on the host page'),
  ];
}
