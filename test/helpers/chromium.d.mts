/** The flags every launch uses: no sandbox (containers), no GPU, and no traffic beyond loopback. */
export declare const CHROMIUM_ARGS: readonly string[];

/** What {@link chromiumLaunchOptions} returns: the part of Playwright's launch options it decides. */
export interface ChromiumLaunchOptions {
  executablePath: string;
  args: string[];
}

/**
 * Playwright launch options for the project's Chromium, looked up at each call by
 * scripts/find-chromium.mjs (`CHROMIUM_PATH` wins), with {@link CHROMIUM_ARGS} and then `extraArgs`.
 * Throws the finder's one-line instruction when this machine has none.
 */
export declare function chromiumLaunchOptions(extraArgs?: readonly string[]): ChromiumLaunchOptions;
