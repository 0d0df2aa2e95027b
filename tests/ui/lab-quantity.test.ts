// What a chip-lab box shows is what it reads back: displayQuantity's text (4 significant digits,
// thousands grouped) parses to the same value, for every lab parameter across its slider range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAB_PARAMS, labValueRefusal } from '../../src/app-state/lab-params';
import { parseQuantity } from '../../src/scenario/parse-quantity';
import { displayQuantity } from '../../src/app-state/lab-display';
import { typedValue } from '../../src/ui/lab-param-control';

describe('chip-lab boxes round-trip their own text', () => {
  it.each(LAB_PARAMS.map((d) => [d.id, d] as const))('%s', (_id, def) => {
    const lo = Math.max(def.slider.min, def.limit.min);
    fc.assert(fc.property(fc.double({ min: lo, max: def.slider.max, noNaN: true }), (value) => {
      const text = displayQuantity(def, value);
      const back = parseQuantity(text, def.quantity, def.scale);
      expect(back.ok, text).toBe(true);
      // The box shows 4 significant digits (whole dollars for prices).
      if (back.ok) expect(Math.abs(back.value - value)).toBeLessThanOrEqual(Math.max(Math.abs(value) * 6e-4, def.unit === '$' ? 0.5 : 0));
    }), { numRuns: 200 });
  });

  it('one chip is "1 chip", and reads back', () => {
    const domain = LAB_PARAMS.find((d) => d.id === 'domainSize')!;
    expect(displayQuantity(domain, 1)).toBe('1 chip');
    expect(parseQuantity('1 chip', domain.quantity, domain.scale)).toMatchObject({ ok: true, value: 1 });
    expect(displayQuantity(domain, 8)).toBe('8 chips');
  });

  it('a software factor above 100% is typed as a percent; a bare 1.2 is refused with how to type a factor of 1.2, not read as 1.2%', () => {
    const factor = LAB_PARAMS.find((d) => d.id === 'softwareStackFactor')!;
    const read = (text: string) => {
      const parsed = parseQuantity(text, factor.quantity, factor.scale);
      return parsed.ok ? { value: parsed.value, refusal: labValueRefusal(factor, parsed.value, text) } : null;
    };
    expect(read('120%')).toEqual({ value: 1.2, refusal: null });
    expect(read('150')).toEqual({ value: 1.5, refusal: null });
    expect(read('1.2')!.refusal).toMatch(/from 5% to 150%.*1\.2 is 1\.2%\); for a factor of 1\.2, type "120%"/);
    // The slider spans what the field takes, so a fitted 105% is not at the slider's end.
    expect(factor.slider).toMatchObject({ min: 0.05, max: 1.5 });
    expect(read('151%')!.refusal).toMatch(/outside the accepted range/);
    // A bare number of at most 1 is a fraction already: no hint about percents.
    expect(read('0.01')!.refusal).not.toMatch(/reads as a percent/);
  });

  it('the HBM bandwidth slider starts above 0, a value a chip with HBM takes', () => {
    expect(LAB_PARAMS.find((d) => d.id === 'hbmBandwidth')!.slider.min).toBeGreaterThan(0);
  });

  it('groups thousands', () => {
    const compute = LAB_PARAMS.find((d) => d.id === 'compute')!;
    expect(displayQuantity(compute, 1979e12)).toBe('1,979 TFLOP/s');
  });

  it('writes a rental price with its cents', () => {
    const rental = LAB_PARAMS.find((d) => d.id === 'rentalPrice')!;
    expect([2.5, 2, 3.59, 0.005, 1234.5].map((v) => displayQuantity(rental, v))).toEqual(['$2.50/h', '$2.00/h', '$3.59/h', '$0.005/h', '$1,235/h']);
  });

  it('reads the original chip\'s value typed back as shown as that exact value, and any other as typed', () => {
    const compute = LAB_PARAMS.find((d) => d.id === 'compute')!;
    const original = 1978.9e12;
    expect(displayQuantity(compute, original)).toBe('1,979 TFLOP/s');
    expect(typedValue(compute, 1979e12, original)).toBe(original);
    expect(typedValue(compute, 1980e12, original)).toBe(1980e12);
    expect(typedValue(compute, 1979e12, null)).toBe(1979e12);
  });
});
