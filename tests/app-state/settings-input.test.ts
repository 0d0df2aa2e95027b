// Typed workload and pricing values: read in the field's display unit, refused (with a message
// naming the accepted range) when invalid, never clamped into something else.

import { describe, expect, it } from 'vitest';
import { SETTINGS_FIELDS, settingsField } from '../../src/app-state/settings-fields';
import { isValidSetting, readSettingText } from '../../src/app-state/settings-input';
import type { WorkloadSettings } from '../../src/app-state/app-state';
import { defaultSettings } from '../../src/app-state/defaults';

const field = (id: string) => settingsField(id)!;

describe('readSettingText', () => {
  it('a bare number up to 1 in a percent field is a share, as the chip lab and the CLI read it, and says so', () => {
    expect(readSettingText(field('costOfCapitalPerYear'), '0.06')).toEqual({ ok: true, value: 0.06, note: 'Read as 6 %/year (a bare number up to 1 is a share); for 0.06 %/year, type 0.06%.' });
    expect(readSettingText(field('prefixCacheHitRate'), '0.5')).toEqual({ ok: true, value: 0.5, note: 'Read as 50 % (a bare number up to 1 is a share); for 0.5 %, type 0.5%.' });
    // Applied as the note reads it: a share below its 6 decimals of percent is 0 %, not 1e-28 % in the box.
    expect(readSettingText(field('prefixCacheHitRate'), '1e-30')).toEqual({ ok: true, value: 0, note: 'Read as 0 % (a bare number up to 1 is a share).' });
    const fine = readSettingText(field('prefixCacheHitRate'), '0.123456789');
    expect(fine.ok && fine.value).toBeCloseTo(0.12345679, 12);
    expect(readSettingText(field('acceptanceRate'), '0.7')).toMatchObject({ ok: true, value: 0.7 });
    // Typed with its % sign, or above 1, there is nothing to say.
    expect(readSettingText(field('costOfCapitalPerYear'), '0.06%')).toEqual({ ok: true, value: 0.0006 });
    expect(readSettingText(field('prefixCacheHitRate'), '50')).toEqual({ ok: true, value: 0.5 });
    expect(readSettingText(field('inputTokens'), '0.5').ok).toBe(false);
    // No suggestion the field would refuse (power draw starts at 1 %), and a refused bare share says how to type the percent.
    expect(readSettingText(field('loadFactor'), '0.5')).toEqual({ ok: true, value: 0.5, note: 'Read as 50 % (a bare number up to 1 is a share).' });
    const refused = readSettingText(field('prefixCacheHitRate'), '1');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^Not applied: 1 is outside the accepted range; .* A bare number up to 1 is a share \(100 %\); for 1 %, type 1%\.$/);
  });

  it.each([
    ['inputTokens', '2048', 2048],
    ['inputTokens', ' 2,048 ', 2048],
    ['inputTokens', '128k', 128_000],
    ['inputTokens', '4096 tokens', 4096],
    ['outputTokens', '1', 1],
    ['prefixCacheHitRate', '50', 0.5],
    ['prefixCacheHitRate', '65%', 0.65],
    ['maxTpotSeconds', '50', 0.05],
    ['maxTpotSeconds', '20 ms', 0.02],
    ['maxTpotSeconds', '0.1', 0.0001],
    ['maxTtftSeconds', '2 s', 2],
    // Time fields read the other time units too.
    ['maxTpotSeconds', '0.05 s', 0.05],
    ['maxTpotSeconds', '0.05s', 0.05],
    ['maxTpotSeconds', '500 µs', 0.0005],
    ['maxTtftSeconds', '500 ms', 0.5],
    ['maxTtftSeconds', '1,500ms', 1.5],
    ['maxTtftSeconds', '', null],
    ['rentalUsdPerChipHour', '$2.50/h', 2.5],
    ['capexUsdPerChip', '$25,000', 25_000],
    ['capexUsdPerChip', '1,250,000.5', 1_250_000.5],
    ['capexUsdPerChip', '$25k', 25_000],
    ['rentalUsdPerChipHour', '$2.5k/h', 2_500],
  ])('%s: %j -> %s', (id, text, value) => {
    const r = readSettingText(field(id), text);
    expect(r.ok).toBe(true);
    if (r.ok && typeof value === 'number') expect(r.value).toBeCloseTo(value, 12);
    else if (r.ok) expect(r.value).toBe(value);
  });

  it.each([
    // The four cases of issue 13 item 2, each once clamped silently.
    ['inputTokens', '-5', 'Not applied: -5 is outside the accepted range; enter a whole number from 1 to 1,000,000 tokens.'],
    ['prefixCacheHitRate', '150', 'Not applied: 150 is outside the accepted range; enter a number from 0% to 99%.'],
    ['maxTpotSeconds', '-5', 'Not applied: -5 is outside the accepted range; enter a number from 0.1 to 60,000 ms.'],
    ['outputTokens', '0', 'Not applied: 0 is outside the accepted range; enter a whole number from 1 to 1,000,000 tokens.'],
    ['inputTokens', '12.5', 'Not applied: 12.5 is not a whole number; enter a whole number from 1 to 1,000,000 tokens.'],
    ['inputTokens', 'abc', 'Not applied: "abc" is not a number; enter a whole number from 1 to 1,000,000 tokens.'],
    ['inputTokens', '', 'Not applied: enter a whole number from 1 to 1,000,000 tokens.'],
    ['pue', '0.5', 'Not applied: 0.5 is outside the accepted range; enter a number from 1× to 3×.'],
    ['maxTtftSeconds', '2k', 'Not applied: "2k" is not a number; enter a number from 0.001 to 3,600 s.'],
    ['inputTokens', 'NaN', 'Not applied: "NaN" is not a number; enter a whole number from 1 to 1,000,000 tokens.'],
    // A number in another unit is one: the unit is what is wrong.
    ['inputTokens', '3 GB', 'Not applied: "3 GB" is not in tokens; enter a whole number from 1 to 1,000,000 tokens.'],
    ['outputTokens', '2048ms', 'Not applied: "2048ms" is not in tokens; enter a whole number from 1 to 1,000,000 tokens.'],
    ['inputTokens', '1e400', 'Not applied: 1e400 is outside the accepted range; enter a whole number from 1 to 1,000,000 tokens.'],
    // A comma that does not group thousands was dropped: "4,8" read as 48.
    ['rentalUsdPerChipHour', '4,8', 'Not applied: in "4,8" the comma does not group thousands (did you mean 48 or 4.8?); enter a number from $0.001 to $100,000/chip-hour.'],
    ['inputTokens', '20,48', 'Not applied: in "20,48" the comma does not group thousands (did you mean 2048?); enter a whole number from 1 to 1,000,000 tokens.'],
    // A point before three digits groups thousands in many locales: "1.000" was read as 1 token.
    ['inputTokens', '1.000', 'Not applied: "1.000" could be 1000 or 1 (a point does not group thousands here: for 1000, type 1000 or 1,000); enter a whole number from 1 to 1,000,000 tokens.'],
    ['outputTokens', '2.048', 'Not applied: in "2.048" a point does not group thousands (did you mean 2048?); enter a whole number from 1 to 1,000,000 tokens.'],
    // Once let through (slack scaled by the 1e9 upper bound) and clamped to a free chip.
    ['capexUsdPerChip', '-1', 'Not applied: -1 is outside the accepted range; enter a number from $1 to $100,000,000.'],
    ['capexUsdPerChip', '-0.4', 'Not applied: -0.4 is outside the accepted range; enter a number from $1 to $100,000,000.'],
    // The range of the chip lab's purchase price (a profile's list price): both fields accept the same prices.
    ['capexUsdPerChip', '0', 'Not applied: 0 is outside the accepted range; enter a number from $1 to $100,000,000.'],
    ['rentalUsdPerChipHour', '0', 'Not applied: 0 is outside the accepted range; enter a number from $0.001 to $100,000/chip-hour.'],
    // The unit's symbol on each bound, the rest of the unit once after the upper bound.
    ['capexOverheadMultiplier', '0.1', 'Not applied: 0.1 is outside the accepted range; enter a number from 1× to 10× chip price.'],
    ['costOfCapitalPerYear', '150', 'Not applied: 150 is outside the accepted range; enter a number from 0% to 100%/year.'],
  ])('%s: %j is refused', (id, text, error) => {
    expect(readSettingText(field(id), text)).toEqual({ ok: false, error });
  });

  it('a percentage or millisecond value is the decimal typed, with no float noise (70% is 0.7, not 0.7000000000000001)', () => {
    const load = settingsField('loadFactor')!;
    const tpot = settingsField('maxTpotSeconds')!;
    for (let pct = 1; pct <= 100; pct++) expect(readSettingText(load, `${pct}%`)).toMatchObject({ ok: true, value: Number(`0.${String(pct).padStart(2, '0')}`.replace('0.100', '1')) });
    for (let pct = 2; pct <= 100; pct++) expect(readSettingText(load, String(pct))).toMatchObject({ ok: true, value: Number(`0.${String(pct).padStart(2, '0')}`.replace('0.100', '1')) });
    // A bare 1 is the share 1 = 100 %, and says so (it could have meant 1 %).
    expect(readSettingText(load, '1')).toEqual({ ok: true, value: 1, note: 'Read as 100 % (a bare number up to 1 is a share); for 1 %, type 1%.' });
    expect(readSettingText(load, '35')).toEqual({ ok: true, value: 0.35 });
    expect(readSettingText(tpot, '70')).toEqual({ ok: true, value: 0.07 });
  });

  it('a multiplier field reads a trailing x as its sign; another unit is refused as not a multiplier', () => {
    expect(readSettingText(field('capexOverheadMultiplier'), '1.4x')).toEqual({ ok: true, value: 1.4 });
    expect(readSettingText(field('pue'), '1.2 X')).toEqual({ ok: true, value: 1.2 });
    expect(readSettingText(field('pue'), '1.2 ×')).toEqual({ ok: true, value: 1.2 });
    expect(readSettingText(field('pue'), '1.2 GB')).toEqual({ ok: false, error: 'Not applied: "1.2 GB" is not a multiplier (×); enter a number from 1× to 3×.' });
  });

  it('every field accepts its own limits and refuses just past them', () => {
    for (const def of SETTINGS_FIELDS) {
      // Percent fields take their bounds with the % sign (a bare number up to 1 is a share).
      const sign = def.unit.startsWith('%') ? '%' : '';
      for (const v of [def.limit.min, def.limit.max]) {
        const r = readSettingText(def, `${v / def.scale}${sign}`);
        expect(r.ok, `${def.id} ${v}`).toBe(true);
        if (r.ok) expect(isValidSetting(def, r.value)).toBe(true);
      }
      expect(readSettingText(def, String((def.limit.max / def.scale) * 1.01 + 1)).ok, def.id).toBe(false);
      const below = def.limit.min / def.scale - Math.max(1e-3, Math.abs(def.limit.min / def.scale) * 0.01);
      expect(readSettingText(def, `${below}${sign}`).ok, `${def.id} ${below}`).toBe(false);
    }
  });
});

describe('a bare number in a millisecond field meant as seconds', () => {
  it('is refused (it is read in ms) with how to type seconds; a number out of range either way gets no such hint', () => {
    const r = readSettingText(field('maxTpotSeconds'), '0.05');
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Not applied: 0\.05 is outside the accepted range; .* For seconds, type "0\.05 s"\.$/) });
    expect(readSettingText(field('maxTpotSeconds'), '0.05 s')).toEqual({ ok: true, value: 0.05 });
    const tooBig = readSettingText(field('maxTpotSeconds'), '1e9');
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.error).not.toContain('For seconds');
  });
});

describe('fields a pricing mode does not read', () => {
  const settings = (pricing: 'rental' | 'tco', edits: Partial<WorkloadSettings['economics']> = {}): WorkloadSettings => {
    const s = defaultSettings();
    return { ...s, economics: { ...s.economics, pricing, ...edits } };
  };
  it('an owning-cost assumption edited under Rental says the ranking does not read it; at its default, or under TCO, nothing', () => {
    const owningOnly = ['capexUsdPerChip', 'capexOverheadMultiplier', 'depreciationYears', 'costOfCapitalPerYear', 'usdPerKwh', 'hostingUsdPerKwMonth'] as const;
    for (const id of owningOnly) {
      const f = field(id);
      const edited = f.set(settings('rental'), 12_345);
      expect(f.unusedNote?.(edited), id).toMatch(/^Not used in the ranking now: Pricing is "Rental"/);
      expect(f.unusedNote?.(settings('rental')), id).toBeNull();
      expect(f.unusedNote?.(f.set(settings('tco'), 12_345)), id).toBeNull();
    }
    // Power draw and PUE also set the energy per token, which both pricings show.
    expect(field('loadFactor').unusedNote).toBeUndefined();
    expect(field('pue').unusedNote).toBeUndefined();
    // And the rental override, the other way round.
    expect(field('rentalUsdPerChipHour').unusedNote?.(settings('tco', { rentalUsdPerChipHour: 2 }))).toMatch(/^Not used now: Pricing is "Own it \(TCO\)"/);
    expect(field('rentalUsdPerChipHour').unusedNote?.(settings('rental', { rentalUsdPerChipHour: 2 }))).toBeNull();
  });
});
