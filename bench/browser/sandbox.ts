import { startSandboxProcess, type SandboxProcess } from '../../test/helpers/sandbox-process.js';

const SECRET = 'sk_test_sandbox';

/** The sandbox as the browser benches use it: its own process, request log on. */
export interface BenchSandbox {
  url: string;
  /** Simulated card-network latency inside confirm (XPAY_SANDBOX_ISSUER_LATENCY_MS). */
  issuerLatencyMs: number;
  /** Creates a $25.00 session that `origin` may embed; returns only its client secret. */
  createSession(origin: string): Promise<string>;
  /** Request log lines (`METHOD path status Nms`) printed since the given mark. */
  logSince(mark: number): string[];
  /** A mark for {@link logSince}. */
  mark(): number;
  stop(): Promise<void>;
}

/**
 * Starts the sandbox in its own process (off the event loop that drives Chromium) with its request
 * log on: the log is the server's own count of what the browser asked for, preflights included.
 */
export async function startBenchSandbox(issuerLatencyMs = Number(process.env.BENCH_ISSUER_LATENCY_MS ?? 20)): Promise<BenchSandbox> {
  const sandbox: SandboxProcess = await startSandboxProcess({
    XPAY_SANDBOX_LOG: '1',
    XPAY_SANDBOX_ISSUER_LATENCY_MS: String(issuerLatencyMs),
  });
  return {
    url: sandbox.url,
    issuerLatencyMs,
    async createSession(origin) {
      const response = await fetch(`${sandbox.url}/v1/checkout/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          mode: 'payment',
          currency: 'usd',
          lineItems: [{ name: 'T-shirt', unitAmount: 1250, quantity: 2 }],
          successUrl: `${origin}/success`,
          cancelUrl: `${origin}/cart`,
          allowedOrigins: [origin],
        }),
      });
      if (!response.ok) throw new Error(`creating a session failed: ${response.status}`);
      return ((await response.json()) as { clientSecret: string }).clientSecret;
    },
    mark: () => sandbox.output().length,
    logSince: (mark) =>
      sandbox
        .output()
        .slice(mark)
        .split('\n')
        .filter((line) => /^(GET|POST|OPTIONS|HEAD|PUT|DELETE|PATCH) \//.test(line)),
    stop: () => sandbox.stop(),
  };
}
