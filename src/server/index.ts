/**
 * `xpay-checkout/server`: helpers for the merchant's server. Node only (`node:crypto`), no other
 * dependencies; types come from the wire contract as type-only imports, so no zod is bundled.
 */
export { verifyWebhook, signWebhookPayload, WEBHOOK_SIGNATURE_HEADER, type VerifyWebhookOptions } from './webhook-signature.js';
export {
  WebhookVerificationError,
  WEBHOOK_VERIFICATION_ERROR_CODES,
  type WebhookVerificationErrorCode,
} from './webhook-errors.js';
export type { XpayEvent, EventObjects, Session, PaymentIntent, Charge, Refund, Customer } from '../api/objects.js';
export type { EventType } from '../api/enums.js';
