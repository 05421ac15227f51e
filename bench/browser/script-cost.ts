/** Main-thread cost of one script in a Chromium trace, in milliseconds. */
export interface ScriptCost {
  /**
   * `v8.compile` of the script on the main thread. Chromium parses a network script on a background
   * thread while it downloads (`v8.parseOnBackground`), so this is the main thread's finishing part,
   * and it runs inside `EvaluateScript`.
   */
  compileMs: number;
  /** `EvaluateScript`: the main thread's compile finish, the top level's run, and the lazy compiles it triggers. */
  evaluateMs: number;
  /** Main-thread total: evaluation plus any compile outside it. */
  totalMs: number;
  /** The background thread's parse (not on the main thread; for reference). */
  backgroundParseMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/**
 * Reads a Chromium trace (`browser.stopTracing()`, categories `devtools.timeline` and `v8`) and
 * sums what the renderer's main thread spent compiling and evaluating the script whose URL ends
 * with `urlSuffix` — the DevTools "Compile Script" and "Evaluate Script" entries. Pure: no I/O.
 * Returns null when the trace holds no evaluation of it.
 */
export function scriptCost(trace: Buffer | string, urlSuffix: string): ScriptCost | null {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const ofScript = (e: TraceEvent) => e.ph === 'X' && (e.args?.data?.url ?? '').split('?')[0]!.endsWith(urlSuffix);
  const evaluations = events.filter((e) => e.name === 'EvaluateScript' && ofScript(e));
  if (evaluations.length === 0) return null;
  const { pid, tid } = evaluations[0]!;
  const inside = (e: TraceEvent) => evaluations.some((v) => e.ts >= v.ts && e.ts < v.ts + (v.dur ?? 0));
  const compiles = events.filter((e) => e.name === 'v8.compile' && e.pid === pid && e.tid === tid && ofScript(e));
  const sum = (list: TraceEvent[]) => list.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  const evaluateMs = sum(evaluations);
  return {
    compileMs: sum(compiles),
    evaluateMs,
    totalMs: evaluateMs + sum(compiles.filter((e) => !inside(e))),
    backgroundParseMs: sum(events.filter((e) => e.name === 'v8.parseOnBackground' && ofScript(e))),
  };
}
