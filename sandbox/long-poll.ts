import { EventEmitter } from 'node:events';

/**
 * The public view's long-poll (`?since=<version>&wait=<s>`): a waiter sleeps until its session
 * changes (the engine's `sessionChanged` hook, after the commit), its time is up, the client goes
 * away, or the sandbox closes.
 */
export class LongPoll {
  private readonly changes = new EventEmitter();
  private readonly waiters = new Set<() => void>();

  constructor() {
    this.changes.setMaxListeners(0);
  }

  /** Wakes everyone waiting on this session. */
  changed(sessionId: string): void {
    this.changes.emit(sessionId);
  }

  /** Resolves when the session changes, after `ms`, or on `signal`, whichever comes first. */
  wait(sessionId: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        this.changes.off(sessionId, finish);
        signal.removeEventListener('abort', finish);
        this.waiters.delete(finish);
        done();
      };
      const timer = setTimeout(finish, ms);
      this.changes.on(sessionId, finish);
      signal.addEventListener('abort', finish);
      this.waiters.add(finish);
    });
  }

  /** Releases every waiter (the sandbox is closing). */
  releaseAll(): void {
    for (const finish of [...this.waiters]) finish();
  }
}
