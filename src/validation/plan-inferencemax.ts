// SemiAnalysis InferenceMAX/InferenceX rows (throughput per provisioned MW at an interactivity) and
// their TCO constants (owning cost per GPU-hour). Pure.
import { defaultScenario } from '../scenario/scenario';
import type { CalibrationRow } from './calibration-rows';
import { hardwareIdFor, modelIdFor } from './row-names';
import { exclude, labelFor, scenarioFor, type RowPlan } from './row-plan';
import { rowPrecision } from './row-precision';

/** All-in provisioned kW per GPU from the InferenceX TCO constants rows ("power=1.73 (...)"). */
export function provisionedKwByHardware(rows: readonly CalibrationRow[]): Map<string, { kw: number; row: number }> {
  const out = new Map<string, { kw: number; row: number }>();
  for (const row of rows) {
    if (row.sourceKind !== 'tco_assumption') continue;
    const id = hardwareIdFor(row.accelerator);
    const m = /power=([\d.]+)/.exec(row.notes);
    if (id !== null && m && !out.has(id)) out.set(id, { kw: Number(m[1]), row: row.index });
  }
  return out;
}

export function planInferenceMax(row: CalibrationRow, kw: Map<string, { kw: number; row: number }>): RowPlan {
  if (row.metric === 'cost_or_price_per_million_tokens') {
    return exclude(row, 'a $/M-token figure from SemiAnalysis\' own TCO model and a deployment (disaggregated, wide EP, lengths or GPU often unstated) that the row does not give; not a throughput to simulate');
  }
  if (row.metric === 'capex_per_rack') return exclude(row, 'a capex figure: an input of the economics (profile list price x capex multiplier), not an engine prediction');
  if (row.metric.startsWith('relative_')) return exclude(row, 'relative claim (a ratio against another system) with no absolute conditions to simulate');
  const modelId = modelIdFor(row.model);
  if (modelId === null) return exclude(row, `no catalog model for "${row.model}"`);
  if (row.metric !== 'output_tokens_per_s_per_provisioned_MW') {
    return exclude(row, `metric "${row.metric}" without a chip count or layout (InferenceX blog figures read from prose)`);
  }
  const hardwareId = hardwareIdFor(row.accelerator);
  if (hardwareId === null || row.value === null || row.inputLen === null || row.outputLen === null) {
    return exclude(row, 'missing hardware profile or exact lengths');
  }
  const power = kw.get(hardwareId);
  if (power === undefined) return exclude(row, 'no all-in provisioned kW per chip for this chip in the InferenceX TCO rows');
  const speed = /(\d+)\s*tok\/s\/user/.exec(row.scenario);
  const perUser = speed ? Number(speed[1]) : null;
  if (perUser === null) return exclude(row, 'no interactivity (tok/s/user) stated');
  const precision = rowPrecision(row);
  if ('error' in precision) return exclude(row, precision.error);
  return {
    kind: 'modelled',
    row,
    label: labelFor(row),
    group: 'inferencemax',
    hardwareId,
    modelId,
    scenario: scenarioFor({
      hardwareId, modelId, chips: 8, precision: precision.precision, inputTokens: row.inputLen, outputTokens: row.outputLen,
      objective: 'max-throughput', slo: { maxTtftSeconds: null, maxTpotSeconds: 1 / perUser },
    }),
    statedLengths: { inputTokens: row.inputLen, outputTokens: row.outputLen },
    metric: { kind: 'tokens-per-second-per-provisioned-mw', unit: 'tokens/s per MW', provisionedKwPerChip: power.kw },
    measured: row.value,
    claim: false,
    inTargetSet: false,
    mlperf: null,
    assumptions: [
      `precision ${precision.basis}`,
      `interactivity ${perUser} tok/s/user: max throughput with TPOT <= 1/${perUser} s on one 8-GPU node (ASSUMED: InferenceMAX v1 ran single-node vLLM configs)`,
      `all-in provisioned power ${power.kw} kW per chip from the InferenceX TCO constants (calibration row ${power.row})`,
    ],
  };
}

export function planTco(row: CalibrationRow): RowPlan {
  const hardwareId = hardwareIdFor(row.accelerator);
  if (hardwareId === null || row.value === null) return exclude(row, `no hardware profile for "${row.accelerator}"`);
  const base = defaultScenario();
  return {
    kind: 'modelled',
    row,
    label: `TCO ${row.accelerator}`,
    group: 'tco',
    hardwareId,
    modelId: null,
    scenario: { ...base, hardware: hardwareId, chips: 1 },
    statedLengths: { ...base.workload },
    metric: { kind: 'tco-usd-per-chip-hour', unit: 'USD/chip-hour' },
    measured: row.value,
    claim: false,
    inTargetSet: false,
    mlperf: null,
    assumptions: [
      'engine TCO with the default economics (4-year life, 6% cost of capital, 70% load, PUE 1.2, $0.08/kWh, $150/kW-month) vs '
        + 'SemiAnalysis "owning, hyperscaler" $/GPU-hour',
    ],
  };
}
