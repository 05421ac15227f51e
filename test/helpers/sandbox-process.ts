import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface SandboxProcess {
  url: string;
  dbPath: string;
  child: ChildProcess;
  /** Everything the process printed (for "no card number in the logs" checks). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const REPO = resolve(import.meta.dirname, '../..');

/**
 * Starts `tsx sandbox/main.ts` as its own process on an ephemeral loopback port with a temp SQLite
 * file (or the given one), and resolves once it prints its URL. A separate process keeps the load
 * generator of a bench, or a browser test runner, off the sandbox's event loop.
 */
export async function startSandboxProcess(env: Record<string, string> = {}, dbPath?: string): Promise<SandboxProcess> {
  const dir = dbPath ? undefined : mkdtempSync(join(tmpdir(), 'xpay-sandbox-'));
  const db = dbPath ?? join(dir!, 'sandbox.db');
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'sandbox/main.ts')], {
    cwd: REPO,
    env: {
      ...process.env,
      XPAY_SANDBOX_PORT: '0',
      XPAY_SANDBOX_DB: db,
      XPAY_SANDBOX_LOG: '0',
      // Load and browser runs decline from one address with the same test cards.
      XPAY_SANDBOX_VELOCITY_PER_LINK: '100000',
      XPAY_SANDBOX_VELOCITY_PER_CLIENT: '100000',
      XPAY_SANDBOX_VELOCITY_PER_CARD: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start in 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    url,
    dbPath: db,
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => {
          if (dir) rmSync(dir, { recursive: true, force: true });
          done();
        });
        child.kill(signal);
      }),
  };
}
