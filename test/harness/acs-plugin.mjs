/**
 * A @web/test-runner plugin for the sandbox's 3-D Secure (ACS) page, which is cross-origin, so
 * browser test code cannot reach into it itself. Two server commands, through Playwright:
 * - `xpay-acs-click` `{ action }`: clicks the button marked `data-acs-action="<action>"` (`complete`
 *   or `fail`) with the mouse, as a customer would; by its mark, not its name, since the issuer page
 *   speaks the customer's language (issue #12).
 * - `xpay-acs-loaded` `{ url }`: resolves once the ACS page at `url` has fired `load` in its frame.
 */
import { clickWhenMouseReaches } from '../helpers/cross-origin-click.mjs';

const FIND_FRAME_TIMEOUT_MS = 20_000;

/** Polls the page's frames until `match` finds one (a frame appears when its document commits). */
export async function findFrame(page, match, what) {
  const deadline = Date.now() + FIND_FRAME_TIMEOUT_MS;
  for (;;) {
    const frame = page.frames().find(match);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no ${what} on the page`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function acsPlugin() {
  return {
    name: 'xpay-acs',
    async executeCommand({ command, payload, session }) {
      const page = session.browser.getPage(session.id);
      if (command === 'xpay-acs-click') {
        const frame = await findFrame(page, (f) => f.url().includes('/sandbox/acs/'), 'ACS frame');
        await clickWhenMouseReaches(page, frame.locator(`button[data-acs-action="${payload.action}"]`));
        return true;
      }
      if (command === 'xpay-acs-loaded') {
        const frame = await findFrame(page, (f) => f.url() === payload.url, `ACS frame at ${payload.url}`);
        await frame.waitForLoadState('load');
        return true;
      }
      return undefined;
    },
  };
}
