import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../sandbox/http.js';
import { createSession, SECRET, sessionBody, useTestSandbox } from './helpers.js';

/**
 * Issue #8 item 4: the body limit must hold for chunked bodies (no Content-Length), which used to be
 * read into memory whole before the limit applied.
 */
const api = useTestSandbox();

interface Outcome {
  response: string;
  bytesWritten: number;
  closedByServer: boolean;
}

/**
 * Sends `total` bytes of chunked body over a raw socket, as fast as the socket takes them, and
 * stops writing as soon as the server answers or closes the connection.
 */
function postChunked(url: string, path: string, headers: Record<string, string>, total: number): Promise<Outcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname);
    let response = '';
    let bytesWritten = 0;
    let closedByServer = false;
    let finished = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: valid JSON whitespace, never invalid_json
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    socket.on('data', (d: Buffer) => (response += d.toString('latin1')));
    socket.on('end', () => (closedByServer = true));
    socket.on('error', () => (closedByServer = true)); // EPIPE / ECONNRESET: the server hung up mid-body
    socket.on('close', () => {
      finished = true;
      resolve({ response, bytesWritten, closedByServer });
    });
    socket.on('connect', async () => {
      const head = [`POST ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Content-Type: application/json', 'Transfer-Encoding: chunked'];
      for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
      socket.write(head.join('\r\n') + '\r\n\r\n');
      while (bytesWritten < total && !finished && !closedByServer && response === '') {
        const more = socket.write(frame);
        bytesWritten += chunk.length;
        if (!more) await new Promise<void>((r) => (socket.once('drain', r), socket.once('close', r)));
      }
      if (!finished && bytesWritten >= total) socket.end('0\r\n\r\n');
    });
    socket.setTimeout(60_000, () => reject(new Error('no answer and no close within 60 s')));
  });
}

describe('request body limit', () => {
  it('should stop reading a chunked body at the limit, answer 413 body_too_large and close the connection', async () => {
    const s = await createSession(api);
    const total = 64 * 1024 * 1024;
    const out = await postChunked(api.url, `/v1/checkout/sessions/${s.id}/abandon_action`, { 'XPay-Client-Secret': s.clientSecret }, total);
    expect(out.response).toMatch(/^HTTP\/1\.1 413 /);
    expect(out.response).toMatch(/\r\nconnection: close\r\n/i);
    expect(out.response).toContain('"code":"body_too_large"');
    // The server hung up long before the body ended: it never read (or buffered) the rest.
    expect(out.closedByServer).toBe(true);
    expect(out.bytesWritten).toBeLessThan(total / 4);
    // And it still serves.
    expect((await api.request('GET', '/v1/health')).status).toBe(200);
  }, 120_000);

  it('should still read a chunked body under the limit', async () => {
    const body = JSON.stringify(sessionBody());
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body.slice(0, 50)));
        controller.enqueue(new TextEncoder().encode(body.slice(50)));
        controller.close();
      },
    });
    const r = await fetch(`${api.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(200);
  });
});
