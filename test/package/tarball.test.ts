/**
 * Installs the packed tarball the way a merchant does, in a folder outside the repository, and uses
 * it: type-checks a browser, a server and a React file (strict, no skipLibCheck) under `bundler` and
 * `nodenext`, imports every entry in plain Node (and requires ./server), renders the React wrapper
 * on the server, and runs publint and attw against the tarball.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, pack, packedFiles, REPO as root, run as runIn } from './pack.js';

let dir = '';
let tarball = '';
const run = (cmd: string, args: string[], cwd = dir) => runIn(cmd, args, cwd);

beforeAll(() => {
  if (!existsSync(join(root, 'dist/esm/index.js'))) throw new Error('Run `npm run build` first.');
  dir = mkdtempSync(join(tmpdir(), 'xpay-merchant-'));
  tarball = pack(root, dir);
  cpSync(join(import.meta.dirname, 'merchant'), dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'merchant', private: true, type: 'module' }));
  // The tarball plus what a merchant would add; the npm cache answers most of it (prefer-offline).
  run('npm', [
    'install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball,
    'react@19', 'react-dom@19', '@types/react@19', '@types/react-dom@19', '@types/node@20',
  ]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the installed tarball', () => {
  it.each(['bundler', 'nodenext'])('type-checks browser, server and React files under %s', (mode) => {
    run(bin('tsc'), ['-p', `tsconfig.${mode}.json`]);
  });

  it('imports every entry in plain Node, requires ./server and renders the React wrapper', () => {
    const report = JSON.parse(run('node', ['run.mjs']));
    expect(report['xpay-checkout']).toContain('mount');
    expect(report['xpay-checkout/server']).toContain('verifyWebhook');
    expect(report.require).toContain('verifyWebhook');
    expect(report['xpay-checkout/react']).toContain('XPayCheckout');
    expect(report.html).toMatch(/^<xpay-checkout/);
    expect(report.reactFirstLine).toMatch(/^["']use client["'];?$/);
    expect(report.jsdelivr).toBe('./dist/cdn/xpay.js');
    expect(report.cdnResolved).toMatch(/\/dist\/cdn\/xpay\.js$/);
    expect(report.sri.integrity).toMatch(/^sha384-[A-Za-z0-9+/]+=*$/);
  });

  it('ships types that import only its own dependencies (pnpm-style installs link nothing else)', () => {
    const installed = join(dir, 'node_modules/xpay-checkout');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const allowed = new Set([...Object.keys(pkg.dependencies!), ...Object.keys(pkg.peerDependencies!)]);
    const typesDir = join(installed, 'dist/types');
    const foreign = new Set<string>();
    for (const file of readdirSync(typesDir, { recursive: true }) as string[]) {
      if (!file.endsWith('.d.ts')) continue;
      const text = readFileSync(join(typesDir, file), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from |import\()['"]([^'"./][^'"]*)['"]/g)) {
        const name = spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!;
        if (!allowed.has(name) && !name.startsWith('node:')) foreign.add(`${file}: ${spec}`);
      }
    }
    expect([...foreign]).toEqual([]);
  });

  it('depends only on packages its shipped JavaScript imports', () => {
    const installed = join(dir, 'node_modules/xpay-checkout');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const esm = (readdirSync(join(installed, 'dist/esm'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(installed, 'dist/esm', f), 'utf8'))
      .join('\n');
    const unused = Object.keys(pkg.dependencies).filter((name) => !esm.includes(`from "${name}`) && !esm.includes(`from '${name}`));
    expect(unused).toEqual([]);
  });

  it('passes publint and attw (esm-only)', () => {
    run(bin('publint'), ['run', 'node_modules/xpay-checkout', '--strict']);
    run(bin('attw'), [tarball, '--profile', 'esm-only']);
  });

  it('holds only what merchants use', () => {
    const files = packedFiles(root).map((f) => f.path);
    expect(files.filter((f) => /^dist\/(demo|frame)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map') && !f.startsWith('dist/'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cdn/xpay.js', 'dist/custom-elements.json']));
    expect(readFileSync(join(dir, 'node_modules/xpay-checkout/LICENSE'), 'utf8')).toMatch(/MIT License/);
  });

  it('gives a frontend install no native or server dependency (the sandbox is its own package, xpay-sandbox)', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/xpay-checkout/package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(pkg[field] ?? {}));
    expect(declared.filter((name) => /^(better-sqlite3|hono|@hono\/)/.test(name))).toEqual([]);
    // What the install brought, react and the @types the merchant added included: nothing to compile.
    const top = readdirSync(join(dir, 'node_modules')).flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(dir, 'node_modules', name)).map((sub) => `${name}/${sub}`) : [name],
    );
    expect(top.filter((name) => /^(better-sqlite3|hono|@hono\/|xpay-sandbox)/.test(name))).toEqual([]);
    expect(top.filter((name) => existsSync(join(dir, 'node_modules', name, 'binding.gyp')))).toEqual([]);
  });
});
