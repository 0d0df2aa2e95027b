// One calibration: kernel timings pin the measured family's silicon shares, which are also the
// prior of every other family; the stack factors are fitted on the rows calibration.csv does not
// hold out; leave-one-submission-out cross-validation sets the ranges; each chip gets its evidence
// basis; the market's rental/TCO ratio prices chips without a rental. Pure: texts and the catalog
// in, profile efficiency blocks and the engine's calibration summary out (scripts/calibrate.ts
// writes them).
import type { Catalog } from '../catalog/catalog';
import { moeClassOf } from '../engine/context';
import type { CalibrationSummary } from '../engine/calibration-summary';
import { tcoPerChipHour } from '../engine/economics';
import { simulate } from '../engine/simulate';
import type { EfficiencyProfile, HardwareProfile } from '../engine/types';
import type { EvidenceBasis } from '../records/hardware-profile';
import { resolveScenario } from '../scenario/resolve';
import { DEFAULT_ECONOMICS, defaultScenario } from '../scenario/scenario';
import { crossValidate, type CrossValidatedRow } from './cross-validate';
import { dataflowRows, fitDataflowOverheadsByChip, MIN_OWN_DATAFLOW_ROWS, type DataflowFits } from './dataflow-overhead';
import { isDataflowChip } from '../engine/memory';
import { roundValue } from './efficiency-block';
import { inTargetSet, usedForFit } from './fit-rows';
import { emptyTimings, fitKernelTimings, parseKernelTimings, type KernelFit } from './kernel-fit';
import type { ModelledRow, RowPlan } from './row-plan';
import { evaluateRow } from './evaluate-row';
import { chipSoftwareFactors, familyFactors, fitStackFactors, MOE_CLASSES, priorSoftwareFactor, type FactorFit, type FitContext, type StackFactors } from './stack-factors';
import { rowYear, yearsBefore } from './row-date';
import { median, quantile } from './stats';
import { dataflowSpread, fitUncertainty, undercoveredChips, type OutOfSampleSpeed, type UncertaintyFit } from './uncertainty-fit';
import { compareText } from '../format/compare-text';

/** Efficiency fields the kernel timings set (and the prior copies to families without timings). */
export const SILICON_KEYS = [
  'computeEfficiency', 'memoryEfficiency', 'kernelOverheadSeconds', 'attentionMemoryEfficiency', 'attentionOverheadSeconds',
  'attentionComputeEfficiency', 'moeComputeEfficiency', 'moeHalfTokensPerExpert', 'moeMemoryEfficiency', 'moeLayerOverheadSeconds',
] as const;
export type SiliconKey = (typeof SILICON_KEYS)[number];
export type SiliconShares = Record<SiliconKey, number>;

/** Which family's micro-benchmarks exist, and the datasheet they ran on. */
export const KERNEL_FAMILY = { family: 'nvidia-hopper', profileId: 'nvidia-h200-sxm' } as const;

/** Every fitted chip starts here, so reruns give the same fit (the profiles' values do not matter). */
const START_SOFTWARE = 0.7;

/**
 * The serving step's own cost that achieved mode adds on every kernel-launched chip (context.ts
 * servingStepSeconds). Chosen over 0.3-8 ms by the lowest mean |ln(predicted / measured)| of the 593
 * cross-validated predictions (README, "Accuracy"): 0.3 ms 0.1550, 1 ms 0.1539, 2 ms 0.1528,
 * 3 ms 0.1516, 4 ms 0.1522, 5 ms 0.1524, 8 ms 0.1623; the fit's own loss is lowest there too. Not refitted by
 * each calibration run (each value is a whole fit and cross-validation).
 */
export const SERVING_STEP_SECONDS = 3e-3;

export interface ChipEvidence {
  basis: EvidenceBasis;
  rows: number;
  from: string | null;
}

export interface CalibrationOutcome {
  kernel: KernelFit;
  silicon: SiliconShares;
  factors: StackFactors;
  fit: FactorFit;
  fitRows: ModelledRow[];
  crossValidated: CrossValidatedRow[];
  uncertainty: UncertaintyFit;
  claimWidths: { id: string; logRatio: number; width: number }[];
  evidence: Map<string, ChipEvidence>;
  efficiency: Map<string, EfficiencyProfile>;
  /** What each profile's sources.efficiency list cites after the calibration. */
  efficiencySources: Map<string, string[]>;
  /** Fixed-cost scales of SRAM-resident dataflow chips (null without rows to fit). */
  dataflow: DataflowFits | null;
  summary: CalibrationSummary;
}

export function siliconFromKernels(fit: KernelFit): SiliconShares {
  return {
    // The calibration rows run 8-bit or narrower on Hopper; the bf16 share is in the note.
    computeEfficiency: roundValue(fit.computeEfficiency.fp8),
    memoryEfficiency: roundValue(fit.memoryEfficiency),
    kernelOverheadSeconds: roundValue(fit.kernelOverheadSeconds, 2),
    attentionMemoryEfficiency: roundValue(fit.attentionMemoryEfficiency),
    attentionOverheadSeconds: roundValue(fit.attentionOverheadSeconds, 2),
    attentionComputeEfficiency: roundValue(fit.attentionComputeEfficiency),
    moeComputeEfficiency: roundValue(fit.moeComputeEfficiency),
    moeHalfTokensPerExpert: roundValue(fit.moeHalfTokensPerExpert),
    moeMemoryEfficiency: roundValue(fit.moeMemoryEfficiency),
    moeLayerOverheadSeconds: roundValue(fit.moeLayerOverheadSeconds, 2),
  };
}

/** How much larger a share of its peak a 16-bit GEMM reaches than an fp8 one (the engine's gemmShare). */
export function sixteenBitCompute(kernel: KernelFit): CalibrationSummary['sixteenBitCompute'] {
  const { bf16, fp8 } = kernel.computeEfficiency;
  return {
    ratio: roundValue(bf16 / fp8, 4),
    note: `${kernel.gpu} kernel timings: bf16 GEMMs with M >= 2048 reach ${(bf16 * 100).toFixed(1)}% of the bf16 peak, fp8 ones ${(fp8 * 100).toFixed(1)}% of the fp8 peak; `
      + 'a profile\'s computeEfficiency is its fp8 share, so 16-bit matrix math runs at that share x the ratio (at most 1).',
  };
}

export function fitContext(catalog: Catalog, silicon: SiliconShares, newestYear: number): FitContext {
  const perFamily: Record<string, Partial<EfficiencyProfile>> = {};
  for (const p of catalog.hardware.values()) perFamily[p.family] = silicon;
  return {
    catalog,
    silicon: perFamily,
    familyOf: (p) => catalog.hardware.get(p.hardwareId)?.family ?? p.hardwareId,
    moeClass: (p) => {
      const model = catalog.models.get(p.modelId ?? '');
      return model === undefined ? null : moeClassOf(model);
    },
    yearsBefore: (p) => yearsBefore(p.row, newestYear),
  };
}

/** Basis of each chip: its own fit rows, a sibling's, a vendor claim, or nothing (prior). */
export function chipEvidence(catalog: Catalog, fitRows: readonly ModelledRow[]): Map<string, ChipEvidence> {
  const rowsByChip = new Map<string, number>();
  for (const p of fitRows) rowsByChip.set(p.hardwareId, (rowsByChip.get(p.hardwareId) ?? 0) + 1);
  const out = new Map<string, ChipEvidence>();
  for (const hw of catalog.hardware.values()) {
    const own = rowsByChip.get(hw.id) ?? 0;
    if (own > 0) {
      out.set(hw.id, { basis: 'measured', rows: own, from: null });
      continue;
    }
    const siblings = [...catalog.hardware.values()].filter((s) => s.family === hw.family && (rowsByChip.get(s.id) ?? 0) > 0)
      .sort((a, b) => (rowsByChip.get(b.id)! - rowsByChip.get(a.id)!) || compareText(a.id, b.id));
    if (siblings.length > 0) out.set(hw.id, { basis: 'family', rows: rowsByChip.get(siblings[0]!.id)!, from: siblings[0]!.id });
    else out.set(hw.id, { basis: hw.efficiency.claimed !== undefined ? 'claim' : 'prior', rows: 0, from: null });
  }
  return out;
}

function round3(factors: StackFactors): StackFactors {
  return {
    software: Object.fromEntries(Object.entries(factors.software).map(([f, v]) => [f, roundValue(v)])),
    moe: { fineGrained: roundValue(factors.moe.fineGrained), coarse: roundValue(factors.moe.coarse) },
    trendPerYear: roundValue(factors.trendPerYear),
  };
}

/** The owning cost a rental is compared with: the engine's TCO with the default economics. */
const RATIO_ECONOMICS = { ...DEFAULT_ECONOMICS, pricing: 'tco' as const };

export function rentalToTcoRatio(catalog: Catalog): CalibrationSummary['rentalToTco'] {
  const ratios: { id: string; ratio: number }[] = [];
  const excluded: { id: string; reason: string }[] = [];
  for (const hw of catalog.hardware.values()) {
    const rental = hw.price.rentalUsdPerChipHour;
    if (rental === null) continue;
    const tco = tcoPerChipHour(hw, RATIO_ECONOMICS).totalUsdPerHour;
    const ratio = rental / tco;
    if (ratio < 1) {
      excluded.push({ id: hw.id, reason: `rental $${rental.toFixed(2)}/h is below its owning cost $${tco.toFixed(2)}/h (ratio ${ratio.toFixed(2)}): a subsidised or stale price, not a market margin` });
    } else ratios.push({ id: hw.id, ratio });
  }
  const values = ratios.map((r) => r.ratio);
  return {
    median: roundValue(median(values)),
    q1: roundValue(quantile(values, 0.25)),
    q3: roundValue(quantile(values, 0.75)),
    p10: roundValue(quantile(values, 0.1)),
    p90: roundValue(quantile(values, 0.9)),
    n: values.length,
    economics: RATIO_ECONOMICS,
    chips: ratios.map((r) => r.id).sort(),
    excluded,
  };
}

function withProfiles(catalog: Catalog, efficiency: ReadonlyMap<string, EfficiencyProfile>): Catalog {
  const hardware = new Map<string, HardwareProfile>();
  for (const [id, hw] of catalog.hardware) hardware.set(id, { ...hw, efficiency: efficiency.get(id) ?? hw.efficiency });
  return { hardware, models: catalog.models };
}

/**
 * How far the vendor's claimed efficiencies move the default scenario's output tokens/s from the
 * prior's: the claim basis must be wide enough to include the claim.
 */
function claimLogRatios(catalog: Catalog): { id: string; logRatio: number }[] {
  const out: { id: string; logRatio: number }[] = [];
  for (const hw of catalog.hardware.values()) {
    if (hw.efficiency.claimed === undefined) continue;
    const run = (mode: 'achieved' | 'claim') => {
      const resolved = resolveScenario({ ...defaultScenario(), hardware: hw.id, chips: 'auto', efficiencyMode: mode }, catalog);
      return resolved.value === null ? null : simulate(resolved.value, { frontier: false });
    };
    const a = run('achieved');
    const c = run('claim');
    if (a?.feasible && c?.feasible && a.outputTokensPerSecondPerChip > 0) {
      out.push({ id: hw.id, logRatio: Math.log(c.outputTokensPerSecondPerChip / a.outputTokensPerSecondPerChip) });
    }
  }
  return out;
}

function softwareNote(hw: HardwareProfile, value: number, factors: StackFactors, catalog: Catalog, ownRows: number): string {
  const own = factors.software[hw.id];
  if (own !== undefined) return `softwareStackFactor ${own} fitted on the ${ownRows} non-held-out calibration rows of this chip.`;
  const siblings = Object.entries(factors.software).filter(([id]) => catalog.hardware.get(id)?.family === hw.family);
  if (siblings.length > 0) {
    return `softwareStackFactor ${roundValue(value)}: family ${hw.family}, the median of its fitted chips (${siblings.map(([id, v]) => `${id} ${v}`).join(', ')}).`;
  }
  const families = familyFactors(factors, catalog);
  return `softwareStackFactor ${roundValue(value)}: the prior, the median of the fitted families (${Object.entries(families).map(([f, v]) => `${f} ${roundValue(v)}`).join(', ')}).`;
}

function noteFor(hw: HardwareProfile, ev: ChipEvidence, software: string, factors: StackFactors, kernel: KernelFit, date: string): string {
  const silicon = hw.family === KERNEL_FAMILY.family
    ? `Silicon shares from the ${kernel.gpu} kernel timings (reference/h200-kernel-timings.jsonl and reference/h200-kernel-timings-2.jsonl; GEMMs reproduced to ${(kernel.gemmRmsRelative * 100).toFixed(1)}% RMS).`
    : 'Silicon shares: the prior, i.e. the kernel-measured Hopper shares (the only family with kernel timings).';
  const basis = ev.basis === 'measured' ? `Evidence: measured, ${ev.rows} rows of this chip in the fit.`
    : ev.basis === 'family' ? `Evidence: family, inherits the fit of its fitted siblings (the largest, ${ev.from}, has ${ev.rows} rows).`
      : ev.basis === 'claim' ? 'Evidence: claim. Achieved mode uses the prior; the vendor-claimed shares are the "vendor claim" setting.'
        : 'Evidence: prior (no calibration rows for this family).';
  // A chip without rows is not calibrated: it is given the prior, and its note must not say otherwise.
  const by = ev.basis === 'measured' || ev.basis === 'family' ? 'Calibrated by' : 'Prior set by';
  return `${by} scripts/calibrate.ts on ${date}. ${silicon} ${software} moeSoftwareFactor (all chips, fitted on their MoE rows): `
    + `fine-grained ${factors.moe.fineGrained}, coarse ${factors.moe.coarse}. ${basis} linkEfficiency, allToAllEfficiency, stepOverheadSeconds `
    + `and memoryReserveFraction: assumed${isDataflowChip(hw) ? '' : `; achieved mode adds the serving step cost (${SERVING_STEP_SECONDS * 1000} ms per step, chosen by cross-validation) to stepOverheadSeconds`}. `
    + 'Spec mode ignores the software and MoE factors, except one above 1 (a stack beating the timed kernels raises the silicon limit too).';
}

export function runCalibration(catalog: Catalog, plans: readonly RowPlan[], kernelTexts: readonly string[], date: string): CalibrationOutcome {
  const profile = catalog.hardware.get(KERNEL_FAMILY.profileId);
  if (profile === undefined) throw new Error(`no profile ${KERNEL_FAMILY.profileId}`);
  const timings = kernelTexts.reduce((t, text) => parseKernelTimings(text, t), emptyTimings());
  const peak = profile.compute.denseFlopsPerSecond;
  const kernel = fitKernelTimings(timings, profile.memory.hbmBandwidthBytesPerSecond, { bf16: peak.bf16 ?? 0, fp8: peak.fp8 ?? 0 });
  const silicon = siliconFromKernels(kernel);
  const target = plans.filter(inTargetSet);
  const fitRows = target.filter(usedForFit);
  const dated = fitRows.map((p) => rowYear(p.row)).filter((y): y is number => y !== null);
  const newestYear = Math.round(Math.max(...dated) * 100) / 100;
  const ctx = fitContext(catalog, silicon, newestYear);
  const chips = [...new Set(fitRows.map((p) => p.hardwareId))].sort();
  const fit = fitStackFactors(fitRows, ctx, {
    software: Object.fromEntries(chips.map((c) => [c, START_SOFTWARE])),
    moe: Object.fromEntries(MOE_CLASSES.map((c) => [c, 1])) as StackFactors['moe'],
    trendPerYear: 0,
  });
  const factors = round3(fit.factors);
  const crossValidated = crossValidate(target, fit.linearization, fit.factors, ctx);
  const first = fitUncertainty(crossValidated);
  const prior = roundValue(priorSoftwareFactor(factors, catalog));

  const evidence = chipEvidence(catalog, fitRows);
  const software = chipSoftwareFactors(factors, catalog);
  const efficiency = new Map<string, EfficiencyProfile>();
  for (const hw of catalog.hardware.values()) {
    const ev = evidence.get(hw.id)!;
    const note = softwareNote(hw, software.get(hw.id)!, factors, catalog, ev.basis === 'measured' ? ev.rows : 0);
    efficiency.set(hw.id, {
      ...hw.efficiency,
      ...silicon,
      softwareStackFactor: roundValue(software.get(hw.id)!),
      moeSoftwareFactor: { ...factors.moe },
      evidence: ev,
      note: noteFor(hw, ev, note, factors, kernel, date),
    });
  }
  const efficiencySources = new Map<string, string[]>();
  for (const hw of catalog.hardware.values()) {
    const ev = evidence.get(hw.id)!;
    efficiencySources.set(hw.id, [
      hw.family === KERNEL_FAMILY.family
        ? 'reference/h200-kernel-timings.jsonl and reference/h200-kernel-timings-2.jsonl (measured on one H200): silicon shares'
        : `prior: the silicon shares of the kernel-measured family (${KERNEL_FAMILY.family})`,
      ev.basis === 'measured'
        ? `reference/calibration.csv, rows not held out, fitted by scripts/calibrate.ts (${date}): this chip's software factor and the MoE factors`
        : ev.basis === 'family'
          ? `reference/calibration.csv, rows not held out, fitted by scripts/calibrate.ts (${date}): the software factors of family ${hw.family}'s fitted chips (median) and the MoE factors`
          : `prior software factor (median of the fitted families) and MoE factors fitted by scripts/calibrate.ts (${date})`,
      ...(ev.basis === 'claim' && hw.efficiency.claimed !== undefined ? [`vendor claim (the "vendor claim" setting): ${hw.efficiency.claimed.note}`] : []),
    ]);
  }
  // Dataflow chips: a scale on the prior's fixed costs from third-party single-stream speeds, the
  // chip's own where it has the rows, else the scale of all of them.
  const dataflow = fitDataflowOverheadsByChip(dataflowRows(plans, catalog), withProfiles(catalog, efficiency));
  if (dataflow !== null) {
    for (const hw of catalog.hardware.values()) {
      if (!isDataflowChip(hw)) continue;
      const own = dataflow.byChip.get(hw.id);
      const fitted = own ?? dataflow.pooled;
      const scale = roundValue(fitted.scale, 2);
      const rows = fitted.rows.map((r) => r.row.index).join(', ');
      const e = efficiency.get(hw.id)!;
      efficiency.set(hw.id, {
        ...e,
        kernelOverheadSeconds: roundValue(e.kernelOverheadSeconds * scale, 2),
        attentionOverheadSeconds: roundValue(e.attentionOverheadSeconds * scale, 2),
        moeLayerOverheadSeconds: roundValue(e.moeLayerOverheadSeconds * scale, 2),
        note: `${e.note} Fixed costs per operator: x${scale} of the prior (statically scheduled dataflow, no kernel launches), fitted to `
          + (own !== undefined
            ? `this chip's ${fitted.rows.length} third-party single-stream speeds (rows ${rows}).`
            : `the ${fitted.rows.length} third-party single-stream speeds of all SRAM-resident chips (rows ${rows}; this chip has fewer than ${MIN_OWN_DATAFLOW_ROWS} of its own).`),
      });
      efficiencySources.get(hw.id)!.push(`third-party single-stream speeds (reference/calibration.csv rows ${rows}): fixed cost per operator`);
    }
  }
  const calibrated = withProfiles(catalog, efficiency);
  const claims = claimLogRatios(calibrated);
  const high = first.model.highLogResidual;
  const low = first.model.lowLogResidual;
  const claimWidths = claims.map((c) => ({ ...c, width: c.logRatio >= 0 ? (high > 0 ? c.logRatio / high : 1) : (low < 0 ? c.logRatio / low : 1) }));
  const uncertainty = fitUncertainty(crossValidated, claimWidths.length === 0 ? null : Math.max(...claimWidths.map((c) => c.width)));
  // Every third-party single-stream speed at the calibrated profiles, held-out rows too, run once:
  // the SRAM chips' speeds set their ranges' spread, and those no fit used join each chip's own
  // coverage check beside its cross-validated rows.
  const fixedCostFit = new Set<RowPlan>(dataflow?.pooled.rows ?? []);
  const speeds = plans.flatMap((p) => {
    if (p.kind !== 'modelled' || p.group !== 'third-party' || p.metric.kind !== 'tokens-per-second-per-user') return [];
    const hw = calibrated.hardware.get(p.hardwareId);
    const model = p.modelId === null ? undefined : calibrated.models.get(p.modelId);
    const predicted = hw === undefined || model === undefined ? null : evaluateRow(p, calibrated, { skipClaims: true }).predicted;
    if (hw === undefined || model === undefined || predicted === null || !(predicted > 0)) return [];
    return [{ plan: p, hw, moe: model.moe !== null, predicted, logResidual: Math.log(p.measured / predicted) }];
  });
  const spread = dataflowSpread(speeds.filter((v) => isDataflowChip(v.hw)).map((v) => ({ index: v.plan.row.index, logResidual: v.logResidual })));
  const outOfSample: OutOfSampleSpeed[] = speeds.filter((v) => !fixedCostFit.has(v.plan)).map((v) => ({
    hardwareId: v.hw.id, basis: v.hw.efficiency.evidence.basis, moe: v.moe, dataflowChip: isDataflowChip(v.hw),
    logResidual: v.logResidual, error: v.predicted / v.plan.measured - 1,
  }));
  const round = (m: typeof uncertainty.model) => ({
    ...m,
    lowLogResidual: roundValue(m.lowLogResidual, 4),
    highLogResidual: roundValue(m.highLogResidual, 4),
    widthFactor: Object.fromEntries(Object.entries(m.widthFactor).map(([k, v]) => [k, roundValue(v)])) as typeof m.widthFactor,
    dataflow: spread === null ? null : { ...spread, lowLogResidual: roundValue(spread.lowLogResidual, 4), highLogResidual: roundValue(spread.highLogResidual, 4) },
    moe: m.moe == null ? null : { ...m.moe, lowLogResidual: roundValue(m.moe.lowLogResidual, 4), highLogResidual: roundValue(m.moe.highLogResidual, 4) },
    latencyLimited: m.latencyLimited == null ? null
      : { ...m.latencyLimited, lowLogResidual: roundValue(m.latencyLimited.lowLogResidual, 4), highLogResidual: roundValue(m.latencyLimited.highLogResidual, 4) },
    // The SRAM chips' ranges span their speeds' spread: the check judges each row by the range it gets.
    undercovered: undercoveredChips({ ...m, dataflow: spread }, crossValidated, outOfSample),
  });
  const priorEfficiency = { ...silicon, softwareStackFactor: prior, moeSoftwareFactor: { ...factors.moe } };
  const assumed = (key: 'linkEfficiency' | 'allToAllEfficiency' | 'stepOverheadSeconds' | 'memoryReserveFraction') =>
    roundValue(median([...catalog.hardware.values()].map((h) => h.efficiency[key])));
  return {
    kernel,
    silicon,
    factors,
    fit,
    fitRows,
    crossValidated,
    uncertainty,
    claimWidths,
    evidence,
    efficiency,
    efficiencySources,
    dataflow,
    summary: {
      rentalToTco: rentalToTcoRatio(catalog),
      uncertainty: round(uncertainty.model),
      softwareTrend: {
        perYear: factors.trendPerYear,
        newestYear,
        note: `Fitted with the stack factors on ${fitRows.length} rows: a row measured t years before ${newestYear.toFixed(2)} (the newest fit row) `
          + `ran at exp(-${factors.trendPerYear} x t) of its chip's factor, i.e. x${Math.exp(factors.trendPerYear).toFixed(2)} a year of serving-software progress.`,
      },
      sixteenBitCompute: sixteenBitCompute(kernel),
      servingStep: {
        seconds: SERVING_STEP_SECONDS,
        note: `Achieved mode adds ${SERVING_STEP_SECONDS * 1000} ms to every step of a kernel-launched chip (scheduling, sampling, output processing): `
          + 'the value, over 0.3-8 ms, with the lowest mean |ln(predicted / measured)| of the cross-validated predictions.',
      },
      prior: {
        ...priorEfficiency,
        linkEfficiency: assumed('linkEfficiency'),
        allToAllEfficiency: assumed('allToAllEfficiency'),
        stepOverheadSeconds: assumed('stepOverheadSeconds'),
        memoryReserveFraction: assumed('memoryReserveFraction'),
        note: `Prior for chips without calibration rows (${date}): silicon shares of the only kernel-measured family (${KERNEL_FAMILY.family}), `
          + `softwareStackFactor = median of the ${Object.keys(familyFactors(factors, catalog)).length} fitted families (each the median of its fitted chips), MoE factors fitted on all chips' MoE rows; `
          + 'link, all-to-all, step overhead and memory reserve: medians of the profiles\' assumed values.',
      },
    },
  };
}
