/**
 * Mouse clicks into a cross-origin iframe (the issuer's 3-D Secure page), shared by the Playwright
 * journeys and the web-test-runner ACS plugin.
 *
 * Why not a plain `locator.click()`: Chromium routes mouse input to an out-of-process iframe by the
 * compositor's hit-test data, which knows the iframe only once the parent page has composited a
 * frame that embeds it. Playwright's actionability checks (visible, stable, receives events) are
 * DOM checks, so on a loaded machine they can pass before that: the click is then routed to the
 * parent's `<iframe>` element and silently lost. Recorded on a 2-core box (1 run in ~30): the host
 * page saw pointerdown/mousedown/mouseup/click on IFRAME, the issuer's page saw nothing, and no POST
 * reached the issuer. A customer cannot click what has not been painted yet, so this is a harness
 * race, not a widget bug: we hover until the iframe's own document reports `:hover` (proof that
 * input reaches it), then click once.
 */

/**
 * Clicks `target`, an element inside a cross-origin iframe, once mouse input reaches that iframe.
 * @param {import('@playwright/test').Page} page The top-level page.
 * @param {import('@playwright/test').Locator} target The element inside the iframe.
 * @param {{ timeout?: number }} [options] How long to wait for the iframe to receive input (ms).
 * @returns {Promise<void>}
 */
export async function clickInCrossOriginFrame(page, target, { timeout = 20_000 } = {}) {
  const deadline = Date.now() + timeout;
  const left = () => Math.max(1, deadline - Date.now());
  for (;;) {
    // Move away first so every hover is a fresh move the browser has to route again.
    await page.mouse.move(0, 0);
    await target.hover({ timeout: left() });
    if (await target.evaluate((element) => element.matches(':hover'), undefined, { timeout: left() })) break;
    if (Date.now() > deadline) throw new Error(`mouse input never reached the iframe holding ${target}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await target.click({ timeout: left() });
}
