/**
 * Abort signals for one request attempt, built from `AbortController` and `setTimeout` only:
 * `AbortSignal.any` (Safari 17.4, Chrome 116, Firefox 124) and `AbortSignal.timeout` (Safari 16)
 * are newer than the browsers the widget supports (Safari/iOS 15.4, Chrome 100, Firefox 100).
 */

/** A signal that aborts when the caller's does or when the attempt's time is up. */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** Whether the time ran out (rather than the caller aborting). */
  timedOut(): boolean;
  /** Stops the timer and forgets the caller's signal; call once the attempt is over. */
  done(): void;
}

/** Combines the caller's optional `signal` with a timeout of `ms` into one signal for `fetch`. */
export function attemptSignal(signal: AbortSignal | undefined, ms: number): AttemptSignal {
  const controller = new AbortController();
  let expired = false;
  const abort = () => controller.abort();
  const timer = setTimeout(() => {
    expired = true;
    abort();
  }, ms);
  if (signal?.aborted) abort();
  else signal?.addEventListener('abort', abort);
  return {
    signal: controller.signal,
    timedOut: () => expired,
    done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    },
  };
}
