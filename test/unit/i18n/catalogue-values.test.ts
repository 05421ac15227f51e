import { describe, expect, it } from 'vitest';
import { fromValues, toValues } from '../../../src/i18n/catalogue-values.js';
import { EN_FRAME } from '../../../src/i18n/en-catalogue.js';

const english = { title: 'Pay', errors: { short: 'Too short', long: 'Too long' }, done: 'Done' };

describe('the frame catalogue as its strings', () => {
  it("should write the strings in English's key order, depth first, and read them back under the same keys", () => {
    const german = { done: 'Fertig', errors: { long: 'Zu lang', short: 'Zu kurz' }, title: 'Bezahlen' };
    expect(toValues(english, german)).toEqual(['Bezahlen', 'Zu kurz', 'Zu lang', 'Fertig']);
    expect(fromValues(english, toValues(english, german))).toEqual(german);
  });

  it('should round-trip the real English frame catalogue', () => {
    expect(fromValues(EN_FRAME, toValues(EN_FRAME, EN_FRAME))).toEqual(EN_FRAME);
  });

  it.each([
    ['one string too few', ['Bezahlen', 'Zu kurz', 'Zu lang']],
    ['one string too many', ['Bezahlen', 'Zu kurz', 'Zu lang', 'Fertig', 'Extra']],
    ['an entry that is not a string', ['Bezahlen', 'Zu kurz', 42, 'Fertig']],
    ['an object with keys (an older shape)', { title: 'Bezahlen' }],
    ['nothing', undefined],
  ])('should answer null for %s, so the frame keeps English', (_, values) => {
    expect(fromValues(english, values)).toBeNull();
  });
});
