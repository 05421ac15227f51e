import type { XpayError } from '../../api/errors.js';
import { invalidClientSecretMessage } from '../../api/paths.js';

/**
 * Integration errors the element itself detects. Each message names what to change; they are for
 * the merchant's developer (shown in test mode and logged), never customer copy.
 */
export const integrationErrors = {
  missingApiBase: (): XpayError => ({
    type: 'integration_error',
    code: 'invalid_api_base',
    message: 'Set api-base to the absolute http(s) URL of the XPay API.',
  }),
  /** Not a `cs_…_secret_…` (never echoed: it may be a secret key pasted by mistake). */
  invalidClientSecret: (clientSecret: string): XpayError => ({
    type: 'integration_error',
    code: 'invalid_client_secret',
    message: invalidClientSecretMessage(clientSecret),
  }),
  /**
   * The frame never said `ready`. From the page, an API that cannot be reached and a CSP that
   * blocks the frame look the same (the frame also makes the session's calls), so this is a
   * `network_error` — Try again, and a retry when the browser comes back online — whose message
   * names both causes for the developer.
   */
  frameLoadTimeout: (frameOrigin: string, seconds: number): XpayError => ({
    type: 'network_error',
    code: 'frame_load_timeout',
    message: `Card frame not loaded in ${seconds} s: check the connection and api-base; allow frame-src ${frameOrigin} in the CSP.`,
  }),
  frameVersionUnsupported: (version: number): XpayError => ({
    type: 'integration_error',
    code: 'frame_version_unsupported',
    message: `Card frame protocol version ${version}: upgrade xpay-checkout, or use an api-base serving v1.`,
  }),
  unsupportedBrowser: (): XpayError => ({
    type: 'integration_error',
    code: 'unsupported_browser',
    message: 'Browser too old: needs Safari/iOS 15.4, Chrome/Edge 100 or Firefox 100.',
  }),
  /**
   * The API sent a URL the widget must not follow (`javascript:`, `data:`, plain http to another
   * host…): a tampered reply, so the URL itself is not repeated here.
   */
  unsafeUrl: (field: string): XpayError => ({
    type: 'integration_error',
    code: 'unsafe_url',
    message: `${field} is not https: serve api-base over https.`,
  }),
  /**
   * The API refused a confirm field this element does not render, so the customer cannot fix it:
   * the merchant must render it (`fields`) or pass it with `confirm({ billingDetails })`.
   */
  paramNotRendered: (param: string, apiMessage: string): XpayError => ({
    type: 'integration_error',
    code: 'billing_details_missing',
    message: `${param}: ${apiMessage} Render it or pass confirm({ billingDetails }).`,
    param,
  }),
  beforeSubmitFailed: (reason: unknown): XpayError => ({
    type: 'validation_error',
    code: 'before_submit_failed',
    message: reason instanceof Error ? reason.message : 'beforeSubmit refused the payment.',
  }),
};
