import { describe, expect, it } from 'vitest';
import { DECLINE_REASONS, declineMessage, en, resolveTranslation } from '../../../src/i18n/index.js';

describe('declineMessage', () => {
  it('should prefer the decline code over the generic error code', () => {
    expect(declineMessage(en, 'card_declined', 'insufficient_funds')).toBe(en.declined.insufficient_funds);
  });

  it('should use the error code when there is no decline code', () => {
    expect(declineMessage(en, 'expired_card')).toBe(en.declined.expired_card);
    expect(declineMessage(en, 'authentication_abandoned')).toBe(en.declined.authentication_abandoned);
  });

  it('should fall back to the generic decline for codes it does not know', () => {
    expect(declineMessage(en, 'card_declined', 'generic_decline')).toBe(en.declined.card_declined);
    expect(declineMessage(en, 'something_new', 'also_new')).toBe(en.declined.card_declined);
  });

  it('should have a distinct message for every reason', () => {
    const texts = DECLINE_REASONS.map((r) => en.declined[r]);
    expect(new Set(texts).size).toBe(DECLINE_REASONS.length);
  });
});

describe('English catalogue', () => {
  it('should name the amount on the pay button', () => {
    expect(en.pay('$25.00')).toBe('Pay $25.00');
  });

  it('should have the status texts the issue names', () => {
    expect(en.processingTitle).toBe('Confirming your payment…');
    expect(en.expiredTitle).toBe('This checkout has expired');
  });
});

describe('resolveTranslation', () => {
  it('should overlay merchant overrides on English', () => {
    const t = resolveTranslation({ pay: (a) => `Complete order · ${a}` });
    expect(t.pay('$5.00')).toBe('Complete order · $5.00');
    expect(t.total).toBe(en.total);
  });

  it('should keep English for the rest of a table when one entry is overridden', () => {
    const t = resolveTranslation({
      declined: { insufficient_funds: 'Not enough money on this card.' },
      fieldErrors: { required: 'Please fill this in.' },
      brandNames: { amex: 'Amex' },
    });
    expect(t.declined.insufficient_funds).toBe('Not enough money on this card.');
    expect(t.declined.card_declined).toBe(en.declined.card_declined);
    expect(declineMessage(t, 'card_declined', 'expired_card')).toBe(en.declined.expired_card);
    expect(t.fieldErrors.required).toBe('Please fill this in.');
    expect(t.fieldErrors.invalid_email).toBe(en.fieldErrors.invalid_email);
    expect(t.brandNames).toEqual({ ...en.brandNames, amex: 'Amex' });
    // The English catalogue itself is never changed by an overlay.
    expect(en.declined.insufficient_funds).toBe('Your card has insufficient funds. Try another card.');
  });

  it('should return English itself without overrides', () => {
    expect(resolveTranslation(null)).toBe(en);
    expect(resolveTranslation(undefined)).toBe(en);
  });
});
