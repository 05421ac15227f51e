import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one matching request. Faults are consumed in order, one per matching
 * request; once a rule's faults are used up, requests are forwarded untouched.
 */
export type Fault =
  /** Destroy the connection before forwarding: the API never sees the request. */
  | { type: 'drop' }
  /** Forward, let the API process it, then destroy the connection: the reply is lost. */
  | { type: 'dropReply' }
  /** Answer without forwarding (500, 409, 429 + Retry-After…); `body` is sent as JSON unless a string. */
  | { type: 'respond'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Wait, then forward (a slow network or server). */
  | { type: 'delay'; ms: number }
  /** Forward, then replace the reply body with this text (malformed JSON), keeping the status. */
  | { type: 'replaceBody'; body: string }
  /** Forward, then rewrite the JSON reply (schema-violating or future-version JSON). */
  | { type: 'rewriteJson'; rewrite: (json: any) => unknown }
  /**
   * Answer without forwarding with a body of `bytes` bytes of JSON-looking filler, announced in
   * Content-Length when `announce` is set (else chunked); without `bytes`, a chunked body that never
   * ends (until the client goes away, or 64 MiB, so the proxy always stops by itself).
   */
  | { type: 'hugeBody'; status?: number; bytes?: number; announce?: boolean };

/** Which requests a rule applies to. */
export interface FaultMatch {
  method?: string;
  /** Exact path (without query) or a pattern tested against the path. */
  path: string | RegExp;
  /** A pattern tested against the request body as text (e.g. one webhook event type). */
  body?: RegExp;
}

/** One request as the proxy saw it (for assertions on headers, URLs and counts). */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The fault applied, or 'forward'. */
  fault: Fault['type'] | 'forward';
  /** Set once the proxy is done with it: the status sent, or 0 when the connection was dropped. */
  status?: number;
  /** For `hugeBody`: the body bytes written before the proxy stopped (done, or the client left). */
  bytesSent?: number;
}

/** A running proxy; `url` replaces the API base in the client under test. */
export interface FaultProxy {
  url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Queues faults for the next requests matching `match`. */
  inject(match: FaultMatch, ...faults: Fault[]): void;
  /** Forgets queued faults and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

interface Rule {
  match: FaultMatch;
  faults: Fault[];
}

/** Options of {@link startFaultProxy}. */
export interface FaultProxyOptions {
  /**
   * Forward the client's own `Host` header, so the API believes it is served at the proxy's origin
   * (as behind a real reverse proxy). Needed when the card frame is served through the proxy: the
   * API accepts card data only from its own origin.
   */
  preserveHost?: boolean;
}

/**
 * A small HTTP proxy in front of the real sandbox that injects transport and reply faults per path,
 * so the API client is tested against real HTTP on loopback, never against module mocks.
 */
export async function startFaultProxy(upstream: string, options: FaultProxyOptions = {}): Promise<FaultProxy> {
  const target = new URL(upstream);
  const rules: Rule[] = [];
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)));
  });

  function nextFault(method: string, path: string, body: Buffer): Fault | undefined {
    for (const rule of rules) {
      const { match } = rule;
      if (match.method && match.method.toUpperCase() !== method) continue;
      if (match.body && !match.body.test(body.toString('utf8'))) continue;
      const hit = typeof match.path === 'string' ? match.path === path : match.path.test(path);
      if (hit && rule.faults.length > 0) return rule.faults.shift();
    }
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    const fault = nextFault(method, path, body);
    const record: RecordedRequest = { method, url, path, headers: { ...req.headers }, fault: fault?.type ?? 'forward' };
    requests.push(record);
    try {
      if (fault?.type === 'hugeBody') {
        record.status = fault.status ?? 200;
        record.bytesSent = await sendHugeBody(res, fault);
        return;
      }
      record.status = await answer(req, res, body, fault);
    } catch {
      req.socket.destroy();
      record.status = 0;
    }
  }

  /** Applies the fault (if any), forwards, and returns the status sent (0 = connection dropped). */
  async function answer(req: IncomingMessage, res: ServerResponse, body: Buffer, fault: Fault | undefined): Promise<number> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';

    switch (fault?.type) {
      case 'drop':
        req.socket.destroy();
        return 0;
      case 'respond': {
        const text = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body ?? {});
        res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
        res.end(text);
        return fault.status;
      }
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms));
        break;
    }

    const upstreamRes = await forward(method, url, req.headers, body);
    if (fault?.type === 'dropReply' || req.socket.destroyed) {
      req.socket.destroy();
      return 0;
    }
    let out = upstreamRes.body;
    if (fault?.type === 'replaceBody') out = Buffer.from(fault.body);
    if (fault?.type === 'rewriteJson') out = Buffer.from(JSON.stringify(fault.rewrite(JSON.parse(out.toString('utf8')))));
    const headers = { ...upstreamRes.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    res.writeHead(upstreamRes.status, headers);
    res.end(out);
    return upstreamRes.status;
  }

  /** Writes the `hugeBody` fault's body as fast as the client reads it; resolves with the bytes written. */
  async function sendHugeBody(res: ServerResponse, fault: Extract<Fault, { type: 'hugeBody' }>): Promise<number> {
    const total = fault.bytes ?? 64 * 1024 * 1024;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (fault.announce && fault.bytes !== undefined) headers['Content-Length'] = String(total);
    res.writeHead(fault.status ?? 200, headers);
    const chunk = Buffer.alloc(16 * 1024, 'x');
    let sent = 0;
    while (sent < total && !res.destroyed) {
      const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += part.length;
      if (!res.write(part)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    res.end();
    return sent;
  }

  function forward(
    method: string,
    url: string,
    headers: IncomingMessage['headers'],
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const up = httpRequest(
        {
          hostname: target.hostname,
          port: target.port,
          method,
          path: url,
          headers: options.preserveHost ? headers : { ...headers, host: target.host },
        },
        (r) => {
          const parts: Buffer[] = [];
          r.on('data', (c: Buffer) => parts.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: Buffer.concat(parts) }));
          r.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject(match, ...faults) {
      rules.push({ match, faults });
    },
    reset() {
      rules.length = 0;
      requests.length = 0;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
