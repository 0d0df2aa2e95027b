import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalFixed, groupedInteger } from '../../src/format/decimal';
import { ungroupDigits } from '../../src/parse/digit-groups';

describe('ungroupDigits: the one digit-group rule of typed numbers', () => {
  it('removes separators that group thousands, wherever the number sits in the text', () => {
    expect(ungroupDigits('2,048')).toBe('2048');
    expect(ungroupDigits('1,979 TFLOP/s')).toBe('1979 TFLOP/s');
    expect(ungroupDigits('$25,000/h')).toBe('$25000/h');
    expect(ungroupDigits('1,234,567.25')).toBe('1234567.25');
    expect(ungroupDigits('1_000_000')).toBe('1000000');
    expect(ungroupDigits('-1,000')).toBe('-1000');
    expect(ungroupDigits('4.8 TB/s')).toBe('4.8 TB/s');
    expect(ungroupDigits('1,000 and 2,000')).toBe('1000 and 2000');
  });

  it('refuses a separator that is not a digit group instead of guessing', () => {
    for (const text of ['4,8', '1,5 TB/s', '12345,678', '1,000,00', '0.123,456', '1,0000', '1__000', '1,_000']) {
      expect(ungroupDigits(text), text).toBeNull();
    }
  });

  it('reads back every number the app writes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e15 }), (n) => {
      expect(Number(ungroupDigits(groupedInteger(n)))).toBe(n);
    }));
    fc.assert(fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (x) => {
      const text = decimalFixed(x, 3);
      expect(Number(ungroupDigits(text))).toBe(Number(text.replace(/,/g, '')));
    }));
  });
});
