import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileNumber } from '../../src/parse/fields';

describe('fileNumber: numbers in data-file messages', () => {
  it('writes large magnitudes in exponent form and the rest as JavaScript does', () => {
    expect(fileNumber(2.25e15)).toBe('2.25e15');
    expect(fileNumber(1e19)).toBe('1e19');
    expect(fileNumber(-3e7)).toBe('-3e7');
    expect(fileNumber(1_000_000)).toBe('1e6');
    expect(fileNumber(999_999)).toBe('999999');
    expect(fileNumber(0.35)).toBe('0.35');
    expect(fileNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });

  it('reads back as the same number, so a reader can paste it into the file', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Number(fileNumber(x)) === x).toBe(true);
    }));
  });
});
