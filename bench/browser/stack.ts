import { startFloorFrameServer, type FloorFrameServer } from './floor-frame-process.js';
import { startHostPage, type HostPage } from './host-page.js';
import { startLatencyProxy, viaProxy, type LatencyProxy } from './latency-proxy.js';
import { startBenchSandbox, type BenchSandbox } from './sandbox.js';

/** The three loopback servers the floor comparison loads pages from. */
export interface Servers {
  sandbox: BenchSandbox;
  host: HostPage;
  floor: FloorFrameServer;
  close(): Promise<void>;
}

/**
 * Starts the sandbox (own process), the merchant host page (serving xpay.js and `otherScripts`) and
 * the floor frame's server (own process).
 */
export async function startServers(script: Buffer, otherScripts: Record<string, Buffer> = {}): Promise<Servers> {
  const sandbox = await startBenchSandbox();
  const host = await startHostPage(sandbox.url, script, otherScripts);
  const floor = await startFloorFrameServer();
  return {
    sandbox,
    host,
    floor,
    async close() {
      await Promise.all([host.close(), floor.close()]);
      await sandbox.stop();
    },
  };
}

/** The pages of one network condition: URLs that go through latency proxies when `rttMs` > 0. */
export interface Route {
  /** A new widget page (a new session) on the merchant origin. */
  widgetPage(): Promise<string>;
  /** A new floor page on the merchant origin. */
  floorPage(): string;
  /** A new checkout floor page on the merchant origin (host-page.ts). */
  checkoutFloorPage(): string;
  /** A page on the merchant origin with one script tag and nothing else. */
  scriptPage(path: string): string;
  close(): Promise<void>;
}

/**
 * Puts one latency proxy in front of each server (merchant, API, floor frame), so that every request
 * of every document pays the round trip, and hands out page URLs through them. With `rttMs` 0 the
 * URLs point at the servers themselves.
 */
export async function routeThrough(servers: Servers, rttMs: number): Promise<Route> {
  const portOf = (url: string) => Number(new URL(url).port);
  const proxies: (LatencyProxy | undefined)[] = rttMs
    ? await Promise.all([servers.host.origin, servers.sandbox.url, servers.floor.origin].map((u) => startLatencyProxy(portOf(u), rttMs)))
    : [undefined, undefined, undefined];
  const [hostProxy, apiProxy, floorProxy] = proxies;
  const pageOrigin = new URL(viaProxy(servers.host.origin, hostProxy)).origin;
  const apiBase = viaProxy(servers.sandbox.url, apiProxy);
  return {
    async widgetPage() {
      const secret = await servers.sandbox.createSession(pageOrigin);
      return viaProxy(servers.host.pageFor(secret, apiBase), hostProxy);
    },
    floorPage: () => viaProxy(servers.host.floorPageFor(viaProxy(servers.floor.frameUrl(pageOrigin), floorProxy)), hostProxy),
    checkoutFloorPage: () => viaProxy(servers.host.checkoutFloorPageFor(viaProxy(servers.floor.frameUrl(pageOrigin, true), floorProxy)), hostProxy),
    scriptPage: (path) => viaProxy(servers.host.scriptPageFor(path), hostProxy),
    close: async () => void (await Promise.all(proxies.map((p) => p?.close()))),
  };
}
