/**
 * The sandbox's one timer: runs due jobs (expiries, 3-D Secure timeouts, processing outcomes) and
 * webhook deliveries, both read from their persisted tables, so nothing scheduled lives only in
 * memory. It sleeps until the next due moment (capped by `sweepIntervalMs`, so work due on an
 * advanced test clock is seen) and is woken early by {@link Scheduler.wake}.
 */
export interface SchedulerWork {
  /** Runs every due job. */
  runDueJobs(): void;
  /** Housekeeping that need not run on every tick (idempotency records past their TTL). */
  gc(): void;
  /** Sends the webhook deliveries that are due. */
  deliverDue(): void;
  /** The earliest due moment (sandbox ms), or null when nothing is scheduled. */
  nextDueMs(): number | null;
  /** The sandbox clock (ms; moved by advance_clock). */
  nowMs(): number;
}

/** How often {@link SchedulerWork.gc} runs, in real ms. */
const GC_EVERY_MS = 60_000;

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private queued = false;
  private stopped = false;
  private lastGc = 0;

  constructor(
    private readonly work: SchedulerWork,
    private readonly sweepIntervalMs: number,
    private readonly log: (line: string) => void,
  ) {}

  /** Runs a tick soon (after the current I/O), once however often it is called before then. */
  wake(): void {
    if (this.queued || this.stopped) return;
    this.queued = true;
    setImmediate(() => this.tick());
  }

  /** Runs due work now, then sleeps until the next due moment. */
  tick(): void {
    this.queued = false;
    if (this.stopped) return;
    clearTimeout(this.timer);
    try {
      this.work.runDueJobs();
      if (Date.now() - this.lastGc > GC_EVERY_MS) {
        this.lastGc = Date.now();
        this.work.gc();
      }
      this.work.deliverDue();
    } catch (err) {
      this.log(`scheduler error: ${(err as Error).stack ?? String(err)}`);
    }
    const next = this.work.nextDueMs();
    const delay = next === null ? this.sweepIntervalMs : Math.max(0, Math.min(next - this.work.nowMs(), this.sweepIntervalMs));
    this.timer = setTimeout(() => this.tick(), Math.max(delay, 5));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
