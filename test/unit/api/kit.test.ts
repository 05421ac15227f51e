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

/**
 * The path of the one issue a failed parse reports. The lenient predicates carry no messages of their
 * own (see kit.ts), so every issue has zod's generic one; the path is what locates the fault.
 */
function failurePath(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  expect(result.error!.issues).toHaveLength(1);
  const [issue] = result.error!.issues;
  expect(issue!.message).toBe('Invalid input');
  return issue!.path;
}

describe('lenientKit helpers, one by one', () => {
  const k = lenientKit;

  it('string: should pass any string and refuse anything else', () => {
    expect(k.string().parse('')).toBe('');
    expect(k.string().parse('cs_test')).toBe('cs_test');
    for (const bad of [1, null, undefined, {}, ['a']]) {
      expect(failurePath(k.string().safeParse(bad))).toEqual([]);
    }
  });

  it('bool: should pass true and false only', () => {
    expect(k.bool().parse(true)).toBe(true);
    expect(k.bool().parse(false)).toBe(false);
    for (const bad of [0, 1, 'true', null, undefined]) {
      expect(failurePath(k.bool().safeParse(bad))).toEqual([]);
    }
  });

  it('int: should require an integer, at least the minimum when one was given', () => {
    expect(k.int(1).parse(1)).toBe(1);
    expect(k.int().parse(-7)).toBe(-7);
    expect(failurePath(k.int(1).safeParse(0))).toEqual([]);
    expect(failurePath(k.int().safeParse(1.5))).toEqual([]);
    expect(failurePath(k.int().safeParse('7'))).toEqual([]);
  });

  it('matches: should require a match, and refuse non-strings without calling the pattern', () => {
    const id = k.matches(/^pi_/);
    expect(id.parse('pi_123')).toBe('pi_123');
    expect(failurePath(id.safeParse('ch_123'))).toEqual([]);
    // RegExp#test would turn a number into the string "123" and an object into "[object Object]".
    expect(failurePath(k.matches(/^[0-9]+$/).safeParse(123))).toEqual([]);
  });

  it('literal: should compare one value or a list of values with ===', () => {
    expect(k.literal('three_ds_challenge').parse('three_ds_challenge')).toBe('three_ds_challenge');
    expect(k.literal(1).parse(1)).toBe(1);
    expect(k.literal(true).parse(true)).toBe(true);
    const fields = k.literal(['name', 'number'] as const);
    expect(fields.parse('number')).toBe('number');
    for (const bad of ['cvc', 'Number', '1', 1n, null]) {
      expect(failurePath(fields.safeParse(bad))).toEqual([]);
    }
    expect(k.literal(1).safeParse('1').success).toBe(false);
    expect(k.literal(true).safeParse(1).success).toBe(false);
  });

  it('oneOf: should keep known values, map unknown strings to "unknown", and refuse non-strings', () => {
    const brand = k.oneOf(['visa', 'amex'] as const);
    expect(brand.parse('amex')).toBe('amex');
    expect(brand.parse('maestro')).toBe('unknown');
    expect(brand.parse('')).toBe('unknown');
    // Case matters: the wire vocabulary is lower case.
    expect(brand.parse('VISA')).toBe('unknown');
    expect(failurePath(brand.safeParse(42))).toEqual([]);
  });

  it('list: should parse every item, keep their parsed values and drop their unknown fields', () => {
    const items = k.list(k.object({ name: k.string(), brand: k.oneOf(['visa'] as const) }));
    expect(items.parse([])).toEqual([]);
    expect(
      items.parse([
        { name: 'a', brand: 'visa', extra: 1 },
        { name: 'b', brand: 'jcb' },
      ]),
    ).toEqual([
      { name: 'a', brand: 'visa' },
      { name: 'b', brand: 'unknown' },
    ]);
  });

  it('list: should refuse a list with a bad item, and anything that is not a list', () => {
    const numbers = k.list(k.int(0));
    expect(failurePath(numbers.safeParse([0, 1, -1, -2]))).toEqual([]);
    expect(failurePath(numbers.safeParse({ 0: 1, length: 1 }))).toEqual([]);
    expect(failurePath(numbers.safeParse('1,2'))).toEqual([]);
  });

  it('should report the path of the field that failed inside objects, stopping at a list', () => {
    const schema = k.object({
      intent: k.object({ amount: k.int(0), status: k.oneOf(['open'] as const) }),
      lines: k.list(k.object({ quantity: k.int(1) })),
    });
    const valid = { intent: { amount: 0, status: 'open' }, lines: [{ quantity: 1 }] };
    expect(schema.parse(valid)).toEqual(valid);
    expect(failurePath(schema.safeParse({ ...valid, intent: { amount: -5, status: 'open' } }))).toEqual(['intent', 'amount']);
    expect(failurePath(schema.safeParse({ ...valid, intent: { amount: 0, status: 7 } }))).toEqual(['intent', 'status']);
    expect(failurePath(schema.safeParse({ ...valid, lines: [{ quantity: 1 }, { quantity: 0 }] }))).toEqual(['lines']);
  });
});
