// Error statistics of the validation: signed errors, median and worst absolute errors per group,
// and MLPerf relative accuracy (chip-to-chip ratios of per-chip throughput). Pure.

import { compareText } from '../format/compare-text';

/** Signed relative error of a prediction: predicted / measured - 1 (+0.10 = 10% too optimistic). */
export function signedError(predicted: number, measured: number): number {
  return predicted / measured - 1;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface ErrorSummary {
  count: number;
  /** Median of |signed error|. */
  medianAbs: number;
  /** Largest |signed error| and its signed value. */
  worstAbs: number;
  worstSigned: number;
  /** Label of the worst entry. */
  worstLabel: string;
  /** Median signed error (bias: > 0 = the engine is optimistic). */
  medianSigned: number;
}

export function summarize(entries: readonly { label: string; error: number }[]): ErrorSummary {
  if (entries.length === 0) {
    return { count: 0, medianAbs: Number.NaN, worstAbs: Number.NaN, worstSigned: Number.NaN, worstLabel: '', medianSigned: Number.NaN };
  }
  let worst = entries[0]!;
  for (const e of entries) if (Math.abs(e.error) > Math.abs(worst.error)) worst = e;
  return {
    count: entries.length,
    medianAbs: median(entries.map((e) => Math.abs(e.error))),
    worstAbs: Math.abs(worst.error),
    worstSigned: worst.error,
    worstLabel: worst.label,
    medianSigned: median(entries.map((e) => e.error)),
  };
}

/** Summaries per key (source kind, vendor, ...), keys sorted. */
export function summarizeBy<T extends { label: string; error: number }>(
  entries: readonly T[],
  key: (e: T) => string,
): { key: string; summary: ErrorSummary }[] {
  const groups = new Map<string, T[]>();
  for (const e of entries) {
    const k = key(e);
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  return [...groups.keys()].sort().map((k) => ({ key: k, summary: summarize(groups.get(k)!) }));
}

/** One MLPerf result as the relative-accuracy table needs it. */
export interface MlperfPoint {
  label: string;
  benchmark: string;
  scenario: string;
  round: string;
  hardwareId: string;
  /** Submitter (NVIDIA rows are the reference when a round has several H100 rows). */
  submitter: string;
  chips: number;
  measuredPerChip: number;
  predictedPerChip: number;
}

export interface RatioEntry {
  benchmark: string;
  scenario: string;
  /** e.g. "nvidia-h200-sxm x8 (v4.1) / nvidia-h100-sxm x8 (v4.1)". */
  pair: string;
  label: string;
  reference: string;
  measuredRatio: number;
  predictedRatio: number;
  /** predictedRatio / measuredRatio - 1. */
  error: number;
  /** True when the reference comes from another round (no H100 row in the same round). */
  crossRound: boolean;
}

/**
 * For each MLPerf benchmark and scenario, the ratio of per-chip throughput of every row to the
 * reference chip's row (H100 SXM by default; same round preferred, NVIDIA's own submission
 * preferred), predicted vs measured. The ratios barely depend on the unpublished input lengths.
 */
export function relativeAccuracy(points: readonly MlperfPoint[], referenceHardwareId = 'nvidia-h100-sxm'): RatioEntry[] {
  const out: RatioEntry[] = [];
  const groups = new Map<string, MlperfPoint[]>();
  for (const p of points) {
    const k = `${p.benchmark}|${p.scenario}`;
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  for (const key of [...groups.keys()].sort()) {
    const list = groups.get(key)!;
    const refs = list.filter((p) => p.hardwareId === referenceHardwareId);
    if (refs.length === 0) continue;
    const pick = (round: string): MlperfPoint | undefined => {
      const same = refs.filter((r) => r.round === round);
      const pool = same.length > 0 ? same : [...refs].sort((a, b) => compareText(b.round, a.round));
      return pool.find((r) => r.submitter === 'NVIDIA') ?? pool[0];
    };
    for (const p of list) {
      const ref = pick(p.round);
      if (ref === undefined || ref === p) continue;
      const measuredRatio = p.measuredPerChip / ref.measuredPerChip;
      const predictedRatio = p.predictedPerChip / ref.predictedPerChip;
      out.push({
        benchmark: p.benchmark,
        scenario: p.scenario,
        pair: `${p.hardwareId} x${p.chips} (${p.round}) / ${ref.hardwareId} x${ref.chips} (${ref.round})`,
        label: p.label,
        reference: ref.label,
        measuredRatio,
        predictedRatio,
        error: predictedRatio / measuredRatio - 1,
        crossRound: ref.round !== p.round,
      });
    }
  }
  return out;
}

/** Empirical quantile (linear interpolation between order statistics, type 7). */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const at = (s.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}

/**
 * The x minimizing sum w_i |x - t_i| (a weighted median): the first t in sorted order where the
 * cumulative weight reaches half of the total. NaN when there is no positive weight.
 */
export function weightedMedian(entries: readonly { value: number; weight: number }[]): number {
  const usable = entries.filter((e) => Number.isFinite(e.value) && e.weight > 0).sort((a, b) => a.value - b.value);
  const total = usable.reduce((s, e) => s + e.weight, 0);
  if (total <= 0) return Number.NaN;
  let cumulative = 0;
  for (const e of usable) {
    cumulative += e.weight;
    if (cumulative >= total / 2) return e.value;
  }
  return usable[usable.length - 1]!.value;
}

/** Wilson score interval of a binomial proportion (z = 1.645 for 90%). */
export function wilsonInterval(successes: number, trials: number, z = 1.6449): { low: number; high: number } {
  if (trials === 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
