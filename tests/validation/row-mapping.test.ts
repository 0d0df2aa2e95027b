import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { parseScenario } from '../../src/scenario/parse-scenario';
import { resolveScenario } from '../../src/scenario/resolve';
import { parseCalibrationCsv } from '../../src/validation/calibration-rows';
import {
  MLPERF_BENCHMARKS,
  hardwareIdFor,
  latencyShape,
  modelIdFor,
  planRows,
  type ModelledRow,
  type RowPlan,
} from '../../src/validation/row-to-scenario';

const text = readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8');
const parsed = parseCalibrationCsv(text);
const plans = planRows(parsed.rows);
const { catalog } = loadCatalogFromDisk();

function plan(index: number): RowPlan {
  const p = plans.find((x) => x.row.index === index);
  if (!p) throw new Error(`no row ${index}`);
  return p;
}

function modelled(index: number): ModelledRow {
  const p = plan(index);
  if (p.kind !== 'modelled') throw new Error(`row ${index} is excluded: ${p.reason}`);
  return p;
}

describe('calibration.csv as a whole', () => {
  it('parses without problems', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.length).toBeGreaterThan(100);
  });

  it('maps every row or excludes it with a reason (none silently dropped)', () => {
    expect(plans).toHaveLength(parsed.rows.length);
    for (const p of plans) {
      if (p.kind === 'excluded') expect(p.reason.trim().length, `row ${p.row.index}`).toBeGreaterThan(10);
      else expect(p.measured, `row ${p.row.index}`).toBeGreaterThan(0);
    }
  });

  it('models every MLPerf and vendor-table row of the original file, and most of the added ones', () => {
    const measurements = plans.filter((p) => p.row.sourceKind === 'mlperf_inference_result' || p.row.sourceKind === 'vendor_benchmark_doc');
    for (const p of measurements) if (p.row.index <= 45) expect(p.kind, `row ${p.row.index}`).toBe('modelled');
    expect(measurements.filter((p) => p.kind === 'modelled').length).toBeGreaterThan(200);
  });

  it('never decides a precision in code: every modelled row runs the formats of its precision_assumed column', () => {
    for (const p of plans) {
      if (p.kind !== 'modelled' || p.metric.kind === 'tco-usd-per-chip-hour') continue;
      const [w, a, kv] = p.row.precisionAssumed.split(':')[0]!.trim().split('/');
      expect(p.scenario.precision, `row ${p.row.index}`).toEqual({ weights: w, activations: a, kvCache: kv });
    }
  });

  it('gives every modelled row a scenario that parses cleanly and resolves against the catalog', () => {
    for (const p of plans) {
      if (p.kind !== 'modelled') continue;
      const outcome = parseScenario(JSON.parse(JSON.stringify(p.scenario)));
      expect(outcome.errors, `row ${p.row.index}`).toEqual([]);
      const resolved = resolveScenario(outcome.value, catalog);
      expect(resolved.errors, `row ${p.row.index}`).toEqual([]);
    }
  });

  it('excludes prices, price history, qualitative and relative claims with a reason', () => {
    for (const p of plans) {
      if (['cloud_price', 'api_price_history'].includes(p.row.sourceKind)) expect(p.kind).toBe('excluded');
      if (p.row.metric === 'claim_qualitative' || p.row.metric.startsWith('relative_')) expect(p.kind).toBe('excluded');
    }
  });
});

describe('row mapping by hand', () => {
  it('MLPerf v4.1 H200 x8 Llama-2-70B Offline: fp8, dataset lengths, max throughput, no SLO', () => {
    const p = modelled(7);
    expect(p.hardwareId).toBe('nvidia-h200-sxm');
    expect(p.modelId).toBe('llama-2-70b');
    expect(p.scenario.chips).toBe(8);
    expect(p.scenario.precision).toEqual({ weights: 'fp8', activations: 'fp8', kvCache: 'fp8' });
    const bench = MLPERF_BENCHMARKS['llama2-70b']!;
    // The run's own mean output (291); the decode context of the token-weighted sequence:
    // 199.5 + 1.620 x 291 / 2 = 435.21 (input + output / 2 would be 367.5).
    const { meanDecodeContextTokens, ...lengths } = p.scenario.workload;
    expect(lengths).toEqual({ inputTokens: bench.meanInputTokens, outputTokens: 291, prefixCacheHitRate: 0, arrivals: 'saturated' });
    expect(meanDecodeContextTokens).toBeCloseTo(435.21, 6);
    expect(p.scenario.objective).toBe('max-throughput');
    expect(p.scenario.slo).toEqual({ maxTtftSeconds: null, maxTpotSeconds: null });
    expect(p.metric.kind).toBe('system-output-tokens-per-second');
    expect(p.measured).toBe(31302.7);
    expect(p.mlperf).toEqual({ benchmark: 'llama2-70b', scenario: 'Offline', round: 'v4.1', submitter: 'NVIDIA' });
    expect(p.inTargetSet).toBe(true);
    expect(p.assumptions.some((a) => a.includes('ASSUMED'))).toBe(true);
    expect(p.assumptions.some((a) => a.includes('token-weighted'))).toBe(true);
  });

  it('MLPerf lengths are dataset facts, never solved from a row (the input is the per-sample mean)', () => {
    expect(MLPERF_BENCHMARKS['llama2-70b']!.meanInputTokens).toBe(222);
    expect(MLPERF_BENCHMARKS['mixtral-8x7b']!.meanInputTokens).toBe(427);
    expect(MLPERF_BENCHMARKS['deepseek-r1']!.meanInputTokens).toBe(804);
    expect(MLPERF_BENCHMARKS['llama3.1-405b']!.meanInputTokens).toBe(9429);
  });

  it('a pool of a disaggregated deployment is compared with the engine\'s pool figure', () => {
    const prefill = plans.find((p) => p.kind === 'modelled' && p.metric.kind === 'prefill-pool-tokens-per-second-per-chip') as ModelledRow;
    expect(prefill.scenario.serving).toBe('disaggregated');
    const decode = plans.find((p) => p.kind === 'modelled' && p.metric.kind === 'decode-pool-tokens-per-second-per-chip') as ModelledRow;
    expect(decode.scenario.serving).toBe('disaggregated');
  });

  it('layouts in the notes become pins in the engine\'s terms (DEP4 = TP1 EP4 DP-attention on 4 chips)', () => {
    const dep4 = plans.find((p) => p.kind === 'modelled' && /DEP4/.test(p.row.notes) && p.row.accelCount === 4) as ModelledRow;
    expect(dep4.scenario.layout).toEqual({ tensorParallel: 1, pipelineParallel: 1, expertParallel: 4, dataParallelAttention: 'on' });
    const tp4ep2 = plans.find((p) => p.kind !== 'modelled' && /MoE TP4xEP2/.test(p.row.notes));
    expect(tp4ep2?.kind).toBe('excluded'); // speculative decoding with an unmeasured acceptance
  });

  it('MLPerf Server: the README p99 limits scaled to means by the logged mean/p99 ratios', () => {
    const shape = latencyShape(parsed.rows);
    expect(shape.tpotMeanOverP99).toBeGreaterThan(0.7);
    expect(shape.tpotMeanOverP99).toBeLessThan(0.95);
    const p = modelled(8);
    expect(p.scenario.slo.maxTpotSeconds).toBeCloseTo(0.2 * shape.tpotMeanOverP99, 12);
    expect(p.scenario.slo.maxTtftSeconds).toBeCloseTo(2 * shape.ttftMeanOverP99, 12);
    expect(p.scenario.objective).toBe('max-throughput');
    expect(p.scenario.workload.arrivals).toBe('poisson');
  });

  it('MLPerf runs: speculative decoding in the configs excludes the run (as for vendor rows); disaggregated pools are simulated as such', () => {
    const interactive = plans.filter((p) => p.row.sourceKind === 'mlperf_inference_result' && /DeepSeek-R1/.test(p.row.model) && p.row.scenario === 'Interactive');
    expect(interactive.length).toBe(2);
    for (const p of interactive) {
      expect(p.kind).toBe('excluded');
      expect(p.kind === 'excluded' && p.reason).toMatch(/^speculative decoding \(MTP/);
    }
    const server = parsed.rows.find((r) => r.sourceKind === 'mlperf_inference_result' && r.scenario === 'Server' && /Llama-2-70B/.test(r.model))!;
    const pooled = planRows([{ ...server, noteFields: { ...server.noteFields, disaggregated: 'yes (2 prefill + 6 decode)' } }])[0] as ModelledRow;
    expect(pooled.scenario.serving).toBe('disaggregated');
    expect(pooled.assumptions.join(' ')).toContain('the engine sizes the prefill and decode pools');
    expect((planRows([server])[0] as ModelledRow).scenario.serving).toBe('co-located');
  });

  it('GPT-J beam search: samples/s x mean output tokens vs engine tokens/s / 4, prompt computed once', () => {
    const p = modelled(20);
    const bench = MLPERF_BENCHMARKS.gptj!;
    expect(p.modelId).toBe('gpt-j-6b');
    expect(p.metric).toEqual({ kind: 'beam-search-tokens-per-second', unit: 'tokens/s', beams: 4 });
    expect(p.measured).toBeCloseTo(286.084 * bench.meanOutputTokens, 9);
    expect(p.scenario.workload.prefixCacheHitRate).toBe(0.75);
  });

  it('TensorRT-LLM table row: exact lengths, one chip, FP8', () => {
    const p = modelled(31);
    expect(p.hardwareId).toBe('nvidia-h200-sxm');
    expect(p.modelId).toBe('llama-3.3-70b');
    expect(p.scenario.chips).toBe(1);
    expect(p.scenario.workload.inputTokens).toBe(1000);
    expect(p.scenario.workload.outputTokens).toBe(1000);
    expect(p.measured).toBe(2909);
    expect(p.group).toBe('vendor-table');
  });

  it('NIM concurrency rows: one user = min latency; N users = at most N sequences per instance', () => {
    expect(modelled(42).scenario.objective).toBe('min-latency');
    const p = modelled(43);
    expect(p.scenario.objective).toBe('max-throughput');
    expect(p.scenario.engine.maxSequences).toBe(25);
    expect(p.scenario.chips).toBe(2);
    expect(p.metric.kind).toBe('instance-output-tokens-per-second');
  });

  it('TCO row: engine TCO per chip-hour vs the InferenceX figure', () => {
    const p = modelled(46);
    expect(p.hardwareId).toBe('nvidia-h100-sxm');
    expect(p.metric.kind).toBe('tco-usd-per-chip-hour');
    expect(p.measured).toBe(1.3);
    expect(p.inTargetSet).toBe(false);
  });

  it('vendor claims are modelled as claims (never in the target set); estimates are excluded', () => {
    const etched = modelled(69);
    expect(etched.claim).toBe(true);
    expect(etched.inTargetSet).toBe(false);
    expect(etched.hardwareId).toBe('etched-sohu');
    expect(etched.modelId).toBe('llama-3.1-70b');
    const cerebras = modelled(72);
    expect(cerebras.metric.kind).toBe('tokens-per-second-per-user');
    expect(cerebras.scenario.objective).toBe('min-latency');
    expect(plan(71).kind).toBe('excluded');
  });

  it('GH200 rows use the GH200 profile', () => {
    expect(modelled(11).hardwareId).toBe('nvidia-gh200');
    expect(modelled(12).mlperf?.scenario).toBe('Server');
  });
});

describe('name mappings', () => {
  it('maps model names', () => {
    expect(modelIdFor('Llama-2-70B-chat (99% acc target)')).toBe('llama-2-70b');
    expect(modelIdFor('Llama-3.3-70B-Instruct')).toBe('llama-3.3-70b');
    expect(modelIdFor('Mixtral-8x7B')).toBe('mixtral-8x7b');
    expect(modelIdFor('GPT-J-6B')).toBe('gpt-j-6b');
    expect(modelIdFor('Llama-3.1-8B-Instruct')).toBe('llama-3.1-8b');
    expect(modelIdFor('Llama-3 70B')).toBe('llama-3.1-70b');
    expect(modelIdFor('GPT-4 (8K)')).toBeNull();
  });

  it('maps accelerator names', () => {
    expect(hardwareIdFor('AMD Instinct MI300X-NPS1-SPX-192GB-750W')).toBe('amd-mi300x');
    expect(hardwareIdFor('NVIDIA H100-SXM-80GB')).toBe('nvidia-h100-sxm');
    expect(hardwareIdFor('NVIDIA H200-SXM-141GB (700W TGP)')).toBe('nvidia-h200-sxm');
    expect(hardwareIdFor('GB200 (per GPU, NVL72)')).toBe('nvidia-gb200-nvl72');
    expect(hardwareIdFor('Intel Gaudi 2 (96GB HBM2E)')).toBe('intel-gaudi2');
    expect(hardwareIdFor('Google TPU v5e (16GB HBM2)')).toBe('google-tpu-v5e');
    expect(hardwareIdFor('NVIDIA GH200 Grace Hopper Superchip 144GB')).toBe('nvidia-gh200');
    expect(hardwareIdFor('NVIDIA GPUs (unspecified)')).toBeNull();
    expect(hardwareIdFor('AMD MI355X vs MI325X')).toBeNull();
    // Cards with their own memory, clocks and power: no profile stands for them.
    expect(hardwareIdFor('NVIDIA H100-NVL-94GB')).toBeNull();
    expect(hardwareIdFor('NVIDIA H200-NVL-141GB')).toBeNull();
    expect(hardwareIdFor('NVIDIA GH200 Grace Hopper Superchip 96GB')).toBeNull();
    expect(hardwareIdFor('NVIDIA H100-PCIe-80GB')).toBe('nvidia-h100-pcie');
    expect(hardwareIdFor('NVIDIA GB200 NVL72')).toBe('nvidia-gb200-nvl72');
    const nvl = plans.filter((p) => /H[12]00-NVL/.test(p.row.accelerator));
    expect(nvl.length).toBeGreaterThan(0);
    for (const p of nvl) expect(p.kind === 'excluded' && p.reason, `row ${p.row.index}`).toMatch(/an NVL PCIe card/);
  });
});
