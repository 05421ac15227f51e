/**
 * A @web/test-runner plugin that runs the real XPay sandbox for the whole browser-test run.
 *
 * - Starts `tsx sandbox/main.ts` once, on 127.0.0.1 with an ephemeral port and a temporary SQLite
 *   file, and stops it when the runner stops. The test page is served on `localhost`, so the widget
 *   and the sandbox are different origins, as in production.
 * - Serves `GET /__sandbox.json` → `{ url }` so tests learn where the API is.
 * - Proxies `POST /__sandbox/api` `{ method, path, body? }` to the sandbox's secret-key API and
 *   answers `{ status, body }`. The
 *   secret key stays in Node: browser test code never holds it, as a merchant page never would.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SECRET_KEY = 'sk_test_browser_tests';

/** The running sandbox's base URL, for other harness plugins (the fault proxy sits in front of it). */
let runningUrl;

/** The sandbox's base URL once the runner started it; throws before. */
export function sandboxBaseUrl() {
  if (!runningUrl) throw new Error('the sandbox is not running (is sandboxPlugin() before this plugin?)');
  return runningUrl;
}

/** Reads the request body of a Koa context as JSON. */
async function readJson(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function startSandbox(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /XPay sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}) before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`sandbox did not start within 30 s:\n${output}`)), 30_000).unref();
  });
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function sandboxPlugin() {
  let sandbox;
  let dbDir;
  return {
    name: 'xpay-sandbox',
    async serverStart() {
      dbDir = mkdtempSync(join(tmpdir(), 'xpay-wtr-'));
      sandbox = await startSandbox({
        XPAY_SANDBOX_HOST: '127.0.0.1',
        XPAY_SANDBOX_PORT: '0',
        XPAY_SANDBOX_DB: join(dbDir, 'sandbox.db'),
        XPAY_SECRET_KEY: SECRET_KEY,
        XPAY_MERCHANT_NAME: 'Test Shop',
        // Short delays keep the journeys quick; tests wait on events, never on these numbers.
        XPAY_SANDBOX_PROCESSING_MS: '1500',
        XPAY_SANDBOX_SWEEP_MS: '200',
        XPAY_SANDBOX_LONG_POLL_MAX_S: '25',
        XPAY_SANDBOX_LOG: '0',
        // Every journey declines from 127.0.0.1 with the same test cards: no velocity limits here.
        XPAY_SANDBOX_VELOCITY_PER_LINK: '100000',
        XPAY_SANDBOX_VELOCITY_PER_CLIENT: '100000',
        XPAY_SANDBOX_VELOCITY_PER_CARD: '100000',
      });
      runningUrl = sandbox.url;
    },
    async serve(ctx) {
      if (ctx.path === '/__sandbox.json') {
        return { body: JSON.stringify({ url: sandbox.url }), type: 'json' };
      }
      if (ctx.path === '/__sandbox/api' && ctx.method === 'POST') {
        // The serve hook always answers 200, so the sandbox's status travels inside the body.
        const { method = 'POST', path, body } = await readJson(ctx);
        if (typeof path !== 'string' || !path.startsWith('/v1/')) {
          return { body: JSON.stringify({ status: 400, body: { error: 'path must start with /v1/' } }), type: 'json' };
        }
        const response = await fetch(sandbox.url + path, {
          method,
          headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { body: JSON.stringify({ status: response.status, body: text ? JSON.parse(text) : null }), type: 'json' };
      }
      return undefined;
    },
    async serverStop() {
      if (sandbox && sandbox.child.exitCode === null) {
        const exited = new Promise((resolve) => sandbox.child.once('exit', resolve));
        sandbox.child.kill('SIGTERM');
        await exited;
      }
      if (dbDir) rmSync(dbDir, { recursive: true, force: true });
    },
  };
}
