/**
 * A @web/test-runner plugin with one server command, `xpay-acs-click`: clicks a button by its
 * accessible name inside the sandbox's 3-D Secure (ACS) page, through Playwright, as a customer
 * would. The ACS page is cross-origin, so browser test code cannot reach into it itself.
 */
import { clickInCrossOriginFrame } from '../helpers/cross-origin-click.mjs';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function acsPlugin() {
  return {
    name: 'xpay-acs',
    async executeCommand({ command, payload, session }) {
      if (command !== 'xpay-acs-click') return undefined;
      const page = session.browser.getPage(session.id);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const frame = page.frames().find((f) => f.url().includes('/sandbox/acs/'));
        if (frame) {
          await clickInCrossOriginFrame(page, frame.getByRole('button', { name: payload.name }));
          return true;
        }
        if (Date.now() > deadline) throw new Error('no ACS frame on the page');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
