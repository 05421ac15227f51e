/**
 * The sandbox's command: `npm run sandbox` here, `npx xpay-sandbox` from the package (this file,
 * built to dist/cli.js). Reads the environment and the flags (sandbox/args.ts, `--help`), starts the
 * XPay sandbox and stops it cleanly on SIGINT/SIGTERM (exit 0). A bad option or value, or a port
 * in use, is one line on stderr and exit code 2; any other failure to start, exit code 1.
 */
import { join, resolve } from 'node:path';
import { helpText, nameTheFlag, parseArgs } from './args.js';
import { cardKeyFile } from './card-key.js';
import { loadConfig, type SandboxConfig } from './config.js';
import { startSandbox } from './server.js';

const PROGRAM = 'xpay-sandbox';

/**
 * Where the served files are: beside this file's folder, in both layouts. In the repository this is
 * sandbox/main.ts and the root holds dist/frame, dist/cdn and docs; in the package it is dist/cli.js
 * and the package root holds the same paths (copied there by `vite build --mode sandbox`).
 */
const ROOT = resolve(import.meta.dirname, '..');

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`${PROGRAM}: ${message.split('\n')[0]}\n`);
  process.exit(code);
}

const args = parseArgs(process.argv.slice(2));
if (args.kind === 'help') {
  process.stdout.write(helpText(PROGRAM));
  process.exit(0);
}
if (args.kind === 'error') fail(2, `${args.message} (see --help)`);

let config: SandboxConfig;
try {
  config = loadConfig({ ...process.env, ...args.env });
} catch (err) {
  fail(2, nameTheFlag((err as Error).message, args.env));
}

const sandbox = await startSandbox(config, {
  frameDir: join(ROOT, 'dist', 'frame'),
  widgetFile: join(ROOT, 'dist', 'cdn', 'xpay.js'),
  docsFile: join(ROOT, 'docs', 'sandbox-api.md'),
}).catch((err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') fail(2, `${config.host}:${config.port} is already in use: choose another with --port or XPAY_SANDBOX_PORT (0 = any free port)`);
  if (err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL') fail(2, `cannot listen on ${config.host}:${config.port} (${err.code}): check --host and --port`);
  fail(1, `cannot start: ${err.message}`);
});
console.log(`XPay sandbox listening on ${sandbox.url}`);
console.log(`Test secret key: ${config.secretKey}`);
console.log(`Database: ${config.dbPath}`);
// Where the card key is, never the key: it must be kept with the database, and out of copies of it.
const keySource = config.fingerprintKey !== null ? 'XPAY_SANDBOX_FINGERPRINT_KEY' : config.dbPath === ':memory:' ? 'in memory' : cardKeyFile(config.dbPath);
console.log(`Card key: ${keySource}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
