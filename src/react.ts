/**
 * `xpay-checkout/react`: a typed React wrapper of `<xpay-checkout>`. Props map to the element's
 * properties (so objects and functions like `beforeSubmit` and `messages` are set as properties, not
 * stringified into attributes) and `on…` props to its events. React is an optional peer dependency:
 * only this entry imports it.
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
} from './events/events.js';
import { defineElements } from './define.js';

defineElements();

export const XPayCheckout = createComponent({
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
