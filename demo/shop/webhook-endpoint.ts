import { createMerchantApi } from './merchant-api.js';

/**
 * Registers the shop's webhook endpoint unless one with the same URL exists, so restarting the demo
 * on the same database never adds a second endpoint (and never doubles deliveries).
 */
export async function ensureWebhookEndpoint(apiBase: string, secretKey: string, url: string, secret: string): Promise<void> {
  const api = createMerchantApi(apiBase, secretKey);
  const existing = await api.get<{ data: { url: string }[] }>('/v1/webhook_endpoints');
  if (existing.data.some((endpoint) => endpoint.url === url)) return;
  await api.post('/v1/webhook_endpoints', { url, secret }, `webhook-endpoint-${url}`);
}
