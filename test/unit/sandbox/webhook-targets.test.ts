import { afterEach, describe, expect, it } from 'vitest';
import { startTestSandbox } from './helpers.js';

/**
 * Issue #8 item 6: webhook endpoints created through the API may not target link-local or cloud
 * metadata addresses (in any spelling the URL parser accepts) or the sandbox's own API, unless
 * XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS=1. Loopback receivers (the demo's localhost:3000) still work.
 */
const running: Awaited<ReturnType<typeof startTestSandbox>>[] = [];
afterEach(async () => {
  for (const api of running.splice(0)) {
    await api.close();
    api.cleanup();
  }
});

async function sandbox(env: Record<string, string> = {}) {
  const api = await startTestSandbox(env);
  running.push(api);
  return api;
}

const LINK_LOCAL_OR_METADATA = [
  'http://169.254.169.254/latest/meta-data/',
  'http://169.254.0.1:8080/hooks',
  'http://2852039166/', // 169.254.169.254 as one number
  'http://0xa9.0xfe.0xa9.0xfe/',
  'http://169.254.169.254./',
  'http://[fe80::1]/hooks',
  'http://[febf:ffff::1]/hooks',
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://[fd00:ec2::254]/latest/meta-data/',
];

describe('webhook endpoint targets', () => {
  it.each(LINK_LOCAL_OR_METADATA)('should refuse %s with 400 naming url', async (url) => {
    const api = await sandbox();
    const r = await api.request('POST', '/v1/webhook_endpoints', { body: { url } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'parameter_invalid', param: 'url' });
    expect(r.body.error.message).toContain('XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS');
    expect((await api.request('GET', '/v1/webhook_endpoints')).body.data).toEqual([]);
  });

  it('should refuse the sandbox itself, by its own origin or any loopback name on its port', async () => {
    const api = await sandbox();
    const port = new URL(api.url).port;
    for (const url of [`${api.url}/v1/refunds`, `http://localhost:${port}/v1/refunds`, `http://[::1]:${port}/`, `http://0.0.0.0:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`]) {
      const r = await api.request('POST', '/v1/webhook_endpoints', { body: { url } });
      expect(r.status, url).toBe(400);
      expect(r.body.error.message).toContain('this sandbox itself');
    }
  });

  it('should accept loopback receivers on other ports and public hosts', async () => {
    const api = await sandbox();
    for (const url of ['http://localhost:3000/webhooks', 'http://127.0.0.1:9/hooks', 'http://[::1]:3000/hooks', 'https://shop.example/webhooks', 'http://169.253.1.1/', 'http://[fec0::1]/']) {
      const r = await api.request('POST', '/v1/webhook_endpoints', { body: { url } });
      expect(r.status, url).toBe(200);
    }
  });

  it('should accept them all with XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS=1', async () => {
    const api = await sandbox({ XPAY_SANDBOX_ALLOW_PRIVATE_WEBHOOKS: '1' });
    for (const url of [...LINK_LOCAL_OR_METADATA, `${api.url}/v1/refunds`]) {
      const r = await api.request('POST', '/v1/webhook_endpoints', { body: { url } });
      expect(r.status, url).toBe(200);
    }
  });
});
