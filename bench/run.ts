/**
 * `npm run bench [bundle|api|load|interaction]`: measures what the issues budget — bundle bytes,
 * API throughput, widget load in real Chromium (requests at mount, iframes, time to ready) and
 * interaction latency — and prints each as a table next to its budget. Numbers only: timing never
 * fails a test here (machines are noisy); bytes do, in `npm test`. See bench/README.md.
 */
import { measureBundles } from './bundle.js';
import { benchApi } from './api.js';
import { benchLoad, loadTable, mountRequestList } from './load.js';
import { benchInteraction, interactionTable } from './interaction.js';
import { benchFloor, floorTable } from './floor.js';
import { benchMount, layoutTable, mountRequestOrder, mountRequestTable, scriptCostTable } from './mount.js';

const KB = 1024;
const only = new Set(process.argv.slice(2));
const want = (name: string) => only.size === 0 || only.has(name);
/** `load` includes issue #9's floor comparison and mount shape; `floor` and `mount` run them alone. */
const wantPart = (name: string) => want(name) || only.has('load');

if (want('bundle')) {
  console.log('\nBundle bytes (run `npm run build` first)');
  console.table(
    measureBundles().map((r) => ({
      bundle: r.bundle,
      'raw KB': (r.raw / KB).toFixed(1),
      'gzip KB': (r.gzip / KB).toFixed(2),
      'brotli KB': (r.brotli / KB).toFixed(2),
      'budget KB (brotli)': r.budgetBrotli ? (r.budgetBrotli / KB).toFixed(0) : '—',
      verdict: r.budgetBrotli ? (r.brotli <= r.budgetBrotli ? 'within' : 'OVER') : '—',
    })),
  );
}

if (want('api')) {
  console.log('\nSandbox API throughput (own process, loopback, 10 connections, 5 s each; confirm: 4 connections × 400)');
  console.table(await benchApi());
}

if (want('load')) {
  const result = await benchLoad();
  console.log(
    `\nWidget load in Chromium (CDN script + <xpay-checkout> on a bare localhost page, sandbox on 127.0.0.1, ` +
      `fresh context per run; ms from navigation start, median / p95)`,
  );
  console.table(loadTable(result));
  for (const variant of result.variants) {
    const early = variant.samples.filter((s) => s.idleWatchRequests > 0).length;
    if (early) console.log(`${variant.name}: in ${early} run(s) the idle watch's long-poll was seen before the xpay-ready report (not counted)`);
  }
  for (const variant of result.variants.filter((v) => v.failures.length)) {
    console.log(`${variant.name}: runs that did not reach xpay-ready:\n  ${variant.failures.join('\n  ')}`);
  }
  for (const variant of result.variants.filter((v) => v.cpuSlowdown === 1)) {
    console.log(`Requests until xpay-ready, the run with the most, ${variant.name}`);
    console.table(mountRequestList(variant));
  }
}

if (wantPart('floor')) {
  const results = await benchFloor();
  console.log(
    '\nReady vs the floor (issue #9): navigation start → ready, fresh context and cold cache per run, floor, checkout floor ' +
      'and widget alternated; the floor is a page whose only work is one cross-origin iframe posting "ready"; the checkout ' +
      'floor adds what any embedded checkout does: a script file, the frame reading a session before "ready", and the ' +
      'total formatted by Intl. Round trips are added by latency proxies in front of every server; "frame min TTFB" is the ' +
      'iframe\'s own fastest request, timed inside it',
  );
  console.table(floorTable(results));
  for (const r of results.filter((c) => c.failures.length)) console.log(`${r.condition.name}: failed runs:\n  ${r.failures.join('\n  ')}`);
}

if (wantPart('mount')) {
  const result = await benchMount();
  console.log('\nRequests until xpay-ready (CDP Network on the page target, site isolation off so the card frame is in it; preflights included)');
  console.table(mountRequestTable(result));
  console.log('In order (first cold run), and what the first warm run did with each');
  console.table(mountRequestOrder(result));
  console.log('\nLayout shift on the merchant page (sentinel paragraph below the widget; site isolation on, CPU 1×)');
  console.table(layoutTable(result));
  console.log('\nMain-thread compile + evaluation of the CDN bundle at CPU 4× (Chromium trace, cold cache)');
  console.table(scriptCostTable(result));
  if (result.failures.length) console.log(`Failed runs:\n  ${result.failures.join('\n  ')}`);
}

if (want('interaction')) {
  const result = await benchInteraction();
  console.log(
    `\nInteraction in Chromium (${result.runs} runs of a 4242… and a 3-D Secure checkout; ` +
      `sandbox issuer latency ${result.issuerLatencyMs} ms, BENCH_ISSUER_LATENCY_MS)`,
  );
  console.table(interactionTable(result));
  if (result.failures.length) console.log(`Checkouts that did not finish (${result.failures.length}):\n  ${result.failures.join('\n  ')}`);
}
