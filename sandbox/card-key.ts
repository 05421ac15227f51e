import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

/**
 * The key of every value the sandbox derives from a card number: card fingerprints and the
 * idempotency hashes of confirms. It never lives in the database (issue #8: with the key next to the
 * data, a copy of the files gave back every card number by BIN guesses + last 4 + Luhn). It comes
 * from `XPAY_SANDBOX_FINGERPRINT_KEY`, or else from a key file beside the database
 * (`<db>.fingerprint-key`, mode 0600), created on the first start and reused afterwards so
 * fingerprints stay the same across restarts.
 */

/** Where the key file of a database lives. */
export function cardKeyFile(dbPath: string): string {
  return `${dbPath}.fingerprint-key`;
}

/** Shortest key accepted from the environment or a key file (the generated one has 64 characters). */
export const MIN_CARD_KEY_LENGTH = 32;

export interface CardKeyOptions {
  /** The database path; `:memory:` gets a key that lives as long as the process. */
  dbPath: string;
  /** XPAY_SANDBOX_FINGERPRINT_KEY, when set. */
  configured: string | null;
  /** The key an older sandbox kept in the database's `meta` table, if it is still there. */
  legacy: string | undefined;
  /** Where a warning goes (the sandbox log). */
  warn: (line: string) => void;
}

/**
 * Resolves the card key: the environment's, else the key file's, else a new key file (holding the
 * legacy key when the database had one, so fingerprints keep their value). Throws — the sandbox
 * refuses to start — when the key file is readable by other users or does not hold a key.
 */
export function resolveCardKey({ dbPath, configured, legacy, warn }: CardKeyOptions): string {
  if (configured !== null) {
    if (legacy !== undefined && legacy !== configured) {
      warn('XPAY_SANDBOX_FINGERPRINT_KEY differs from the key this database used: cards paid before now have other fingerprints.');
    }
    return configured;
  }
  if (dbPath === ':memory:') return legacy ?? newKey();
  const file = cardKeyFile(dbPath);
  if (!existsSync(file)) createKeyFile(file, legacy ?? newKey());
  const key = readKeyFile(file);
  if (legacy !== undefined && legacy !== key) {
    warn(`${file} differs from the key this database used: cards paid before now have other fingerprints.`);
  }
  return key;
}

function newKey(): string {
  return randomBytes(32).toString('hex');
}

function readKeyFile(file: string): string {
  // Windows has no POSIX modes to check; everywhere else, a key others can read is no secret.
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new Error(
        `The sandbox's card key file ${file} has mode 0${mode.toString(8)}: other users can read it. Run "chmod 600 ${file}" and start again.`,
      );
    }
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < MIN_CARD_KEY_LENGTH) {
    throw new Error(`The sandbox's card key file ${file} holds no key (at least ${MIN_CARD_KEY_LENGTH} characters). Delete it to start with a new key.`);
  }
  return key;
}

/**
 * Writes the key to a private temporary file, then links it into place: a crash never leaves a
 * half-written key file, and of two sandboxes starting at once on the same database the first
 * link wins and the other reads that key.
 */
function createKeyFile(file: string, key: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${key}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
}
