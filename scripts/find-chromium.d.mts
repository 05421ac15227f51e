/** Every look at the machine the finder makes: injected, so the unit test never touches the system. */
export interface ChromiumProbe {
  /** The environment (CHROMIUM_PATH, PATH). */
  env: Record<string, string | undefined>;
  /** `process.platform`. */
  platform: string;
  /** True for a regular file this user may execute. */
  isExecutable(path: string): boolean;
  /** Playwright's own `chromium.executablePath()`, or undefined when Playwright has none for this machine. */
  playwrightPath(): string | undefined;
}

/** What decides which installs the step may try, and which command its failure line names. */
export interface ChromiumHost {
  platform: string;
  /** Running as root (uid 0): apt may be used. */
  isRoot: boolean;
  /** `/etc/debian_version` exists and `apt-get` is on PATH. */
  isDebian: boolean;
}

/** A Chromium found, and which rule found it. */
export interface FoundChromium {
  path: string;
  source: 'CHROMIUM_PATH' | 'playwright' | 'system';
}

/** One way to install Chromium: its commands run in order (argv, no shell) until one fails. */
export interface InstallStep {
  label: string;
  commands: string[][];
  /** It downloads from Playwright's hosts: try it only where they answer. */
  downloads?: boolean;
}

/** What the pre-test step does. */
export type ChromiumPlan =
  | { action: 'use'; found: FoundChromium }
  | { action: 'fail'; message: string }
  | { action: 'install'; steps: InstallStep[]; failure: string };

/** Absolute paths of system builds, per platform, looked at after Playwright's own browser. */
export declare const SYSTEM_PATHS: Readonly<{ linux: readonly string[]; darwin: readonly string[] }>;
/** Names looked up on PATH, in this order, after {@link SYSTEM_PATHS}. */
export declare const PATH_NAMES: readonly string[];
/** The command a person runs when the step cannot install Chromium itself. */
export declare const PLAYWRIGHT_INSTALL: string;

/** The first usable Chromium: CHROMIUM_PATH (always wins), Playwright's own browser, the system's. */
export declare function findChromium(probe: ChromiumProbe): FoundChromium | undefined;
/** The system paths to try, in order: the platform's fixed paths, then PATH_NAMES on PATH. */
export declare function systemCandidates(probe: Pick<ChromiumProbe, 'env' | 'platform'>): string[];
/** Where `name` would be in each PATH directory. */
export declare function pathLookups(probe: Pick<ChromiumProbe, 'env' | 'platform'>, name: string): string[];
/** Use what was found, refuse a bad CHROMIUM_PATH, or the installs to try and the line to stop with. */
export declare function chromiumPlan(probe: ChromiumProbe, host: ChromiumHost): ChromiumPlan;
/** The installs to try, in order: Playwright's download, then apt as root on Debian. */
export declare function installSteps(host: ChromiumHost): InstallStep[];
/** The host Playwright downloads from, read from `playwright install --dry-run chromium`'s output. */
export declare function downloadHost(dryRunOutput: string): string | undefined;
/** The one line printed when no Chromium is found and none could be installed. */
export declare function noChromiumMessage(host: ChromiumHost): string;
