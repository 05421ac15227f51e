/**
 * How every launcher in this repo starts Chromium (CONTRIBUTING.md): Debian's build unless
 * CHROMIUM_PATH names another, with flags that keep it off the network. Plain ESM, not TypeScript,
 * so web-test-runner.config.mjs can import it without a loader; chromium.d.mts types it for the
 * TypeScript callers (playwright.config.ts, bench/, scripts/).
 */

/** The flags every launch uses: no sandbox (containers), no GPU, and no traffic beyond loopback. */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]);

/**
 * Playwright launch options for the project's Chromium: `CHROMIUM_PATH` (read at each call) or
 * Debian's `/usr/bin/chromium`, with {@link CHROMIUM_ARGS} and then `extraArgs`.
 */
export function chromiumLaunchOptions(extraArgs = []) {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  };
}
