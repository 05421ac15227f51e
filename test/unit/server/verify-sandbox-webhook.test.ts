import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../sandbox/config.js';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server.js';
import { verifyWebhook, WebhookVerificationError, type XpayEvent } from '../../../src/server/index.js';

const WEBHOOK_SECRET = 'whsec_test_interop_0123';

interface Delivery {
  body: string;
  signature: string | undefined;
}

let dir: string;
let receiver: Server;
let sandbox: SandboxHandle;
const deliveries: Delivery[] = [];

/** A merchant's webhook endpoint: records the raw body and header exactly as received. */
async function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const signature = req.headers['xpay-signature'];
      deliveries.push({ body: Buffer.concat(chunks).toString('utf8'), signature: Array.isArray(signature) ? signature[0] : signature });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xpay-verify-'));
  const url = await startReceiver();
  sandbox = await startSandbox(
    loadConfig({
      XPAY_SANDBOX_PORT: '0',
      XPAY_SANDBOX_DB: join(dir, 'sandbox.db'),
      XPAY_SANDBOX_LOG: '0',
      XPAY_SANDBOX_ISSUER_LATENCY_MS: '5',
      XPAY_WEBHOOK_URL: url,
      XPAY_WEBHOOK_SECRET: WEBHOOK_SECRET,
    }),
  );
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

async function api(path: string, body: unknown, headers: Record<string, string>): Promise<any> {
  const res = await fetch(sandbox.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
  return res.json();
}

describe('verifyWebhook against the sandbox', () => {
  it('should verify the deliveries the sandbox signs, and refuse them under another secret', async () => {
    const session = await api(
      '/v1/checkout/sessions',
      {
        lineItems: [{ name: 'Mug', unitAmount: 900, quantity: 1 }],
        currency: 'usd',
        mode: 'payment',
        successUrl: 'http://localhost:3000/success',
        cancelUrl: 'http://localhost:3000/cart',
      },
      { Authorization: 'Bearer sk_test_sandbox' },
    );
    await api(
      `/v1/checkout/sessions/${session.id}/confirm`,
      {
        paymentMethod: {
          type: 'card',
          card: { number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' },
          billingDetails: { name: 'Jo Doe', address: { postalCode: '94107', country: 'US' } },
        },
        returnOrigin: 'http://localhost:3000',
      },
      { 'XPay-Client-Secret': session.clientSecret, 'Idempotency-Key': 'verify-interop-1' },
    );

    const completed = async (): Promise<Delivery | undefined> =>
      deliveries.find((d) => (JSON.parse(d.body) as { type: string }).type === 'checkout.session.completed');
    while (!(await completed())) await new Promise((r) => setTimeout(r, 25));

    const events: XpayEvent[] = deliveries.map((d) => verifyWebhook(d.body, d.signature, WEBHOOK_SECRET));
    const done = events.find((e) => e.type === 'checkout.session.completed')!;
    expect((done.data.object as { id: string }).id).toBe(session.id);
    expect(events.some((e) => e.type === 'payment_intent.succeeded')).toBe(true);

    const first = deliveries[0]!;
    expect(() => verifyWebhook(first.body, first.signature, 'whsec_wrong_secret')).toThrow(WebhookVerificationError);
  });
});
