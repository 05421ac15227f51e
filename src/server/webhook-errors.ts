/** Why a webhook delivery was refused by {@link verifyWebhook}. */
export const WEBHOOK_VERIFICATION_ERROR_CODES = [
  'missing_header',
  'malformed_header',
  'timestamp_out_of_tolerance',
  'signature_mismatch',
  'malformed_body',
] as const;
export type WebhookVerificationErrorCode = (typeof WEBHOOK_VERIFICATION_ERROR_CODES)[number];

/**
 * Thrown by {@link verifyWebhook} when a delivery cannot be trusted. Answer the request with a 400
 * and do not act on the body; `code` says which check failed (log it, it contains no secret).
 */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  /** Which check failed. */
  readonly code: WebhookVerificationErrorCode;

  constructor(code: WebhookVerificationErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
