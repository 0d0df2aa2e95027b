// Precompiled charts (src/charts/compiled-chart.ts) must draw exactly what Vega-Lite would compile
// from the same chart: otherwise the landing page and the other views would disagree.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { compileTemplates } from '../../src/charts/compile-templates';
import { costBarsChart, costBarsParts } from '../../src/charts/cost-bars-chart';
import { COST_BARS_SENTINELS, costBarsCompiled } from '../../src/charts/cost-bars-compiled';
import { isCompiledChart } from '../../src/charts/compiled-chart';
import { parse } from '../../src/ui/vega-runtime';
import { results } from './fixtures';

type Entry = ReturnType<typeof results>[number];

/** The fixture chips priced at the given $/M, with a range of ±spread around each. */
function priced(usd: readonly number[], spread: number): Entry[] {
  return usd.map((value, i) => {
    const base = results()[i % results().length]!;
    const chip = { ...base.chip, label: `${base.chip.label} ${i}` };
    const range = { low: value * (1 - spread), high: value * (1 + spread) };
    const uncertainty = base.result.uncertainty === null ? null : { ...base.result.uncertainty, usdPerMillionOutputTokens: range };
    return { chip, result: { ...base.result, usdPerMillionOutputTokens: value, uncertainty } };
  });
}

describe('precompiled cost bars', () => {
  it('the committed templates are up to date (else run npm run charts:compile)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../src/charts/compiled/cost-bars.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(compileTemplates())));
  });

  it('equals Vega-Lite\'s compile of the same chart in all four variants (log/linear, wide/compact)', () => {
    const seen = new Set<string>();
    for (const compact of [false, true]) {
      for (const series of [results(), priced([0.2, 0.9, 35], 0.3), priced([1.5], 0)]) {
        const input = { series, layout: { compact } };
        const compiled = costBarsCompiled(input);
        expect(compiled.vega).toEqual(compile(costBarsChart(input)).spec);
        parse(compiled.vega as Parameters<typeof parse>[0], undefined, { ast: true });
        const { variant } = costBarsParts(input);
        seen.add(`${variant.log}-${variant.compact}`);
      }
    }
    expect(seen.size).toBe(4);
  });

  it('for any prices and ranges (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 12 }),
      fc.double({ min: 0, max: 0.9, noNaN: true }),
      fc.boolean(),
      (usd, spread, compact) => {
        const input = { series: priced(usd, spread), layout: { compact } };
        expect(costBarsCompiled(input).vega).toEqual(compile(costBarsChart(input)).spec);
      },
    ), { numRuns: 40 });
  });

  it('a sentinel the data happens to equal leaves the chart unchanged', () => {
    const input = { series: priced([COST_BARS_SENTINELS.domainLow, COST_BARS_SENTINELS.heightPx], 0) };
    expect(costBarsCompiled(input).vega).toEqual(compile(costBarsChart(input)).spec);
  });

  it('new prices at the same scale keep the structure key (streamed), a new scale changes it (rebuilt)', () => {
    const a = costBarsCompiled({ series: priced([1, 2], 0) });
    const b = costBarsCompiled({ series: priced([1, 2], 0).reverse() });
    const c = costBarsCompiled({ series: priced([1, 3], 0) });
    expect(isCompiledChart(a)).toBe(true);
    expect(isCompiledChart(costBarsChart({ series: results() }))).toBe(false);
    expect(b.structureKey).toBe(a.structureKey);
    expect(c.structureKey).not.toBe(a.structureKey);
    expect(a.datasets.bars).toHaveLength(2);
  });
});
