import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAB_PARAMS, clampLabValue } from '../../src/app-state/lab-params';
import { SLIDER_STEPS, insideSliderRange, positionToValue, roundForSlider, stepBeyondRange, valueToPosition } from '../../src/app-state/slider-scale';

describe('slider scale', () => {
  it('maps ends to ends, linear and log', () => {
    const lin = { min: 0, max: 20, log: false };
    const log = { min: 1, max: 1000, log: true };
    expect(positionToValue(0, lin)).toBe(0);
    expect(positionToValue(SLIDER_STEPS, lin)).toBe(20);
    expect(positionToValue(SLIDER_STEPS / 3, log)).toBeCloseTo(10, 9);
    expect(valueToPosition(10, log)).toBe(333);
    expect(valueToPosition(1e9, log)).toBe(SLIDER_STEPS);
    expect(valueToPosition(0, log)).toBe(0);
    expect(valueToPosition(Number.NaN, lin)).toBe(0);
  });

  it('round-trips every position within one step', () => {
    for (const def of LAB_PARAMS) {
      fc.assert(fc.property(fc.integer({ min: 0, max: SLIDER_STEPS }), (pos) => {
        return Math.abs(valueToPosition(positionToValue(pos, def.slider), def.slider) - pos) <= 1;
      }), { numRuns: 200 });
    }
  });

  it('rounds to three significant digits', () => {
    expect(roundForSlider(4.81234e12)).toBe(4.81e12);
    expect(roundForSlider(0.012345)).toBe(0.0123);
    expect(roundForSlider(0)).toBe(0);
  });

  it('clamps lab values to the profile limits', () => {
    const hbm = LAB_PARAMS.find((d) => d.id === 'hbmCapacity')!;
    expect(clampLabValue(hbm, 0)).toBe(0);
    expect(clampLabValue(hbm, 1e20)).toBe(hbm.limit.max);
    expect(clampLabValue(hbm, Number.NaN)).toBeNull();
    const tdp = LAB_PARAMS.find((d) => d.id === 'tdp')!;
    expect(clampLabValue(tdp, 0)).toBe(tdp.limit.min);
  });
});

describe('keys on a value typed past the slider\'s ends', () => {
  it('step from the value by one step\'s ratio (log) or difference (linear), not from the pinned end', () => {
    const log = { min: 1e11, max: 20e12, log: true };
    expect(insideSliderRange(50e12, log)).toBe(false);
    const down = stepBeyondRange(50e12, log, -1);
    // One step inside the range moves by this ratio; 50 TB/s moves by the same one (rounded as the slider rounds).
    const ratio = positionToValue(501, log) / positionToValue(500, log);
    expect(down).toBe(roundForSlider(50e12 / ratio));
    expect(down).toBeLessThan(50e12);
    expect(down).toBeGreaterThan(49e12);
    const linear = { min: 0, max: 1000, log: false };
    expect(stepBeyondRange(1500, linear, SLIDER_STEPS / 10)).toBe(1600);
    // One linear step (1 of 1,000) rounds away at 3 significant digits: the value still moves by one unit of the third.
    expect(stepBeyondRange(1500, linear, -1)).toBe(1490);
    // The lab's bandwidth slider is linear to 20 TB/s: a typed 50 TB/s steps to 49.9, and back up to 50.
    const bandwidth = { min: 0.1e12, max: 20e12, log: false };
    expect(stepBeyondRange(50e12, bandwidth, -1)).toBe(49.9e12);
    expect(stepBeyondRange(49.9e12, bandwidth, 1)).toBe(50e12);
    expect(insideSliderRange(500, linear)).toBe(true);
  });
});
