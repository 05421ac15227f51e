/**
 * `npm start`: the sandbox (http://127.0.0.1:4242) and the demo shop (http://localhost:3000) in one
 * process — two origins, like production. Data lives in `.xpay/` (git-ignored), so a second start
 * keeps the first one's orders and payments. Ctrl-C stops both.
 */
import { loadConfig } from '../sandbox/config.js';
import { startSandbox } from '../sandbox/server.js';
import { startShop } from './shop/server.js';
import { ensureWebhookEndpoint } from './shop/webhook-endpoint.js';

const env = process.env;
const sandboxConfig = loadConfig({ XPAY_MERCHANT_NAME: 'Sandbox Supplies', ...env });
const sandbox = await startSandbox(sandboxConfig);

const shop = await startShop({
  host: env.DEMO_HOST ?? '127.0.0.1',
  port: Number(env.DEMO_PORT ?? 3000),
  // Default origin: http://localhost:<port> — a different origin from the sandbox's 127.0.0.1.
  publicOrigin: env.DEMO_ORIGIN,
  apiBase: sandbox.url,
  secretKey: sandboxConfig.secretKey,
  webhookSecret: env.DEMO_WEBHOOK_SECRET ?? 'whsec_demo_shop_secret',
  dbPath: env.DEMO_DB ?? '.xpay/shop.db',
});
await ensureWebhookEndpoint(sandbox.url, sandboxConfig.secretKey, `${shop.url}/webhooks/xpay`, env.DEMO_WEBHOOK_SECRET ?? 'whsec_demo_shop_secret');

console.log(`
  XPay sandbox  ${sandbox.url}   (secret key ${sandboxConfig.secretKey})
  Demo shop     ${shop.url}
  Press Ctrl-C to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await shop.close();
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
