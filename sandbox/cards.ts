import { createHmac } from 'node:crypto';
import type { CardBrand } from '../src/api/enums.js';
// One Luhn check for the card frame and the sandbox: the frame's own rule, pure and dependency-free.
import { luhnValid } from '../src/card/luhn.js';

/**
 * The sandbox issuer: test card numbers and what each one does. Card numbers and CVCs only pass
 * through here; the store keeps brand, last 4, expiry and an HMAC fingerprint.
 */
export type CardBehaviour =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string; declineCode?: string }
  | { kind: 'challenge'; then: 'succeed' | 'decline' }
  | { kind: 'frictionless' }
  | { kind: 'processing'; then: 'succeed' | 'decline' };

export const TEST_CARDS: Record<string, { behaviour: CardBehaviour; note: string }> = {
  '4242424242424242': { behaviour: { kind: 'succeed' }, note: 'Visa: succeeds' },
  '5555555555554444': { behaviour: { kind: 'succeed' }, note: 'Mastercard: succeeds' },
  '378282246310005': { behaviour: { kind: 'succeed' }, note: 'Amex (4-digit CVC): succeeds' },
  '4000000000000002': { behaviour: { kind: 'decline', code: 'card_declined', declineCode: 'generic_decline' }, note: 'declined: generic_decline' },
  '4000000000009995': { behaviour: { kind: 'decline', code: 'card_declined', declineCode: 'insufficient_funds' }, note: 'declined: insufficient_funds' },
  '4000000000000069': { behaviour: { kind: 'decline', code: 'expired_card' }, note: 'expired_card' },
  '4000000000000127': { behaviour: { kind: 'decline', code: 'incorrect_cvc' }, note: 'incorrect_cvc' },
  '4000000000000119': { behaviour: { kind: 'decline', code: 'processing_error' }, note: 'processing_error' },
  '4000002760003184': { behaviour: { kind: 'challenge', then: 'succeed' }, note: '3-D Secure challenge; succeeds when completed' },
  '4000008400001629': { behaviour: { kind: 'challenge', then: 'decline' }, note: '3-D Secure challenge, then card_declined' },
  '4000000000003055': { behaviour: { kind: 'frictionless' }, note: '3-D Secure frictionless: succeeds' },
  '4000000000007718': { behaviour: { kind: 'processing', then: 'succeed' }, note: 'processing, then succeeded' },
  '4000000000007726': { behaviour: { kind: 'processing', then: 'decline' }, note: 'processing, then failed' },
};

export const DECLINE_MESSAGES: Record<string, string> = {
  generic_decline: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  card_declined: 'Your card was declined.',
  expired_card: 'Your card has expired.',
  incorrect_cvc: "Your card's security code is incorrect.",
  processing_error: 'An error occurred while processing your card. Try again in a little bit.',
  incorrect_number: 'Your card number is incorrect.',
  authentication_failed: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
  authentication_abandoned: 'The 3-D Secure authentication was not completed. Please try again or use a different card.',
  payment_intent_canceled: 'The payment was canceled.',
  bank_declined: 'Your bank did not authorize the payment. Please try again or choose another way to pay.',
  bank_redirect_abandoned: 'The payment was not completed at your bank. Please try again or choose another way to pay.',
};

export function declineMessage(code: string, declineCode?: string): string {
  return (declineCode && DECLINE_MESSAGES[declineCode]) ?? DECLINE_MESSAGES[code] ?? 'Your card was declined.';
}

export function detectBrand(number: string): CardBrand {
  const p2 = Number(number.slice(0, 2));
  const p3 = Number(number.slice(0, 3));
  const p4 = Number(number.slice(0, 4));
  const p6 = Number(number.slice(0, 6));
  if (number.startsWith('4')) return 'visa';
  if (p2 === 34 || p2 === 37) return 'amex';
  if ((p2 >= 51 && p2 <= 55) || (p6 >= 222100 && p6 <= 272099)) return 'mastercard';
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return 'discover';
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) return 'diners';
  if (p4 >= 3528 && p4 <= 3589) return 'jcb';
  if (p2 === 62) return 'unionpay';
  return 'unknown';
}

/** Same card (number) → same fingerprint within one database; not reversible without its key. */
export function fingerprint(number: string, key: string): string {
  return createHmac('sha256', key).update(number).digest('base64url').slice(0, 16);
}

/**
 * What the issuer does with a card: the table above, then basic checks (Luhn, expiry, CVC length).
 * Any other Luhn-valid number succeeds.
 */
export function issuerBehaviour(
  card: { number: string; expMonth: number; expYear: number; cvc: string },
  nowSeconds: number,
): CardBehaviour {
  if (!luhnValid(card.number)) return { kind: 'decline', code: 'incorrect_number' };
  const now = new Date(nowSeconds * 1000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  if (card.expYear < y || (card.expYear === y && card.expMonth < m)) return { kind: 'decline', code: 'expired_card' };
  const cvcLength = detectBrand(card.number) === 'amex' ? 4 : 3;
  if (card.cvc.length !== cvcLength) return { kind: 'decline', code: 'incorrect_cvc' };
  return TEST_CARDS[card.number]?.behaviour ?? { kind: 'succeed' };
}
