import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

/**
 * Starts `demo/start.ts` (sandbox + shop, exactly what `npm start` runs after its build) on
 * ephemeral ports with a temp data folder and short sandbox delays, and exposes both URLs to the
 * tests as SHOP_URL / SANDBOX_URL. The returned function stops it after the run.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'xpay-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'demo/start.ts')], {
    cwd: REPO,
    env: {
      ...process.env,
      XPAY_SANDBOX_PORT: '0',
      DEMO_PORT: '0',
      XPAY_SANDBOX_DB: join(dir, 'sandbox.db'),
      DEMO_DB: join(dir, 'shop.db'),
      XPAY_SANDBOX_LOG: '0',
      XPAY_SANDBOX_PROCESSING_MS: '1500',
      XPAY_SANDBOX_WEBHOOK_BACKOFF_MS: '200',
      // Every journey declines from 127.0.0.1 with the same test cards: no velocity limits here.
      XPAY_SANDBOX_VELOCITY_PER_LINK: '100000',
      XPAY_SANDBOX_VELOCITY_PER_CLIENT: '100000',
      XPAY_SANDBOX_VELOCITY_PER_CARD: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`demo did not start in 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const sandbox = /XPay sandbox\s+(http:\/\/\S+)/.exec(out);
      const shop = /Demo shop\s+(http:\/\/\S+)/.exec(out);
      if (sandbox && shop) {
        clearTimeout(timer);
        process.env.SANDBOX_URL = sandbox[1];
        process.env.SHOP_URL = shop[1];
        ready();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`demo exited (${code}) before starting:\n${out}`)));
  });
  return async () => {
    await new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    rmSync(dir, { recursive: true, force: true });
  };
}
