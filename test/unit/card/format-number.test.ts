import { describe, expect, it } from 'vitest';
import { formatCardNumber, groupCardNumber } from '../../../src/card/index.js';
import { backspace, forwardDelete, insert, showCaret, typeSequence } from './edit-simulator.js';

const fmt = formatCardNumber;

describe('groupCardNumber', () => {
  it.each([
    ['4242424242424242', '4242 4242 4242 4242'],
    ['4222222222222', '4222 2222 2222 2'],
    ['4242424242424242428', '4242 4242 4242 4242 428'],
    ['5555555555554444', '5555 5555 5555 4444'],
    ['2223003122003222', '2223 0031 2200 3222'],
    ['378282246310005', '3782 822463 10005'],
    ['36227206271667', '3622 720627 1667'],
    ['3056930009020004', '3056 9300 0902 0004'],
    ['6011111111111117', '6011 1111 1111 1117'],
    ['3566002020360505', '3566 0020 2036 0505'],
    ['6205500000000000004', '6205 5000 0000 0000 004'],
    ['', ''],
    ['4', '4'],
    ['4242', '4242'],
    ['42424', '4242 4'],
  ])('%s → "%s"', (digits, grouped) => {
    expect(groupCardNumber(digits)).toBe(grouped);
  });
});

describe('formatCardNumber', () => {
  describe('cleaning', () => {
    it.each([
      ['4242-4242-4242-4242', '4242 4242 4242 4242|'],
      ['  4242 4242 4242 4242  ', '4242 4242 4242 4242|'],
      ['4242a', '4242|'],
      // capped at the brand's longest length
      ['42424242424242424242424', '4242 4242 4242 4242 424|'],
      ['55555555555544449999', '5555 5555 5555 4444|'],
      ['3782822463100059999', '3782 822463 10005|'],
      ['362272062716679', '3622 7206 2716 679|'],
    ])('"%s" → "%s"', (raw, shown) => {
      expect(showCaret(fmt(raw, raw.length))).toBe(shown);
    });
  });

  describe('typing', () => {
    it('adds a space before the fifth digit, never a trailing one', () => {
      expect(typeSequence(fmt, '424242')).toEqual(['4|', '42|', '424|', '4242|', '4242 4|', '4242 42|']);
    });

    it('types a whole Amex as 4-6-5 and stops at 15 digits', () => {
      const shown = typeSequence(fmt, '3782822463100059');
      expect(shown.at(-2)).toBe('3782 822463 10005|');
      expect(shown.at(-1)).toBe('3782 822463 10005|');
    });

    it('switches a Diners number from 4-6-4 to 4-4-4-4 at the 15th digit', () => {
      const shown = typeSequence(fmt, '362272062716679');
      expect(shown[13]).toBe('3622 720627 1667|');
      expect(shown[14]).toBe('3622 7206 2716 679|');
    });

    it.each([
      ['start', '|4242 4242', '1', '1|424 2424 2'],
      ['middle, before a space', '4242| 4242', '1', '4242 1|424 2'],
      ['middle, after a space', '4242 |4242', '1', '4242 1|424 2'],
      ['middle of a group', '42|42 4242', '1', '421|4 2424 2'],
      ['end', '4242 4242|', '1', '4242 4242 1|'],
      ['a letter in the middle', '42|42 4242', 'x', '42|42 4242'],
    ])('at the %s keeps the caret after the typed digit', (_where, before, key, after) => {
      expect(insert(fmt, before, key)).toBe(after);
    });

    it('ignores a digit typed into a full number', () => {
      expect(insert(fmt, '4242 4242 4242 4242 424|', '1')).toBe('4242 4242 4242 4242 424|');
      expect(insert(fmt, '5555 5555 5555 4444|', '1')).toBe('5555 5555 5555 4444|');
    });
  });

  describe('deleting', () => {
    it.each([
      ['the last digit', '4242 4|', '4242|'],
      ['a digit in the middle', '4242 42|42', '4242 4|42'],
      ['over a space: the digit before it goes', '4242 |4242', '424|4 242'],
      ['at the start: nothing', '|4242', '|4242'],
      ['a selection across a space', '42[42 42]42', '42|42'],
    ])('backspace %s', (_what, before, after) => {
      expect(backspace(fmt, before)).toBe(after);
    });

    it.each([
      ['a digit', '42|42 4242', '42|24 242'],
      ['over a space: the digit after it goes', '4242| 4242', '4242| 242'],
      ['at the end: nothing', '4242|', '4242|'],
    ])('forward delete %s', (_what, before, after) => {
      expect(forwardDelete(fmt, before)).toBe(after);
    });

    it('regroups by the new brand when the prefix changes', () => {
      // The Amex "3782…" loses its "7": "3828…" is a 14-digit Diners, laid out 4-6-4.
      expect(backspace(fmt, '37|82 822463 10005')).toBe('3|828 224631 0005');
    });
  });

  describe('pasting', () => {
    it.each([
      ['into an empty field', '|', '4242 4242 4242 4242', '4242 4242 4242 4242|'],
      ['with dashes', '|', '4242-4242-4242-4242', '4242 4242 4242 4242|'],
      ['at the start', '|4242', '5555', '5555| 4242'],
      ['in the middle', '4242 |4242', '1111 2222', '4242 1111 2222| 4242'],
      ['at the end', '4242 4242|', '42424242', '4242 4242 4242 4242|'],
      ['over a selection', '4242 [4242] 4242 4242', '1111', '4242 1111| 4242 4242'],
      ['past the brand maximum', '5555 5555 |', '555544449999', '5555 5555 5555 4444|'],
    ])('%s', (_where, before, text, after) => {
      expect(insert(fmt, before, text, true)).toBe(after);
    });
  });

  it('clamps a caret beyond the value', () => {
    expect(fmt('4242', 99)).toEqual({ value: '4242', caret: 4 });
  });

  it('works without edit context (autofill sets the whole value)', () => {
    expect(fmt('4242424242424242', 16)).toEqual({ value: '4242 4242 4242 4242', caret: 19 });
  });
});
