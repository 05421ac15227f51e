import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { resolveCardKey } from './card-key.js';

/**
 * The sandbox's store: one SQLite file (WAL). Objects are kept as JSON documents next to the few
 * columns that are queried. Every state change runs inside `Store.tx`, one SQLite transaction;
 * notifications (long-poll wake-ups, the webhook deliverer) fire only after it commits.
 */

const MIGRATIONS: string[] = [
  // 1: the whole object model, the outbox, the scheduler and idempotency records.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE intents (id TEXT PRIMARY KEY, session_id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
  CREATE TABLE charges (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, intent_id TEXT NOT NULL, data TEXT NOT NULL);
  CREATE INDEX charges_intent ON charges(intent_id);
  CREATE TABLE refunds (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, intent_id TEXT NOT NULL, data TEXT NOT NULL);
  CREATE INDEX refunds_intent ON refunds(intent_id);
  CREATE TABLE balance_transactions (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
  CREATE TABLE customers (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE challenges (id TEXT PRIMARY KEY, intent_id TEXT NOT NULL, data TEXT NOT NULL);
  CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL);
  CREATE TABLE webhook_endpoints (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    source TEXT, deleted INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL);
  CREATE UNIQUE INDEX webhook_endpoints_source ON webhook_endpoints(source) WHERE source IS NOT NULL;
  CREATE TABLE deliveries (id INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, endpoint_id TEXT NOT NULL,
    status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL,
    last_status INTEGER, last_error TEXT, delivered_at INTEGER);
  CREATE INDEX deliveries_due ON deliveries(status, next_at);
  CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, due_at INTEGER NOT NULL, kind TEXT NOT NULL,
    ref TEXT NOT NULL, payload TEXT NOT NULL DEFAULT '{}', UNIQUE(kind, ref));
  CREATE INDEX jobs_due ON jobs(due_at);
  CREATE TABLE idempotency (scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
    state TEXT NOT NULL, status INTEGER, body TEXT, created_at INTEGER NOT NULL, PRIMARY KEY(scope, key));
  `,
  // 2: payment links (each visit of /p/plink_… opens a new session).
  `
  CREATE TABLE payment_links (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
  `,
  // 3 (issue #11): payment methods — one saved card per fingerprint per customer, enforced here too —
  // and bank-redirect authorisations (the bank page's pending answers).
  `
  CREATE TABLE payment_methods (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    customer_id TEXT, fingerprint TEXT NOT NULL, data TEXT NOT NULL);
  CREATE UNIQUE INDEX payment_methods_saved ON payment_methods(customer_id, fingerprint) WHERE customer_id IS NOT NULL;
  CREATE TABLE bank_authorizations (id TEXT PRIMARY KEY, intent_id TEXT NOT NULL, data TEXT NOT NULL);
  CREATE INDEX bank_authorizations_intent ON bank_authorizations(intent_id);
  `,
];

export type Row = Record<string, unknown>;

/** How the store finds its card key (see sandbox/card-key.ts). */
export interface StoreOptions {
  /** XPAY_SANDBOX_FINGERPRINT_KEY; null or absent: the key file beside the database. */
  fingerprintKey?: string | null;
  /** Where start-up warnings go. */
  warn?: (line: string) => void;
}

export class Store {
  readonly db: Database.Database;
  /**
   * The key of card fingerprints and of confirm idempotency hashes. Kept out of the database, so a
   * copy of its files cannot test guesses of a card number or CVC.
   */
  readonly fingerprintKey: string;
  private offsetMs = 0;
  private afterCommit: (() => void)[] | null = null;

  constructor(path: string, options: StoreOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL'); // an answered change survives kill -9 and power loss
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    // Deleted rows are zeroed, not left in free space for a copy of the file to show.
    this.db.pragma('secure_delete = ON');
    this.migrate();
    this.offsetMs = Number(this.meta('clock_offset_ms') ?? 0);
    const legacy = this.meta('fingerprint_key');
    try {
      this.fingerprintKey = resolveCardKey({
        dbPath: path,
        configured: options.fingerprintKey ?? null,
        legacy,
        warn: options.warn ?? ((line) => console.warn(line)),
      });
    } catch (err) {
      this.db.close();
      throw err;
    }
    if (legacy !== undefined) this.forgetLegacyKey();
  }

  /**
   * Databases written before the key left the store kept it in `meta`: delete it (zeroed, by
   * secure_delete) and truncate the WAL, so neither file holds it any more.
   */
  private forgetLegacyKey(): void {
    this.db.prepare("DELETE FROM meta WHERE key = 'fingerprint_key'").run();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    for (let v = current + 1; v <= MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v - 1]!);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(v, Date.now());
      })();
    }
  }

  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ---- the sandbox clock: real time plus a persisted offset (test_helpers/advance_clock) ----
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }
  advanceClock(seconds: number): void {
    this.tx(() => {
      this.offsetMs += seconds * 1000;
      this.setMeta('clock_offset_ms', String(this.offsetMs));
    });
  }

  /**
   * Runs `fn` in one transaction (a savepoint when nested). `onCommit` callbacks registered inside
   * run after the outermost transaction commits, never when it rolls back.
   */
  tx<T>(fn: () => T): T {
    if (this.afterCommit !== null) return this.db.transaction(fn)();
    this.afterCommit = [];
    let result: T;
    let hooks: (() => void)[];
    const savedOffset = this.offsetMs;
    try {
      result = this.db.transaction(fn)();
      hooks = this.afterCommit;
    } catch (err) {
      this.offsetMs = savedOffset;
      throw err;
    } finally {
      this.afterCommit = null;
    }
    for (const hook of hooks) hook();
    return result;
  }

  onCommit(fn: () => void): void {
    if (this.afterCommit === null) fn();
    else this.afterCommit.push(fn);
  }

  // ---- JSON documents ----
  getDoc<T>(table: string, id: string): T | undefined {
    const row = this.db.prepare(`SELECT data FROM ${table} WHERE id = ?`).get(id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : undefined;
  }

  /** Inserts or replaces a document; `cols` are the extra indexed columns of that table. */
  putDoc(table: string, doc: { id: string }, cols: Row = {}): void {
    const names = ['id', 'data', ...Object.keys(cols)];
    const values = [doc.id, JSON.stringify(doc), ...Object.values(cols)];
    const sets = names.slice(1).map((n) => `${n} = excluded.${n}`).join(', ');
    this.db
      .prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${sets}`)
      .run(...values);
  }

  docs<T>(sql: string, ...params: unknown[]): T[] {
    return (this.db.prepare(sql).all(...params) as { data: string }[]).map((r) => JSON.parse(r.data) as T);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
