import { describe, expect, it } from 'vitest';
import { clientSchemas, serverSchemas } from '../../../src/api/schemas.js';
import { openPublicSession } from '../../fixtures/public-session.data.js';

describe('public session schema', () => {
  it('should accept the fixture in strict (server) mode', () => {
    expect(serverSchemas().PublicSession.safeParse(openPublicSession).success).toBe(true);
  });

  it('should reject an unknown field in strict mode but drop it in lenient mode', () => {
    const withExtra = { ...openPublicSession, surprise: 1 };
    expect(serverSchemas().PublicSession.safeParse(withExtra).success).toBe(false);
    const parsed = clientSchemas().PublicSession.parse(withExtra);
    expect(parsed).not.toHaveProperty('surprise');
  });

  it('should turn an unknown intent status into "unknown" in lenient mode only', () => {
    const future = {
      ...openPublicSession,
      paymentIntent: { ...openPublicSession.paymentIntent!, status: 'requires_reauthorization' },
    };
    expect(serverSchemas().PublicSession.safeParse(future).success).toBe(false);
    expect(clientSchemas().PublicSession.parse(future).paymentIntent?.status).toBe('unknown');
  });

  it('should make an unsafe URL unusable (null) in lenient mode, keeping the rest of the view', () => {
    const tampered = {
      ...openPublicSession,
      successUrl: 'javascript:alert(1)',
      cancelUrl: 'http://evil.example/cart',
      lineItems: [{ ...openPublicSession.lineItems[0]!, imageUrl: 'data:image/svg+xml,<svg onload=alert(1)>' }],
      paymentIntent: {
        ...openPublicSession.paymentIntent!,
        status: 'requires_action',
        nextAction: { type: 'three_ds_challenge', url: 'javascript:parent.alert(1)', windowSize: '02' },
      },
    };
    const parsed = clientSchemas().PublicSession.parse(tampered);
    expect(parsed.successUrl).toBeNull();
    expect(parsed.cancelUrl).toBeNull();
    expect(parsed.lineItems[0]!.imageUrl).toBeNull();
    expect(parsed.paymentIntent?.nextAction).toEqual({ type: 'three_ds_challenge', url: null, windowSize: '02' });
    expect(parsed.amountTotal).toBe(openPublicSession.amountTotal);
    // Safe ones pass unchanged; a URL that is not even a string still breaks the contract.
    expect(clientSchemas().PublicSession.parse(openPublicSession).successUrl).toBe(openPublicSession.successUrl);
    expect(clientSchemas().PublicSession.safeParse({ ...openPublicSession, successUrl: 42 }).success).toBe(false);
  });

  it('should reject a card number with spaces or letters in the confirm request', () => {
    const base = {
      paymentMethod: {
        type: 'card',
        card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
        billingDetails: { name: 'Jo Doe' },
      },
      returnOrigin: 'http://localhost:3000',
    };
    expect(serverSchemas().ConfirmRequest.safeParse(base).success).toBe(true);
    const spaced = structuredClone(base);
    spaced.paymentMethod.card.number = '4242 4242 4242 4242';
    expect(serverSchemas().ConfirmRequest.safeParse(spaced).success).toBe(false);
  });
});

describe('more ways to pay (issue #11) in the public view', () => {
  const savedCard = { id: 'pm_abc', card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 }, expired: false };
  const withMethods = {
    ...openPublicSession,
    paymentMethodTypes: ['card', 'bank_redirect'],
    savePaymentMethod: 'offer',
    savedCardCvc: 'always',
    allowRemoveSavedCards: true,
    savedPaymentMethods: [savedCard],
    banks: [{ id: 'test_bank', name: 'Test Bank', settlesLater: false }],
    paymentIntent: { ...openPublicSession.paymentIntent!, paymentMethod: { type: 'card', card: { brand: 'visa', last4: '4242' } } },
  };

  it('should accept the new fields strictly, and a view without them (sessions stored before)', () => {
    expect(serverSchemas().PublicSession.safeParse(withMethods).success).toBe(true);
    expect(serverSchemas().PublicSession.safeParse(openPublicSession).success).toBe(true);
    const bank = { ...withMethods.paymentIntent, status: 'requires_action', nextAction: { type: 'redirect_to_url', url: 'http://localhost:4242/sandbox/bank/bnk_1' }, paymentMethod: { type: 'bank_redirect', bankRedirect: { bank: 'test_bank' } } };
    expect(serverSchemas().PublicSession.safeParse({ ...withMethods, paymentIntent: bank }).success).toBe(true);
    // A saved card never carries its fingerprint to a browser.
    expect(serverSchemas().PublicSession.safeParse({ ...withMethods, savedPaymentMethods: [{ ...savedCard, card: { ...savedCard.card, fingerprint: 'x' } }] }).success).toBe(false);
  });

  it("should keep today's widget reading a view with them (unknown fields dropped)", () => {
    const parsed = clientSchemas().PublicSession.parse(withMethods);
    expect(parsed.amountTotal).toBe(openPublicSession.amountTotal);
    expect(parsed).not.toHaveProperty('savedPaymentMethods');
  });

  it('should tell the three confirm bodies apart by their own strict schemas', () => {
    const S = serverSchemas();
    const saved = { paymentMethod: { type: 'card', id: 'pm_abc', card: { cvc: '123' } }, returnOrigin: 'http://localhost:3000' };
    expect(S.SavedCardConfirmRequest.safeParse(saved).success).toBe(true);
    expect(S.SavedCardConfirmRequest.safeParse({ ...saved, paymentMethod: { ...saved.paymentMethod, card: { cvc: '123', number: '4242424242424242' } } }).success).toBe(false);
    const bank = { paymentMethod: { type: 'bank_redirect', bankRedirect: { bank: 'test_bank' }, billingDetails: { name: 'Jo' } }, returnOrigin: 'http://localhost:3000', returnUrl: 'http://localhost:3000/order' };
    expect(S.BankRedirectConfirmRequest.safeParse(bank).success).toBe(true);
    expect(S.ConfirmRequest.safeParse(bank).success).toBe(false);
  });
});
