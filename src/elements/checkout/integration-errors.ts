import type { XpayError } from '../../api/errors.js';

/**
 * Integration errors the element itself detects. Each message names what to change; they are for
 * the merchant's developer (shown in test mode and logged), never customer copy.
 */
export const integrationErrors = {
  missingApiBase: (): XpayError => ({
    type: 'integration_error',
    code: 'invalid_api_base',
    message: 'Set api-base (apiBase) to the absolute http(s) URL of the XPay API, e.g. https://api.xpay.example.',
  }),
  frameLoadTimeout: (frameOrigin: string, seconds: number): XpayError => ({
    type: 'integration_error',
    code: 'frame_load_timeout',
    message:
      `The secure card form from ${frameOrigin} did not load within ${seconds} s. Check that this page's ` +
      `Content-Security-Policy allows frame-src ${frameOrigin}, and that this page's origin ` +
      `(${location.origin}) is in the session's allowedOrigins.`,
  }),
  frameVersionUnsupported: (version: number): XpayError => ({
    type: 'integration_error',
    code: 'frame_version_unsupported',
    message:
      `The card frame speaks protocol version ${version}, which this version of xpay-checkout does not. ` +
      'Upgrade xpay-checkout, or point api-base at an API that still serves the v1 frame.',
  }),
  beforeSubmitFailed: (reason: unknown): XpayError => ({
    type: 'validation_error',
    code: 'before_submit_failed',
    message: reason instanceof Error ? reason.message : 'beforeSubmit refused the payment.',
  }),
};
