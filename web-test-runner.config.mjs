import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './test/helpers/chromium.mjs';
import { acsPlugin } from './test/harness/acs-plugin.mjs';
import { faultProxyPlugin } from './test/harness/fault-proxy-plugin.mjs';
import { framePlugin } from './test/harness/frame-plugin.mjs';
import { sandboxPlugin } from './test/harness/sandbox-plugin.mjs';

/**
 * Browser tests for the elements: real Debian Chromium, the real sandbox API (started by
 * `sandboxPlugin`), the host page on `localhost` and the API on `127.0.0.1`, so every
 * cross-origin rule (CORS, frame-ancestors, postMessage targetOrigin) is exercised as in production.
 * The card frame is served by the sandbox from `dist/frame`: run `npm run build` first.
 */
if (!existsSync('dist/frame/index.html')) {
  console.warn('[wtr] dist/frame is missing: run `npm run build` so the sandbox can serve the card frame.');
}

export default {
  files: ['test/browser/**/*.test.ts'],
  hostname: 'localhost',
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 10 * 60_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 30_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), sandboxPlugin(), acsPlugin(), framePlugin(), faultProxyPlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { ...chromiumLaunchOptions(), headless: true },
    }),
  ],
};
