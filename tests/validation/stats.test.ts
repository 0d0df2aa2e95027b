import { describe, expect, it } from 'vitest';
import { speedError } from '../../src/validation/row-plan';
import { median, relativeAccuracy, signedError, summarize, summarizeBy, type MlperfPoint } from '../../src/validation/stats';

describe('error statistics (hand-computed)', () => {
  it('signed error = predicted / measured - 1', () => {
    expect(signedError(110, 100)).toBeCloseTo(0.1, 12);
    expect(signedError(75, 100)).toBeCloseTo(-0.25, 12);
  });

  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('summary: median |error|, worst |error| with its sign and label, median signed', () => {
    const s = summarize([
      { label: 'a', error: 0.1 },
      { label: 'b', error: -0.3 },
      { label: 'c', error: 0.05 },
      { label: 'd', error: 0.2 },
    ]);
    // |errors| 0.05, 0.1, 0.2, 0.3 -> median 0.15; signed -0.3, 0.05, 0.1, 0.2 -> median 0.075
    expect(s.count).toBe(4);
    expect(s.medianAbs).toBeCloseTo(0.15, 12);
    expect(s.worstAbs).toBeCloseTo(0.3, 12);
    expect(s.worstSigned).toBeCloseTo(-0.3, 12);
    expect(s.worstLabel).toBe('b');
    expect(s.medianSigned).toBeCloseTo(0.075, 12);
  });

  it('groups by key, sorted', () => {
    const groups = summarizeBy([
      { label: 'x', error: 0.1, v: 'NVIDIA' },
      { label: 'y', error: -0.2, v: 'AMD' },
      { label: 'z', error: 0.3, v: 'NVIDIA' },
    ], (e) => e.v);
    expect(groups.map((g) => g.key)).toEqual(['AMD', 'NVIDIA']);
    expect(groups[1]!.summary.medianAbs).toBeCloseTo(0.2, 12);
  });
});

describe('MLPerf relative accuracy', () => {
  const point = (over: Partial<MlperfPoint>): MlperfPoint => ({
    label: 'p', benchmark: 'llama2-70b', scenario: 'Offline', round: 'v4.1', hardwareId: 'nvidia-h100-sxm', submitter: 'NVIDIA',
    chips: 8, measuredPerChip: 3000, predictedPerChip: 3300, ...over,
  });

  it('ratio of per-chip throughput to the H100 row, predicted vs measured', () => {
    const entries = relativeAccuracy([
      point({ label: 'h100' }),
      point({ label: 'h200', hardwareId: 'nvidia-h200-sxm', measuredPerChip: 3900, predictedPerChip: 3960 }),
    ]);
    expect(entries).toHaveLength(1);
    const e = entries[0]!;
    // measured 3900/3000 = 1.3; predicted 3960/3300 = 1.2; error 1.2/1.3 - 1 = -0.0769
    expect(e.measuredRatio).toBeCloseTo(1.3, 12);
    expect(e.predictedRatio).toBeCloseTo(1.2, 12);
    expect(e.error).toBeCloseTo(1.2 / 1.3 - 1, 12);
    expect(e.crossRound).toBe(false);
    expect(e.reference).toBe('h100');
  });

  it('prefers the same round and NVIDIA\'s own H100 submission; falls back across rounds', () => {
    const entries = relativeAccuracy([
      point({ label: 'juniper', submitter: 'JuniperNetworks', chips: 32, measuredPerChip: 2500 }),
      point({ label: 'nvidia' }),
      point({ label: 'old-h100', round: 'v4.0', measuredPerChip: 2700 }),
      point({ label: 'gaudi', round: 'v4.0', hardwareId: 'intel-gaudi2', measuredPerChip: 1000, predictedPerChip: 1000 }),
      point({ label: 'tpu', round: 'v3.1', hardwareId: 'google-tpu-v5e', measuredPerChip: 300, predictedPerChip: 330 }),
    ]);
    const by = new Map(entries.map((e) => [e.label, e]));
    expect(by.get('juniper')!.reference).toBe('nvidia');
    expect(by.get('gaudi')!.reference).toBe('old-h100');
    expect(by.get('tpu')!.crossRound).toBe(true);
    expect(by.get('tpu')!.reference).toBe('nvidia');
    expect(by.has('nvidia')).toBe(false);
  });

  it('pairs only within a benchmark and scenario', () => {
    const entries = relativeAccuracy([
      point({ label: 'h100' }),
      point({ label: 'server-h200', scenario: 'Server', hardwareId: 'nvidia-h200-sxm' }),
    ]);
    expect(entries).toEqual([]);
  });
});

describe('a row\'s error on its speed', () => {
  it('+ means the engine promises more, for a time as for a rate', () => {
    // Trainium2's TPOT row: 11.9 ms predicted against 19.8 ms measured promises 67% more speed.
    expect(speedError('tpot-seconds', 0.0119, 0.0198)).toBeCloseTo(0.0198 / 0.0119 - 1, 12);
    expect(speedError('tpot-seconds', 0.0119, 0.0198)).toBeGreaterThan(0);
    expect(speedError('system-output-tokens-per-second', 110, 100)).toBeCloseTo(0.1, 12);
  });
});
