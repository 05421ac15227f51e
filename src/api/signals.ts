/**
 * `AbortSignal.timeout()` and `AbortSignal.any()` for the browser floor (README "Browser support"):
 * Safari/iOS before 17.4, Chrome before 116 and Firefox before 124 lack `any`, Safari before 16
 * lacks `timeout`. Built from `AbortController` and `setTimeout`, which every supported browser has.
 */

/** A signal that aborts after `ms`, or as soon as `parent` does, and says which of the two it was. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** True once the time ran out (never when only `parent` aborted). */
  readonly timedOut: boolean;
  /** Stops the timer and the listener on `parent`: call it once the work is done. */
  clear(): void;
}

/**
 * Starts a deadline of `ms` milliseconds, linked to `parent` (the caller's signal). Call `clear()`
 * when done: a long-lived `parent` (a session run) would otherwise keep one listener per request.
 */
export function deadline(ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  const abort = () => controller.abort();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort();
  }, ms);
  if (parent?.aborted) abort();
  else parent?.addEventListener('abort', abort);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', abort);
    },
  };
}
