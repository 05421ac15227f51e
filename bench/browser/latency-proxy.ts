import { connect, createServer, type Socket } from 'node:net';

/** A running latency proxy in front of one loopback server. */
export interface LatencyProxy {
  /** The proxy's port on 127.0.0.1: use it in place of the upstream's port. */
  port: number;
  rttMs: number;
  close(): Promise<void>;
}

/**
 * Forwards every byte from `from` to `to` after `delayOf()` ms, in order. One queue and one timer per
 * direction, so two chunks due in the same millisecond can never swap.
 */
function delayedPipe(from: Socket, to: Socket, delayOf: () => number): void {
  const queue: { due: number; chunk: Buffer | null }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const drain = () => {
    timer = undefined;
    while (queue.length && queue[0]!.due <= performance.now()) {
      const { chunk } = queue.shift()!;
      if (to.destroyed) return;
      if (chunk) to.write(chunk);
      else to.end();
    }
    if (queue.length) timer = setTimeout(drain, queue[0]!.due - performance.now());
  };
  const push = (chunk: Buffer | null) => {
    const due = Math.max(performance.now() + delayOf(), queue.at(-1)?.due ?? 0);
    queue.push({ due, chunk });
    timer ??= setTimeout(drain, due - performance.now());
  };
  from.on('data', (chunk: Buffer) => push(chunk));
  from.on('end', () => push(null));
}

/**
 * A TCP proxy on 127.0.0.1 that adds a round trip of `rttMs` to everything that crosses it: each
 * chunk waits half a round trip in each direction, and a new connection's first bytes wait one more
 * round trip (the TCP handshake, which loopback answers at once). It sits below the browser, so it
 * delays every request of every document — an out-of-process card frame's included, which CDP's
 * page-level `Network.emulateNetworkConditions` would not reach — and CORS preflights alike.
 * Bandwidth is not limited: these pages are a few KB.
 */
export async function startLatencyProxy(upstreamPort: number, rttMs: number): Promise<LatencyProxy> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    track(client);
    track(upstream);
    const openAt = performance.now() + rttMs;
    const half = rttMs / 2;
    delayedPipe(client, upstream, () => Math.max(0, openAt - performance.now()) + half);
    delayedPipe(upstream, client, () => half);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  server.unref();
  return {
    port: (server.address() as { port: number }).port,
    rttMs,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

/** The same URL with its port swapped for the proxy's (the host name, and so the origin's site, stays). */
export function viaProxy(url: string, proxy: LatencyProxy | undefined): string {
  if (!proxy) return url;
  const u = new URL(url);
  u.port = String(proxy.port);
  return u.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
}
