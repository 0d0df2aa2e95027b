// Ranges of results whose batch a latency limit sets: the slow end is the chosen layout rerun, not the point scaled.

import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { simulate } from '../../src/engine/simulate';
import { rangeQuantiles } from '../../src/engine/uncertainty';
import type { ResolvedScenario } from '../../src/engine/types';
import { DEFAULT_ECONOMICS, DEFAULT_ENGINE, DEFAULT_LAYOUT } from '../../src/scenario/scenario';

const { catalog } = loadCatalogFromDisk();

function scenario(model: string, maxTpotSeconds: number | null, objective: ResolvedScenario['objective'] = 'max-throughput'): ResolvedScenario {
  return {
    hardware: catalog.hardware.get('nvidia-h200-sxm')!, chips: 8, model: catalog.models.get(model)!,
    precision: { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' },
    workload: { inputTokens: 2048, outputTokens: 512, prefixCacheHitRate: 0, arrivals: 'saturated' },
    slo: { maxTtftSeconds: 2, maxTpotSeconds }, objective, economics: { ...DEFAULT_ECONOMICS }, efficiencyMode: 'achieved',
    serving: 'co-located', layout: { ...DEFAULT_LAYOUT }, engine: { ...DEFAULT_ENGINE }, speculative: null,
  };
}

describe('latency cliffs', () => {
  it('a batch compute saturation set is rerun too where the scaled slow end would break the TPOT limit', () => {
    // MatX One at TPOT <= 50 ms read 44 ms (28.5-68.9 ms): its batch was not the limit's, so it was not rerun.
    const limit = 0.05;
    const r = simulate({ ...scenario('llama-3.1-70b', limit), hardware: catalog.hardware.get('matx-one')! }, { frontier: false });
    expect(r.memory.batchLimitedBy).toBe('compute-saturation');
    const u = r.uncertainty!;
    expect(1 / u.tokensPerSecondPerUser.low).toBeLessThanOrEqual(limit);
    expect(u.outputTokensPerSecond.low).toBeLessThanOrEqual(r.outputTokensPerSecond);
    expect(u.derivation).toMatch(/at the range's slow end the TPOT limit sets the batch/);
  });

  it('where the slow end\'s throughput is no lower, per-user speed\'s low end still meets the limit (no TPOT range past it)', () => {
    // Found on the landing page's H100 (TPOT 47.8 ms at a 50 ms limit read 47.8 ms (...-56.7)); at
    // 40 ms the chosen layout's rerun still serves no less than the scaled low end.
    const limit = 0.04;
    const r = simulate({ ...scenario('llama-3.1-70b', limit), hardware: catalog.hardware.get('nvidia-h100-sxm')! }, { frontier: false });
    expect(r.memory.batchLimitedBy).toBe('tpot-limit');
    const u = r.uncertainty!;
    // A batch a latency limit set: the range scales by the latency-bound predictions' quantiles.
    const low = rangeQuantiles(CALIBRATION_SUMMARY.uncertainty, r.evidence.basis, false, false, true).low;
    expect(low).toBeLessThan(rangeQuantiles(CALIBRATION_SUMMARY.uncertainty, r.evidence.basis, false, false).low);
    expect(u.derivation).toMatch(/cross-validated predictions whose batch a latency limit set/);
    expect(r.tokensPerSecondPerUser * Math.exp(low)).toBeLessThan(1 / limit);
    expect(u.outputTokensPerSecond.low).toBeCloseTo(r.outputTokensPerSecond * Math.exp(low), 6);
    expect(u.tokensPerSecondPerUser.low).toBeGreaterThanOrEqual(1 / limit);
    expect(u.tokensPerSecondPerUser.low).toBeLessThanOrEqual(r.tokensPerSecondPerUser);
    expect(u.derivation).toMatch(/at the range's slow end the TPOT limit sets the batch: this layout meets it at batch \d+, so per-user speed's low end is that batch's/);
    // TTFT is not limited: its range keeps the speed quantiles (its high end was the TPOT cut's, near the value).
    expect(u.ttftSeconds!.high).toBeCloseTo(r.ttftSeconds * Math.exp(-low), 9);
  });

  it('where the cliff, not the evidence, sets most of the range, a warning beside the result says how far', () => {
    // Etched (claim basis, wide range) at TPOT <= 45 ms: at the slow end only a small batch meets the
    // limit (at 50 ms the rerun's throughput sat 2.0 times below the scaled end, at 45 ms 19 times).
    const r = simulate({ ...scenario('llama-3.1-70b', 0.045), hardware: catalog.hardware.get('etched-sohu')! }, { frontier: false });
    expect(r.memory.batchLimitedBy).toBe('tpot-limit');
    const low = rangeQuantiles(CALIBRATION_SUMMARY.uncertainty, r.evidence.basis, false, false, true).low;
    const scaledLow = r.outputTokensPerSecond * Math.exp(low);
    const u = r.uncertainty!;
    const times = scaledLow / u.outputTokensPerSecond.low;
    expect(times).toBeGreaterThan(2);
    const warning = r.warnings.find((w) => w.code === 'engine.cliff-widens-range');
    // The warning writes the factor with one decimal below 10 (3.8), whole from 10 (33).
    expect(warning?.text).toContain(`${times >= 10 ? Math.round(times) : times.toFixed(1)} times below`);
    expect(warning?.text).toMatch(/meets it only at batch \d+/);
    // A result whose rerun costs little (H100 at 40 ms above) carries no such warning.
    const calm = simulate({ ...scenario('llama-3.1-70b', 0.04), hardware: catalog.hardware.get('nvidia-h100-sxm')! }, { frontier: false });
    expect(calm.warnings.map((w) => w.code)).not.toContain('engine.cliff-widens-range');
  });

  it('disaggregated serving, whose slow end is not rerun, says where that end passes the TPOT limit', () => {
    const r = simulate({ ...scenario('llama-3.1-70b', 0.05), chips: 16, serving: 'disaggregated' }, { frontier: false });
    expect(r.disaggregation).not.toBeNull();
    const u = r.uncertainty!;
    expect(1 / u.tokensPerSecondPerUser.low).toBeGreaterThan(0.05);
    expect(r.warnings.map((w) => w.code)).toContain('engine.slow-end-not-rerun');
    expect(u.derivation).toMatch(/under disaggregated serving the range's slow end is not rerun: its TPOT \([\d.]+ ms\) passes the 50 ms limit/);
    // A looser limit the slow end meets: no such note.
    const loose = simulate({ ...scenario('llama-3.1-70b', 0.2), chips: 16, serving: 'disaggregated' }, { frontier: false });
    expect(loose.warnings.map((w) => w.code)).not.toContain('engine.slow-end-not-rerun');
    // Spec mode's range is not rerun either (no software factor to slow): said in its derivation, not as a warning.
    const spec = simulate({ ...scenario('llama-3.1-70b', 0.05), efficiencyMode: 'spec' }, { frontier: false });
    expect(1 / spec.uncertainty!.tokensPerSecondPerUser.low).toBeGreaterThan(0.05);
    expect(spec.warnings.map((w) => w.code)).not.toContain('engine.slow-end-not-rerun');
    expect(spec.uncertainty!.derivation).toMatch(/for a silicon limit or a vendor claim the range's slow end is not rerun/);
  });

  it('a TPOT limit that sets the batch widens the slow end to the batch the slower chip can still run', () => {
    const r = simulate(scenario('deepseek-r1', 0.05), { frontier: false });
    expect(r.memory.batchLimitedBy).toBe('tpot-limit');
    const u = r.uncertainty!;
    // DeepSeek-R1 is a mixture of experts whose batch the limit set: the wider ends of the MoE and latency-bound quantiles.
    const low = rangeQuantiles(CALIBRATION_SUMMARY.uncertainty, r.evidence.basis, false, true, true).low;
    const scaledLow = r.outputTokensPerSecond * Math.exp(low);
    expect(u.outputTokensPerSecond.low).toBeLessThan(scaledLow * 0.99);
    expect(u.outputTokensPerSecond.low).toBeLessThanOrEqual(r.outputTokensPerSecond);
    expect(u.usdPerMillionOutputTokens!.high).toBeGreaterThan(r.usdPerMillionOutputTokens!);
    expect(u.derivation).toMatch(/at the range's slow end the TPOT limit sets the batch: this layout meets it only at batch \d+/);
    // One deployment stands behind the slow end: the smaller batch meets the limit, so its per-user
    // speed does too (the scaled low end, at the old batch, was below 1 / 50 ms).
    const scaledPerUserLow = r.tokensPerSecondPerUser * Math.exp(low);
    expect(scaledPerUserLow).toBeLessThan(1 / 0.05);
    expect(u.tokensPerSecondPerUser.low).toBeGreaterThanOrEqual(1 / 0.05);
    expect(u.tokensPerSecondPerUser.low).toBeLessThanOrEqual(r.tokensPerSecondPerUser);
    // Without a limit the batch is not set by one, and the range is the scaled one.
    const free = simulate(scenario('deepseek-r1', null), { frontier: false });
    const freeLow = rangeQuantiles(CALIBRATION_SUMMARY.uncertainty, free.evidence.basis, false, true).low;
    expect(free.uncertainty!.outputTokensPerSecond.low).toBeCloseTo(free.outputTokensPerSecond * Math.exp(freeLow), 6);
  });

  it('a limit just above what one sequence reaches: the slow end misses it, and a warning says the result is on a cliff', () => {
    const alone = simulate(scenario('llama-3.1-70b', null, 'min-latency'), { frontier: false });
    const r = simulate(scenario('llama-3.1-70b', alone.tpotSeconds * 1.02), { frontier: false });
    expect(r.feasible).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('engine.cliff-misses-limit');
  });
});
