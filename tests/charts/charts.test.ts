import { EVIDENCE_MARK } from '../../src/messages/evidence';
import { describe, expect, it } from 'vitest';
import { ESTIMATE_MARK, colorScale, markNotes, uniqueLabels } from '../../src/charts/chip-series';
import { costBarRows, costBarsChart } from '../../src/charts/cost-bars-chart';
import { costBreakdownChart, costPartRows } from '../../src/charts/cost-breakdown-chart';
import { frontierChart, frontierRows } from '../../src/charts/frontier-chart';
import { modelSizeChart, modelSizeRows } from '../../src/charts/model-size-chart';
import { ROOF_NAMES, intensityRange, operatorRows, rooflineChart, rooflineRows } from '../../src/charts/roofline-chart';
import { sensitivityChart, sensitivityRows } from '../../src/charts/sensitivity-chart';
import { compileWarnings } from './compile-clean';
import { formatUsd } from '../../src/format/units';
import { h200, infeasible, otherChip, results, roofs, sensitivityResult, series, sizePoints } from './fixtures';

describe('frontier chart', () => {
  it('compiles without warnings for both metrics, with and without an SLO', () => {
    for (const metric of ['perChip', 'usdPerMillion'] as const) {
      for (const maxTpotSeconds of [0.05, null]) {
        const spec = frontierChart({ series: results(), metric, maxTpotSeconds });
        expect(compileWarnings(spec).warnings).toEqual([]);
      }
    }
  });

  it('has one row per frontier point, a chip that misses the SLO included, and one chosen point per feasible chip', () => {
    const missing = infeasible();
    // The engine keeps the frontier of a chip the limits rule out: how close it comes.
    expect(missing.result.feasible).toBe(false);
    expect(missing.result.frontier.length).toBeGreaterThan(0);
    expect(missing.result.frontier.every((p) => p.tpotSeconds > 1e-5 && p.usdPerMillionOutputTokens! > 0)).toBe(true);
    const input = { series: [...results(), missing], metric: 'perChip' as const, maxTpotSeconds: 0.05 };
    const copy = structuredClone(input);
    const { frontier, chosen } = frontierRows(input);
    expect(chosen).toHaveLength(2);
    expect(frontier.length).toBe([...results(), missing].reduce((n, r) => n + r.result.frontier.length, 0));
    expect(input).toEqual(copy);
    const h = chosen.find((c) => c.chip === results()[0]!.chip.label)!;
    expect(h.y).toBe(results()[0]!.result.outputTokensPerSecondPerChip);
    expect(h.tpotMs).toBeLessThanOrEqual(50);
  });

  it('prices frontier points at the deployment price per chip-hour, and says how (≈ for a rental estimated from TCO)', () => {
    const { chosen, frontier } = frontierRows({ series: results(), metric: 'usdPerMillion', maxTpotSeconds: null });
    const r = results()[0]!.result;
    expect(chosen[0]!.y).toBeCloseTo(r.usdPerMillionOutputTokens!, 9);
    expect(chosen[0]!.pricing).toBe(r.pricing.rentalEstimated ? 'rental (≈ estimated from TCO)' : r.pricingUsed === 'rental' ? 'rental' : 'TCO (owned)');
    const estimated = { ...r, pricingUsed: 'rental' as const, pricing: { rentalEstimated: true, rentalEstimateNote: 'x' } };
    const rows = frontierRows({ series: [{ chip: results()[0]!.chip, result: estimated }], metric: 'usdPerMillion', maxTpotSeconds: null });
    expect([...rows.chosen, ...rows.frontier].every((row) => row.pricing === 'rental (≈ estimated from TCO)')).toBe(true);
    expect(frontier.length).toBeGreaterThan(0);
    expect(JSON.stringify(frontierChart({ series: results(), metric: 'usdPerMillion', maxTpotSeconds: null }))).toContain('"title":"Pricing"');
  });

  it('names the axes with units and uses log scales', () => {
    const spec = JSON.stringify(frontierChart({ series: results(), metric: 'perChip', maxTpotSeconds: 0.05 }));
    expect(spec).toContain('Tokens/s per user (log)');
    expect(spec).toContain('Output tokens/s per chip (log)');
    expect(spec).toContain('"type":"log"');
  });
});

describe('compact layout (narrow windows)', () => {
  it('every chart with a side legend compiles cleanly in compact mode too', () => {
    const compact = { compact: true };
    const r = results()[0]!;
    const specs = [
      frontierChart({ series: results(), metric: 'perChip', maxTpotSeconds: 0.05, layout: compact }),
      modelSizeChart({ chips: [series(h200())], points: sizePoints(), family: 'dense', pricing: 'rental', layout: compact }),
      rooflineChart({ chip: r.chip, roofs: roofs(), operators: r.result.operators, ghost: null, layout: compact }),
      costBarsChart({ series: results(), layout: compact }),
      costBreakdownChart({ series: results(), layout: compact }),
      sensitivityChart(sensitivityResult(), compact),
    ];
    for (const spec of specs) expect(compileWarnings(spec).warnings).toEqual([]);
    expect(JSON.stringify(specs[0])).toContain('"orient":"bottom"');
  });
});

describe('per-item work on every redraw', () => {
  /** Encode channels of every mark in a compiled Vega spec. */
  function encodedChannels(node: unknown, out: string[] = []): string[] {
    if (Array.isArray(node)) for (const item of node) encodedChannels(item, out);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'encode' && typeof value === 'object' && value !== null) {
          for (const set of Object.values(value)) out.push(...Object.keys(set as object));
        }
        encodedChannels(value, out);
      }
    }
    return out;
  }

  it('no chart computes an ARIA description per mark (the card is one labelled image)', () => {
    const r = results()[0]!;
    const specs = [
      frontierChart({ series: results(), metric: 'perChip', maxTpotSeconds: 0.05 }),
      costBarsChart({ series: results() }),
      modelSizeChart({ chips: [series(h200())], points: sizePoints(), family: 'dense', pricing: 'rental' }),
      rooflineChart({ chip: r.chip, roofs: roofs(), operators: r.result.operators, ghost: null }),
      costBreakdownChart({ series: results() }),
      sensitivityChart(sensitivityResult()),
    ];
    for (const spec of specs) {
      const channels = encodedChannels(compileWarnings(spec).vega);
      expect(channels).toContain('tooltip');
      expect(channels).not.toContain('description');
      expect(channels).not.toContain('ariaRoleDescription');
    }
  });
});

describe('datasets', () => {
  /** Every named dataset must be drawn by some layer: the app streams new data into them by name. */
  function unused(spec: object): string[] {
    const datasets = Object.keys((spec as { datasets?: object }).datasets ?? {});
    const { datasets: _d, ...rest } = spec as { datasets?: object };
    const text = JSON.stringify(rest);
    return datasets.filter((name) => !text.includes(`"data":{"name":"${name}"}`));
  }

  it('every chart uses every dataset it declares, wide and compact', () => {
    const r = results()[0]!;
    for (const compact of [false, true]) {
      const layout = { compact };
      const specs = [
        frontierChart({ series: results(), metric: 'perChip', maxTpotSeconds: 0.05, layout }),
        costBarsChart({ series: results(), layout }),
        modelSizeChart({ chips: [series(h200())], points: sizePoints(), family: 'dense', pricing: 'rental', layout }),
        rooflineChart({ chip: r.chip, roofs: roofs(), operators: r.result.operators, ghost: null, layout }),
        costBreakdownChart({ series: results(), layout }),
        sensitivityChart(sensitivityResult()),
      ];
      for (const spec of specs) expect(unused(spec)).toEqual([]);
    }
  });
});

describe('chip series', () => {
  it('marks estimates and the evidence basis, keeps labels unique and colours per vendor', () => {
    const p = h200();
    const a = series({ ...p, estimates: { 'price.listPriceUsd': 'street price', 'memory.hbmBandwidthBytesPerSecond': 'from a talk' }, efficiency: { ...p.efficiency, evidence: { basis: 'prior', rows: 0, from: null } } });
    expect(a.label).toBe(`${p.name}${ESTIMATE_MARK} ${EVIDENCE_MARK.prior}`);
    expect(a.evidence).toBe('prior');
    expect(a.estimates).toEqual(['price.listPriceUsd: street price', 'memory.hbmBandwidthBytesPerSecond: from a talk']);
    // A price or a link latency alone is no "*": nearly every chip has those estimated.
    const priceOnly = series({ ...p, estimates: { 'price.listPriceUsd': 'street price', 'scaleUp.latencySeconds': 'typical' } });
    expect(priceOnly.label).not.toContain(ESTIMATE_MARK);
    expect(markNotes({ estimates: { 'price.listPriceUsd': 'x', 'compute.denseFlopsPerSecond.fp8': 'y' }, efficiency: p.efficiency }).slice(1))
      .toEqual([`${ESTIMATE_MARK} estimated specs: dense fp8 rate`, 'Also estimated: purchase price']);
    expect(series({ ...p, estimates: {}, efficiency: { ...p.efficiency, evidence: { basis: 'measured', rows: 4, from: null } } }).label).toBe(`${p.name} ${EVIDENCE_MARK.measured}`);
    const b = series(otherChip());
    expect(b.label).toBe(`AMD Test <b>x</b> ${EVIDENCE_MARK.measured}`);
    expect(a.color).not.toBe(b.color);
    const twice = uniqueLabels([a, a]);
    expect(new Set(twice.map((s) => s.label)).size).toBe(2);
    expect(colorScale(twice).range).toEqual([a.color, a.color]);
    expect(series(h200(), true).color).toBe('#9aa0a6');
  });
});

describe('cost bars chart', () => {
  it('compiles cleanly and leaves infeasible chips out', () => {
    const input = { series: [...results(), infeasible()] };
    expect(compileWarnings(costBarsChart(input)).warnings).toEqual([]);
    expect(costBarRows(input)).toHaveLength(2);
    const reversed = costBarRows({ series: [...results()].reverse() }).map((r) => r.usdPerMillion);
    expect(reversed).toEqual([...reversed].sort((a, b) => a - b));
  });

  it('labels each bar as the table writes the price: "≈" marks a rental estimated from TCO', () => {
    const [a, b] = results();
    const estimated = { ...b!, result: { ...b!.result, pricing: { ...b!.result.pricing, rentalEstimated: true } } };
    const rows = costBarRows({ series: [a!, estimated] });
    const text = (usd: number) => rows.find((r) => r.usdPerMillion === usd)!.valueText;
    expect(text(a!.result.usdPerMillionOutputTokens!)).toBe(formatUsd(a!.result.usdPerMillionOutputTokens!));
    expect(text(b!.result.usdPerMillionOutputTokens!)).toBe(`≈${formatUsd(b!.result.usdPerMillionOutputTokens!)}`);
    expect(JSON.stringify(costBarsChart({ series: [a!, estimated] }))).toContain('"text":{"field":"valueText"}');
  });

  it('switches to a log scale when costs span more than a decade', () => {
    const [a, b] = results();
    const pricey = { ...b!, result: { ...b!.result, usdPerMillionOutputTokens: a!.result.usdPerMillionOutputTokens! * 50, uncertainty: null } };
    for (const compact of [false, true]) {
      const spec = costBarsChart({ series: [a!, pricey], layout: { compact } });
      expect(compileWarnings(spec).warnings).toEqual([]);
      expect(JSON.stringify(spec)).toContain('"type":"log"');
    }
    expect(JSON.stringify(costBarsChart({ series: results() }))).not.toContain('"type":"log"');
  });
});

describe('model size chart', () => {
  it('compiles cleanly; splits the parametric line from catalog points; labels merged sizes', () => {
    const input = { chips: [series(h200())], points: sizePoints(), family: 'dense' as const, pricing: 'rental' as const };
    expect(compileWarnings(modelSizeChart(input)).warnings).toEqual([]);
    const { lines, models, labels } = modelSizeRows(input);
    expect(lines).toHaveLength(3);
    expect(models.length).toBeGreaterThan(5);
    const seventy = labels.find((l) => l.models.includes('Llama 3.1 70B'));
    expect(seventy?.models).toContain('Llama 3.3 70B');
    expect(seventy?.text).toMatch(/ \+[0-9]+$/);
    expect(labels.length).toBeLessThan(models.length);
    expect(lines[0]?.totalText).toMatch(/^[0-9.]+B$/);
  });

  it('ignores points of chips not in the chart and infeasible points', () => {
    const points = sizePoints().map((p, i) => (i === 0 ? { ...p, feasible: false } : p));
    const { lines } = modelSizeRows({ chips: [series(h200())], points, family: 'dense', pricing: 'tco' });
    expect(lines).toHaveLength(2);
    expect(modelSizeRows({ chips: [], points, family: 'dense', pricing: 'tco' }).lines).toHaveLength(0);
  });

  it('says when a point is priced at an estimated rental (≈), as the compare table does', () => {
    const points = sizePoints().map((p) => ({ ...p, pricingUsed: 'rental' as const, rentalEstimated: true }));
    const { lines } = modelSizeRows({ chips: [series(h200())], points, family: 'dense', pricing: 'rental' });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.pricing === 'rental (≈ estimated from TCO)')).toBe(true);
  });
});

describe('roofline chart', () => {
  it('compiles cleanly with and without a ghost chip', () => {
    const r = results()[0]!;
    const spec = rooflineChart({ chip: r.chip, roofs: roofs(), operators: r.result.operators, ghost: null });
    expect(compileWarnings(spec).warnings).toEqual([]);
    const ghosted = rooflineChart({ chip: r.chip, roofs: roofs(), operators: r.result.operators, ghost: { chip: series(otherChip(), true), roofs: roofs(otherChip()) } });
    expect(compileWarnings(ghosted).warnings).toEqual([]);
  });

  it('roofs bend at the ridge point and never exceed the compute roof', () => {
    const r = results()[0]!;
    const rows = rooflineRows({ chip: r.chip, roofs: roofs(), operators: r.result.operators, ghost: null });
    const eff = rows.roofs.filter((x) => x.series === ROOF_NAMES.hbm);
    expect(eff).toHaveLength(3);
    const top = roofs().effectiveFlopsPerSecond;
    expect(Math.max(...eff.map((x) => x.flopsPerSecond))).toBeCloseTo(top, -3);
    expect(rows.operators.every((o) => o.flopsPerSecond <= roofs().peakFlopsPerSecond * 1.0001)).toBe(true);
  });

  it('keeps operator points with work only and picks decade bounds', () => {
    const ops = operatorRows([
      { name: 'a', phase: 'decode', count: 1, flops: 0, bytes: 10, seconds: 1, bound: 'memory', arithmeticIntensity: 0 },
      { name: 'b', phase: 'decode', count: 1, flops: 20, bytes: 10, seconds: 1, bound: 'memory', arithmeticIntensity: 2 },
    ]);
    expect(ops.map((o) => o.operator)).toEqual(['b']);
    expect(intensityRange(ops, [300])).toEqual([1, 1000]);
    expect(intensityRange([], [])).toEqual([1, 1e4]);
  });
});

describe('cost breakdown chart', () => {
  it('compiles cleanly; TCO parts add up to the TCO $/M', () => {
    const input = { series: results().slice(0, 1) };
    expect(compileWarnings(costBreakdownChart(input)).warnings).toEqual([]);
    const rows = costPartRows(input);
    const r = results()[0]!.result;
    const tco = rows.filter((x) => x.part !== 'rental').reduce((s, x) => s + x.usdPerMillion, 0);
    expect(tco).toBeCloseTo(r.tco!.usdPerMillionOutputTokens, 6);
    expect(rows.find((x) => x.part === 'rental')?.usdPerMillion).toBeCloseTo(r.rental!.usdPerMillionOutputTokens, 9);
  });
});

describe('sensitivity chart', () => {
  it('compiles cleanly with two bars per parameter', () => {
    const s = sensitivityResult();
    expect(compileWarnings(sensitivityChart(s)).warnings).toEqual([]);
    expect(sensitivityRows(s)).toHaveLength(s.rows.length * 2);
  });

  it('compiles an empty (infeasible) result', () => {
    expect(compileWarnings(sensitivityChart({ feasible: false, delta: 0.2, baseUsdPerMillion: 0, rows: [] })).warnings).toEqual([]);
  });
});
