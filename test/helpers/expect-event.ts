/**
 * Records which events fire on a target while an action runs (Web Awesome's expect-event idea), so a
 * test can assert both that an event fired and how many times.
 */
export interface EventRecorder<K extends keyof HTMLElementEventMap> {
  /** Every recorded event, in order. */
  readonly events: HTMLElementEventMap[K][];
  /** Resolves with the `n`th event of this type (1-based), waiting if it has not fired yet. */
  nth(n: number): Promise<HTMLElementEventMap[K]>;
  /** Stops recording. */
  stop(): void;
}

/** Starts recording `type` events on `target` (listening on the target itself, not bubbling ancestors). */
export function recordEvents<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K): EventRecorder<K> {
  const events: HTMLElementEventMap[K][] = [];
  const waiting: { n: number; resolve: (e: HTMLElementEventMap[K]) => void }[] = [];
  const listener = (event: Event) => {
    events.push(event as HTMLElementEventMap[K]);
    for (const w of [...waiting]) {
      if (events.length >= w.n) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(events[w.n - 1]!);
      }
    }
  };
  target.addEventListener(type, listener);
  return {
    events,
    nth(n) {
      if (events.length >= n) return Promise.resolve(events[n - 1]!);
      return new Promise((resolve) => waiting.push({ n, resolve }));
    },
    stop() {
      target.removeEventListener(type, listener);
    },
  };
}

/** Resolves with the next `type` event on `target`. */
export function nextEvent<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as HTMLElementEventMap[K]), { once: true }));
}
