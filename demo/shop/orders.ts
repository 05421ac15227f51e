import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { nextOrderStatus, type OrderStatus } from './fulfilment.js';

/** One order of the demo shop. The two XPay ids worth keeping (seed 001): cs_… and pi_…. */
export interface Order {
  id: string;
  status: OrderStatus;
  sessionId: string;
  paymentIntentId: string | null;
  amountTotal: number;
  currency: string;
  items: { name: string; unitAmount: number; quantity: number }[];
  created: number;
  updated: number;
}

interface OrderRow {
  id: string;
  status: OrderStatus;
  session_id: string;
  payment_intent_id: string | null;
  amount_total: number;
  currency: string;
  items_json: string;
  created: number;
  updated: number;
}

const toOrder = (r: OrderRow): Order => ({
  id: r.id,
  status: r.status,
  sessionId: r.session_id,
  paymentIntentId: r.payment_intent_id,
  amountTotal: r.amount_total,
  currency: r.currency,
  items: JSON.parse(r.items_json) as Order['items'],
  created: r.created,
  updated: r.updated,
});

/** The shop's own order book, in its own SQLite file (separate from the provider's sandbox store). */
export class OrderStore {
  readonly #db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS orders (
        id TEXT PRIMARY KEY, status TEXT NOT NULL, session_id TEXT NOT NULL UNIQUE,
        payment_intent_id TEXT, amount_total INTEGER NOT NULL, currency TEXT NOT NULL,
        items_json TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL);
    `);
  }

  newOrderId(): string {
    return `ord_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  }

  create(order: Omit<Order, 'created' | 'updated' | 'status' | 'paymentIntentId'>): Order {
    const now = Date.now();
    this.#db
      .prepare(
        `INSERT INTO orders (id, status, session_id, payment_intent_id, amount_total, currency, items_json, created, updated)
         VALUES (?, 'pending', ?, NULL, ?, ?, ?, ?, ?)`,
      )
      .run(order.id, order.sessionId, order.amountTotal, order.currency, JSON.stringify(order.items), now, now);
    return this.get(order.id)!;
  }

  get(id: string): Order | undefined {
    const row = this.#db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
    return row && toOrder(row);
  }

  /** The order paid through a checkout session, if the shop has one for it. */
  getBySession(sessionId: string): Order | undefined {
    const row = this.#db.prepare('SELECT * FROM orders WHERE session_id = ?').get(sessionId) as OrderRow | undefined;
    return row && toOrder(row);
  }

  /** The order whose payment intent this is, once a session read has linked the two. */
  getByPaymentIntent(paymentIntentId: string): Order | undefined {
    const row = this.#db.prepare('SELECT * FROM orders WHERE payment_intent_id = ?').get(paymentIntentId) as OrderRow | undefined;
    return row && toOrder(row);
  }

  list(): Order[] {
    return (this.#db.prepare('SELECT * FROM orders ORDER BY created DESC LIMIT 100').all() as OrderRow[]).map(toOrder);
  }

  /**
   * Moves the order of a session to what a fresh read of that session says (forward only, see
   * {@link nextOrderStatus}) and links its payment intent. Safe to repeat: a duplicate or late event
   * re-reads and writes the same or a later state. Returns the order, if the shop has one.
   */
  applySessionState(sessionId: string, requested: OrderStatus, paymentIntentId: string | null): Order | undefined {
    return this.#db.transaction(() => {
      const row = this.#db.prepare('SELECT * FROM orders WHERE session_id = ?').get(sessionId) as OrderRow | undefined;
      if (!row) return undefined;
      const status = nextOrderStatus(row.status, requested);
      this.#db
        .prepare('UPDATE orders SET status = ?, payment_intent_id = COALESCE(?, payment_intent_id), updated = ? WHERE id = ?')
        .run(status, paymentIntentId, Date.now(), row.id);
      return this.get(row.id);
    })();
  }

  close(): void {
    this.#db.close();
  }
}
