/**
 * What the package tests share: running a command with its output in the error, and `npm pack`
 * of one of the repository's two packages (xpay-checkout at the root, xpay-sandbox in sandbox/).
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The repository root. */
export const REPO = resolve(import.meta.dirname, '../..');

/** A tool installed in the repository (tsc, publint, attw). */
export const bin = (name: string): string => join(REPO, 'node_modules/.bin', name);

/** Runs a command to its end and returns its stdout; a failure throws with both outputs. */
export function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** `npm pack`s the package in `packageDir` into `destination` and returns the tarball's path. */
export function pack(packageDir: string, destination: string): string {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', destination], packageDir)) as { filename: string }[];
  return join(destination, packed[0]!.filename);
}

/** The file list `npm pack` would put in the package's tarball. */
export function packedFiles(packageDir: string): { path: string; size: number }[] {
  return (JSON.parse(run('npm', ['pack', '--dry-run', '--json'], packageDir)) as { files: { path: string; size: number }[] }[])[0]!.files;
}
