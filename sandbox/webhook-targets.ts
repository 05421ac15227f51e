import { isIPv4, isIPv6 } from 'node:net';

/**
 * Where a webhook endpoint created through the API may point (issue #8). The sandbox POSTs to it
 * from the machine it runs on, so an endpoint on a link-local address would reach the cloud
 * metadata service (169.254.169.254 and friends) and one on the sandbox itself would let a caller
 * drive its own API with signed requests. Loopback stays allowed: merchants run their shop's
 * receiver on localhost (the demo registers http://localhost:3000/…).
 */

/** Metadata services reached by name or by an address outside the link-local ranges. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);
const METADATA_ADDRESSES = new Set(['100.100.100.200', 'fd00:ec2:0:0:0:0:0:254']);

/** The sandbox's own listening address: its origin as the caller sees it, and the port it listens on. */
export interface SandboxAddress {
  ownOrigin: string;
  port: number;
}

/**
 * Why the sandbox refuses to deliver webhooks to `url`, or null when it may. `url` has already
 * passed the schema (absolute http(s)); hosts are compared as the URL parser normalises them, so
 * `http://2852039166/` and `http://[::ffff:a9fe:a9fe]/` are 169.254.169.254 too.
 */
export function webhookTargetProblem(url: string, sandbox: SandboxAddress): string | null {
  const target = new URL(url);
  const host = target.hostname.toLowerCase().replace(/\.$/, '');
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (METADATA_HOSTS.has(bare)) return `points at a cloud metadata service (${bare})`;
  const v4 = isIPv4(bare) ? bare : isIPv6(bare) ? embeddedIPv4(bare) : null;
  if (v4 !== null && (v4.startsWith('169.254.') || METADATA_ADDRESSES.has(v4))) return `is a link-local or metadata address (${v4})`;
  if (isIPv6(bare)) {
    const words = ipv6Words(bare);
    if ((words[0]! & 0xffc0) === 0xfe80) return `is a link-local address (${bare})`;
    if (METADATA_ADDRESSES.has(words.map((w) => w.toString(16)).join(':'))) return `is a metadata address (${bare})`;
  }
  if (target.origin === sandbox.ownOrigin || (portOf(target) === sandbox.port && isThisMachine(bare, v4))) {
    return 'is this sandbox itself';
  }
  return null;
}

function portOf(url: URL): number {
  return url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Names and addresses that reach the sandbox's own listener when the port matches. */
function isThisMachine(host: string, v4: string | null): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (v4 !== null) return v4.startsWith('127.') || v4.startsWith('0.');
  if (isIPv6(host)) {
    const words = ipv6Words(host);
    return words.slice(0, 7).every((w) => w === 0) && (words[7] === 0 || words[7] === 1); // :: and ::1
  }
  return false;
}

/** The eight 16-bit words of an IPv6 address (as the URL parser prints it: no zone, maybe a dotted tail). */
function ipv6Words(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((w) => parseInt(w, 16));
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), -compatible (::a.b.c.d) or NAT64 (64:ff9b::) one. */
function embeddedIPv4(address: string): string | null {
  const w = ipv6Words(address);
  const mapped = w.slice(0, 5).every((x) => x === 0) && (w[5] === 0xffff || w[5] === 0);
  const nat64 = w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0);
  if (!mapped && !nat64) return null;
  if (mapped && w[5] === 0 && w[6] === 0) return null; // :: and ::1 are not IPv4 addresses
  return [w[6]! >> 8, w[6]! & 0xff, w[7]! >> 8, w[7]! & 0xff].join('.');
}
