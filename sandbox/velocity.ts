import type { SandboxConfig } from './config.js';
import type { Store } from './db.js';
import { ApiError } from './errors.js';

/**
 * Velocity limits against card testing (issue #8, item 2). The per-session limit
 * (XPAY_SANDBOX_MAX_FAILED_CONFIRMS) is sidestepped by opening more sessions — every visit of a
 * payment link opens one — so these count across sessions: per payment link, per client address
 * and per card fingerprint, each in a sliding window of the sandbox clock (so
 * `POST /v1/test_helpers/advance_clock` slides it).
 *
 * What counts is a *failed* attempt: a decline, an incorrect CVC or number, a failed or abandoned
 * 3-D Secure authentication. A card tester's signal is the issuer's "no" — most cards on a stolen
 * list are dead, and each decline tells them which — while a busy link's or a shared office
 * network's successful payments are ordinary customers and must never lock anyone out. Two failures
 * say nothing about the card and are not counted: `processing_error` (the issuer's own fault) and
 * `payment_intent_canceled` (the merchant or the session's expiry canceled it).
 *
 * Each attempt is stored (SQLite, beside the charges) at the moment it was made, and whether it
 * failed is read from its charge, so an attempt that fails later (3-D Secure, processing cards) counts
 * too; the limits survive a restart, so a card tester cannot reset them by crashing the process. An
 * attempt still waiting for the issuer counts as if it had failed: checked and stored in one
 * transaction, so confirms fired in parallel on many sessions cannot all slip under the limit.
 */

/** What one attempt is counted against. */
export interface AttemptKeys {
  /** The client address (see {@link clientKey}). */
  client: string;
  /** The payment link the session was opened from, or null for a merchant-created session. */
  paymentLink: string | null;
  /** The card fingerprint (`fingerprint()` in cards.ts). */
  fingerprint: string;
}

/** Limits and window, from XPAY_SANDBOX_VELOCITY_* (see config.ts). */
export interface VelocityLimits {
  windowMs: number;
  perLink: number;
  perClient: number;
  perCard: number;
}

/**
 * Pure: with `times` the moments (ms, any order) of the failures counted in one dimension, whether
 * one more attempt at `nowMs` is refused and, if so, how many whole seconds until the window frees
 * a slot (when the oldest failure that keeps the count at `limit` leaves it). Null when allowed.
 */
export function retryAfterSeconds(times: readonly number[], limit: number, windowMs: number, nowMs: number): number | null {
  const inWindow = times.filter((t) => t > nowMs - windowMs).sort((a, b) => a - b);
  if (inWindow.length < limit) return null;
  const freesAt = inWindow[inWindow.length - limit]! + windowMs;
  return Math.max(1, Math.ceil((freesAt - nowMs) / 1000));
}

/**
 * Pure: the key a connecting address is counted under. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is the
 * IPv4 address; any other IPv6 address counts by its /64, since one subscriber is routinely given a
 * whole /64 and could otherwise rotate through 2^64 addresses. The connecting socket's address only:
 * `X-Forwarded-For` is not trusted (the sandbox is not deployed behind a proxy it could verify).
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

const DIMENSIONS = [
  { column: 'client', key: 'client', limit: 'perClient', what: 'from this client address' },
  { column: 'payment_link', key: 'paymentLink', limit: 'perLink', what: 'on this payment link' },
  { column: 'fingerprint', key: 'fingerprint', limit: 'perCard', what: 'with this card' },
] as const;

/** Checks and records confirm attempts against the velocity limits, inside the caller's transactions. */
export class Velocity {
  private readonly limits: VelocityLimits;

  constructor(
    private readonly store: Store,
    config: Pick<SandboxConfig, 'velocityWindowS' | 'velocityPerLink' | 'velocityPerClient' | 'velocityPerCard'>,
  ) {
    this.limits = {
      windowMs: config.velocityWindowS * 1000,
      perLink: config.velocityPerLink,
      perClient: config.velocityPerClient,
      perCard: config.velocityPerCard,
    };
    // Its own table, created here rather than as a numbered migration: this module owns it alone.
    store.db.exec(`
      CREATE TABLE IF NOT EXISTS velocity_attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,
        client TEXT NOT NULL, payment_link TEXT, fingerprint TEXT NOT NULL, charge_id TEXT UNIQUE);
      CREATE INDEX IF NOT EXISTS velocity_client ON velocity_attempts(client, at);
      CREATE INDEX IF NOT EXISTS velocity_link ON velocity_attempts(payment_link, at);
      CREATE INDEX IF NOT EXISTS velocity_card ON velocity_attempts(fingerprint, at);
    `);
    this.recover();
  }

  /**
   * Throws 429 `too_many_attempts` (type `rate_limit_error`, with `Retry-After`) when one more
   * attempt would exceed any limit; the wait is the longest of the limits reached.
   */
  check(keys: AttemptKeys): void {
    const now = this.store.nowMs();
    let wait = 0;
    const reached: string[] = [];
    for (const d of DIMENSIONS) {
      const value = keys[d.key];
      if (value === null) continue;
      const after = this.retryAfter(d.column, value, this.limits[d.limit], now);
      if (after === null) continue;
      wait = Math.max(wait, after);
      reached.push(d.what);
    }
    if (reached.length === 0) return;
    throw new ApiError(
      'rate_limit_error',
      'too_many_attempts',
      `Too many failed payment attempts ${reached.join(' and ')} (velocity limits, XPAY_SANDBOX_VELOCITY_*); try again in ${wait} s.`,
      {},
      429,
      { 'Retry-After': String(wait) },
    );
  }

  /** Stores an attempt about to go to the issuer (call in the transaction of `check`); returns its id. */
  begin(keys: AttemptKeys): number {
    const now = this.store.nowMs();
    // Attempts that left every window can never count again.
    this.store.db.prepare('DELETE FROM velocity_attempts WHERE at <= ?').run(now - this.limits.windowMs);
    return Number(
      this.store.db
        .prepare('INSERT INTO velocity_attempts (at, client, payment_link, fingerprint) VALUES (?, ?, ?, ?)')
        .run(now, keys.client, keys.paymentLink, keys.fingerprint).lastInsertRowid,
    );
  }

  /** The issuer answered: the attempt counts if (and once) `chargeId` fails. */
  settle(attemptId: number, chargeId: string): void {
    this.store.db.prepare('UPDATE velocity_attempts SET charge_id = ? WHERE id = ?').run(chargeId, attemptId);
  }

  /** The attempt never reached the issuer (refused, or the confirm broke off): it does not count. */
  release(attemptId: number): void {
    this.store.db.prepare('DELETE FROM velocity_attempts WHERE id = ? AND charge_id IS NULL').run(attemptId);
  }

  /** At start-up (the constructor): attempts in flight when the process died never reached the issuer. */
  private recover(): void {
    this.store.db.prepare('DELETE FROM velocity_attempts WHERE charge_id IS NULL').run();
  }

  private retryAfter(column: (typeof DIMENSIONS)[number]['column'], value: string, limit: number, now: number): number | null {
    const rows = this.store.db
      .prepare(
        `SELECT v.at FROM velocity_attempts v LEFT JOIN charges c ON c.id = v.charge_id
         WHERE v.${column} = ? AND v.at > ? AND (v.charge_id IS NULL OR (json_extract(c.data, '$.status') = 'failed'
           AND json_extract(c.data, '$.failureCode') NOT IN ('processing_error', 'payment_intent_canceled')))`,
      )
      .all(value, now - this.limits.windowMs) as { at: number }[];
    return retryAfterSeconds(
      rows.map((r) => r.at),
      limit,
      this.limits.windowMs,
      now,
    );
  }
}
