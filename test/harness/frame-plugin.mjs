/**
 * A @web/test-runner plugin that reads what the cross-origin card frame shows, which browser test
 * code cannot reach itself. One server command, through Playwright:
 * - `xpay-frame-facts`: the frame document's `lang` and `dir`, its label texts (all, and those a
 *   customer can see: rendered and not `visibility: hidden`), the computed
 *   `direction` of the digit inputs (never what was typed into them), the text colour of its selects
 *   (the test-card picker) and the background token the host sent it.
 */
import { findFrame } from './acs-plugin.mjs';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function framePlugin() {
  return {
    name: 'xpay-frame',
    async executeCommand({ command, session }) {
      if (command !== 'xpay-frame-facts') return undefined;
      const page = session.browser.getPage(session.id);
      const frame = await findFrame(page, (f) => f.url().includes('/frames/card/'), 'card frame');
      return frame.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        labels: [...document.querySelectorAll('label')].map((label) => label.textContent),
        labelsShown: [...document.querySelectorAll('label')]
          .filter((label) => label.checkVisibility({ visibilityProperty: true }))
          .map((label) => label.textContent),
        digitDirections: ['number', 'expiry', 'cvc'].map((id) => getComputedStyle(document.getElementById(id)).direction),
        selectColors: [...document.querySelectorAll('select')].map((select) => getComputedStyle(select).color),
        background: document.documentElement.style.getPropertyValue('--xpay-color-background'),
      }));
    },
  };
}
