import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalFixed, decimalSignificant, groupedInteger } from '../../src/format/decimal';
import { formatNumber, formatPredicted, formatSeconds, formatUsd, formatUsdCents, formatUsdSignificant, priceChangeText } from '../../src/format/units';
import { MARKET_VIEW } from '../../src/messages/market-view';

// Doubles across every magnitude the app shows (and beyond), with short decimals that make ties.
const magnitudes = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }),
  fc.tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: -12, max: 8 })).map(([m, e]) => m * 10 ** e),
  fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 0, max: 9 })).map(([m, e]) => Number(`${m}e-${e}`)),
);

describe('en-US decimal text without Intl', () => {
  it('matches Intl.NumberFormat with maximumSignificantDigits', () => {
    fc.assert(fc.property(magnitudes, fc.integer({ min: 1, max: 8 }), (x, digits) => {
      expect(decimalSignificant(x, digits)).toBe(new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits }).format(x));
    }), { numRuns: 3000 });
  });

  it('matches Intl.NumberFormat with maximumFractionDigits', () => {
    fc.assert(fc.property(magnitudes, fc.integer({ min: 0, max: 8 }), (x, digits) => {
      expect(decimalFixed(x, digits)).toBe(new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(x));
    }), { numRuns: 3000 });
  });

  it('rounds ties away from zero on the shortest digits as V8 does, and carries into a new digit', () => {
    expect(decimalFixed(0.125, 2)).toBe('0.13');
    expect(decimalFixed(689.65, 1)).toBe('689.7');
    expect(decimalFixed(-2.5, 0)).toBe('-3');
    expect(decimalFixed(0.0005, 3)).toBe('0.001');
    expect(decimalFixed(0.0004, 3)).toBe('0');
    expect(decimalFixed(0.0006, 3)).toBe('0.001');
    expect(decimalSignificant(999.96, 4)).toBe('1,000');
    expect(decimalSignificant(-0.000123456, 3)).toBe('-0.000123');
    expect(groupedInteger(1234567.5)).toBe('1,234,568');
    expect(groupedInteger(1e21)).toBe('1,000,000,000,000,000,000,000');
  });

  it('formats the units helpers as before', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(9999.7)).toBe('10,000');
    expect(formatNumber(0.0012345)).toBe('0.00123');
    expect(formatNumber(1.005, 3)).toBe(new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(Number((1.005).toPrecision(3))));
    expect(formatUsd(35000.4)).toBe('$35,000');
    // Money with cents where one decimal would show; otherwise as formatUsd.
    // A price change in words: a fall above 1, a rise below it, each as a factor above 1.
    expect([4.53, 0.5].map(priceChangeText)).toEqual(['fell 4.53x', 'rose 2x']);
    expect(MARKET_VIEW.headline(1000, 1560, 16, 25)).toMatch(/^The API price fell ×1,000; the cost floor fell ×1,560;/);
    expect(MARKET_VIEW.headline(0.5, 2, 16, 25)).toMatch(/^The API price rose ×2; the cost floor fell ×2;/);
    expect([14397, 10948.2, 2260.4, 0.0123, 1.5e6].map(formatPredicted)).toEqual(['14,400', '10,900', '2,260', '0.0123', '1,500,000']);
    expect([2.5, 63.7, 3.59, 0.778, 0.5, 185, 1200, 7].map(formatUsdCents)).toEqual(['$2.50', '$63.70', '$3.59', '$0.778', '$0.50', '$185.00', '$1,200', '$7.00']);
    // The value's own cents, not a rounded value padded with a zero ($38.80 for $38.85).
    expect([38.85, 173.996].map(formatUsdCents)).toEqual(['$38.85', '$174.00']);
    // Amounts read side by side keep 3 significant digits: $2.00 beside $2.02, not $2.
    expect([1.9961, 2.02, 0.29, 0.4131, 185.4, 35000.4].map(formatUsdSignificant)).toEqual(['$2.00', '$2.02', '$0.290', '$0.413', '$185', '$35,000']);
  });
});

describe('groupedInteger', () => {
  it('matches Intl.NumberFormat on whole numbers of every size and sign', () => {
    fc.assert(fc.property(magnitudes, (x) => {
      expect(groupedInteger(x)).toBe(new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(Math.round(x)));
    }), { numRuns: 3000 });
    expect(groupedInteger(-0.2)).toBe('-0');
  });
});

describe('formatSeconds', () => {
  it('writes each duration in a unit where it reads as a plain number, down to nanoseconds', () => {
    expect(formatSeconds(2.5)).toBe('2.5 s');
    expect(formatSeconds(0.0421)).toBe('42.1 ms');
    expect(formatSeconds(3.2e-5)).toBe('32 µs');
    expect(formatSeconds(0)).toBe('0 µs');
    // An SRAM chip's memory share of a step printed "0.0000225 µs".
    expect(formatSeconds(2.25e-8)).toBe('22.5 ns');
    expect(formatSeconds(2.25e-11)).toBe('< 1 ns');
  });
});
