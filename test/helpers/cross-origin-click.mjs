/**
 * Mouse clicks where a cross-origin iframe decides where the click goes, shared by the Playwright
 * journeys, the web-test-runner ACS plugin and the interaction bench.
 *
 * Why not a plain `locator.click()`: Chromium routes mouse input by the compositor's hit-test data,
 * and for an out-of-process (cross-origin) iframe that data follows the DOM only once the parent
 * page has composited a frame with the iframe where the DOM now has it. Playwright's actionability
 * checks (visible, stable, receives events) are DOM checks, so they can pass before that, and the
 * click goes by the stale data. Two cases, both recorded on a 2-core box:
 * - an element inside the iframe (the issuer's 3-D Secure page), right after the dialog opened: the
 *   click went to the parent's `<iframe>` element and was lost (1 run in ~30; the host page saw
 *   pointerdown/click on IFRAME, the issuer page nothing, no POST reached the issuer);
 * - an element beside the iframe (the pay button under the card frame), right after Playwright
 *   scrolled it into view: the click went into the card frame, at its position before the scroll
 *   (every run of the interaction bench; `elementFromPoint` said BUTTON).
 * A customer cannot click what has not been painted yet, so this is a harness race, not a widget
 * bug: we hover until the target reports `:hover` (proof that input reaches it), then click once.
 */

/**
 * Clicks `target` once mouse input reaches it (see the header for why that can lag the DOM).
 * @param {import('@playwright/test').Page} page The top-level page.
 * @param {import('@playwright/test').Locator} target The element to click, in any frame.
 * @param {{ timeout?: number }} [options] How long to wait for input to reach it (ms).
 * @returns {Promise<void>}
 */
export async function clickWhenMouseReaches(page, target, { timeout = 20_000 } = {}) {
  const deadline = Date.now() + timeout;
  const left = () => Math.max(1, deadline - Date.now());
  for (;;) {
    // Move away first so every hover is a fresh move the browser has to route again.
    await page.mouse.move(0, 0);
    await target.hover({ timeout: left() });
    if (await target.evaluate((element) => element.matches(':hover'), undefined, { timeout: left() })) break;
    if (Date.now() > deadline) throw new Error(`mouse input never reached ${target}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await target.click({ timeout: left() });
}
