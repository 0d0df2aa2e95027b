// Vendor claims and third-party API speed measurements: simulated to say what they imply about the
// hardware, never fitted (the chip count or serving conditions are unknown). Pure.
import type { CalibrationRow } from './calibration-rows';
import { hardwareIdFor, modelIdFor } from './row-names';
import { exclude, labelFor, scenarioFor, type RowGroup, type RowPlan } from './row-plan';
import { rowPrecision } from './row-precision';

export function planClaim(row: CalibrationRow): RowPlan {
  if (row.metric === 'claim_qualitative' || row.value === null) return exclude(row, 'qualitative claim with no number to compare');
  if (row.metric.startsWith('relative_')) return exclude(row, 'relative claim (a ratio against another system or generation) with no absolute conditions to simulate');
  if (/estimate/i.test(row.notes) && /not a measurement/i.test(row.notes)) return exclude(row, 'an estimate by a third party, not a measurement or a vendor claim about its own product');
  const hardwareId = hardwareIdFor(row.accelerator);
  if (hardwareId === null) return exclude(row, `hardware not disclosed or no profile ("${row.accelerator}")`);
  const modelId = modelIdFor(row.model);
  if (modelId === null) return exclude(row, `no catalog model for "${row.model}"`);
  const precision = rowPrecision(row);
  if ('error' in precision) return exclude(row, precision.error);
  const assumptions = [`precision ${precision.basis}`];
  if (/llama-3 70b/i.test(row.model) || /3\.x/i.test(row.model)) {
    assumptions.push(`model: "${row.model}" mapped to llama-3.1-70b (same architecture; 3.x differ in context length only)`);
  }
  const chips: number | 'auto' = row.accelCount ?? 'auto';
  if (chips === 'auto') assumptions.push('chip count not disclosed: chips = auto (the engine picks the count)');
  else if (row.accelCountText !== String(row.accelCount)) assumptions.push(`chip count "${row.accelCountText}" read as ${chips}`);
  const group: RowGroup = row.sourceKind === 'vendor_claim' ? 'vendor-claim' : 'third-party';
  const common = { kind: 'modelled' as const, row, label: labelFor(row), group, hardwareId, modelId, measured: row.value, claim: true, inTargetSet: false, mlperf: null };
  const precisionConfig = precision.precision;
  if (row.metric === 'output_tokens_per_s_per_user') {
    // Per-user speed: one request decoding alone on the fastest layout.
    const input = row.inputLen ?? 1000;
    const output = row.outputLen ?? 500;
    if (row.inputLen === null) assumptions.push('lengths not stated: ASSUMED 1,000 in / 500 out (decode speed depends on them only through the KV read)');
    assumptions.push('objective: min latency (one user); compared with the engine tokens/s per user (1 / TPOT)');
    return {
      ...common,
      scenario: scenarioFor({ hardwareId, modelId, chips, precision: precisionConfig, inputTokens: input, outputTokens: output, objective: 'min-latency' }),
      statedLengths: { inputTokens: input, outputTokens: output },
      metric: { kind: 'tokens-per-second-per-user', unit: 'tokens/s/user' },
      assumptions,
    };
  }
  if (row.metric === 'output_tokens_per_s' && row.inputLen !== null && row.outputLen !== null) {
    assumptions.push('objective: max throughput on the stated chips; compared with the engine output tokens/s of the system');
    return {
      ...common,
      scenario: scenarioFor({ hardwareId, modelId, chips, precision: precisionConfig, inputTokens: row.inputLen, outputTokens: row.outputLen, objective: 'max-throughput' }),
      statedLengths: { inputTokens: row.inputLen, outputTokens: row.outputLen },
      metric: { kind: 'system-output-tokens-per-second', unit: 'tokens/s' },
      assumptions,
    };
  }
  return exclude(row, `metric "${row.metric}" without the conditions needed to simulate it`);
}
