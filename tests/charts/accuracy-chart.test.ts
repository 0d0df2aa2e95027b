import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAND, accuracyChart, accuracyPoints, parityRows, sourceKindLabel } from '../../src/charts/accuracy-chart';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { runValidation, type ValidationReport } from '../../src/validation/validate';
import { compileWarnings } from './compile-clean';

const { catalog } = loadCatalogFromDisk();
const csv = readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8');
let cached: ValidationReport | null = null;
function report(): ValidationReport {
  cached ??= runValidation(csv, catalog, { efficiencyMode: 'achieved', skipClaims: true });
  return cached;
}

describe('accuracy chart', () => {
  it('compiles without warnings, wide and compact, in both efficiency modes', () => {
    for (const compact of [false, true]) {
      for (const mode of ['achieved', 'spec'] as const) {
        const spec = accuracyChart({ rows: report().rows, mode, layout: { compact } });
        expect(compileWarnings(spec).warnings).toEqual([]);
      }
    }
  });

  it('compiles without warnings with no rows at all', () => {
    expect(compileWarnings(accuracyChart({ rows: [], mode: 'achieved' })).warnings).toEqual([]);
  });

  it('has one point per row with a feasible prediction, with its signed error', () => {
    const rows = report().rows;
    const points = accuracyPoints(rows);
    const drawable = rows.filter((r) => r.predicted !== null && r.predicted > 0);
    expect(points).toHaveLength(drawable.length);
    expect(points.length).toBeGreaterThan(40);
    // On the speed: a time's error is measured / predicted - 1, so + is the engine promising more.
    for (const p of points) expect(p.error).toBeCloseTo(p.unit === 's' ? p.measured / p.predicted - 1 : p.predicted / p.measured - 1, 9);
    const mlperf = points.find((p) => p.row.startsWith('#5 '))!;
    expect(mlperf.source).toBe('MLPerf Inference');
    expect(mlperf.vendor).toBe('NVIDIA');
    expect(points.some((p) => /[◐○◇]/.test(p.chip))).toBe(true);
  });

  it('plots every point above the line exactly when the engine is optimistic: a time as 1 / time', () => {
    const points = accuracyPoints(report().rows);
    const times = points.filter((p) => p.unit === 's');
    expect(times.length).toBeGreaterThan(3);
    expect(times.some((p) => p.error > 0.3)).toBe(true);
    for (const p of points) {
      if (Math.abs(p.error) < 1e-9) continue;
      expect(p.predictedPlotted > p.measuredPlotted).toBe(p.error > 0);
      expect(p.plottedAs === '').toBe(p.unit !== 's');
    }
  });

  it('draws y = x with a +-20% band spanning every point', () => {
    const points = accuracyPoints(report().rows);
    const parity = parityRows(points);
    expect(parity).toHaveLength(2);
    for (const r of parity) {
      expect(r.y).toBe(r.x);
      expect(r.lo).toBeCloseTo(r.x * (1 - BAND), 9);
      expect(r.hi).toBeCloseTo(r.x * (1 + BAND), 9);
    }
    const all = points.flatMap((p) => [p.measuredPlotted, p.predictedPlotted]);
    expect(parity[0]!.x).toBeLessThan(Math.min(...all));
    expect(parity[1]!.x).toBeGreaterThan(Math.max(...all));
  });

  it('uses log scales on both axes, vendor colours and shapes by source kind, tooltips with label, values and error', () => {
    const spec = accuracyChart({ rows: report().rows, mode: 'achieved' });
    const text = JSON.stringify(spec);
    expect(text.match(/"type":"log"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('"field":"vendor"');
    expect(text).toContain('"field":"source"');
    expect(text).toContain('#4d8f00');
    for (const field of ['"field":"row"', '"field":"measured"', '"field":"predicted"', '"field":"error"']) expect(text).toContain(field);
    expect(text).toContain('±20%');
  });

  it('names source kinds for people', () => {
    expect(sourceKindLabel('mlperf_inference_result')).toBe('MLPerf Inference');
    expect(sourceKindLabel('something_new')).toBe('something_new');
  });
});
