/**
 * The live panel of every event the host page receives — the quickest way for a merchant to learn
 * the API. It listens on `document` (the events bubble and are composed) and prints name, time and
 * detail; details never hold card data or secrets, and this panel is where anyone can check that.
 */
export const LOGGED_EVENTS = [
  'xpay-ready',
  'xpay-change',
  'xpay-status-change',
  'xpay-declined',
  'xpay-succeeded',
  'xpay-error',
] as const;

export function attachEventLog(list: HTMLOListElement, root: Document | HTMLElement = document): () => void {
  const started = performance.now();
  const onEvent = (event: Event) => {
    const item = document.createElement('li');
    item.dataset.event = event.type;
    const name = document.createElement('strong');
    name.textContent = event.type;
    const time = document.createElement('time');
    time.textContent = `+${((performance.now() - started) / 1000).toFixed(2)} s`;
    const detail = document.createElement('pre');
    detail.textContent = JSON.stringify((event as CustomEvent).detail, null, 2);
    item.append(name, ' ', time, detail);
    list.prepend(item);
  };
  for (const type of LOGGED_EVENTS) root.addEventListener(type, onEvent);
  return () => {
    for (const type of LOGGED_EVENTS) root.removeEventListener(type, onEvent);
  };
}
