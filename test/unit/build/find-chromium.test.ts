import { describe, expect, it } from 'vitest';
import { chromiumPlan, downloadHost, findChromium, noChromiumMessage, PLAYWRIGHT_INSTALL, type ChromiumHost, type ChromiumProbe } from '../../../scripts/find-chromium.mjs';

// The pre-test step's finder as data: an injected file system, environment and platform, so the
// order of the lookups, the installs tried and the one-line instructions are checked without
// touching this machine.

const PW = '/opt/cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine on which exactly `executables` exist and may be run. */
function probe(executables: string[], options: { env?: Record<string, string>; platform?: string; playwright?: string } = {}): ChromiumProbe {
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...options.env },
    platform: options.platform ?? 'linux',
    isExecutable: (path) => executables.includes(path),
    playwrightPath: () => options.playwright ?? PW,
  };
}

const debianRoot: ChromiumHost = { platform: 'linux', isRoot: true, isDebian: true };
const debianUser: ChromiumHost = { platform: 'linux', isRoot: false, isDebian: true };

describe('findChromium: the order', () => {
  it('should take CHROMIUM_PATH first, over every other Chromium on the machine', () => {
    expect(findChromium(probe(['/opt/c/chrome', PW, '/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/opt/c/chrome' } }))).toEqual({ path: '/opt/c/chrome', source: 'CHROMIUM_PATH' });
  });

  it('should take Playwright’s own browser next, when its file exists', () => {
    expect(findChromium(probe([PW, '/usr/bin/chromium']))).toEqual({ path: PW, source: 'playwright' });
    expect(findChromium(probe(['/usr/bin/chromium']))).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });

  it('should take /usr/bin/chromium, then chromium, chromium-browser, google-chrome and google-chrome-stable on PATH', () => {
    const all = ['/usr/bin/chromium', '/usr/local/bin/chromium-browser', '/usr/bin/google-chrome', '/bin/google-chrome-stable'];
    expect(findChromium(probe(all))?.path).toBe('/usr/bin/chromium');
    expect(findChromium(probe(all.slice(1)))?.path).toBe('/usr/local/bin/chromium-browser');
    expect(findChromium(probe(all.slice(2)))?.path).toBe('/usr/bin/google-chrome');
    expect(findChromium(probe(all.slice(3)))?.path).toBe('/bin/google-chrome-stable');
    expect(findChromium(probe(['/snap/bin/chromium'], { env: { PATH: '/snap/bin' } }))?.path).toBe('/snap/bin/chromium');
  });

  it('should find the macOS app bundles', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(probe([chrome], { platform: 'darwin', env: { PATH: '/usr/bin:/opt/homebrew/bin' } }))).toEqual({ path: chrome, source: 'system' });
  });

  it('should find nothing where nothing is, and not take /usr/bin/chromium on macOS or Windows', () => {
    expect(findChromium(probe([]))).toBeUndefined();
    expect(findChromium(probe(['/usr/bin/chromium'], { platform: 'darwin', env: { PATH: '/opt/homebrew/bin' } }))).toBeUndefined();
    expect(findChromium(probe(['C:\\tools\\chromium.exe'], { platform: 'win32', env: { PATH: 'C:\\tools;C:\\Windows' } }))?.path).toBe('C:\\tools\\chromium.exe');
  });
});

describe('chromiumPlan: what the step does', () => {
  it('should use what it found', () => {
    expect(chromiumPlan(probe(['/usr/bin/chromium']), debianUser)).toEqual({ action: 'use', found: { path: '/usr/bin/chromium', source: 'system' } });
  });

  it('should stop on a CHROMIUM_PATH that is not an executable file, naming it, rather than use another', () => {
    const plan = chromiumPlan(probe(['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/nowhere/chrome' } }), debianRoot);
    expect(plan).toEqual({ action: 'fail', message: expect.stringContaining('CHROMIUM_PATH is set to /nowhere/chrome, which is not an executable file') });
  });

  it('should try Playwright’s download, then apt-get as root on Debian (non-interactive, update first)', () => {
    const plan = chromiumPlan(probe([]), debianRoot);
    expect(plan.action).toBe('install');
    if (plan.action !== 'install') return;
    expect(plan.steps.map((s) => s.commands)).toEqual([
      [['npx', 'playwright', 'install', 'chromium']],
      [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', '--reinstall', 'chromium'],
      ],
    ]);
    expect(plan.failure).toContain('`apt-get install -y chromium`');
  });

  it('should try only Playwright’s download when not root, or not on Debian', () => {
    for (const host of [debianUser, { platform: 'linux', isRoot: true, isDebian: false }, { platform: 'darwin', isRoot: false, isDebian: false }]) {
      const plan = chromiumPlan(probe([]), host);
      expect(plan.action === 'install' && plan.steps.map((s) => s.commands[0]![0])).toEqual(['npx']);
    }
  });
});

describe('noChromiumMessage: one line naming the command to run', () => {
  it.each([
    [debianUser, '`sudo apt-get install -y chromium`'],
    [debianRoot, '`apt-get install -y chromium`'],
    [{ platform: 'linux', isRoot: false, isDebian: false }, 'install the "chromium" package with your package manager'],
    [{ platform: 'darwin', isRoot: false, isDebian: false }, `\`${PLAYWRIGHT_INSTALL}\``],
    [{ platform: 'win32', isRoot: false, isDebian: false }, `\`${PLAYWRIGHT_INSTALL}\``],
  ] as const)('%j → %s', (host, command) => {
    const message = noChromiumMessage(host);
    expect(message).toContain(command);
    expect(message).toContain('CHROMIUM_PATH');
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^npm test needs Chromium and found none: /);
  });
});

describe('downloadHost', () => {
  it('should read the host of the first download URL from `playwright install --dry-run chromium`', () => {
    const dryRun = 'Chrome for Testing 159 (playwright chromium v1255)\n  Install location:    /opt/cache/ms-playwright/chromium-1255\n  Download url:        https://cdn.example.dev/builds/cft/linux64/chrome-linux64.zip\n';
    expect(downloadHost(dryRun)).toBe('cdn.example.dev');
    expect(downloadHost('nothing to download')).toBeUndefined();
  });
});
