import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, type QuantityKind } from '../../src/scenario/parse-quantity';

function value(text: string, kind: QuantityKind, scale = 1): number {
  const r = parseQuantity(text, kind, scale);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('parseQuantity', () => {
  it('a bare number past the float range is out of range, as in the settings fields, not an unknown unit', () => {
    for (const kind of ['bytes-per-second', 'bytes', 'watts', 'flops-per-second'] as const) {
      expect(parseQuantity('1e309', kind, 1e12)).toEqual({ ok: false, error: '"1e309" is out of range', beyond: Infinity });
    }
  });

  it('takes decimal numbers only: 0x10, 0b11 and 0o17 are refused, as the other fields refuse them', () => {
    for (const t of ['0x10', '0X10 TB/s', '0b11', '0o17']) {
      expect(parseQuantity(t, 'bytes-per-second', 1e12), t).toEqual({ ok: false, error: `"${t}" is not a decimal number; try "4.8 TB/s"` });
    }
    expect(parseQuantity('10', 'bytes-per-second', 1e12)).toEqual({ ok: true, value: 10e12 });
  });

  it('reads the examples people type', () => {
    expect(value('4.8 TB/s', 'bytes-per-second')).toBeCloseTo(4.8e12, 0);
    expect(value('4.8TB/s', 'bytes-per-second')).toBeCloseTo(4.8e12, 0);
    expect(value('192 GB', 'bytes')).toBeCloseTo(192e9, 0);
    expect(value('141 GiB', 'bytes')).toBe(141 * 2 ** 30);
    expect(value('$25k', 'usd')).toBe(25_000);
    expect(value('$25,000', 'usd')).toBe(25_000);
    expect(value('2.5M', 'usd')).toBe(2.5e6);
    expect(value('700 W', 'watts')).toBe(700);
    expect(value('1.2 kW', 'watts')).toBeCloseTo(1200, 9);
    expect(value('989 TFLOP/s', 'flops-per-second')).toBeCloseTo(989e12, 0);
    expect(value('2 PFLOPS', 'flops-per-second')).toBeCloseTo(2e15, 0);
    expect(value('750 TOPS', 'flops-per-second')).toBeCloseTo(750e12, 0);
    expect(value('$2.10/h', 'usd-per-hour')).toBeCloseTo(2.1, 12);
    expect(value('3.5 USD/hr', 'usd-per-hour')).toBeCloseTo(3.5, 12);
    expect(value('400 Gb/s', 'bytes-per-second')).toBeCloseTo(50e9, 0);
    expect(value('8 µs', 'seconds')).toBeCloseTo(8e-6, 15);
    expect(value('65%', 'fraction')).toBeCloseTo(0.65, 12);
    expect(value('0.65', 'fraction')).toBeCloseTo(0.65, 12);
    expect(value('72 chips', 'count')).toBe(72);
    // Digit-group commas, as the app writes numbers; "1,5" (a decimal comma) is not guessed at.
    expect(value('1,979 TFLOP/s', 'flops-per-second')).toBeCloseTo(1979e12, 0);
    expect(value('1,000,000 W', 'watts')).toBe(1e6);
    expect(parseQuantity('1,5 W', 'watts').ok).toBe(false);
    expect(parseQuantity('1,2345 W', 'watts').ok).toBe(false);
    // Prices too: "4,8" was read as 48.
    expect(value('$25,000', 'usd')).toBe(25_000);
    expect(value('4,800', 'usd-per-hour')).toBe(4800);
    expect(parseQuantity('4,8', 'usd-per-hour')).toEqual({ ok: false, error: 'in "4,8" the comma does not group thousands (did you mean 48 or 4.8?)' });
    // Read as grouped digits, "0,5" is 5 (not "05").
    expect(parseQuantity('0,5', 'usd-per-hour')).toEqual({ ok: false, error: 'in "0,5" the comma does not group thousands (did you mean 5 or 0.5?)' });
    expect(parseQuantity('$2,50/h', 'usd-per-hour').ok).toBe(false);
    expect(parseQuantity('7,2 chips', 'count')).toEqual({ ok: false, error: 'in "7,2 chips" the comma does not group thousands (did you mean 72?)' });
    expect(parseQuantity('1.000', 'count')).toEqual({ ok: false, error: '"1.000" could be 1000 or 1 (a point does not group thousands here: for 1000, type 1000 or 1,000)' });
    // A decimal point elsewhere is one: 8.0 chips are 8.
    expect(value('8.0', 'count')).toBe(8);
  });

  it('reads bare numbers in the display unit', () => {
    expect(value('4.8', 'bytes-per-second', 1e12)).toBeCloseTo(4.8e12, 0);
    expect(value('25', 'usd', 1e3)).toBe(25_000);
    expect(value('$25', 'usd', 1e3)).toBe(25);
  });

  it('names the problem instead of guessing', () => {
    const wrongDimension = parseQuantity('192 GB', 'bytes-per-second');
    expect(wrongDimension.ok).toBe(false);
    expect(!wrongDimension.ok && wrongDimension.error).toMatch(/not a bandwidth/);
    expect(parseQuantity('$2/h', 'usd').ok).toBe(false);
    expect(parseQuantity('', 'watts').ok).toBe(false);
    expect(parseQuantity('GB', 'bytes').ok).toBe(false);
    // A sign is read, for the field's range to refuse with what it accepts (as the settings fields do).
    expect(parseQuantity('-5 W', 'watts')).toEqual({ ok: true, value: -5 });
    expect(parseQuantity('-$1/h', 'usd-per-hour')).toEqual({ ok: true, value: -1 });
    expect(parseQuantity('-1', 'usd')).toEqual({ ok: true, value: -1 });
    expect(parseQuantity('--1', 'usd').ok).toBe(false);
    expect(parseQuantity('x'.repeat(200), 'watts').ok).toBe(false);
    expect(parseQuantity(42, 'watts').ok).toBe(false);
    expect(parseQuantity('<img src=x onerror=alert(1)>', 'bytes').ok).toBe(false);
    // The case of a unit is its meaning (TB/s bytes, Tb/s bits): "3 tb/s" is refused with the reason.
    const lower = parseQuantity('3 tb/s', 'bytes-per-second');
    expect(!lower.ok && lower.error).toBe('"3 tb/s" is not a quantity this field understands (units are case-sensitive: B is bytes, b bits); try "4.8 TB/s"');
    expect(parseQuantity('3 Tb/s', 'bytes-per-second')).toEqual({ ok: true, value: 3e12 / 8 });
    const watts = parseQuantity('700 ww', 'watts');
    expect(!watts.ok && watts.error).toMatch(/\(units are case-sensitive\);/);
  });

  it('never throws on arbitrary text', () => {
    const kinds: QuantityKind[] = ['flops-per-second', 'bytes', 'bytes-per-second', 'watts', 'seconds', 'usd', 'usd-per-hour', 'count', 'fraction'];
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.constantFrom(...kinds), (text, kind) => {
      const r = parseQuantity(text, kind, 1e9);
      // A sign is read ("-1"): the field's range refuses negative values with what it accepts.
      return r.ok ? Number.isFinite(r.value) : typeof r.error === 'string';
    }), { numRuns: 2000 });
  });
});
