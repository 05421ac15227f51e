import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { objectSchemas } from '../../../src/api/objects.js';
import { CARDS, confirm, eventually, getSession, ORIGIN, publicView, useTestSandbox } from './helpers.js';

const api = useTestSandbox();

const linkBody = (overrides: Record<string, unknown> = {}) => ({
  lineItems: [{ name: 'Poster', unitAmount: 1500, quantity: 2 }],
  currency: 'usd',
  successUrl: `${ORIGIN}/thanks`,
  metadata: { campaign: 'spring' },
  ...overrides,
});

async function createLink(overrides: Record<string, unknown> = {}) {
  const r = await api.request('POST', '/v1/payment_links', { body: linkBody(overrides) });
  expect(r.status, r.text).toBe(200);
  return r.body as { id: string; url: string; [k: string]: unknown };
}

/** Follows `/p/plink_…` once, as a browser would, and returns the session it opened. */
async function visit(link: { id: string }) {
  const r = await api.request('GET', `/p/${link.id}`, { secret: null });
  expect(r.status).toBe(303);
  const location = r.headers.get('location')!;
  const id = /\/c\/(cs_test_\w+)#token=[\w-]+$/.exec(location)?.[1];
  expect(id, location).toBeDefined();
  return { location, session: await getSession(api, id!) };
}

describe('POST /v1/payment_links', () => {
  it('should create a link with the documented shape, readable by GET', async () => {
    const link = await createLink();
    expect(objectSchemas().PaymentLink.safeParse(link).success).toBe(true);
    expect(link).toMatchObject({
      object: 'payment_link',
      url: `${api.url}/p/${link.id}`,
      currency: 'usd',
      amountTotal: 3000,
      captureMethod: 'automatic',
      cancelUrl: null,
      billingAddressCollection: 'auto',
      metadata: { campaign: 'spring' },
      livemode: false,
    });
    expect(link.id).toMatch(/^plink_/);
    expect(link.lineItems).toEqual([{ name: 'Poster', unitAmount: 1500, quantity: 2, amountTotal: 3000, imageUrl: null }]);
    const read = await api.request('GET', `/v1/payment_links/${link.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(link);
  });

  it('should need the secret key', async () => {
    expect((await api.request('POST', '/v1/payment_links', { body: linkBody(), secret: null })).status).toBe(401);
    expect((await api.request('GET', '/v1/payment_links/plink_x', { secret: null })).status).toBe(401);
  });

  it.each([
    ['a missing successUrl', { successUrl: undefined }, 'successUrl'],
    ['a non-http successUrl', { successUrl: 'javascript:alert(1)' }, 'successUrl'],
    ['a plain-http cancelUrl to another host', { cancelUrl: 'http://shop.example/cart' }, 'cancelUrl'],
    ['no line items', { lineItems: [] }, 'lineItems'],
    ['a negative amount', { lineItems: [{ name: 'x', unitAmount: -1, quantity: 1 }] }, 'lineItems.0.unitAmount'],
    ['an unknown currency', { currency: 'xyz' }, 'currency'],
    ['an unknown field', { allowedOrigins: [ORIGIN] }, 'allowedOrigins'],
  ])('should refuse %s with a 400 naming the parameter, storing nothing', async (_, overrides, param) => {
    const r = await api.request('POST', '/v1/payment_links', { body: linkBody(overrides) });
    expect(r.status).toBe(400);
    expect(r.body.error.param).toBe(param);
  });

  it('should replay a create with the same Idempotency-Key instead of making a second link', async () => {
    const headers = { 'Idempotency-Key': `plink-${Math.random()}` };
    const first = await api.request('POST', '/v1/payment_links', { body: linkBody(), headers });
    const again = await api.request('POST', '/v1/payment_links', { body: linkBody(), headers });
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('should answer 404 for an unknown link', async () => {
    const r = await api.request('GET', '/v1/payment_links/plink_nope');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('resource_missing');
    expect((await api.request('GET', '/p/plink_nope', { secret: null })).status).toBe(404);
  });
});

describe('opening /p/plink_…', () => {
  it('should create a fresh session per visit, named by paymentLink, and redirect to its hosted page', async () => {
    const link = await createLink({ captureMethod: 'manual', cancelUrl: `${ORIGIN}/shop` });
    const a = await visit(link);
    const b = await visit(link);
    expect(a.session.id).not.toBe(b.session.id);
    expect(a.location).toBe(a.session.url);
    expect(a.session).toMatchObject({
      status: 'open',
      paymentLink: link.id,
      amountTotal: 3000,
      captureMethod: 'manual',
      successUrl: `${ORIGIN}/thanks`,
      cancelUrl: `${ORIGIN}/shop`,
      metadata: { campaign: 'spring' },
      // Only the sandbox's own hosted page may take a link's session.
      allowedOrigins: [],
    });
  });

  it("should send the customer back to the link when it has no cancelUrl", async () => {
    const link = await createLink();
    expect((await visit(link)).session.cancelUrl).toBe(link.url);
  });

  it("should refuse a link session's public view to any origin but the sandbox's own", async () => {
    const { session } = await visit(await createLink());
    expect((await publicView(api, session, '', { Origin: ORIGIN })).status).toBe(403);
    expect((await publicView(api, session, '', { Origin: api.url })).status).toBe(200);
  });

  it('should deliver checkout.session.completed with the same nested graph as GET, paymentLink included', async () => {
    const received: string[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const endpoint = await api.request('POST', '/v1/webhook_endpoints', {
      body: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, enabledEvents: ['checkout.session.completed'] },
    });
    try {
      const link = await createLink();
      const { session } = await visit(link);
      const paid = await confirm(api, session, CARDS.visa, { extra: { returnOrigin: api.url } });
      expect(paid.status, paid.text).toBe(200);
      const event = await eventually(async () =>
        received.map((b) => JSON.parse(b) as { type: string; data: { object: { id: string } } }).find((e) => e.data.object.id === session.id),
      );
      expect(event.type).toBe('checkout.session.completed');
      expect(event.data.object).toEqual(await getSession(api, session.id));
      expect(event.data.object).toMatchObject({ paymentLink: link.id, status: 'complete', paymentStatus: 'paid' });
    } finally {
      await api.request('DELETE', `/v1/webhook_endpoints/${endpoint.body.id}`);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
