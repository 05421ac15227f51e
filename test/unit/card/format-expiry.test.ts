import { describe, expect, it } from 'vitest';
import { formatExpiry, parseExpiry } from '../../../src/card/index.js';
import { backspace, forwardDelete, insert, showCaret, typeSequence } from './edit-simulator.js';

const fmt = formatExpiry;

describe('formatExpiry', () => {
  describe('typing', () => {
    it.each([
      ['1', ['1|']],
      ['0', ['0|']],
      ['2', ['02 / |']],
      ['9', ['09 / |']],
      ['12', ['1|', '12 / |']],
      ['10', ['1|', '10 / |']],
      ['13', ['1|', '01 / 3|']],
      ['05', ['0|', '05 / |']],
      ['1229', ['1|', '12 / |', '12 / 2|', '12 / 29|']],
      ['12299', ['1|', '12 / |', '12 / 2|', '12 / 29|', '12 / 29|']],
      ['229', ['02 / |', '02 / 2|', '02 / 29|']],
      ['1/', ['1|', '01 / |']],
    ])('"%s" shows %j', (keys, shown) => {
      expect(typeSequence(fmt, keys)).toEqual(shown);
    });

    it('overwrites nothing when the year is full', () => {
      expect(insert(fmt, '12 / 29|', '5')).toBe('12 / 29|');
    });
  });

  describe('deleting', () => {
    it.each([
      ['the last year digit', '12 / 29|', '12 / 2|'],
      ['the only year digit, keeping the separator', '12 / 2|', '12 / |'],
      ['over the separator: the month digit goes', '12 / |', '1|'],
      ['over the slash', '12 /| ', '1|'],
      ['a padded month over the separator', '02 / |', '0|'],
      ['the last character left', '1|', '|'],
      ['a month digit, reflowing the rest', '12| / 29', '1|2 / 9'],
      ['the 0 of a padded month, without re-padding it', '0|1 / 29', '|12 / 9'],
      ['a selection of everything', '[12 / 29]', '|'],
    ])('backspace %s', (_what, before, after) => {
      expect(backspace(fmt, before)).toBe(after);
    });

    it('forward delete over the separator removes the first year digit', () => {
      expect(forwardDelete(fmt, '12| / 29')).toBe('12| / 9');
    });
  });

  describe('pasting and autofill', () => {
    it.each([
      ['12/29', '12 / 29|'],
      ['1229', '12 / 29|'],
      ['12 / 2029', '12 / 29|'],
      ['12/2029', '12 / 29|'],
      ['122029', '12 / 29|'],
      ['1/29', '01 / 29|'],
      ['3/31', '03 / 31|'],
      ['12-29', '12 / 29|'],
      [' 12 / 29 ', '12 / 29|'],
    ])('"%s" → "%s"', (text, shown) => {
      expect(insert(fmt, '|', text, true)).toBe(shown);
    });

    it('accepts a value set without edit context', () => {
      expect(showCaret(fmt('12/2029', 7))).toBe('12 / 29|');
    });
  });

  it('keeps the caret after a month digit edited in the middle', () => {
    expect(insert(fmt, '1| / 29', '1')).toBe('11| / 29');
  });
});

describe('parseExpiry', () => {
  it.each([
    ['12 / 29', { month: 12, year2: 29 }],
    ['01 / 30', { month: 1, year2: 30 }],
    ['1229', { month: 12, year2: 29 }],
    ['1/29', { month: 1, year2: 29 }],
    ['00 / 29', { month: 0, year2: 29 }],
  ])('%s → %j', (value, parts) => {
    expect(parseExpiry(value)).toEqual(parts);
  });

  it.each(['', '1', '12', '12 / ', '12 / 2'])('"%s" is incomplete', (value) => {
    expect(parseExpiry(value)).toBeNull();
  });
});
