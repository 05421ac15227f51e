/** The flags every launch uses: no sandbox (containers), no GPU, and no traffic beyond loopback. */
export declare const CHROMIUM_ARGS: readonly string[];

/** What {@link chromiumLaunchOptions} returns: the part of Playwright's launch options it decides. */
export interface ChromiumLaunchOptions {
  executablePath: string;
  args: string[];
}

/**
 * Playwright launch options for the project's Chromium: `CHROMIUM_PATH` (read at each call) or
 * Debian's `/usr/bin/chromium`, with {@link CHROMIUM_ARGS} and then `extraArgs`.
 */
export declare function chromiumLaunchOptions(extraArgs?: readonly string[]): ChromiumLaunchOptions;
