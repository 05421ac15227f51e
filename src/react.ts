'use client';
/**
 * `xpay-checkout/react`: a typed React wrapper of `<xpay-checkout>`. Props map to the element's
 * properties (so objects and functions like `beforeSubmit` and `messages` are set as properties, not
 * stringified into attributes) and `on…` props to its events. React is an optional peer dependency:
 * only this entry imports it. `'use client'`: the wrapper uses refs and effects, so a React Server
 * Components bundler (Next.js) must render it on the client.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { XpayCheckout } from './elements/checkout/checkout.js';
import type {
  XpayChangeEvent,
  XpayDeclinedEvent,
  XpayErrorEvent,
  XpayReadyEvent,
  XpayStatusChangeEvent,
  XpaySucceededEvent,
  XpayEventCallbacks,
} from './events/events.js';
import { defineElements } from './define.js';

defineElements();

/** The element's public inputs, each optional as a prop (see README, `<xpay-checkout>` inputs). */
type XpayCheckoutInputs = Partial<
  Pick<
    XpayCheckout,
    | 'clientSecret'
    | 'apiBase'
    | 'locale'
    | 'redirect'
    | 'summary'
    | 'fields'
    | 'hidePayButton'
    | 'messages'
    | 'beforeSubmit'
    | 'frameTimeout'
  >
>;

/**
 * Props of {@link XPayCheckout}: the element's inputs, its events as `on…` callbacks, and the usual
 * HTML attributes. Written out here, rather than inferred from `@lit/react` (a devDependency bundled
 * into this entry), so the published types name nothing a merchant has not installed.
 */
export interface XPayCheckoutProps
  extends XpayCheckoutInputs,
    XpayEventCallbacks,
    Omit<React.HTMLAttributes<XpayCheckout>, 'onChange' | 'onError' | keyof XpayCheckoutInputs> {}

/** `<xpay-checkout>` as a React component; `ref` gives the element (for `confirm()`, `refresh()`). */
export const XPayCheckout: React.ForwardRefExoticComponent<XPayCheckoutProps & React.RefAttributes<XpayCheckout>> =
  createComponent({
    tagName: 'xpay-checkout',
    elementClass: XpayCheckout,
    react: React,
    events: {
      onReady: 'xpay-ready' as EventName<XpayReadyEvent>,
      onChange: 'xpay-change' as EventName<XpayChangeEvent>,
      onStatusChange: 'xpay-status-change' as EventName<XpayStatusChangeEvent>,
      onDeclined: 'xpay-declined' as EventName<XpayDeclinedEvent>,
      onSucceeded: 'xpay-succeeded' as EventName<XpaySucceededEvent>,
      onError: 'xpay-error' as EventName<XpayErrorEvent>,
    },
    displayName: 'XPayCheckout',
  });
