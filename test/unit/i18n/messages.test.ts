import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN_CHECKOUT } from '../../../src/i18n/en-catalogue.js';
import { withEnglishFallback } from '../../../src/i18n/fallback.js';
import { DECLINE_REASONS, brandName, declineMessage, en, fill, translate } from '../../../src/i18n/index.js';

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
    expect(fill(en, 'pay', { amount: '$25.00' })).toBe('Pay $25.00');
  });

  it('should have the status texts the issue names', () => {
    expect(en.processingTitle).toBe('Confirming your payment…');
    expect(en.expiredTitle).toBe('This checkout has expired');
  });
});

describe('translate with merchant overrides', () => {
  it('should overlay merchant overrides on English', () => {
    const t = translate({ pay: (a) => `Complete order · ${a}` });
    expect(fill(t, 'pay', { amount: '$5.00' })).toBe('Complete order · $5.00');
    expect(t.total).toBe(en.total);
  });

  it('should keep English for the rest of a table when one entry is overridden', () => {
    const t = translate({
      declined: { insufficient_funds: 'Not enough money on this card.' },
      fieldErrors: { required: 'Please fill this in.' },
      brandNames: { amex: 'Amex' },
    });
    expect(t.declined.insufficient_funds).toBe('Not enough money on this card.');
    expect(t.declined.card_declined).toBe(en.declined.card_declined);
    expect(declineMessage(t, 'card_declined', 'expired_card')).toBe(en.declined.expired_card);
    expect(t.fieldErrors.required).toBe('Please fill this in.');
    expect(t.fieldErrors.invalid_email).toBe(en.fieldErrors.invalid_email);
    expect([brandName(t, 'amex'), brandName(t, 'visa'), brandName(t, 'unknown')]).toEqual(['Amex', 'Visa', 'Card']);
    // The English catalogue itself is never changed by an overlay.
    expect(en.declined.insufficient_funds).toBe('Your card has insufficient funds. Try another card.');
  });

  it('should read as English without overrides', () => {
    expect(fill(translate(null), 'pay', { amount: '$1.00' })).toBe('Pay $1.00');
    expect(translate(undefined)).toEqual(en);
  });
});

describe('English, filled', () => {
  it('should read as the catalogue says, counts formatted', () => {
    expect(en.locale).toBe('en');
    expect(fill(en, 'quantity', { count: 2 })).toBe('Qty 2');
    expect(fill(en, 'quantity', { count: 1200 })).toBe('Qty 1,200');
    expect(fill(en, 'succeededDetail', { amount: '$25.00', card: 'Visa ending in 4242' })).toBe('$25.00 paid with Visa ending in 4242.');
    expect(fill(en, 'succeededDetailNoCard', { amount: '$25.00' })).toBe('$25.00 paid.');
    expect(fill(en, 'cardDescription', { brand: 'Visa', last4: '4242' })).toBe('Visa ending in 4242');
    expect(fill(en, 'authorisedDetailNoCard', { amount: '$5.00' })).toBe('$5.00 is reserved on your card. You will be charged when the order is confirmed.');
    expect(fill(en, 'authorisedDetail', { amount: '$5.00', card: 'Visa ending in 4242' })).toMatch(/^\$5\.00 is reserved on Visa ending in 4242\. /);
    expect([brandName(en, 'amex'), brandName(en, 'diners'), brandName(en, 'unknown')]).toEqual(['American Express', 'Diners Club', 'Card']);
  });
});

describe('translate for another locale', () => {
  const german = withEnglishFallback(EN_CHECKOUT, JSON.parse(readFileSync(join('src', 'i18n', 'locales', 'de.json'), 'utf8')).checkout);
  const de = translate(null, german, 'de');

  it('should fill the templates in that locale, numbers included', () => {
    expect(de.locale).toBe('de');
    expect(fill(de, 'pay', { amount: '25,00 €' })).toBe('25,00 € bezahlen');
    expect(fill(de, 'quantity', { count: 1200 })).toBe('Menge: 1.200');
    const card = fill(de, 'cardDescription', { brand: brandName(de, 'visa'), last4: '4242' });
    expect(fill(de, 'succeededDetail', { amount: '5,00 €', card })).toBe('5,00 € mit Visa mit Endziffern 4242 bezahlt.');
    expect(fill(de, 'succeededDetailNoCard', { amount: '5,00 €' })).toBe('5,00 € bezahlt.');
    expect(brandName(de, 'unknown')).toBe('Karte');
    expect(declineMessage(de, 'card_declined', 'insufficient_funds')).toMatch(/nicht ausreichend gedeckt/);
  });

  it('should let merchant overrides win per entry, as functions or as templates', () => {
    const t = translate(
      { pay: 'Jetzt {amount} zahlen', succeededDetail: (amount, card) => `Danke! ${amount} (${card})`, declined: { insufficient_funds: 'Leider nicht gedeckt.' } },
      german,
      'de',
    );
    expect(fill(t, 'pay', { amount: '5,00 €' })).toBe('Jetzt 5,00 € zahlen');
    expect(fill(t, 'succeededDetail', { amount: '5,00 €', card: 'Visa' })).toBe('Danke! 5,00 € (Visa)');
    expect(t.declined.insufficient_funds).toBe('Leider nicht gedeckt.');
    expect(t.declined.card_declined).toBe(de.declined.card_declined);
    expect(t.total).toBe(de.total);
  });

  it('should fill a template override by name, numbers formatted in the locale', () => {
    const t = translate({ cardDescription: '•••• {last4} ({brand})', quantity: '× {count}', succeededDetailNoCard: 'Danke, {amount}!' }, german, 'de');
    expect(fill(t, 'cardDescription', { brand: 'Visa', last4: '4242' })).toBe('•••• 4242 (Visa)');
    expect(fill(t, 'quantity', { count: 1200 })).toBe('× 1.200');
    expect(fill(t, 'succeededDetailNoCard', { amount: '5,00 €' })).toBe('Danke, 5,00 €!');
  });

  it('should leave a placeholder it has no value for visible', () => {
    expect(fill(translate({ pay: 'Pay {amount} {tip}' }), 'pay', { amount: '$1.00' })).toBe('Pay $1.00 {tip}');
  });
});
