// MLPerf Inference rows: the dataset's mean lengths, the scenario's latency limits (p99 in the log,
// mean in the engine) and the system's chips. Pure.
import type { Scenario } from '../scenario/scenario';
import type { CalibrationRow } from './calibration-rows';
import { latencyShape, meanDecodeContextTokens, mlperfBenchmarkFor, rowLatencyLimits, rowMeanOutputTokens, type LatencyShape } from './mlperf-benchmarks';
import { hardwareIdFor, missingHardwareReason, modelIdFor } from './row-names';
import { exclude, labelFor, scenarioFor, speculationInNotes, type MetricSpec, type RowPlan } from './row-plan';
import { rowPrecision } from './row-precision';
import { runsTensorrtLlm, trtllmCaps } from './mlperf-trtllm-caps';

export function planMlperf(row: CalibrationRow, shape: LatencyShape): RowPlan {
  const hardwareId = hardwareIdFor(row.accelerator);
  if (hardwareId === null) return exclude(row, missingHardwareReason(row.accelerator));
  const modelId = modelIdFor(row.model);
  const bench = mlperfBenchmarkFor(modelId);
  if (bench === null) {
    return exclude(row, modelId === 'gpt-oss-120b'
      ? 'the gpt-oss-120b MLPerf dataset\'s input lengths are not published (and are not solved from measurements)'
      : `no MLPerf benchmark conditions known for "${row.model}"`);
  }
  const scenario = row.scenario === 'Server' || row.scenario === 'Offline' || row.scenario === 'Interactive' ? row.scenario : null;
  if (scenario === null) return exclude(row, `MLPerf scenario "${row.scenario}" is not modelled (Offline, Server and Interactive are)`);
  if (row.value === null || row.accelCount === null) return exclude(row, 'no numeric value or accelerator count');
  const precision = rowPrecision(row);
  if ('error' in precision) return exclude(row, precision.error);
  // The submission's own configs say how it served (notes: mtp, spec_decode, disaggregated).
  const spec = speculationInNotes(row);
  if (spec !== null) return exclude(row, `speculative decoding (${spec}) with an acceptance rate the row does not measure`);
  const disaggregated = /^yes\b/i.test(row.noteFields.disaggregated ?? '');
  const ownOutput = rowMeanOutputTokens(row);
  const meanOutput = Math.round(ownOutput ?? bench.meanOutputTokens);
  const decodeContext = meanDecodeContextTokens(bench, meanOutput);
  const assumptions = [
    `precision ${precision.basis}`,
    `input ${bench.meanInputTokens} tokens: ${bench.inputSource}`,
    ownOutput !== null ? `mean output ${meanOutput} tokens: this run's log (tokens/s / samples/s)` : `mean output ${meanOutput} tokens: ${bench.outputSource}`,
    `decode context ${Math.round(decodeContext)} tokens per sequence: token-weighted input ${bench.tokenWeightedInputTokens} `
      + `+ output size bias ${bench.outputSizeBias} x ${meanOutput} / 2, from the per-sample counts`,
  ];
  let slo: Scenario['slo'] = { maxTtftSeconds: null, maxTpotSeconds: null };
  if (scenario !== 'Offline') {
    const limits = rowLatencyLimits(row) ?? bench.limits[scenario];
    if (limits === null) return exclude(row, `no ${scenario} latency limits known for ${bench.id} and the row states none`);
    const scale = (v: number | null, k: number) => (v === null ? null : v * k);
    slo = { maxTtftSeconds: scale(limits.ttftSeconds, shape.ttftMeanOverP99), maxTpotSeconds: scale(limits.tpotSeconds, shape.tpotMeanOverP99) };
    assumptions.push(`objective: max throughput under the ${scenario} p99 limits (${rowLatencyLimits(row) !== null ? 'from the row\'s log' : bench.limitsSource}) `
      + `as limits on the engine's mean TPOT x ${shape.tpotMeanOverP99.toFixed(2)} and mean TTFT x ${shape.ttftMeanOverP99.toFixed(2)} `
      + `(median mean/p99 ratios logged by ${shape.rows} MLPerf rows that may enter a fit)`);
    assumptions.push('arrivals: Poisson (MLPerf LoadGen)');
  } else {
    assumptions.push('objective: max throughput, no latency limit (MLPerf Offline)');
  }
  if (disaggregated) assumptions.push(`disaggregated serving (notes: ${row.noteFields.disaggregated}); the engine sizes the prefill and decode pools within the row's chips`);
  const round = /v(\d+\.\d+)/.exec(row.roundOrDate)?.[0] ?? row.roundOrDate;
  const caps = runsTensorrtLlm(row) ? trtllmCaps(bench.id, scenario, hardwareId, round, row.system) : null;
  if (caps !== null) {
    assumptions.push(`TensorRT-LLM configs of the submission: TP${caps.tensorParallel} PP${caps.pipelineParallel}, `
      + `${caps.maxTokensPerStep} tokens per step (per micro-batch)${caps.maxSequences === null ? '' : `, ${caps.maxSequences} sequences per replica`}, `
      + `one capacity scheduler per replica (${caps.source})`);
  }
  let metric: MetricSpec = { kind: 'system-output-tokens-per-second', unit: 'tokens/s' };
  let measured = row.value;
  let prefixCacheHitRate = 0;
  if (bench.beams > 1) {
    // Beam search: B beams share one prompt. Modelled as B sequences per sample whose prompt is
    // computed once (the other B-1 find its KV in the prefix cache: hit rate (B-1)/B).
    prefixCacheHitRate = (bench.beams - 1) / bench.beams;
    metric = { kind: 'beam-search-tokens-per-second', unit: 'tokens/s', beams: bench.beams };
    if (row.unit.startsWith('samples')) measured = row.value * bench.meanOutputTokens;
    assumptions.push(`beam search ${bench.beams}: ${bench.beams} sequences per sample, prompt computed once (prefix-cache hit rate ${prefixCacheHitRate}); `
      + `measured samples/s x ${bench.meanOutputTokens} tokens vs engine output tokens/s / ${bench.beams}`);
  }
  return {
    kind: 'modelled',
    row,
    label: labelFor(row),
    group: 'mlperf',
    hardwareId,
    modelId: bench.modelId,
    scenario: scenarioFor({
      hardwareId, modelId: bench.modelId, chips: row.accelCount, precision: precision.precision,
      inputTokens: bench.meanInputTokens, outputTokens: meanOutput, meanDecodeContextTokens: decodeContext, objective: 'max-throughput', slo, prefixCacheHitRate,
      arrivals: scenario === 'Offline' ? 'saturated' : 'poisson', serving: disaggregated ? 'disaggregated' : 'co-located',
      ...(caps === null ? {} : {
        maxTokensPerStep: caps.maxTokensPerStep,
        // TensorRT-LLM's batch manager schedules all micro-batches from one pool of slots.
        scheduler: 'per-replica' as const,
        ...(caps.maxSequences === null ? {} : { maxSequences: caps.maxSequences }),
        layout: { tensorParallel: caps.tensorParallel, pipelineParallel: caps.pipelineParallel, expertParallel: 'auto', dataParallelAttention: 'auto' },
      }),
    }),
    statedLengths: { inputTokens: bench.meanInputTokens, outputTokens: bench.meanOutputTokens },
    metric,
    measured,
    claim: false,
    inTargetSet: true,
    mlperf: { benchmark: bench.id, scenario, round, submitter: row.noteFields.submitter ?? '' },
    assumptions,
  };
}

export { latencyShape };
