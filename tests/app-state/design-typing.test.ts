import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESIGN_PARAMS, designParam } from '../../src/app-state/design-params';
import { parseDesignValue } from '../../src/app-state/design-typing';
import { designValueText } from '../../src/ui/design-param-control';

const param = (id: string) => designParam(id)!;

describe('typed design values', () => {
  it('reads each unit as written, with or without it', () => {
    expect(parseDesignValue(param('dieAreaMm2'), '700')).toEqual({ ok: true, value: 700 });
    expect(parseDesignValue(param('dieAreaMm2'), ' 700 mm² ')).toEqual({ ok: true, value: 700 });
    expect(parseDesignValue(param('dieAreaMm2'), '700mm2')).toEqual({ ok: true, value: 700 });
    expect(parseDesignValue(param('clockGHz'), '1.8 GHz')).toEqual({ ok: true, value: 1.8 });
    expect(parseDesignValue(param('clockGHz'), '1800 MHz')).toEqual({ ok: true, value: 1.8 });
    expect(parseDesignValue(param('matrixShare'), '35%')).toEqual({ ok: true, value: 0.35 });
    expect(parseDesignValue(param('matrixShare'), '35')).toEqual({ ok: true, value: 0.35 });
    expect(parseDesignValue(param('matrixShare'), '0.35')).toEqual({ ok: true, value: 0.35 });
    expect(parseDesignValue(param('computeDies'), '2')).toEqual({ ok: true, value: 2 });
    // Digit groups as in every typed field (parse/digit-groups.ts).
    expect(parseDesignValue(param('clockGHz'), '1,500 MHz')).toEqual({ ok: true, value: 1.5 });
    // A die area is an area, not a count: a fraction of a mm² is a size.
    expect(parseDesignValue(param('dieAreaMm2'), '600.5')).toEqual({ ok: true, value: 600.5 });
    // 1e12 MHz is no clock either: read as the number it is, for the design's range check to refuse
    // with the range, not with a hint to type what would be refused too.
    expect(parseDesignValue(param('clockGHz'), '1e12')).toEqual({ ok: true, value: 1e12 });
  });

  it('refuses what is no value, with a reason that quotes it; never rounds a count silently', () => {
    for (const [id, text, pattern] of [
      ['dieAreaMm2', '', /Enter a value/],
      ['dieAreaMm2', 'big', /"big" is not a number of mm²/],
      ['dieAreaMm2', '700 GHz', /"700 GHz" is not a number of mm²/],
      ['clockGHz', '1.8 TB/s', /not a number of GHz/],
      ['matrixShare', 'half', /"half" is not a share/],
      ['computeDies', '2.5', /"2.5" is not a whole number/],
      ['memoryCount', '1e400', /not a number/],
      ['dieAreaMm2', '-5', /"-5" is negative/],
      ['matrixShare', '-5%', /"-5%" is negative/],
      ['clockGHz', '1500', /"1500" GHz is far above any chip's clock; for megahertz type "1500 MHz"/],
      ['clockGHz', '1,8', /^In "1,8" the comma does not group thousands \(did you mean 18 or 1\.8\?\)\.$/],
      ['dieAreaMm2', '1234,567', /^In "1234,567" the comma does not group thousands/],
      ['dieAreaMm2', '1.000 mm²', /"1\.000 mm²" could be 1000 or 1/],
    ] as const) {
      const r = parseDesignValue(param(id), text);
      expect(r.ok, `${id} ${text}`).toBe(false);
      if (!r.ok) expect(r.error, `${id} ${text}`).toMatch(pattern);
    }
  });

  it('writes a value past every slider\'s end as messages write numbers, and reads it back', () => {
    expect(designValueText(param('dieAreaMm2'), 1e9)).toBe('1e9 mm²');
    expect(designValueText(param('dieAreaMm2'), 50_000)).toBe('50,000 mm²');
    expect(designValueText(param('computeDies'), 12_000)).toBe('12,000');
    expect(designValueText(param('dieAreaMm2'), 814)).toBe('814 mm²');
    for (const [id, value] of [['dieAreaMm2', 1e9], ['dieAreaMm2', 50_000], ['computeDies', 12_000]] as const) {
      const read = parseDesignValue(param(id), designValueText(param(id), value));
      expect(read).toEqual({ ok: true, value });
    }
  });

  it('reads back every value as the box shows it', () => {
    fc.assert(fc.property(fc.constantFrom(...DESIGN_PARAMS), fc.double({ min: 0, max: 1, noNaN: true }), (def, t) => {
      const raw = def.slider.min + t * (def.slider.max - def.slider.min);
      // As the parameter stores it: whole counts, the die area to 0.1 mm² (design-params.ts), the rest to 0.001.
      const value = def.integer ? Math.round(raw) : def.id === 'dieAreaMm2' ? Math.round(raw * 10) / 10 : Math.round(raw * 1000) / 1000;
      const read = parseDesignValue(def, designValueText(def, value));
      expect(read.ok).toBe(true);
      if (read.ok) expect(read.value).toBeCloseTo(value, def.percent === true ? 3 : 6);
    }));
  });
});
