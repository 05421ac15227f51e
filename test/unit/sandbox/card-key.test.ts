import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cardKeyFile } from '../../../sandbox/card-key.js';
import { fingerprint } from '../../../sandbox/cards.js';
import { Store } from '../../../sandbox/db.js';
import { CARDS, confirm, createSession, getSession, startTestSandbox, tempDir } from './helpers.js';

/** The card key (issue #8): out of the database, in a private key file or the environment. */
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function dir(): string {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

async function fingerprintOfAPayment(env: Record<string, string>, at: string): Promise<string> {
  const api = await startTestSandbox(env, {}, at);
  try {
    const s = await createSession(api);
    expect((await confirm(api, s, CARDS.visa)).status).toBe(200);
    return (await getSession(api, s.id)).paymentIntent.charges[0].paymentMethodDetails.card.fingerprint as string;
  } finally {
    await api.close();
  }
}

describe('the card key', () => {
  it('should move a key an older sandbox kept in meta into the key file, and leave no trace of it in the database files', async () => {
    const at = dir();
    const dbPath = join(at, 'sandbox.db');
    // A database as the sandbox wrote it before: the key in meta.
    new Store(dbPath, { fingerprintKey: 'x'.repeat(32) }).close();
    const legacy = randomBytes(32).toString('hex');
    const db = new Database(dbPath);
    db.prepare("INSERT INTO meta (key, value) VALUES ('fingerprint_key', ?)").run(legacy);
    db.close();

    const fp = await fingerprintOfAPayment({}, at);
    expect(fp).toBe(fingerprint(CARDS.visa, legacy)); // fingerprints keep their value
    expect(readFileSync(cardKeyFile(dbPath), 'utf8').trim()).toBe(legacy);
    const check = new Database(dbPath, { readonly: true });
    expect(check.prepare("SELECT value FROM meta WHERE key = 'fingerprint_key'").get()).toBeUndefined();
    check.close();
    const files = readFileSync(dbPath).toString('latin1') + (existsSync(`${dbPath}-wal`) ? readFileSync(`${dbPath}-wal`).toString('latin1') : '');
    expect(files.includes(legacy)).toBe(false);
  });

  it('should create a 0600 key file on first start and keep fingerprints across restarts', async () => {
    const at = dir();
    const first = await fingerprintOfAPayment({}, at);
    const file = cardKeyFile(join(at, 'sandbox.db'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await fingerprintOfAPayment({}, at)).toBe(first);
  });

  it('should refuse to start when the key file is readable by other users', async () => {
    const at = dir();
    await fingerprintOfAPayment({}, at);
    const file = cardKeyFile(join(at, 'sandbox.db'));
    chmodSync(file, 0o644);
    await expect(startTestSandbox({}, {}, at)).rejects.toThrow(/mode 0644.*chmod 600/);
  });

  it('should refuse a key file that holds no key', async () => {
    const at = dir();
    writeFileSync(cardKeyFile(join(at, 'sandbox.db')), '\n', { mode: 0o600 });
    await expect(startTestSandbox({}, {}, at)).rejects.toThrow(/holds no key/);
  });

  it('should take the key from XPAY_SANDBOX_FINGERPRINT_KEY and then write no key file', async () => {
    const at = dir();
    const key = randomBytes(32).toString('hex');
    expect(await fingerprintOfAPayment({ XPAY_SANDBOX_FINGERPRINT_KEY: key }, at)).toBe(fingerprint(CARDS.visa, key));
    expect(existsSync(cardKeyFile(join(at, 'sandbox.db')))).toBe(false);
    await expect(startTestSandbox({ XPAY_SANDBOX_FINGERPRINT_KEY: 'short' }, {}, at)).rejects.toThrow(/at least 32 characters/);
  });

  it('should still tell a reused Idempotency-Key with another card from a retry', async () => {
    const api = await startTestSandbox({}, {}, dir());
    cleanups.push(() => api.close());
    const s = await createSession(api);
    const first = await confirm(api, s, CARDS.generic, { key: 'same-key' });
    expect(first.status).toBe(402);
    const retry = await confirm(api, s, CARDS.generic, { key: 'same-key' });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const otherCard = await confirm(api, s, CARDS.visa, { key: 'same-key' });
    expect(otherCard.status).toBe(400);
    expect(otherCard.body.error.code).toBe('idempotency_key_reused');
  });
});
