import { describe, expect, it } from 'vitest';
import { pifeInsertions } from '../../../scripts/eager-compile.js';
import { insertAll } from '../../../scripts/source-insertions.js';

describe('eager-compile (the IIFE parenthesised for V8)', () => {
  it('should wrap the function expression of `var Name=function(…){…}(…)`, keeping what it evaluates to', () => {
    const code = 'var XPay=function(e){return e.x=1,e}({});';
    const out = insertAll(code, pifeInsertions(code));
    expect(out).toBe('var XPay=(function(e){return e.x=1,e})({});');
    expect(new Function(`${out}return XPay`)()).toEqual({ x: 1 });
  });

  it('should leave an already parenthesised bundle alone', () => {
    expect(pifeInsertions('var XPay=(function(e){return e})({});')).toEqual([]);
  });

  it('should fail the build on any other shape, rather than ship it unwrapped unnoticed', () => {
    expect(() => pifeInsertions('(function(){})();')).toThrow(/eager-compile/);
    expect(() => pifeInsertions('var XPay=foo({});')).toThrow(/eager-compile/);
  });
});
