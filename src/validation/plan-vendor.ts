// Vendor benchmark tables and blogs (TensorRT-LLM, SGLang, NIM, tpu-recipes, Neuron, Gaudi): exact
// lengths, the layout the notes state, and which figure the row reports (system or per-GPU
// throughput, one serving instance at N users, one user's speed or latency, one pool of a
// disaggregated deployment). Pure.
import type { Objective } from '../engine/types';
import type { CalibrationRow } from './calibration-rows';
import { hardwareIdFor, missingHardwareReason, modelIdFor, systemMismatch } from './row-names';
import {
  exclude, labelFor, layoutFromNotes, noteInteger, overlapFromNotes, scenarioFor, speculationInNotes,
  type LayoutFromNotes, type MetricSpec, type ModelledRow, type RowPlan, type ScenarioConditions,
} from './row-plan';
import { rowPrecision } from './row-precision';

/** "avg ~130000" (dataset-defined lengths stated as averages), else null. */
function averageLength(text: string): number | null {
  const m = /avg\s*~\s*(\d+)/i.exec(text);
  return m ? Number(m[1]) : null;
}

function modelled(row: CalibrationRow, hardwareId: string, modelId: string, conditions: ScenarioConditions, metric: MetricSpec,
  measured: number, assumptions: string[]): ModelledRow {
  return {
    kind: 'modelled', row, label: labelFor(row), group: 'vendor-table', hardwareId, modelId,
    scenario: scenarioFor(conditions), statedLengths: { inputTokens: conditions.inputTokens, outputTokens: conditions.outputTokens },
    metric, measured, claim: false, inTargetSet: true, mlperf: null, assumptions,
  };
}

export function planVendorRow(row: CalibrationRow): RowPlan {
  const hardwareId = hardwareIdFor(row.accelerator);
  if (hardwareId === null) return exclude(row, missingHardwareReason(row.accelerator));
  const mismatch = systemMismatch(hardwareId, row.system);
  if (mismatch !== null) return exclude(row, mismatch);
  const modelId = modelIdFor(row.model);
  if (modelId === null) return exclude(row, `no catalog model for "${row.model}"`);
  if (row.value === null || row.value <= 0) return exclude(row, 'no numeric value');
  if (/lower bound/i.test(row.notes)) return exclude(row, 'a lower bound ("over ..."), not a measured value');
  const spec = speculationInNotes(row);
  if (spec !== null) return exclude(row, `speculative decoding (${spec}) with an acceptance rate the row does not measure`);
  const precision = rowPrecision(row);
  if ('error' in precision) return exclude(row, precision.error);
  const chips = row.accelCount;
  const assumptions = [`precision ${precision.basis}`];

  let layout: LayoutFromNotes | null = layoutFromNotes(row);
  if (layout !== null && chips !== null) {
    const perInstance = layout.pins.tensorParallel === 'auto' || layout.pins.expertParallel === 'auto' ? 1
      : layout.pins.tensorParallel * layout.pins.expertParallel;
    if (perInstance > chips) {
      assumptions.push(`notes' parallelism (${row.noteFields.tp ? `tp=${row.noteFields.tp}` : ''}) counts cores, not chips: layout left to the engine`);
      layout = null;
    }
  }
  if (layout !== null) assumptions.push(layout.text);
  else if (row.noteFields.ep !== undefined && !/TensorCores/i.test(row.notes)) {
    assumptions.push(`notes: ep=${row.noteFields.ep} (redundant experts the engine does not model): layout left to the engine`);
  }
  const pins = layout?.pins;
  const groups = layout?.groups ?? 1;
  const maxBatch = noteInteger(row, 'max_batch');
  const concurrency = noteInteger(row, 'concurrency') ?? (/concurrency\s*=\s*(\d+)/i.exec(row.scenario) ? Number(/concurrency\s*=\s*(\d+)/i.exec(row.scenario)![1]) : null);
  const overlap = overlapFromNotes(row);
  if (overlap === 'two-micro-batches') assumptions.push('notes: overlap=two-micro-batches (each step in two halves, one half\'s all-to-alls under the other\'s compute)');
  const base = { hardwareId, modelId, precision: precision.precision, layout: pins, ...(overlap === null ? {} : { overlap }) };

  // One pool of a disaggregated deployment, measured with the other side assumed unlimited.
  if (/^yes\b/i.test(row.noteFields.disaggregated ?? '')) {
    const pool = (row.noteFields.pool ?? '').split(/\s/)[0];
    if (row.inputLen === null) return exclude(row, `pool figure without an exact prompt length ("${row.inputLenText}")`);
    if (/production/i.test(row.scenario)) return exclude(row, 'a 24-hour production average including prefix-cache hits, not a capacity at stated conditions');
    const outputTokens = row.outputLen ?? 100;
    if (row.outputLen === null) assumptions.push('output length not stated: 100 tokens ASSUMED (the decode context is the prompt plus half of it)');
    const perChip = row.unit.includes('/GPU') ? row.value : chips !== null ? row.value / chips : null;
    if (perChip === null) return exclude(row, 'a whole-pool figure without a chip count');
    assumptions.push(`disaggregated serving; compared: the engine's ${pool} pool tokens/s per chip (the other pool is sized by the engine)`);
    if (maxBatch !== null && pool === 'decode') assumptions.push(`decode batch cap ${maxBatch} per attention group (notes: max_batch)`);
    const metric: MetricSpec = pool === 'prefill'
      ? { kind: 'prefill-pool-tokens-per-second-per-chip', unit: 'prompt tokens/s per chip' }
      : { kind: 'decode-pool-tokens-per-second-per-chip', unit: 'tokens/s per chip' };
    if (pool !== 'prefill' && pool !== 'decode') return exclude(row, `unknown pool "${row.noteFields.pool}"`);
    return modelled(row, hardwareId, modelId, {
      ...base, chips: 'auto', inputTokens: row.inputLen, outputTokens, objective: 'max-throughput', serving: 'disaggregated',
      ...(maxBatch !== null && pool === 'decode' ? { maxSequences: maxBatch } : {}),
    }, metric, perChip, assumptions);
  }

  // One request alone: its speed (tokens/s/user) or latency (TTFT, TPOT).
  const latencyMetric = row.metric === 'ttft_ms' ? 'ttft-seconds' as const : row.metric === 'tpot_ms' ? 'tpot-seconds' as const : null;
  if (row.metric === 'output_tokens_per_s_per_user' || latencyMetric !== null) {
    if (concurrency !== null && concurrency > 1) return exclude(row, `a latency at concurrency ${concurrency} (includes queueing behind other requests)`);
    const input = row.inputLen ?? averageLength(row.inputLenText);
    if (input === null) return exclude(row, `no prompt length ("${row.inputLenText}")`);
    const output = row.outputLen ?? averageLength(row.outputLenText) ?? 1;
    if (row.inputLen === null) assumptions.push(`dataset lengths stated as averages: simulated at the mean (${input} in / ${output} out)`);
    else if (row.outputLen === null) assumptions.push('output length not stated: 1 token (TTFT only)');
    if (chips === null) return exclude(row, 'no chip count');
    assumptions.push('one request in flight: min-latency objective on the stated chips, batch 1');
    const metric: MetricSpec = latencyMetric === null
      ? { kind: 'tokens-per-second-per-user', unit: 'tokens/s/user' }
      : { kind: latencyMetric, unit: 's' };
    const measured = latencyMetric === null ? row.value : row.value / 1000;
    return modelled(row, hardwareId, modelId, { ...base, chips, inputTokens: input, outputTokens: output, objective: 'min-latency', maxSequences: 1 },
      metric, measured, assumptions);
  }

  if (row.inputLen === null || row.outputLen === null || chips === null) {
    return exclude(row, 'the row lacks exact lengths or a chip count');
  }
  if (row.metric !== 'output_tokens_per_s' && row.metric !== 'output_tokens_per_s_per_gpu') return exclude(row, `metric "${row.metric}" is not modelled`);
  const system = row.metric === 'output_tokens_per_s_per_gpu' ? row.value * chips : row.value;
  if (row.metric === 'output_tokens_per_s_per_gpu') assumptions.push(`per-GPU figure x ${chips} chips compared with the system's output tokens/s`);
  const qps = /qps\s*=\s*(\w+)/i.exec(row.scenario)?.[1];
  if (qps !== undefined && !/^inf/i.test(qps)) {
    return exclude(row, `a fixed request rate (QPS=${qps}) below capacity: the output rate is the arrival rate, not what the chips can do`);
  }
  if (concurrency !== null && !/offline|max-throughput|static batch/i.test(row.scenario)) {
    // N users: a server admits at most N sequences (and at most its max_batch) and queues the rest.
    const cap = Math.min(concurrency, maxBatch ?? concurrency);
    const objective: Objective = cap === 1 ? 'min-latency' : 'max-throughput';
    assumptions.push(cap === 1
      ? 'concurrency=1: min-latency objective (one request in flight on the fastest layout of these chips)'
      : `concurrency=${concurrency}: max throughput with at most ${cap} sequences in flight per serving instance${maxBatch !== null && maxBatch < concurrency ? ` (server max_batch ${maxBatch})` : ''}`);
    assumptions.push('compared: output tokens/s of one serving instance (TPOT includes the prefill of arriving prompts)');
    return modelled(row, hardwareId, modelId, {
      ...base, chips, inputTokens: row.inputLen, outputTokens: row.outputLen, objective, maxSequences: Math.max(1, Math.floor(cap / groups)),
    }, { kind: 'instance-output-tokens-per-second', unit: 'tokens/s' }, row.value, assumptions);
  }
  assumptions.push('objective: max throughput on the stated chips (infinite request rate)');
  if (maxBatch !== null) assumptions.push(`batch cap ${maxBatch} per attention group (notes: max_batch)`);
  return modelled(row, hardwareId, modelId, {
    ...base, chips, inputTokens: row.inputLen, outputTokens: row.outputLen, objective: 'max-throughput',
    ...(maxBatch !== null ? { maxSequences: maxBatch } : {}),
  }, { kind: 'system-output-tokens-per-second', unit: 'tokens/s' }, system, assumptions);
}
