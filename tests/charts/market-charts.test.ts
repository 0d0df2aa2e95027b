import { describe, expect, it } from 'vitest';
import { marketPriceChart, priceRows, shortSources, tierLabel, type MarketPriceChartInput } from '../../src/charts/market-price-chart';
import { marketWaterfallChart, waterfallRows } from '../../src/charts/market-waterfall-chart';
import { defaultReport } from '../market/helpers';
import { compileWarnings } from './compile-clean';

function input(overrides: Partial<MarketPriceChartInput> = {}): MarketPriceChartInput {
  const r = defaultReport();
  return {
    points: r.points, tiers: r.tiers, eras: r.eras, floorLines: r.floorLines,
    modelNames: new Map([['gpt-3-175b', 'GPT-3 175B'], ['llama-3.2-3b', 'Llama 3.2 3B']]),
    workload: r.workload, fromId: r.decomposition!.from.id, toId: r.decomposition!.to.id, ...overrides,
  };
}

describe('market price chart', () => {
  it('compiles without warnings, wide and compact, with and without points, lines or a picked pair', () => {
    for (const compact of [false, true]) {
      expect(compileWarnings(marketPriceChart(input({ layout: { compact } }))).warnings).toEqual([]);
      expect(compileWarnings(marketPriceChart(input({ layout: { compact }, points: [], floorLines: [], fromId: null, toId: null }))).warnings).toEqual([]);
    }
  });

  it('with no floor lines (no pair decomposed): no "Floor of one model" legend, and no era band past the last date drawn', () => {
    const r = defaultReport();
    const spec = marketPriceChart(input({ floorLines: [], fromId: null, toId: null }));
    const text = JSON.stringify(spec);
    expect(text).not.toContain('Floor of one model');
    const eras = (spec as unknown as { datasets: { eras: { start: string; end: string }[] } }).datasets.eras;
    const last = r.points.reduce((m, p) => (p.date > m ? p.date : m), '');
    expect(eras.length).toBeGreaterThan(0);
    for (const e of eras) expect(e.start < e.end && e.start < last).toBe(true);
    // With the lines, the legend and every era are there.
    expect(JSON.stringify(marketPriceChart(input()))).toContain('Floor of one model');
  });

  it('draws the floor\'s uncertainty range when the engine reports one, and nothing otherwise', () => {
    const plain = JSON.stringify(marketPriceChart(input({ points: defaultReport().points.map(({ uncertainty: _u, ...p }) => p) })));
    expect(plain).not.toContain('bandLow)');
    const points = defaultReport().points.map((p) => ({ ...p, uncertainty: { basis: 'measured' as const, coverage: 0.8, derivation: 'test',
      floorUsdPerRequest: { low: 0.5 * p.floorUsdPerRequest!, high: 2 * p.floorUsdPerRequest! } } }));
    const spec = marketPriceChart(input({ points }));
    expect(compileWarnings(spec).warnings).toEqual([]);
    expect(JSON.stringify(spec)).toContain('bandLow)');
    const rows = priceRows(input({ points }));
    for (const r of rows) {
      expect(r.bandLow!).toBeCloseTo(r.floorPerMillion! / 2, 9);
      expect(r.bandHigh!).toBeCloseTo(r.floorPerMillion! * 2, 9);
    }
  });

  it('plots both prices per million tokens of the workload (per request ÷ tokens), by tier, with the pair marked', () => {
    const rows = priceRows(input());
    const r = defaultReport();
    expect(rows).toHaveLength(r.points.length);
    const gpt3 = rows.find((x) => x.id === r.decomposition!.from.id)!;
    expect(gpt3.apiPerMillion).toBeCloseTo(60, 9);
    expect(gpt3.role).toBe('from');
    expect(rows.find((x) => x.id === r.decomposition!.to.id)!.role).toBe('to');
    expect(gpt3.tier).toBe(tierLabel(43.9, 'GPT-3'));
    expect(gpt3.sources).toContain('api_prices.csv row');
    const text = JSON.stringify(marketPriceChart(input()));
    for (const s of ['"type":"log"', '"field":"tier"', '"step-after"', '"field":"sources"', 'Hardware era']) expect(text).toContain(s);
  });
});

describe('tooltip sources', () => {
  it('name the data rows behind a point, each once', () => {
    expect(shortSources(['api_prices.csv row 5: https://x', 'market_history.csv row 41 (a)', 'bf16 from market_history.csv row 2 (b)', 'market_history.csv row 41 (again)']))
      .toBe('api_prices.csv row 5 · market_history.csv rows 2, 41');
    expect(shortSources([])).toBe('');
  });
});

describe('market waterfall chart', () => {
  const d = defaultReport().decomposition!;

  it('compiles without warnings, wide and compact', () => {
    for (const compact of [false, true]) expect(compileWarnings(marketWaterfallChart(d, { compact })).warnings).toEqual([]);
  });

  it('walks from one API price to the other, each factor dividing by its ratio, with its Shapley share', () => {
    const rows = waterfallRows(d);
    expect(rows).toHaveLength(d.factors.length + 2);
    expect(rows[0]!.hi).toBeCloseTo(d.from.apiUsdPerRequest, 12);
    expect(rows.at(-2)!.level).toBeCloseTo(d.to.apiUsdPerRequest, 12);
    expect(rows.at(-1)!.hi).toBeCloseTo(d.to.apiUsdPerRequest, 12);
    for (const [i, f] of d.factors.entries()) {
      const row = rows[i + 1]!;
      expect(row.hi / row.lo).toBeCloseTo(Math.max(f.ratio, 1 / f.ratio), 9);
      expect(row.text).toContain('Shapley');
    }
  });
});
