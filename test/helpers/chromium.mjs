/**
 * How every launcher in this repo starts Chromium (CONTRIBUTING.md): the build that
 * scripts/find-chromium.mjs finds (CHROMIUM_PATH, Playwright's own, the system's — the same rule
 * `npm test`'s first step used to find or install it), with flags that keep it off the network.
 * Plain ESM, not TypeScript, so web-test-runner.config.mjs can import it without a loader;
 * chromium.d.mts types it for the TypeScript callers (playwright.config.ts, bench/, scripts/).
 */
import { findChromium, noChromiumMessage } from '../../scripts/find-chromium.mjs';
import { machineHost, machineProbe } from '../../scripts/chromium-probe.mjs';


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
 * Playwright launch options for the project's Chromium, looked up at each call (`CHROMIUM_PATH`
 * wins), with {@link CHROMIUM_ARGS} and then `extraArgs`. Throws the finder's one-line instruction
 * when this machine has none.
 */
export function chromiumLaunchOptions(extraArgs = []) {
  const found = findChromium(machineProbe());
  if (!found) throw new Error(noChromiumMessage(machineHost()));
  return {
    executablePath: found.path,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  };
}
