import { describe, expect, it } from 'vitest';
import { deadline } from '../../../src/api/signals.js';

const aborted = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));

describe('deadline (AbortSignal.timeout + any for the browser floor)', () => {
  it('should abort when the time runs out, and say so', async () => {
    const d = deadline(5);
    await aborted(d.signal);
    expect(d.timedOut).toBe(true);
  });

  it("should abort with the caller's signal, without calling it a timeout", () => {
    const caller = new AbortController();
    const d = deadline(60_000, caller.signal);
    caller.abort();
    expect(d.signal.aborted).toBe(true);
    expect(d.timedOut).toBe(false);
    d.clear();
  });

  it('should start aborted when the caller already aborted', () => {
    const d = deadline(60_000, AbortSignal.abort());
    expect(d.signal.aborted).toBe(true);
    d.clear();
  });

  it('should let go of the caller once cleared (a session run outlives many requests)', () => {
    const caller = new AbortController();
    const d = deadline(60_000, caller.signal);
    d.clear();
    caller.abort();
    expect(d.signal.aborted).toBe(false);
  });
});
