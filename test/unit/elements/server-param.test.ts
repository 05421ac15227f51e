import { describe, expect, it } from 'vitest';
import { refusedField } from '../../../src/elements/checkout/server-param.js';

const all = { email: true, phone: true, address: 'required' } as const;
const P = 'paymentMethod.billingDetails.';

describe('refusedField (a confirm 400 param → the input that shows it, issue 8 §9)', () => {
  it('should name the rendered input and the error to show under it', () => {
    expect(refusedField(`${P}address.postalCode`, all)).toEqual(['postalCode', 'invalid_postal_code']);
    expect(refusedField(`${P}address.country`, all)).toEqual(['country', 'invalid_country']);
    expect(refusedField(`${P}address.line1`, all)).toEqual(['line1', 'required']);
    expect(refusedField(`${P}address`, all)).toEqual(['country', 'invalid_country']);
    expect(refusedField(`${P}email`, all)).toEqual(['email', 'invalid_email']);
    expect(refusedField(`${P}phone`, all)).toEqual(['phone', 'invalid_phone']);
  });

  it('should name nothing when the form does not render that input, or the param is not billing', () => {
    const emailOnly = { email: true, phone: false, address: 'none' } as const;
    expect(refusedField(`${P}address`, emailOnly)).toBeNull();
    expect(refusedField(`${P}phone`, emailOnly)).toBeNull();
    expect(refusedField(`${P}address.city`, { ...all, address: 'auto' })).toBeNull();
    expect(refusedField('returnOrigin', all)).toBeNull();
    expect(refusedField(`${P}name`, all)).toBeNull();
  });
});
