/**
 * The command line of `npx xpay-sandbox` (and `npm run sandbox -- …`). Every flag is one environment
 * variable of sandbox/config.ts under a shorter name (the variable minus `XPAY_SANDBOX_`/`XPAY_`, in
 * kebab case), so both ways configure the same knobs and `loadConfig` stays the one place that
 * validates a value. Pure: no process, no I/O.
 */

/** One flag, the environment variable it sets, and its line in `--help`. */
export interface SandboxFlag {
  /** `--port`. */
  flag: string;
  /** `XPAY_SANDBOX_PORT`. */
  env: string;
  /** The value's placeholder in `--help` (`N`), or, for a switch that takes none, the value it sets. */
  takes: { placeholder: string } | { sets: string };
  /** The default as `--help` prints it (the effective default: a test feeds it to `loadConfig`). */
  default: string;
  help: string;
}

const int = (flag: string, env: string, def: string, help: string): SandboxFlag => ({ flag, env, takes: { placeholder: 'N' }, default: def, help });

/** Every flag, in `--help` order. */
export const FLAGS: readonly SandboxFlag[] = [
  { flag: '--host', env: 'XPAY_SANDBOX_HOST', takes: { placeholder: 'HOST' }, default: '127.0.0.1', help: 'interface to listen on' },
  { flag: '--port', env: 'XPAY_SANDBOX_PORT', takes: { placeholder: 'N' }, default: '4242', help: 'port (0 = any free port; the URL is printed)' },
  { flag: '--db', env: 'XPAY_SANDBOX_DB', takes: { placeholder: 'FILE' }, default: '.xpay/sandbox.db', help: 'SQLite file, kept across restarts (:memory: keeps nothing)' },
  { flag: '--merchant-name', env: 'XPAY_MERCHANT_NAME', takes: { placeholder: 'NAME' }, default: 'Sandbox Merchant', help: 'shown on sandbox pages and in the public view' },
  { flag: '--webhook-url', env: 'XPAY_WEBHOOK_URL', takes: { placeholder: 'URL' }, default: '', help: 'a webhook endpoint registered at start (secret: XPAY_WEBHOOK_SECRET)' },
  { flag: '--allow-private-webhooks', env: 'XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS', takes: { sets: '1' }, default: '0', help: 'allow webhooks to link-local and metadata addresses, and to the sandbox' },
  { flag: '--no-log', env: 'XPAY_SANDBOX_LOG', takes: { sets: '0' }, default: '1', help: 'no line per request' },
  int('--processing-ms', 'XPAY_SANDBOX_PROCESSING_MS', '3000', 'how long the processing test cards stay processing'),
  int('--3ds-timeout-ms', 'XPAY_SANDBOX_3DS_TIMEOUT_MS', '600000', 'an untouched 3-D Secure challenge is abandoned after this'),
  int('--bank-settle-ms', 'XPAY_SANDBOX_BANK_SETTLE_MS', '5000', 'a settle-later bank payment settles after this'),
  int('--auth-expiry-ms', 'XPAY_SANDBOX_AUTH_EXPIRY_MS', '604800000', 'uncaptured authorisations are canceled after this'),
  int('--webhook-backoff-ms', 'XPAY_SANDBOX_WEBHOOK_BACKOFF_MS', '5000', 'first webhook retry delay (doubles per attempt)'),
  int('--webhook-max-attempts', 'XPAY_SANDBOX_WEBHOOK_MAX_ATTEMPTS', '8', 'attempts before a delivery is given up'),
  int('--webhook-timeout-ms', 'XPAY_SANDBOX_WEBHOOK_TIMEOUT_MS', '10000', 'a delivery not answered 2xx within this has failed'),
  int('--sweep-ms', 'XPAY_SANDBOX_SWEEP_MS', '1000', 'longest sleep of the scheduler between looks at due work'),
  int('--max-failed-confirms', 'XPAY_SANDBOX_MAX_FAILED_CONFIRMS', '10', 'failed attempts on one session, then confirm answers 429'),
  int('--velocity-window-s', 'XPAY_SANDBOX_VELOCITY_WINDOW_S', '600', 'sliding window of the velocity limits'),
  int('--velocity-per-link', 'XPAY_SANDBOX_VELOCITY_PER_LINK', '30', 'failed attempts per payment link in the window'),
  int('--velocity-per-client', 'XPAY_SANDBOX_VELOCITY_PER_CLIENT', '20', 'failed attempts per client address in the window'),
  int('--velocity-per-card', 'XPAY_SANDBOX_VELOCITY_PER_CARD', '10', 'failed attempts per card in the window'),
  int('--long-poll-max-s', 'XPAY_SANDBOX_LONG_POLL_MAX_S', '25', 'cap on ?wait= of the public view'),
  int('--issuer-latency-ms', 'XPAY_SANDBOX_ISSUER_LATENCY_MS', '20', 'simulated card-network round trip inside confirm'),
];

/**
 * Variables with no flag: secrets, which a command line shows to every user of the machine (`ps`)
 * and a CI log keeps.
 */
export const ENV_ONLY: readonly { env: string; default: string; help: string }[] = [
  { env: 'XPAY_SECRET_KEY', default: 'sk_test_sandbox', help: 'the secret key for Authorization: Bearer …' },
  { env: 'XPAY_WEBHOOK_SECRET', default: '', help: "the --webhook-url signing secret (unset: generated once, then kept)" },
  { env: 'XPAY_SANDBOX_FINGERPRINT_KEY', default: '', help: 'card key, ≥ 32 characters (unset: the key file <db>.fingerprint-key)' },
];

/** What the command line asks for: run with these variables set, print the help, or a usage error. */
export type SandboxArgs = { kind: 'run'; env: Record<string, string> } | { kind: 'help' } | { kind: 'error'; message: string };

/**
 * Reads `argv` (without node and the script): `--flag value`, `--flag=value`, switches, `-h`/`--help`.
 * The result's `env` holds only what the flags set; the caller lays it over `process.env`, so a flag
 * wins over its variable.
 */
export function parseArgs(argv: readonly string[]): SandboxArgs {
  const env: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (!arg.startsWith('--')) return { kind: 'error', message: `unexpected argument "${arg}"` };
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const option = FLAGS.find((f) => f.flag === name);
    if (!option) return { kind: 'error', message: `unknown option ${name}` };
    if ('sets' in option.takes) {
      if (eq !== -1) return { kind: 'error', message: `${name} takes no value` };
      env[option.env] = option.takes.sets;
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq === -1 && value.startsWith('--'))) return { kind: 'error', message: `${name} needs a value (${option.takes.placeholder})` };
    env[option.env] = value;
  }
  return { kind: 'run', env };
}

/**
 * A `loadConfig` error about a variable that a flag set, reworded to name the flag the user typed
 * (`--port (XPAY_SANDBOX_PORT) must be …`); other messages pass through.
 */
export function nameTheFlag(message: string, fromFlags: Record<string, string>): string {
  const option = FLAGS.find((f) => f.env in fromFlags && message.startsWith(f.env));
  return option ? `${option.flag} (${option.env})${message.slice(option.env.length)}` : message;
}

/** The `--help` text: usage, every flag with its variable and default, the variables without a flag. */
export function helpText(program: string): string {
  const usage = (f: SandboxFlag) => ('placeholder' in f.takes ? `${f.flag} ${f.takes.placeholder}` : f.flag);
  const width = Math.max(...FLAGS.map((f) => usage(f).length)) + 2;
  const entry = (name: string, env: string, def: string, help: string) =>
    `  ${name.padEnd(width - 2)}  ${[env, def && `default ${def}`].filter(Boolean).join(', ')}`.trimEnd() + `\n  ${''.padEnd(width)}${help}`;
  return [
    `Usage: ${program} [options]`,
    '',
    'Starts the XPay sandbox: an offline, persistent, test-mode copy of the XPay session API with the',
    'card frame, the 3-D Secure test issuer, the hosted page and payment links. It prints',
    '"XPay sandbox listening on <url>" once it accepts requests; Ctrl-C or SIGTERM stops it.',
    'Every option is also an environment variable; a flag wins over its variable.',
    '',
    'Options:',
    ...FLAGS.map((f) => entry(usage(f), f.env, f.default, f.help)),
    `  ${'-h, --help'.padEnd(width)}this text`,
    '',
    'Environment only (secrets: a command line shows them to every user of the machine):',
    ...ENV_ONLY.map((e) => entry(e.env, '', e.default, e.help)),
    '',
    'Exit codes: 0 stopped by a signal; 2 a bad option or value, or the port is in use; 1 other errors.',
    'API reference: docs/sandbox-api.md, also served by the sandbox at /docs/sandbox-api.md.',
    '',
  ].join('\n');
}
