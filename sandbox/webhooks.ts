import { createHmac } from 'node:crypto';
import type { SandboxConfig } from './config.js';
import type { Store } from './db.js';
import type { EndpointRec } from './engine.js';
import { logSafe } from './log.js';

/**
 * Webhook delivery from the persisted outbox (`deliveries`, written in the same transaction as the
 * state change). At least once: an attempt first leases its row (next_at moves past the timeout),
 * so a crash mid-POST is retried after a restart.
 */

/** `t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<raw body>", secret)>` — the secret string as given. */
export function signatureHeader(secret: string, rawBody: string, t: number): string {
  const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

interface DueRow {
  id: number;
  event_id: string;
  endpoint_id: string;
  attempts: number;
}

export class Deliverer {
  private readonly inFlight = new Map<number, AbortController>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly config: SandboxConfig,
    private readonly log: (line: string) => void,
    private readonly wake: () => void,
  ) {}

  /** Starts an attempt for every delivery that is due and not already being sent. */
  deliverDue(): void {
    if (this.stopped) return;
    const rows = this.store.db
      .prepare("SELECT id, event_id, endpoint_id, attempts FROM deliveries WHERE status = 'pending' AND next_at <= ? ORDER BY next_at, id LIMIT 50")
      .all(this.store.nowMs()) as DueRow[];
    for (const row of rows) {
      if (this.inFlight.has(row.id)) continue;
      const ctrl = new AbortController();
      this.inFlight.set(row.id, ctrl);
      void this.attempt(row, ctrl).finally(() => {
        this.inFlight.delete(row.id);
        if (!this.stopped) this.wake();
      });
    }
  }

  private async attempt(row: DueRow, ctrl: AbortController): Promise<void> {
    const endpointRow = this.store.db.prepare('SELECT data, deleted FROM webhook_endpoints WHERE id = ?').get(row.endpoint_id) as
      | { data: string; deleted: number }
      | undefined;
    const eventRow = this.store.db.prepare('SELECT data FROM events WHERE id = ?').get(row.event_id) as { data: string } | undefined;
    if (!endpointRow || endpointRow.deleted || !eventRow) {
      this.store.db.prepare("UPDATE deliveries SET status = 'canceled' WHERE id = ?").run(row.id);
      return;
    }
    const endpoint = JSON.parse(endpointRow.data) as EndpointRec;
    // Lease: if we crash mid-POST the row becomes due again after the timeout.
    this.store.tx(() => {
      this.store.db.prepare('UPDATE deliveries SET next_at = ? WHERE id = ?').run(this.store.nowMs() + this.config.webhookTimeoutMs + 1000, row.id);
    });
    const body = eventRow.data;
    const t = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    const timeout = setTimeout(() => ctrl.abort(new Error('timeout')), this.config.webhookTimeoutMs);
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'XPay-Sandbox-Webhooks/1',
          'XPay-Signature': signatureHeader(endpoint.secret, body, t),
        },
        body,
        redirect: 'manual',
        signal: ctrl.signal,
      });
      status = res.status;
      // The answer is its status; the body is never read (a hostile endpoint could stream it forever).
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      error = ctrl.signal.aborted ? `no 2xx within ${this.config.webhookTimeoutMs} ms` : String((err as Error).message ?? err);
    } finally {
      clearTimeout(timeout);
    }
    if (this.stopped) return; // the store may be closed; the lease makes it due again after a restart
    const ok = status !== null && status >= 200 && status < 300;
    const attempts = row.attempts + 1;
    this.store.tx(() => {
      if (ok) {
        this.store.db
          .prepare("UPDATE deliveries SET status = 'delivered', attempts = ?, last_status = ?, last_error = NULL, delivered_at = ? WHERE id = ?")
          .run(attempts, status, this.store.nowMs(), row.id);
      } else if (attempts >= this.config.webhookMaxAttempts) {
        this.store.db
          .prepare("UPDATE deliveries SET status = 'failed', attempts = ?, last_status = ?, last_error = ? WHERE id = ?")
          .run(attempts, status, error, row.id);
      } else {
        const backoff = this.config.webhookBackoffMs * 2 ** (attempts - 1) * (0.75 + Math.random() * 0.5);
        this.store.db
          .prepare('UPDATE deliveries SET attempts = ?, last_status = ?, last_error = ?, next_at = ? WHERE id = ?')
          .run(attempts, status, error, Math.round(this.store.nowMs() + backoff), row.id);
      }
    });
    this.log(`webhook ${row.event_id} → ${logSafe(endpoint.url)}: ${ok ? 'delivered' : `attempt ${attempts} failed (${logSafe(String(status ?? error))})`}`);
  }

  stop(): void {
    this.stopped = true;
    for (const ctrl of this.inFlight.values()) ctrl.abort(new Error('sandbox stopping'));
  }
}
