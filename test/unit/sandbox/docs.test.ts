import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../sandbox/server.js';
import { parseDoc, runDoc, shapeDiff, type Ran } from './docs-contract.js';
import { startTestSandbox, type Api } from './helpers.js';

const markdown = readFileSync(join(REPO_ROOT, 'docs/sandbox-api.md'), 'utf8');
const sections = parseDoc(markdown);

let api: Api & { cleanup(): void };
let ran: Ran[];
beforeAll(async () => {
  api = await startTestSandbox();
  ran = await runDoc(sections, api.url);
});
afterAll(async () => {
  await api.close();
  api.cleanup();
});

describe('docs/sandbox-api.md', () => {
  it('should document every endpoint of the sandbox', () => {
    const documented = new Set(sections.map((s) => `${s.method} ${s.path.split('?')[0]}`));
    for (const endpoint of [
      'POST /v1/checkout/sessions',
      'GET /v1/checkout/sessions/:id',
      'POST /v1/checkout/sessions/:id',
      'POST /v1/checkout/sessions/:id/expire',
      'GET /v1/checkout/sessions/:id/public',
      'POST /v1/checkout/sessions/:id/confirm',
      'POST /v1/checkout/sessions/:id/abandon_action',
      'GET /v1/payment_intents/:id',
      'POST /v1/payment_intents/:id/capture',
      'POST /v1/payment_intents/:id/cancel',
      'POST /v1/refunds',
      'GET /v1/refunds/:id',
      'GET /v1/customers/:id',
      'GET /v1/customers/:id/payment_methods',
      'GET /v1/payment_methods/:id',
      'POST /v1/payment_methods/:id/detach',
      'POST /v1/checkout/sessions/:id/payment_methods/:pm/detach',
      'GET /v1/balance_transactions',
      'GET /v1/events',
      'GET /v1/events/:id',
      'POST /v1/webhook_endpoints',
      'GET /v1/webhook_endpoints',
      'GET /v1/webhook_endpoints/:id',
      'DELETE /v1/webhook_endpoints/:id',
      'POST /v1/test_helpers/advance_clock',
      'POST /v1/payment_links',
      'GET /v1/payment_links/:id',
    ]) {
      expect(documented, endpoint).toContain(endpoint);
    }
    for (const s of sections) {
      if (s.method !== 'GET' && s.method !== 'DELETE') expect(s.request, `${s.key} has a Request: json block`).toBeDefined();
    }
  });

  it('should document the signature scheme, the test cards and the test controls', () => {
    expect(markdown).toContain('XPay-Signature: t=');
    expect(markdown).toContain('4000 0027 6000 3184');
    expect(markdown).toContain('advance_clock');
  });

  it.each(sections.map((s) => [s.key, s] as const))('%s: the real answer has the documented status and shape', (key) => {
    const r = ran.find((x) => x.section.key === key)!;
    expect(r.status, JSON.stringify(r.body)).toBe(r.section.status);
    expect(shapeDiff(r.section.response, r.body)).toEqual([]);
  });
});
