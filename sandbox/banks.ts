import type { PaymentMethodType } from '../src/api/enums.js';
import type { Bank } from '../src/api/schemas.js';

/**
 * The test banks of `bank_redirect` (think iDEAL or Open Banking): the customer picks one, confirm
 * answers `requires_action` with a `redirect_to_url` next action, and the sandbox's bank page
 * (`/sandbox/bank/:id`) authorises or fails the payment and sends the customer back to the
 * merchant's `returnUrl`. A bank that `settlesLater` answers `processing` on authorisation, then
 * succeeds or fails after `XPAY_SANDBOX_BANK_SETTLE_MS` on the sandbox clock.
 */
export const TEST_BANKS: readonly (Bank & { then: 'succeed' | 'decline' })[] = [
  { id: 'test_bank', name: 'Test Bank', settlesLater: false, then: 'succeed' },
  { id: 'test_bank_settles_later', name: 'Test Bank (settles later)', settlesLater: true, then: 'succeed' },
  { id: 'test_bank_settles_later_fails', name: 'Test Bank (settles later, then fails)', settlesLater: true, then: 'decline' },
];

/** Currencies a bank redirect is offered in (the schemes it stands for are domestic). */
export const BANK_REDIRECT_CURRENCIES: readonly string[] = ['eur', 'gbp', 'pln'];

/** The failure codes of a bank redirect (on `lastPaymentError`, type `invalid_request_error`). */
export const BANK_DECLINED = 'bank_declined';
export const BANK_REDIRECT_ABANDONED = 'bank_redirect_abandoned';

export function bankOf(id: string): (typeof TEST_BANKS)[number] | undefined {
  return TEST_BANKS.find((b) => b.id === id);
}

/** Every method the sandbox supports for `currency`: a session's default `paymentMethodTypes`. */
export function supportedMethodTypes(currency: string): PaymentMethodType[] {
  return BANK_REDIRECT_CURRENCIES.includes(currency.toLowerCase()) ? ['card', 'bank_redirect'] : ['card'];
}

/** A customer's pending trip to the bank page: one per attempt, like a 3-D Secure challenge. */
export interface BankAuthRec {
  id: string;
  intentId: string;
  chargeId: string;
  sessionId: string;
  bank: string;
  status: 'pending' | 'authorized' | 'failed' | 'abandoned' | 'canceled';
  /** Where the bank page sends the customer back (`?session_id=…` added). */
  returnUrl: string;
  created: number;
}
