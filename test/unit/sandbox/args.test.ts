import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_ONLY, FLAGS, helpText, nameTheFlag, parseArgs } from '../../../sandbox/args.js';
import { loadConfig } from '../../../sandbox/config.js';
import { REPO_ROOT } from '../../../sandbox/server.js';

describe('parseArgs', () => {
  it('turns flags into the environment variables they mirror', () => {
    expect(parseArgs(['--port', '0', '--db=/tmp/x.db', '--merchant-name', 'Shop & Co', '--no-log', '--allow-private-webhooks'])).toEqual({
      kind: 'run',
      env: {
        XPAY_SANDBOX_PORT: '0',
        XPAY_SANDBOX_DB: '/tmp/x.db',
        XPAY_MERCHANT_NAME: 'Shop & Co',
        XPAY_SANDBOX_LOG: '0',
        XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS: '1',
      },
    });
  });

  it('runs with nothing set when given no arguments (the environment and defaults apply)', () => {
    expect(parseArgs([])).toEqual({ kind: 'run', env: {} });
  });

  it('answers help to -h and --help wherever they are', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--port', '1', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--nope'], 'unknown option --nope'],
    [['--nope=1'], 'unknown option --nope'],
    [['4242'], 'unexpected argument "4242"'],
    [['-p', '1'], 'unexpected argument "-p"'],
    [['--port'], '--port needs a value (N)'],
    [['--port', '--db', 'x'], '--port needs a value (N)'],
    [['--no-log=1'], '--no-log takes no value'],
    [['--secret-key', 'sk_test_x'], 'unknown option --secret-key'],
  ])('rejects %j with one line', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ kind: 'error', message });
  });

  it('keeps an empty value given with = (loadConfig then applies the default)', () => {
    expect(parseArgs(['--host='])).toEqual({ kind: 'run', env: { XPAY_SANDBOX_HOST: '' } });
  });
});

describe('the flags mirror the configuration', () => {
  it('has one flag or an environment-only entry for every variable loadConfig reads', () => {
    const source = readFileSync(join(REPO_ROOT, 'sandbox/config.ts'), 'utf8');
    const read = new Set(source.match(/XPAY_[A-Z0-9_]+/g));
    const covered = [...FLAGS.map((f) => f.env), ...ENV_ONLY.map((e) => e.env)];
    expect(new Set(covered)).toEqual(read);
    expect(covered.length).toBe(read.size); // no variable twice
  });

  it('names each flag after its variable (minus XPAY_SANDBOX_ / XPAY_, kebab case), except the --no-log switch', () => {
    for (const f of FLAGS.filter((f) => f.flag !== '--no-log')) {
      expect(f.flag).toBe(`--${f.env.replace(/^XPAY_(SANDBOX_)?/, '').toLowerCase().replaceAll('_', '-')}`);
    }
  });

  it.each(FLAGS.map((f) => [f.flag, f] as const))('%s: the default --help prints is the effective one', (_, f) => {
    expect(loadConfig({ [f.env]: f.default })).toEqual(loadConfig({}));
  });

  it.each(ENV_ONLY.map((e) => [e.env, e] as const))('%s: the default --help prints is the effective one', (_, e) => {
    expect(loadConfig({ [e.env]: e.default })).toEqual(loadConfig({}));
  });

  it('sets a switch to a value loadConfig reads as the opposite of the default', () => {
    for (const f of FLAGS) {
      if (!('sets' in f.takes)) continue;
      expect(loadConfig({ [f.env]: f.takes.sets })).not.toEqual(loadConfig({}));
    }
  });
});

describe('nameTheFlag', () => {
  it("rewords loadConfig's error to name the flag that set the value", () => {
    const env = { XPAY_SANDBOX_PORT: 'abc' };
    let message = '';
    try {
      loadConfig(env);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(nameTheFlag(message, env)).toBe('--port (XPAY_SANDBOX_PORT) must be a non-negative integer, got "abc"');
  });

  it('leaves an error about a variable set in the environment as it is', () => {
    expect(nameTheFlag('XPAY_SANDBOX_PORT must be ≤ 65535, got 70000', {})).toBe('XPAY_SANDBOX_PORT must be ≤ 65535, got 70000');
  });
});

describe('helpText', () => {
  const text = helpText('xpay-sandbox');

  it('lists every flag with its variable and default, and the environment-only secrets', () => {
    for (const f of FLAGS) expect(text).toMatch(new RegExp(`^  ${f.flag}\\b.*${f.env}`, 'm'));
    expect(text).toMatch(/^  --port N +XPAY_SANDBOX_PORT, default 4242\n +port \(0 = any free port/m);
    for (const e of ENV_ONLY) expect(text).toMatch(new RegExp(`^  ${e.env}\\b`, 'm'));
    expect(text).toMatch(/^Usage: xpay-sandbox \[options\]$/m);
  });

  it('keeps every line within 100 columns', () => {
    expect(text.split('\n').filter((line) => line.length > 100)).toEqual([]);
  });
});
