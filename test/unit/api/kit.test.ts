import { describe, expect, it } from 'vitest';
import { lenientKit, strictKit } from '../../../src/api/kit.js';
import { clientSchemas, serverSchemas } from '../../../src/api/schemas.js';
import { openPublicSession } from '../../fixtures/public-session.data.js';

const STATUSES = ['open', 'complete'] as const;

describe('lenientKit (the widget and the card frame)', () => {
  it('should keep a known enum value and turn an unknown string into "unknown"', () => {
    const status = lenientKit.oneOf(STATUSES);
    expect(status.parse('open')).toBe('open');
    expect(status.parse('archived')).toBe('unknown');
  });

  it('should still reject an enum value that is not a string', () => {
    const status = lenientKit.oneOf(STATUSES);
    expect(status.safeParse(3).success).toBe(false);
    expect(status.safeParse(undefined).success).toBe(false);
    expect(status.safeParse(null).success).toBe(false);
  });

  it('should accept integers at or above the minimum only', () => {
    const amount = lenientKit.int(0);
    expect(amount.parse(0)).toBe(0);
    expect(amount.parse(2500)).toBe(2500);
    for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '25', null]) {
      expect(amount.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(lenientKit.int().parse(-7)).toBe(-7);
  });

  it('should match strings against the pattern', () => {
    const last4 = lenientKit.matches(/^[0-9]{4}$/);
    expect(last4.parse('4242')).toBe('4242');
    expect(last4.safeParse('424').success).toBe(false);
    expect(last4.safeParse(4242).success).toBe(false);
  });

  it('should drop unknown fields of an object', () => {
    expect(lenientKit.object({ a: lenientKit.int() }).parse({ a: 1, b: 2 })).toEqual({ a: 1 });
  });
});

describe('strictKit (the sandbox)', () => {
  it('should reject unknown enum values, fractions, values below the minimum and unknown fields', () => {
    expect(strictKit.oneOf(STATUSES).safeParse('archived').success).toBe(false);
    expect(strictKit.int(0).safeParse(2.5).success).toBe(false);
    expect(strictKit.int(0).safeParse(-1).success).toBe(false);
    expect(strictKit.matches(/^pi_/).safeParse('ch_1').success).toBe(false);
    expect(strictKit.object({ a: strictKit.int() }).safeParse({ a: 1, b: 2 }).success).toBe(false);
  });
});

describe('client and server schemas, built from the same definitions', () => {
  const intent = openPublicSession.paymentIntent!;

  it('should both reject what breaks the contract: a fractional amount, a wrong id prefix, bad last4', () => {
    const broken = [
      { ...openPublicSession, amountTotal: 25.5 },
      { ...openPublicSession, version: -1 },
      { ...openPublicSession, id: 'pi_wrong' },
      { ...openPublicSession, paymentIntent: { ...intent, id: 'ch_wrong' } },
      { ...openPublicSession, paymentIntent: { ...intent, card: { brand: 'visa', last4: '42' } } },
      { ...openPublicSession, lineItems: [{ ...openPublicSession.lineItems[0]!, quantity: 0 }] },
    ];
    for (const session of broken) {
      expect(clientSchemas().PublicSession.safeParse(session).success).toBe(false);
      expect(serverSchemas().PublicSession.safeParse(session).success).toBe(false);
    }
  });

  it('should keep the confirm request out of the client schemas', () => {
    expect(Object.keys(clientSchemas())).not.toContain('ConfirmRequest');
    expect(Object.keys(serverSchemas())).toContain('ConfirmRequest');
  });
});
