// Runs the engine on one modelled calibration row and compares it with the measurement; for vendor
// claims, also what the claim implies about the silicon. Pure.
import type { Catalog } from '../catalog/catalog';
import type { Message } from '../messages/message';
import type { EvidenceBasis } from '../records/hardware-profile';
import { VALIDATION } from '../messages/validation';
import { tcoPerChipHour } from '../engine/economics';
import { tallyParameters } from '../engine/parameters';
import { computePrecision, matrixRate } from '../engine/precision';
import { simulate } from '../engine/simulate';
import type { EfficiencyMode, HardwareProfile, SimulationResult } from '../engine/types';
import type { BatchLimit } from '../engine/result-types';
import { resolveScenario } from '../scenario/resolve';
import type { Scenario } from '../scenario/scenario';
import { speedError, type ModelledRow } from './row-plan';
import { rowUse, usedForFit, type RowUse } from './fit-rows';
import { signedError } from './stats';
import type { Simulator } from './simulation-memo';
import { groupedInteger } from '../format/decimal';
import { chipsText } from '../messages/ui';

export interface EvaluateOptions {
  efficiencyMode?: EfficiencyMode;
  /** Skip the claim analysis (two extra engine runs per claim). */
  skipClaims?: boolean;
  /** The engine (a run-scoped memo of it in a validation run); default: simulate without the frontier. */
  simulate?: Simulator;
}

/** What a vendor claim implies about the hardware, next to the engine's own prediction. */
export interface ClaimImplication {
  /** Claimed / predicted. */
  ratioToPrediction: number | null;
  /** The engine at 100% of peak FLOP/s and bandwidth, no fixed overheads (the silicon's ceiling). */
  idealPrediction: number | null;
  /** The claim exceeds even the ideal: the profile's datasheet numbers cannot produce it. */
  beyondIdeal: boolean;
  /** Throughput claims: FLOP/s the claim needs (2 x params x tokens) / the chips' peak at that precision. */
  impliedComputeUtilization: number | null;
  /** Per-user claims: bytes/s per chip the claimed speed needs / the peak bandwidth of the tier holding the weights. */
  impliedBandwidthShare: number | null;
  /** Batch per replica of the ideal run. */
  idealBatch: number | null;
  text: string;
}

export interface RowResult {
  plan: ModelledRow;
  /** Whether fits may use the row (target-set measurement not held out; fit-rows.ts). */
  usedForFit: boolean;
  /** What the row is to the fits (fit-rows.ts rowUse); set by the validation run. */
  use: RowUse;
  hardwareName: string;
  vendor: string;
  family: string;
  /** The evidence basis of the chip's efficiencies behind this prediction. */
  basis: EvidenceBasis;
  feasible: boolean;
  predicted: number | null;
  /** predicted / measured - 1 on the speed (a time's inverse: row-plan.ts speedError); -1 when the engine finds no feasible deployment. */
  error: number | null;
  /** Short description of the deployment the engine chose. */
  deployment: string;
  reason: string | null;
  chipsUsed: number;
  /** Per-chip values (throughput metrics) for the relative-accuracy table. */
  predictedPerChip: number | null;
  measuredPerChip: number | null;
  claim: ClaimImplication | null;
  warnings: Message[];
  /** What set the batch of the deployment the engine chose (null: no simulation, or infeasible). */
  batchLimitedBy: BatchLimit | null;
}


function describeDeployment(r: SimulationResult): string {
  if (!r.feasible) return `infeasible: ${r.reason?.text ?? ''}`;
  const c = r.config;
  return `${chipsText(c.chips)} = ${c.replicas} x (TP${c.tensorParallel} PP${c.pipelineParallel} EP${c.expertParallel}), batch ${c.batch}`;
}

function idealProfile(p: HardwareProfile): HardwareProfile {
  return {
    ...p,
    efficiency: {
      ...p.efficiency,
      computeEfficiency: 1,
      memoryEfficiency: 1,
      linkEfficiency: 1,
      kernelOverheadSeconds: 0,
      stepOverheadSeconds: 0,
      attentionMemoryEfficiency: 1,
      attentionComputeEfficiency: 1,
      attentionOverheadSeconds: 0,
      moeComputeEfficiency: 1,
      moeMemoryEfficiency: 1,
      moeHalfTokensPerExpert: 0,
      moeLayerOverheadSeconds: 0,
      allToAllEfficiency: 1,
      softwareStackFactor: 1,
      moeSoftwareFactor: { fineGrained: 1, coarse: 1 },
    },
  };
}

/** The engine output that a row's metric compares with. */
function metricValue(plan: ModelledRow, r: SimulationResult): number {
  switch (plan.metric.kind) {
    case 'system-output-tokens-per-second':
      return r.outputTokensPerSecond;
    case 'beam-search-tokens-per-second':
      return r.outputTokensPerSecond / (plan.metric.beams ?? 1);
    case 'instance-output-tokens-per-second':
      return r.config.replicas > 0 ? r.outputTokensPerSecond / r.config.replicas : 0;
    case 'tokens-per-second-per-user':
      return r.tokensPerSecondPerUser;
    case 'ttft-seconds':
      return r.ttftSeconds;
    case 'tpot-seconds':
      return r.tpotSeconds;
    case 'prefill-pool-tokens-per-second-per-chip':
      return r.disaggregation?.prefill.promptTokensPerSecondPerChip ?? 0;
    case 'decode-pool-tokens-per-second-per-chip':
      return r.disaggregation?.decode.outputTokensPerSecondPerChip ?? 0;
    case 'tokens-per-second-per-provisioned-mw':
      return (r.outputTokensPerSecondPerChip * 1000) / (plan.metric.provisionedKwPerChip ?? 1);
    case 'tco-usd-per-chip-hour':
      return 0;
  }
}

function runScenario(scenario: Scenario, catalog: Catalog, mode: EfficiencyMode, run: Simulator): { result: SimulationResult | null; problem: string | null } {
  const resolved = resolveScenario({ ...scenario, efficiencyMode: mode }, catalog);
  if (resolved.value === null) return { result: null, problem: resolved.errors.map((e) => `${e.path}: ${e.message}`).join('; ') };
  return { result: run(resolved.value), problem: null };
}

function claimImplication(plan: ModelledRow, catalog: Catalog, predicted: number | null, r: SimulationResult | null, run: Simulator): ClaimImplication {
  const hw = catalog.hardware.get(plan.hardwareId)!;
  const ideal = runScenario({ ...plan.scenario, hardware: idealProfile(hw) }, catalog, 'spec', run).result;
  const idealPrediction = ideal !== null && ideal.feasible ? metricValue(plan, ideal) : null;
  const claimed = plan.measured;
  // A third-party API speed is a measurement, not a claim (only its conditions are unknown).
  const measurement = plan.group === 'third-party';
  let impliedComputeUtilization: number | null = null;
  let impliedBandwidthShare: number | null = null;
  const parts: string[] = [];
  const model = plan.modelId === null ? undefined : catalog.models.get(plan.modelId);
  if (plan.metric.kind === 'system-output-tokens-per-second' && model !== undefined) {
    const { total, embedding } = tallyParameters(model);
    const w = plan.scenario.workload;
    const flopsPerOutputToken = (2 * (total - embedding) * (w.inputTokens + w.outputTokens)) / w.outputTokens;
    const rate = matrixRate(hw, computePrecision(plan.scenario.precision)).flopsPerSecond;
    const chips = typeof plan.scenario.chips === 'number' ? plan.scenario.chips : 1;
    impliedComputeUtilization = (claimed * flopsPerOutputToken) / (chips * rate);
    const allTokens = (claimed * (w.inputTokens + w.outputTokens)) / w.outputTokens;
    parts.push(`needs ${percentText(impliedComputeUtilization)} of ${chips} chips' peak ${computePrecision(plan.scenario.precision)} FLOP/s `
      + `(2 x ${(total / 1e9).toFixed(1)}B params x ${(w.inputTokens + w.outputTokens)} tokens per ${w.outputTokens} output tokens)`);
    parts.push(`if the figure counted input + output tokens it would need ${percentText((impliedComputeUtilization * claimed) / allTokens)}`);
  }
  if (plan.metric.kind === 'tokens-per-second-per-user' && r !== null && r.feasible) {
    const bytes = r.operators.filter((o) => o.phase === 'decode').reduce((s, o) => s + o.bytes * o.count, 0);
    const stages = r.config.pipelineParallel;
    const needed = bytes * stages * claimed;
    const sram = r.memory.weightsInSram;
    const peak = sram ? hw.memory.sramBandwidthBytesPerSecond : hw.memory.hbmBandwidthBytesPerSecond;
    if (peak > 0) {
      impliedBandwidthShare = needed / peak;
      parts.push(`at the engine's layout (${describeDeployment(r)}) each chip would stream ${(needed / 1e12).toFixed(2)} TB/s = `
        + `${percentText(impliedBandwidthShare)} of its ${sram ? 'SRAM' : 'HBM'} peak`);
    }
  }
  const beyondIdeal = idealPrediction !== null ? claimed > idealPrediction * 1.0001 : true;
  if (idealPrediction === null) parts.push('the engine finds no feasible deployment even at 100% efficiency');
  else {
    parts.push(`ideal silicon (100% of peak, no overheads) reaches ${fmt(idealPrediction)} ${plan.metric.unit}`
      + (beyondIdeal ? ` -> the ${measurement ? 'measured speed' : 'claim'} is ${(claimed / idealPrediction).toFixed(1)}x beyond the profile's datasheet ceiling` : ' -> within the ceiling'));
  }
  const ratioToPrediction = predicted !== null && predicted > 0 ? claimed / predicted : null;
  if (ratioToPrediction !== null) parts.unshift(`${measurement ? 'measured' : 'claim'} = ${ratioToPrediction.toFixed(2)}x the engine's prediction`);
  return {
    ratioToPrediction,
    idealPrediction,
    beyondIdeal,
    impliedComputeUtilization,
    impliedBandwidthShare,
    idealBatch: ideal !== null && ideal.feasible ? ideal.config.batch : null,
    text: parts.join('; '),
  };
}

function percentText(share: number): string {
  const p = share * 100;
  return `${p >= 10 ? p.toFixed(0) : p.toPrecision(2)}%`;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return groupedInteger(v);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** Runs one modelled row. */
export function evaluateRow(plan: ModelledRow, catalog: Catalog, options: EvaluateOptions = {}): RowResult {
  const mode = options.efficiencyMode ?? 'achieved';
  const hw = catalog.hardware.get(plan.hardwareId);
  const fitted = usedForFit(plan);
  const base = {
    plan,
    usedForFit: fitted,
    use: rowUse(plan, fitted, false),
    hardwareName: hw?.name ?? plan.hardwareId,
    vendor: hw?.vendor ?? '?',
    family: hw?.family ?? '?',
    basis: hw?.efficiency.evidence.basis ?? ('prior' as const),
  };
  if (hw === undefined) {
    return { ...base, feasible: false, predicted: null, error: null, deployment: '', reason: `unknown hardware ${plan.hardwareId}`,
      chipsUsed: 0, predictedPerChip: null, measuredPerChip: null, claim: null, warnings: [], batchLimitedBy: null };
  }
  if (plan.metric.kind === 'tco-usd-per-chip-hour') {
    const scenario = plan.scenario;
    const predicted = tcoPerChipHour(hw, scenario.economics).totalUsdPerHour;
    return { ...base, feasible: true, predicted, error: signedError(predicted, plan.measured), deployment: 'default economics',
      reason: null, chipsUsed: 1, predictedPerChip: null, measuredPerChip: null, claim: null, warnings: [], batchLimitedBy: null };
  }
  const run = options.simulate ?? ((scenario: Parameters<Simulator>[0]) => simulate(scenario, { frontier: false }));
  const { result, problem } = runScenario(plan.scenario, catalog, mode, run);
  if (result === null) {
    return { ...base, feasible: false, predicted: null, error: null, deployment: '', reason: problem, chipsUsed: 0,
      predictedPerChip: null, measuredPerChip: null, claim: null, warnings: [], batchLimitedBy: null };
  }
  const predicted = result.feasible ? metricValue(plan, result) : null;
  const error = predicted === null ? -1 : speedError(plan.metric.kind, predicted, plan.measured);
  const chips = typeof plan.scenario.chips === 'number' ? plan.scenario.chips : result.config.chips;
  const perChip = plan.metric.kind === 'system-output-tokens-per-second' || plan.metric.kind === 'beam-search-tokens-per-second';
  const warnings = [...result.warnings];
  if (plan.metric.kind === 'instance-output-tokens-per-second' && result.config.replicas > 1) {
    warnings.push(VALIDATION.replicaSplit(chips, result.config.replicas));
  }
  return {
    ...base,
    feasible: result.feasible,
    predicted,
    error,
    deployment: describeDeployment(result),
    reason: result.feasible ? null : result.reason?.text ?? 'infeasible',
    chipsUsed: result.config.chips,
    predictedPerChip: perChip && predicted !== null ? predicted / chips : null,
    measuredPerChip: perChip ? plan.measured / chips : null,
    claim: plan.claim && options.skipClaims !== true ? claimImplication(plan, catalog, predicted, result, run) : null,
    warnings,
    batchLimitedBy: result.feasible ? result.memory.batchLimitedBy : null,
  };
}
