import { describe, expect, it } from 'vitest';
import { MEASURED_MARKER, MEASURED_MAX_MARKER, frontierChart, measuredFrontierRows, measuredNote } from '../../src/charts/frontier-chart';
import type { MeasuredOverlay, MeasuredPoint } from '../../src/validation/measured-points';
import { compileWarnings } from './compile-clean';
import { results } from './fixtures';

function point(over: Partial<MeasuredPoint> = {}): MeasuredPoint {
  return {
    row: 8, label: 'Llama-2-70B-chat 8x NVIDIA H200 Server', hardwareId: 'nvidia-h200-sxm', source: 'MLPerf Inference v4.1 Server',
    sourceRef: 'mlcommons/inference_results_v4.1 closed/NVIDIA', tokensPerSecondPerUser: 8.1, outputTokensPerSecondPerChip: 3653.5,
    chips: 8, inputTokens: 270, outputTokens: 294, lengthsExact: false, precision: 'fp8', how: 'system output tokens/s / 8 chips', ...over,
  };
}

function overlay(points: MeasuredPoint[]): MeasuredOverlay {
  return {
    query: { modelId: 'llama-2-70b', inputTokens: 270, outputTokens: 294, hardwareIds: ['nvidia-h200-sxm'] },
    points, sameModel: points.length,
    suggestion: { modelId: 'llama-2-70b', inputTokens: 270, outputTokens: 294, hardwareIds: ['nvidia-h200-sxm'], count: 1 },
  };
}

describe('frontier chart: measured overlay', () => {
  const measured = [point(), point({ row: 7, tokensPerSecondPerUser: null, outputTokensPerSecondPerChip: 3912.8 }), point({ hardwareId: 'not-compared' })];

  it('compiles without warnings with points, lines, none, for both metrics and layouts', () => {
    for (const metric of ['perChip', 'usdPerMillion'] as const) {
      for (const compact of [false, true]) {
        for (const pts of [measured, [], [measured[0]!]]) {
          const spec = frontierChart({ series: results(), metric, maxTpotSeconds: 0.05, layout: { compact }, measured: { points: pts, note: measuredNote(overlay(pts), undefined, { compact }) } });
          expect(compileWarnings(spec).warnings).toEqual([]);
        }
      }
    }
  });

  it('places points with a per-user speed as marks and throughput-only runs as lines, in the chip colour', () => {
    const input = { series: results(), metric: 'perChip' as const, maxTpotSeconds: null, measured: { points: measured, note: [] } };
    const { points, lines } = measuredFrontierRows(input);
    expect(points).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(points[0]!.chip).toBe(results()[0]!.chip.label);
    expect(points[0]!.y).toBe(3653.5);
    expect(points[0]!.tokensPerSecondPerUser).toBe(8.1);
    expect(points[0]!.marker).toBe(MEASURED_MARKER);
    expect(lines[0]!.y).toBe(3912.8);
    expect(lines[0]!.marker).toBe(MEASURED_MAX_MARKER);
  });

  it('prices measured throughput at the chip-hour price of the comparison in $/M mode', () => {
    const r = results()[0]!.result;
    const { points } = measuredFrontierRows({ series: results(), metric: 'usdPerMillion', maxTpotSeconds: null, measured: { points: measured, note: [] } });
    const usdPerChipHour = r.costPerHourUsd! / r.config.chips;
    expect(points[0]!.y).toBeCloseTo((usdPerChipHour / (3653.5 * 3600)) * 1e6, 9);
  });

  it('has a "measured" legend entry and tooltips citing the source', () => {
    const text = JSON.stringify(frontierChart({ series: results(), metric: 'perChip', maxTpotSeconds: null, measured: { points: measured, note: measuredNote(overlay(measured)) } }));
    expect(text).toContain(MEASURED_MARKER);
    expect(text).toContain('"field":"source"');
    expect(text).toContain('"field":"ref"');
    expect(text).toContain('□ = measured');
    expect(text).toContain('max throughput (no per-user speed published)');
    expect(text).toContain('"triangle-right"');
  });

  it('says so in the subtitle when nothing matches, with a workload that has measurements', () => {
    const note = measuredNote(overlay([]), (id) => (id === 'llama-2-70b' ? 'Llama 2 70B' : id));
    expect(note[0]).toContain('No published measurement matches');
    expect(note[1]).toContain('Llama 2 70B at 270 in / 294 out');
    const spec = JSON.stringify(frontierChart({ series: results(), metric: 'perChip', maxTpotSeconds: null, measured: { points: [], note } }));
    expect(spec).toContain('No published measurement matches');
  });

  it('keeps subtitle lines short on narrow pages', () => {
    for (const pts of [[], measured]) {
      const wide = measuredNote(overlay(pts), (id) => id);
      const narrow = measuredNote(overlay(pts), (id) => id, { compact: true });
      expect(narrow.length).toBeGreaterThanOrEqual(wide.length);
      for (const line of narrow) expect(line.length).toBeLessThanOrEqual(55);
    }
  });

  it('has no legend entry for marks that are not drawn', () => {
    const only = JSON.stringify(frontierChart({ series: results(), metric: 'perChip', maxTpotSeconds: null, measured: { points: [measured[0]!], note: [] } }));
    expect(only).toContain(MEASURED_MARKER);
    expect(only).not.toContain(MEASURED_MAX_MARKER);
    const none = JSON.stringify(frontierChart({ series: results(), metric: 'perChip', maxTpotSeconds: null, measured: { points: [], note: [] } }));
    expect(none).not.toContain(MEASURED_MARKER);
  });

  it('leaves the chart as before without an overlay', () => {
    const spec = frontierChart({ series: results(), metric: 'perChip', maxTpotSeconds: null });
    expect(JSON.stringify(spec)).not.toContain('measured');
  });
});
