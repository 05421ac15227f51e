/**
 * The sandbox as a merchant's CI runs it: packs both packages (xpay-checkout and xpay-sandbox),
 * installs the tarballs in a folder outside the repository, and runs the installed `xpay-sandbox`
 * bin — plain JavaScript, no tsx — on an ephemeral port: a session created with the secret key, its
 * public view read with the client secret, the card frame, the hosted page's widget and the API
 * reference served from the package, and a clean stop on SIGTERM and SIGINT. Also `--help`, and the
 * one-line exit-2 errors of a bad option and of a port in use.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, pack, packedFiles, REPO, run } from './pack.js';

let dir = '';
let sandboxBin = '';

beforeAll(() => {
  if (!existsSync(join(REPO, 'sandbox/dist/cli.js'))) throw new Error('Run `npm run build` first.');
  dir = mkdtempSync(join(tmpdir(), 'xpay-sandbox-ci-'));
  const tarballs = [pack(REPO, dir), pack(join(REPO, 'sandbox'), dir)];
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'merchant-ci', private: true, type: 'module' }));
  // better-sqlite3 compiles from source here (its prebuilt download is unreachable): 2-4 minutes on
  // this machine, per install. So the install skips scripts and takes the addon `npm ci` already
  // compiled for this machine, from the very version the tarball resolves to (pinned, then checked).
  const sqlite = JSON.parse(readFileSync(join(REPO, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string };
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs, `better-sqlite3@${sqlite.version}`], dir);
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string };
  expect(installed.version).toBe(sqlite.version);
  mkdirSync(join(dir, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
  copyFileSync(join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), join(dir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
  sandboxBin = join(dir, 'node_modules/.bin/xpay-sandbox');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs the installed bin to its end (it must end by itself: --help and the usage errors do). */
function runBin(args: string[]) {
  const r = spawnSync(sandboxBin, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the installed bin and resolves once it prints the line with its URL. */
async function startBin(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(sandboxBin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const look = () => {
      const match = /^XPay sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (match) resolveUrl(match[1]!);
    };
    child.stdout!.on('data', look);
    void exit.then(({ code }) => reject(new Error(`xpay-sandbox exited (${code}) before listening:\n${out}`)));
  });
  return { child, url, output: () => out, exit };
}

describe('npx xpay-sandbox, installed from its tarball', () => {
  it('ships the bin, the card frame, the widget and the API reference, and no TypeScript', () => {
    const files = packedFiles(join(REPO, 'sandbox')).map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/frame/index.html', 'dist/cdn/xpay.js', 'docs/sandbox-api.md', 'LICENSE', 'README.md', 'package.json']));
    expect(files.filter((f) => f.endsWith('.ts') || f.endsWith('.map') || f.startsWith('src/'))).toEqual([]);
    expect(readFileSync(join(dir, 'node_modules/xpay-sandbox/dist/cli.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    run(bin('publint'), ['run', 'node_modules/xpay-sandbox', '--strict'], dir);
  });

  it('prints its options with --help, through npx', () => {
    const help = run('npx', ['--no-install', 'xpay-sandbox', '--help'], dir);
    expect(help).toMatch(/^Usage: xpay-sandbox \[options\]/);
    expect(help).toMatch(/^ {2}--port N +XPAY_SANDBOX_PORT, default 4242$/m);
    expect(help).toMatch(/^ {2}--db FILE +XPAY_SANDBOX_DB, default \.xpay\/sandbox\.db$/m);
  });

  it.each([
    [['--nope'], /^xpay-sandbox: unknown option --nope \(see --help\)\n$/],
    [['--port', 'abc'], /^xpay-sandbox: --port \(XPAY_SANDBOX_PORT\) must be a non-negative integer, got "abc"\n$/],
  ])('exits 2 with one line on stderr for %j', (args, message) => {
    const r = runBin(args);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 with one line on stderr when the port is in use', async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    try {
      const port = (busy.address() as AddressInfo).port;
      const r = runBin(['--port', String(port), '--db', join(dir, 'busy.db')]);
      expect(r).toMatchObject({ status: 2, stdout: '' });
      expect(r.stderr).toMatch(new RegExp(`^xpay-sandbox: 127\\.0\\.0\\.1:${port} is already in use: [^\\n]*--port[^\\n]*\\n$`));
    } finally {
      await new Promise((done) => busy.close(done));
    }
  });

  it('serves a session, its public view, the card frame and the hosted page widget, then stops cleanly on SIGTERM', async () => {
    const db = join(dir, 'ci.db');
    const sandbox = await startBin(['--port', '0', '--db', db, '--no-log', '--merchant-name', 'CI Shop']);
    try {
      const created = await fetch(`${sandbox.url}/v1/checkout/sessions`, {
        method: 'POST',
        headers: { Authorization: 'Bearer sk_test_sandbox', 'Content-Type': 'application/json' },
        body: JSON.stringify({
          lineItems: [{ name: 'T-shirt', unitAmount: 1250, quantity: 2 }],
          currency: 'usd',
          mode: 'payment',
          successUrl: 'http://localhost:3000/success',
          cancelUrl: 'http://localhost:3000/cart',
        }),
      });
      expect(created.status).toBe(200);
      const session = (await created.json()) as { id: string; clientSecret: string; amountTotal: number };
      expect(session.amountTotal).toBe(2500);

      const view = await fetch(`${sandbox.url}/v1/checkout/sessions/${session.id}/public`, { headers: { 'XPay-Client-Secret': session.clientSecret } });
      expect(view.status).toBe(200);
      expect(await view.json()).toMatchObject({ id: session.id, object: 'checkout.session.public', status: 'open', merchantName: 'CI Shop', amountTotal: 2500 });

      const frame = await fetch(`${sandbox.url}/frames/card/v1/?origin=${encodeURIComponent('http://localhost:3000')}&mode=test`);
      expect(frame.status).toBe(200);
      const frameHtml = await frame.text();
      // The frame's script is inlined (one document, cached across sessions), allowed by its hash.
      const script = /<script type="module">([\s\S]+?)<\/script>/.exec(frameHtml)?.[1];
      expect(script).toBeDefined();
      expect(frame.headers.get('content-security-policy')).toContain(`'sha256-${createHash('sha256').update(script!).digest('base64')}'`);
      expect(frame.headers.get('cache-control')).toContain('max-age=');

      const widget = await fetch(`${sandbox.url}/sandbox/assets/xpay.js`);
      expect(widget.status).toBe(200);
      expect((await widget.text()).length).toBeGreaterThan(10_000);
      const docs = await fetch(`${sandbox.url}/docs/sandbox-api.md`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toMatch(/^# XPay sandbox API/);
    } finally {
      sandbox.child.kill('SIGTERM');
    }
    expect(await sandbox.exit).toEqual({ code: 0, signal: null });
    expect(sandbox.output()).toMatch(/^SIGTERM: stopping the sandbox$/m);
    // Closed, not killed: the last connection's close checkpoints the WAL and removes it.
    expect(existsSync(db)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('reads the environment as npm run sandbox does, and stops cleanly on SIGINT (Ctrl-C)', async () => {
    const db = join(dir, 'env.db');
    const sandbox = await startBin([], { XPAY_SANDBOX_PORT: '0', XPAY_SANDBOX_DB: db, XPAY_MERCHANT_NAME: 'Env Shop' });
    const home = await fetch(`${sandbox.url}/`);
    expect(await home.text()).toContain('Env Shop');
    sandbox.child.kill('SIGINT');
    expect(await sandbox.exit).toEqual({ code: 0, signal: null });
    expect(sandbox.output()).toMatch(/^SIGINT: stopping the sandbox$/m);
    expect(existsSync(db)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });
});
