import { describe, expect, it } from 'vitest';
import { messageNumber } from '../../src/parse/fields';

describe('messageNumber: numbers in messages about files, links and flags', () => {
  it('groups digits below a billion and writes larger magnitudes in exponent form', () => {
    expect(messageNumber(1_000_000)).toBe('1,000,000');
    expect(messageNumber(999_999_999)).toBe('999,999,999');
    expect(messageNumber(1e9)).toBe('1e9');
    expect(messageNumber(2.25e15)).toBe('2.25e15');
    expect(messageNumber(-3e12)).toBe('-3e12');
    expect(messageNumber(-42)).toBe('-42');
    expect(messageNumber(0.35)).toBe('0.35');
    expect(messageNumber(1.5e-7)).toBe('1.5e-7');
    expect(messageNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });

  it('the exponent form reads back as the same number', () => {
    for (const x of [1e9, 2.25e15, 1e19, 2e20, 123456789012, -7.5e10]) expect(Number(messageNumber(x))).toBe(x);
  });
});
