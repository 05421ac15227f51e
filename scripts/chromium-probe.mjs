/**
 * The real machine behind find-chromium.mjs's probe: reads only (the environment, file modes,
 * Playwright's expected browser path), so the launcher may call it at every launch.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { chromium } from 'playwright';
import { pathLookups } from './find-chromium.mjs';

/**
 * True for a regular file this user may execute (not a directory, not a device).
 *
 * @param {string} path
 */
export function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * This process's probe: its environment, platform and file system, and Playwright's browser path.
 *
 * @returns {import('./find-chromium.d.mts').ChromiumProbe}
 */
export function machineProbe() {
  return {
    env: process.env,
    platform: process.platform,
    isExecutable,
    playwrightPath: () => {
      try {
        return chromium.executablePath() || undefined;
      } catch {
        return undefined; // a platform Playwright has no build for
      }
    },
  };
}

/**
 * What this machine allows the step to install with.
 *
 * @returns {import('./find-chromium.d.mts').ChromiumHost}
 */
export function machineHost() {
  const probe = machineProbe();
  return {
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    isDebian: existsSync('/etc/debian_version') && pathLookups(probe, 'apt-get').some(isExecutable),
  };
}
