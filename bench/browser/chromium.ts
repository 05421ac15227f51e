import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../../test/helpers/chromium.mjs';

/** Options for {@link launchChromium}. */
export interface LaunchOptions {
  /**
   * Keep site isolation (desktop Chrome's default: the card frame on 127.0.0.1 runs in its own
   * renderer process). `false` puts it in the page's process, as Chrome on Android does for sites
   * without a login; the throttled runs use that so a CPU slowdown covers the frame too.
   */
  siteIsolation?: boolean;
}

/** Launches headless Debian Chromium with the project's flags. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const isolation = options.siteIsolation ?? true;
  return chromium.launch(
    chromiumLaunchOptions(isolation ? [] : ['--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process']),
  );
}
