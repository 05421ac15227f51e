import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestSandbox } from './helpers.js';

/**
 * Issue #8 item 6: the sandbox log is one line per request; a request path carrying CR/LF (sent
 * percent-encoded, which the router decodes) must not be able to write lines of its own.
 */
const lines: string[] = [];
let api: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  api = await startTestSandbox({ XPAY_SANDBOX_LOG: '1' }, { log: (chunk) => lines.push(...chunk.split('\n')) });
});
afterAll(async () => {
  await api?.close();
  api?.cleanup();
});

const FORGED = 'POST /v1/refunds 200 1ms';

describe('the request log', () => {
  it('should escape CR and LF in a request path instead of starting a new line', async () => {
    const r = await fetch(`${api.url}/v1/nothing%0D%0A${FORGED.replaceAll(' ', '%20')}%0A`);
    expect(r.status).toBe(404);
    await r.text();
    await eventually(async () => lines.some((l) => l.includes('/v1/nothing')));
    expect(lines.filter((l) => l.startsWith(FORGED))).toEqual([]);
    const line = lines.find((l) => l.includes('/v1/nothing'))!;
    expect(line).toMatch(/^GET \/v1\/nothing\\r\\nPOST \/v1\/refunds 200 1ms\\n 404 \d+ms$/);
  });
});
