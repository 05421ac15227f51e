import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader } from '../../../sandbox/webhooks.js';
import { objectSchemas } from '../../../src/api/objects.js';
import { CARDS, confirm, createSession, eventually, getSession, startTestSandbox, tempDir, type Api } from './helpers.js';

interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A merchant webhook receiver: answers `respond(n)` to the n-th request (0-based). */
/** Bytes an `endless` receiver managed to send before the sandbox closed the connection. */
let endlessBytes = 0;

async function receiver(respond: (n: number) => number | 'hang' | 'endless' = () => 200) {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = hits.length;
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = respond(n);
      if (answer === 'hang') return; // never answer
      if (answer === 'endless') {
        // 200 at once, then a body that never ends, written as fast as the sandbox reads it.
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (!res.destroyed) {
            endlessBytes += chunk.length;
            if (!res.write(chunk)) return; // full: go on at 'drain'
          }
        };
        res.on('drain', pump);
        pump();
        return;
      }
      res.writeHead(answer).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    hits,
    events: () => hits.map((h) => JSON.parse(h.body) as { id: string; type: string; data: { object: Record<string, unknown> } }),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

function verify(header: string, body: string, secret: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  return createHmac('sha256', secret).update(`${m[1]}.${body}`).digest('hex') === m[2];
}

let api: Api & { cleanup(): void };
const cleanups: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  api = await startTestSandbox({ XPAY_SANDBOX_WEBHOOK_TIMEOUT_MS: '300' });
});
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
afterAll(async () => {
  await api.close();
  api.cleanup();
});

async function endpoint(url: string, extra: Record<string, unknown> = {}) {
  const r = await api.request('POST', '/v1/webhook_endpoints', { body: { url, secret: 'whsec_test_secret', ...extra } });
  expect(r.status).toBe(200);
  cleanups.push(async () => void (await api.request('DELETE', `/v1/webhook_endpoints/${r.body.id}`)));
  return r.body as { id: string; secret: string };
}

describe('signature', () => {
  it('should sign "<t>.<raw body>" with HMAC-SHA256 keyed by the secret string', () => {
    const header = signatureHeader('whsec_x', '{"a":1}', 1700000000);
    expect(header).toBe(`t=1700000000,v1=${createHmac('sha256', 'whsec_x').update('1700000000.{"a":1}').digest('hex')}`);
  });
});

describe('webhook endpoints', () => {
  it('should create (secret shown once), list, get and delete', async () => {
    const created = await api.request('POST', '/v1/webhook_endpoints', { body: { url: 'http://127.0.0.1:9/x' } });
    expect(objectSchemas().WebhookEndpoint.safeParse(created.body).success).toBe(true);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect(created.body.enabledEvents).toEqual(['*']);
    const list = await api.request('GET', '/v1/webhook_endpoints');
    expect(list.body.data.map((e: { id: string }) => e.id)).toContain(created.body.id);
    expect(list.text).not.toContain(created.body.secret);
    const one = await api.request('GET', `/v1/webhook_endpoints/${created.body.id}`);
    expect(one.body).not.toHaveProperty('secret');
    const del = await api.request('DELETE', `/v1/webhook_endpoints/${created.body.id}`);
    expect(del.body).toEqual({ id: created.body.id, object: 'webhook_endpoint', deleted: true });
    expect((await api.request('GET', `/v1/webhook_endpoints/${created.body.id}`)).status).toBe(404);
    expect((await api.request('DELETE', `/v1/webhook_endpoints/${created.body.id}`)).status).toBe(404);
  });

  it('should refuse a non-http URL, a short secret and an unknown event type', async () => {
    expect((await api.request('POST', '/v1/webhook_endpoints', { body: { url: 'file:///etc/passwd' } })).body.error.param).toBe('url');
    expect((await api.request('POST', '/v1/webhook_endpoints', { body: { url: 'http://a.example', secret: 'short' } })).body.error.param).toBe('secret');
    const bad = await api.request('POST', '/v1/webhook_endpoints', { body: { url: 'http://a.example', enabledEvents: ['charge.succeeded', 'nope'] } });
    expect(bad.body.error.param).toBe('enabledEvents.1');
  });
});

describe('delivery', () => {
  it('should deliver signed events whose body is the stored event, filtered by enabledEvents', async () => {
    const all = await receiver();
    const only = await receiver();
    cleanups.push(all.close, only.close);
    await endpoint(all.url);
    await endpoint(only.url, { enabledEvents: ['checkout.session.completed'] });
    const s = await createSession(api);
    await confirm(api, s, CARDS.visa);
    await eventually(async () => all.hits.length >= 3 && only.hits.length >= 1);
    // Deliveries are at least once: a receiver slowed past the delivery timeout (a loaded CI machine)
    // gets the same event again, so count events by id, as merchants de-duplicate them.
    const byId = (events: { id: string; type: string }[]) => [...new Map(events.map((e) => [e.id, e.type])).values()];
    expect(byId(all.events()).sort()).toEqual(['charge.succeeded', 'checkout.session.completed', 'payment_intent.succeeded']);
    expect(byId(only.events())).toEqual(['checkout.session.completed']);
    for (const hit of all.hits) {
      expect(hit.headers['content-type']).toMatch(/application\/json/);
      expect(verify(hit.headers['xpay-signature'] as string, hit.body, 'whsec_test_secret')).toBe(true);
      expect(verify(hit.headers['xpay-signature'] as string, hit.body, 'whsec_other')).toBe(false);
      const event = JSON.parse(hit.body);
      expect((await api.request('GET', `/v1/events/${event.id}`)).body).toEqual(event);
    }
    const completed = only.events()[0]!;
    expect(completed.data.object).toEqual(await getSession(api, s.id));
  });

  it('should take a 2xx as delivered and stop reading its body, however long it runs', async () => {
    endlessBytes = 0;
    const endless = await receiver(() => 'endless');
    cleanups.push(endless.close);
    await endpoint(endless.url, { enabledEvents: ['checkout.session.completed'] });
    const s = await createSession(api);
    await confirm(api, s, CARDS.visa);
    await eventually(async () => endless.hits.length >= 1);
    // Reading the body would go on until the delivery timeout, buffering it all (~65 MB here in 300 ms);
    // the sandbox closes the connection instead (~4 MB got through while it recorded the delivery).
    await new Promise((r) => setTimeout(r, 2 * api.config.webhookTimeoutMs));
    expect(endlessBytes).toBeLessThan(32 * 1024 * 1024);
    expect(endless.hits).toHaveLength(1);
  });

  it('should retry a failing endpoint with backoff until it answers 2xx', async () => {
    const flaky = await receiver((n) => (n < 2 ? 500 : 200));
    cleanups.push(flaky.close);
    await endpoint(flaky.url, { enabledEvents: ['checkout.session.completed'] });
    const s = await createSession(api);
    await confirm(api, s, CARDS.visa);
    await eventually(async () => flaky.hits.length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(flaky.hits).toHaveLength(3);
    const ids = new Set(flaky.events().map((e) => e.id));
    expect(ids.size).toBe(1);
  });

  it('should give up after the maximum attempts, and treat a hang as a failure', async () => {
    const hanging = await receiver(() => 'hang');
    cleanups.push(hanging.close);
    await endpoint(hanging.url, { enabledEvents: ['checkout.session.completed'] });
    const s = await createSession(api);
    await confirm(api, s, CARDS.visa);
    await eventually(async () => hanging.hits.length >= 4);
    await new Promise((r) => setTimeout(r, 1500));
    expect(hanging.hits).toHaveLength(4);
  });
});

describe('restart', () => {
  it('should register the XPAY_WEBHOOK_URL endpoint once, and resume pending deliveries after a restart', async () => {
    const tmp = tempDir();
    let up = false;
    const hook = await receiver(() => (up ? 200 : 503));
    const env = { XPAY_WEBHOOK_URL: hook.url, XPAY_WEBHOOK_SECRET: 'whsec_from_env', XPAY_SANDBOX_WEBHOOK_BACKOFF_MS: '60000' };
    try {
      const first = await startTestSandbox(env, {}, tmp.dir);
      const s = await createSession(first);
      await confirm(first, s, CARDS.visa);
      await eventually(async () => hook.hits.length >= 3); // first attempts fail with 503
      await first.close();

      up = true;
      const second = await startTestSandbox(env, {}, tmp.dir);
      const endpoints = await second.request('GET', '/v1/webhook_endpoints');
      expect(endpoints.body.data).toHaveLength(1);
      expect(endpoints.body.data[0].url).toBe(hook.url);
      // Backoff is a minute: move the sandbox clock instead of waiting.
      await second.request('POST', '/v1/test_helpers/advance_clock', { body: { seconds: 120 } });
      await eventually(async () => hook.hits.length >= 6);
      const delivered = hook.hits.slice(3);
      expect(delivered.every((h) => verify(h.headers['xpay-signature'] as string, h.body, 'whsec_from_env'))).toBe(true);
      expect(new Set(delivered.map((h) => JSON.parse(h.body).id))).toEqual(new Set(hook.hits.slice(0, 3).map((h) => JSON.parse(h.body).id)));
      await second.close();

      const third = await startTestSandbox(env, {}, tmp.dir);
      expect((await third.request('GET', '/v1/webhook_endpoints')).body.data).toHaveLength(1);
      await third.close();
    } finally {
      await hook.close();
      tmp.cleanup();
    }
  });
});
