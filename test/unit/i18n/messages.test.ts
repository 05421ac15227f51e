import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN_CHECKOUT } from '../../../src/i18n/en-catalogue.js';
import { withEnglishFallback } from '../../../src/i18n/fallback.js';
import { DECLINE_REASONS, declineMessage, en, resolveTranslation } from '../../../src/i18n/index.js';
import { toTranslation } from '../../../src/i18n/to-translation.js';

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

describe('English built from its catalogue', () => {
  it('should read as the functions it replaced did', () => {
    expect(en.locale).toBe('en');
    expect(en.quantity(2)).toBe('Qty 2');
    expect(en.quantity(1200)).toBe('Qty 1,200');
    expect(en.succeededDetail('$25.00', 'Visa ending in 4242')).toBe('$25.00 paid with Visa ending in 4242.');
    expect(en.succeededDetail('$25.00', null)).toBe('$25.00 paid.');
    expect(en.cardDescription('Visa', '4242')).toBe('Visa ending in 4242');
    expect(en.authorisedDetail('$5.00', null)).toBe('$5.00 is reserved on your card. You will be charged when the order is confirmed.');
    expect(en.authorisedDetail('$5.00', 'Visa ending in 4242')).toMatch(/^\$5\.00 is reserved on Visa ending in 4242\. /);
    expect(en.brandNames).toEqual({
      visa: 'Visa',
      mastercard: 'Mastercard',
      amex: 'American Express',
      discover: 'Discover',
      diners: 'Diners Club',
      jcb: 'JCB',
      unionpay: 'UnionPay',
      unknown: 'Card',
    });
  });
});

describe('toTranslation for another locale', () => {
  const de = toTranslation(
    withEnglishFallback(EN_CHECKOUT, JSON.parse(readFileSync(join('src', 'i18n', 'locales', 'de.json'), 'utf8')).checkout),
    'de',
  );

  it('should fill the templates in that locale, numbers included', () => {
    expect(de.locale).toBe('de');
    expect(de.pay('25,00 €')).toBe('25,00 € bezahlen');
    expect(de.quantity(1200)).toBe('Menge: 1.200');
    expect(de.succeededDetail('5,00 €', de.cardDescription('Visa', '4242'))).toBe('5,00 € mit Visa mit Endziffern 4242 bezahlt.');
    expect(de.succeededDetail('5,00 €', null)).toBe('5,00 € bezahlt.');
    expect(de.brandNames.unknown).toBe('Karte');
    expect(de.brandNames.visa).toBe('Visa');
    expect(declineMessage(de, 'card_declined', 'insufficient_funds')).toMatch(/nicht ausreichend gedeckt/);
  });

  it('should let merchant overrides win per entry, as functions or as templates', () => {
    const t = resolveTranslation(
      { pay: 'Jetzt {amount} zahlen', succeededDetail: (amount) => `Danke! ${amount}`, declined: { insufficient_funds: 'Leider nicht gedeckt.' } },
      de,
    );
    expect(t.pay('5,00 €')).toBe('Jetzt 5,00 € zahlen');
    expect(t.succeededDetail('5,00 €', null)).toBe('Danke! 5,00 €');
    expect(t.declined.insufficient_funds).toBe('Leider nicht gedeckt.');
    expect(t.declined.card_declined).toBe(de.declined.card_declined);
    expect(t.total).toBe(de.total);
  });

  it('should fill a template override from the arguments by name, leaving an absent one visible', () => {
    const t = resolveTranslation({ cardDescription: '•••• {last4} ({brand})', quantity: '× {count}', authorisedDetail: '{amount} on {card}' });
    expect(t.cardDescription('Visa', '4242')).toBe('•••• 4242 (Visa)');
    expect(t.quantity(3)).toBe('× 3');
    expect(t.authorisedDetail('$5.00', null)).toBe('$5.00 on {card}');
  });
});
