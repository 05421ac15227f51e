/**
 * Where the project's Chromium is, and what to do when there is none. Pure: every look at the
 * machine goes through a probe, so the order and the messages are tested as data
 * (test/unit/build/find-chromium.test.ts), and the launcher (test/helpers/chromium.mjs) and the
 * pre-test step (scripts/ensure-chromium.mjs) cannot disagree. Plain ESM like the launcher, so
 * web-test-runner.config.mjs loads it without a TypeScript loader; find-chromium.d.mts types it.
 */

/** Absolute paths of system builds, per platform, looked at after Playwright's own browser. */
export const SYSTEM_PATHS = Object.freeze({
  linux: ['/usr/bin/chromium'],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ],
});

/** Names looked up on PATH, in this order, after {@link SYSTEM_PATHS}. */
export const PATH_NAMES = Object.freeze(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']);

/** The command a person runs when the step cannot install Chromium itself. */
export const PLAYWRIGHT_INSTALL = 'npx playwright install chromium';

/**
 * The first usable Chromium: `CHROMIUM_PATH` (it always wins, usable or not, so a wrong one is
 * reported rather than silently replaced); Playwright's own browser if it is installed; the system's.
 *
 * @param {import('./find-chromium.d.mts').ChromiumProbe} probe
 * @returns {import('./find-chromium.d.mts').FoundChromium | undefined}
 */
export function findChromium(probe) {
  const fromEnv = probe.env.CHROMIUM_PATH?.trim();
  if (fromEnv) return { path: fromEnv, source: 'CHROMIUM_PATH' };
  const playwright = probe.playwrightPath();
  if (playwright && probe.isExecutable(playwright)) return { path: playwright, source: 'playwright' };
  for (const path of systemCandidates(probe)) {
    if (probe.isExecutable(path)) return { path, source: 'system' };
  }
  return undefined;
}

/**
 * The system paths to try, in order: the platform's fixed paths, then each of {@link PATH_NAMES}
 * in each PATH directory.
 *
 * @param {Pick<import('./find-chromium.d.mts').ChromiumProbe, 'env' | 'platform'>} probe
 * @returns {string[]}
 */
export function systemCandidates(probe) {
  const fixed = SYSTEM_PATHS[/** @type {'linux' | 'darwin'} */ (probe.platform)] ?? [];
  const onPath = PATH_NAMES.flatMap((name) => pathLookups(probe, name));
  return [...new Set([...fixed, ...onPath])];
}

/**
 * Where `name` would be on PATH (every candidate; the caller checks which exist).
 *
 * @param {Pick<import('./find-chromium.d.mts').ChromiumProbe, 'env' | 'platform'>} probe
 * @param {string} name
 * @returns {string[]}
 */
export function pathLookups(probe, name) {
  const windows = probe.platform === 'win32';
  const dirs = (probe.env.PATH ?? probe.env.Path ?? '').split(windows ? ';' : ':').filter(Boolean);
  const file = windows ? `${name}.exe` : name;
  return dirs.map((dir) => `${dir.replace(/[\\/]+$/, '')}${windows ? '\\' : '/'}${file}`);
}

/**
 * What the pre-test step does on this machine: use what {@link findChromium} found, refuse a
 * `CHROMIUM_PATH` that is not an executable file, or try the installs (Playwright's download
 * first — it works on most laptops; as root on Debian, apt next) and else stop with one line.
 *
 * @param {import('./find-chromium.d.mts').ChromiumProbe} probe
 * @param {import('./find-chromium.d.mts').ChromiumHost} host
 * @returns {import('./find-chromium.d.mts').ChromiumPlan}
 */
export function chromiumPlan(probe, host) {
  const found = findChromium(probe);
  if (found?.source === 'CHROMIUM_PATH' && !probe.isExecutable(found.path)) {
    return { action: 'fail', message: `CHROMIUM_PATH is set to ${found.path}, which is not an executable file: point it at a Chromium or Chrome executable, or unset it.` };
  }
  if (found) return { action: 'use', found };
  return { action: 'install', steps: installSteps(host), failure: noChromiumMessage(host) };
}

/**
 * The installs to try, in order, until one leaves a Chromium that {@link findChromium} finds.
 *
 * @param {import('./find-chromium.d.mts').ChromiumHost} host
 * @returns {import('./find-chromium.d.mts').InstallStep[]}
 */
export function installSteps(host) {
  /** @type {import('./find-chromium.d.mts').InstallStep[]} */
  const steps = [
    { label: `${PLAYWRIGHT_INSTALL} (Playwright's download)`, commands: [['npx', 'playwright', 'install', 'chromium']], downloads: true },
  ];
  if (host.isRoot && host.isDebian) {
    steps.push({
      label: 'apt-get install chromium (Debian, as root)',
      // --reinstall also repairs a package whose files went missing; -qq and no recommends keep it short.
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', '--reinstall', 'chromium'],
      ],
    });
  }
  return steps;
}

/**
 * The host Playwright downloads Chromium from, read from `playwright install --dry-run chromium`'s
 * output, so the step can see whether it answers before spending a minute on retries.
 *
 * @param {string} dryRunOutput
 * @returns {string | undefined}
 */
export function downloadHost(dryRunOutput) {
  const url = /Download url:\s+(https?:\/\/\S+)/i.exec(dryRunOutput)?.[1];
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one line printed when no Chromium is found and none could be installed: what to run.
 *
 * @param {import('./find-chromium.d.mts').ChromiumHost} host
 * @returns {string}
 */
export function noChromiumMessage(host) {
  const lead = 'npm test needs Chromium and found none';
  const orPath = 'or set CHROMIUM_PATH to a Chromium or Chrome executable';
  if (host.isDebian) {
    const apt = `${host.isRoot ? '' : 'sudo '}apt-get install -y chromium`;
    return `${lead}: run \`${apt}\` (or \`${PLAYWRIGHT_INSTALL}\`), ${orPath}, then npm test again.`;
  }
  if (host.platform === 'linux') {
    return `${lead}: install the "chromium" package with your package manager (or run \`${PLAYWRIGHT_INSTALL}\`), ${orPath}, then npm test again.`;
  }
  return `${lead}: run \`${PLAYWRIGHT_INSTALL}\` once you are online, ${orPath}, then npm test again.`;
}
