import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalibrationCsv } from '../../src/validation/calibration-rows';
import { MEAN_LENGTH_TOLERANCE, measuredPointsFor } from '../../src/validation/measured-points';
import { planRows } from '../../src/validation/row-to-scenario';

const csv = readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8');
const plans = planRows(parseCalibrationCsv(csv).rows);
const HOPPER_AMD = ['nvidia-h100-sxm', 'nvidia-h200-sxm', 'amd-mi300x'];

describe('measured points for the frontier overlay', () => {
  it('finds nothing for the default workload (Llama-3.1-70B 2048/512) and suggests a workload that has measurements', () => {
    const o = measuredPointsFor(plans, { modelId: 'llama-3.1-70b', inputTokens: 2048, outputTokens: 512, hardwareIds: HOPPER_AMD });
    expect(o.points).toEqual([]);
    expect(o.suggestion).not.toBeNull();
    expect(o.suggestion!.modelId).toBe('llama-2-70b');
    const again = measuredPointsFor(plans, { modelId: o.suggestion!.modelId, inputTokens: o.suggestion!.inputTokens, outputTokens: o.suggestion!.outputTokens, hardwareIds: o.suggestion!.hardwareIds });
    expect(again.points.filter((p) => p.tokensPerSecondPerUser !== null)).toHaveLength(o.suggestion!.count);
  });

  it('matches MLPerf means within +-25% and places Server runs at 1000 / mean TPOT', () => {
    const o = measuredPointsFor(plans, { modelId: 'llama-2-70b', inputTokens: 222, outputTokens: 294, hardwareIds: ['nvidia-h200-sxm'] });
    const server = o.points.find((p) => p.row === 8)!;
    expect(server.source).toBe('MLPerf Inference v4.1 Server');
    expect(server.tokensPerSecondPerUser).toBeCloseTo(1000 / 123.3, 6);
    expect(server.outputTokensPerSecondPerChip).toBeCloseTo(29228.22 / 8, 6);
    expect(server.lengthsExact).toBe(false);
    // Offline: throughput only.
    const offline = o.points.find((p) => p.row === 7)!;
    expect(offline.tokensPerSecondPerUser).toBeNull();
    expect(offline.outputTokensPerSecondPerChip).toBeCloseTo(31302.7 / 8, 6);
    expect(o.points.every((p) => p.hardwareId === 'nvidia-h200-sxm')).toBe(true);
    // Outside the tolerance: no match.
    const far = measuredPointsFor(plans, { modelId: 'llama-2-70b', inputTokens: Math.ceil(222 * (1 + MEAN_LENGTH_TOLERANCE)) + 5, outputTokens: 294, hardwareIds: ['nvidia-h200-sxm'] });
    expect(far.points).toEqual([]);
  });

  it('matches vendor tables only at their exact lengths, per-user speed from the inter-token latency', () => {
    const exact = measuredPointsFor(plans, { modelId: 'llama-3.3-70b', inputTokens: 5000, outputTokens: 500, hardwareIds: ['nvidia-h100-sxm'] });
    expect(exact.points.map((p) => p.row)).toEqual([42, 43, 44]);
    const one = exact.points[0]!;
    expect(one.tokensPerSecondPerUser).toBeCloseTo(1000 / 18.58, 6);
    expect(one.outputTokensPerSecondPerChip).toBeCloseTo(51.67 / 2, 6);
    expect(one.lengthsExact).toBe(true);
    const near = measuredPointsFor(plans, { modelId: 'llama-3.3-70b', inputTokens: 5100, outputTokens: 500, hardwareIds: ['nvidia-h100-sxm'] });
    expect(near.points).toEqual([]);
  });

  it('never returns vendor claims, and only chips of the comparison', () => {
    // Row 70 is a vendor claim for H100 at 2048/128 on llama-3.1-70b.
    const o = measuredPointsFor(plans, { modelId: 'llama-3.1-70b', inputTokens: 2048, outputTokens: 128, hardwareIds: ['nvidia-h100-sxm', 'etched-sohu'] });
    expect(o.points).toEqual([]);
    const none = measuredPointsFor(plans, { modelId: 'llama-2-70b', inputTokens: 270, outputTokens: 294, hardwareIds: ['google-tpu-v5e'] });
    expect(none.points).toEqual([]);
    expect(none.sameModel).toBeGreaterThan(10);
  });

  it('places InferenceX per-MW rows at their interactivity target', () => {
    const o = measuredPointsFor(plans, { modelId: 'gpt-oss-120b', inputTokens: 1024, outputTokens: 8192, hardwareIds: ['nvidia-b200'] });
    const inferenceX = o.points.filter((p) => p.source.startsWith('InferenceX'));
    expect(inferenceX).toHaveLength(1);
    expect(inferenceX[0]!.tokensPerSecondPerUser).toBeCloseTo(90, 6);
    expect(inferenceX[0]!.outputTokensPerSecondPerChip).toBeCloseTo((2_800_000 * 2.17) / 1000, 3);
  });
});
