import autocannon from 'autocannon';
import { startSandboxProcess } from '../test/helpers/sandbox-process.js';

export interface ApiRow {
  scenario: string;
  requestsPerSec: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
}

const SECRET = 'sk_test_sandbox';

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const toRow = (scenario: string, r: autocannon.Result): ApiRow => ({
  scenario,
  requestsPerSec: Math.round(r.requests.average),
  p50ms: r.latency.p50,
  p99ms: r.latency.p99,
  errors: r.errors + r.timeouts,
  non2xx: r.non2xx,
});

/**
 * API throughput of the sandbox in its own process, on loopback only, bounded in time:
 * the public view (what every widget polls), session creation (a write transaction each) and a full
 * confirm with 4242… (intent + charge + balance transaction + outbox rows in one transaction).
 */
export async function benchApi(seconds = 5): Promise<ApiRow[]> {
  const sandbox = await startSandboxProcess();
  try {
    const createBody = JSON.stringify({
      lineItems: [{ name: 'Bench item', unitAmount: 2500, quantity: 1 }],
      currency: 'usd',
      mode: 'payment',
      successUrl: 'http://localhost:3000/ok',
      cancelUrl: 'http://localhost:3000/cancel',
    });
    const create = () =>
      fetch(`${sandbox.url}/v1/checkout/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: createBody,
      }).then((r) => r.json() as Promise<{ id: string; clientSecret: string }>);

    const one = await create();
    const rows: ApiRow[] = [];
    rows.push(
      toRow(
        'GET …/public (client secret)',
        await run({
          url: `${sandbox.url}/v1/checkout/sessions/${one.id}/public`,
          headers: { 'xpay-client-secret': one.clientSecret },
          connections: 10,
          duration: seconds,
        }),
      ),
    );
    rows.push(
      toRow(
        'POST /v1/checkout/sessions',
        await run({
          url: `${sandbox.url}/v1/checkout/sessions`,
          method: 'POST',
          headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
          body: createBody,
          connections: 10,
          duration: seconds,
        }),
      ),
    );

    // One session per confirm (a session takes one successful payment), prepared up front.
    const sessions = await Promise.all(Array.from({ length: 400 }, create));
    let next = 0;
    const origin = new URL(sandbox.url).origin;
    rows.push(
      toRow(
        'POST …/confirm (4242…, new session each)',
        await run({
          url: sandbox.url,
          connections: 4,
          amount: sessions.length,
          requests: [
            {
              method: 'POST',
              setupRequest: (req) => {
                const s = sessions[next++ % sessions.length]!;
                return {
                  ...req,
                  path: `/v1/checkout/sessions/${s.id}/confirm`,
                  headers: {
                    'content-type': 'application/json',
                    'xpay-client-secret': s.clientSecret,
                    'idempotency-key': `bench-${s.id}`,
                    origin,
                  },
                  body: JSON.stringify({
                    paymentMethod: {
                      type: 'card',
                      card: { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' },
                      billingDetails: { name: 'Bench Customer', address: { country: 'US', postalCode: '94110' } },
                    },
                    returnOrigin: 'http://localhost:3000',
                  }),
                };
              },
            },
          ],
        }),
      ),
    );
    return rows;
  } finally {
    await sandbox.stop();
  }
}
