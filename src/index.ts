/**
 * xpay-checkout — the package's public entry. Side-effect free: importing it defines no element
 * (import `xpay-checkout/define` for that) and touches no DOM, so it is safe on a server (SSR).
 */
export const VERSION = '0.1.0';

export { XpayCheckout, type CheckoutTheme, type ConfirmOptions } from './elements/checkout/checkout.js';
export type { ConfirmResult } from './controllers/intent.controller.js';
export { mount, type MountOptions, type MountedCheckout } from './mount.js';
export {
  XpayReadyEvent,
  XpayChangeEvent,
  XpayStatusChangeEvent,
  XpayDeclinedEvent,
  XpaySucceededEvent,
  XpayErrorEvent,
  type XpayError,
  type CheckoutStatus,
  type PaymentIntentSummary,
  type FormErrors,
  type XpayReadyDetail,
  type XpayChangeDetail,
  type XpayStatusChangeDetail,
  type XpayDeclinedDetail,
  type XpaySucceededDetail,
  type XpayErrorDetail,
  type XpayEventCallbacks,
} from './events/events.js';
export type { Translation, TranslationOverrides } from './i18n/translation.js';
export type { HostBillingDetails as BillingDetails } from './frame/protocol.js';
