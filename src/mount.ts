import type { XpayEventCallbacks } from './events/events.js';
import type { XpayCheckout } from './elements/checkout/checkout.js';

/** Options of {@link mount}: the element's properties plus `on…` callbacks for its events. */
export interface MountOptions extends XpayEventCallbacks {
  clientSecret: string;
  apiBase: string;
  locale?: string;
  redirect?: XpayCheckout['redirect'];
  summary?: XpayCheckout['summary'];
  fields?: XpayCheckout['fields'];
  hidePayButton?: boolean;
  messages?: XpayCheckout['messages'];
  beforeSubmit?: XpayCheckout['beforeSubmit'];
}

/** The element `mount()` returns: the checkout itself, plus `destroy()`. */
export type MountedCheckout = XpayCheckout & {
  /** Removes the element and its listeners; the target can be mounted again. */
  destroy(): void;
};

const CALLBACKS = {
  onReady: 'xpay-ready',
  onChange: 'xpay-change',
  onStatusChange: 'xpay-status-change',
  onDeclined: 'xpay-declined',
  onSucceeded: 'xpay-succeeded',
  onError: 'xpay-error',
} as const;

/** The element properties `mount()` sets from its options (each only when given). */
const PROPERTIES = [
  'clientSecret',
  'apiBase',
  'locale',
  'redirect',
  'summary',
  'fields',
  'hidePayButton',
  'messages',
  'beforeSubmit',
] as const satisfies readonly (keyof MountOptions & keyof XpayCheckout)[];

/**
 * One mount per target: a second call (React StrictMode runs effects twice) updates the first.
 * Aborting `listening` removes the `on…` callbacks of the last call.
 */
const mounted = new WeakMap<Element, { element: MountedCheckout; listening?: AbortController }>();

/**
 * Puts a checkout into `target` (an element or a selector) and returns the element, so the mount
 * API and the element API are one. Calling it again on the same target returns the same element
 * with the new options applied: never a second card frame.
 */
export function mount(target: Element | string, options: MountOptions): MountedCheckout {
  const host = mountTarget(target);
  if (!customElements.get('xpay-checkout')) {
    throw new Error('xpay-checkout: import xpay-checkout/define (or load the CDN script) before mount().');
  }
  return mountInto(host, options);
}

/**
 * `mount()` for the CDN bundle (`window.XPay.mount`): the bundle defines the elements before any
 * page script can call it, so the registration check above could never fail there.
 */
export function mountDefined(target: Element | string, options: MountOptions): MountedCheckout {
  return mountInto(mountTarget(target), options);
}

function mountTarget(target: Element | string): Element {
  const host = typeof target === 'string' ? document.querySelector(target) : target;
  if (!host) throw new Error(`xpay-checkout: no mount target ${String(target)}.`);
  return host;
}

function mountInto(host: Element, options: MountOptions): MountedCheckout {
  let entry = mounted.get(host);
  if (!entry || !host.contains(entry.element)) {
    const element = document.createElement('xpay-checkout') as MountedCheckout;
    entry = { element };
    const created = entry;
    element.destroy = () => {
      created.listening?.abort();
      element.remove();
      if (mounted.get(host) === created) mounted.delete(host);
    };
    mounted.set(host, entry);
  }
  const { element } = entry;

  entry.listening?.abort();
  const { signal } = (entry.listening = new AbortController());
  for (const [option, type] of Object.entries(CALLBACKS) as [keyof typeof CALLBACKS, string][]) {
    const callback = options[option] as EventListener | undefined;
    if (callback) element.addEventListener(type, callback, { signal });
  }

  for (const key of PROPERTIES) if (options[key] !== undefined) Object.assign(element, { [key]: options[key] });
  if (!element.isConnected) host.append(element);
  return element;
}
