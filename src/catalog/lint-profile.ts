// Plausibility checks for hardware profiles that parse cleanly but may carry classic data-entry
// mistakes: 2:4-sparse FLOP/s, bidirectional link bandwidth entered as per-direction, GiB typed as
// decimal bytes, impossible FLOP/s per watt, unsourced groups and dangling estimate marks.
// Pure: no I/O, no exceptions for any well-typed profile.
//
// Not checked: FLOP/s per mm^2 of silicon. The profile type has no die-area field, and die areas
// are unknown or meaningless for many parts here (multi-die packages, wafers, cards).

import type { HardwareProfile, RateClass, SourceGroup } from '../engine/types';
import { SOURCE_GROUPS } from '../records/hardware-profile';
import { estimatedValue } from '../records/estimated-specs';

export interface LintFinding {
  code: string;
  path: string;
  message: string;
}

export const LINT_CODES = {
  sparse: 'sparse-suspect',
  rateOrder: 'rate-order',
  bidirectional: 'link-bidirectional-suspect',
  gib: 'gib-suspect',
  perWatt: 'flops-per-watt-implausible',
  missingSource: 'missing-source',
  danglingEstimate: 'estimate-path-missing',
  cacheWeights: 'sram-weights-cache',
} as const;

const RATE_PATH = 'compute.denseFlopsPerSecond';

/**
 * Largest dense ratio (lower precision / higher precision) seen on any shipping part, per pair.
 * A ratio above 1.1x this looks like a 2:4-sparse headline figure entered as dense.
 * fp8/16-bit: 2x (Hopper, Blackwell, CDNA, TPU7x). fp4/fp8: 3x (Blackwell Ultra). int8/16-bit: 4x
 * (Groq LPU: 750 TOPS int8 vs 188 TFLOP/s fp16). int8/fp8: 2x (TPU v5p/v6e run fp8 at the bf16 rate).
 * 16-bit/tf32: 2x (NVIDIA, AMD). int4/int8: 2x (Ampere, Ada).
 */
const MAX_DENSE_RATIO: { lower: RateClass; higher: RateClass | 'sixteenBit'; max: number }[] = [
  { lower: 'fp8', higher: 'sixteenBit', max: 2 },
  { lower: 'fp6', higher: 'fp8', max: 2 },
  { lower: 'fp4', higher: 'fp8', max: 3 },
  { lower: 'int8', higher: 'sixteenBit', max: 4 },
  { lower: 'int8', higher: 'fp8', max: 2 },
  { lower: 'int4', higher: 'int8', max: 2 },
];
const RATIO_TOLERANCE = 1.1;

/** Floating-point chain in which a wider format may never be faster than a narrower one. */
const FLOAT_ORDER: RateClass[] = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp6', 'fp4'];

/** Dense FLOP/s per watt of chip TDP beyond which a figure is physically implausible (2024-26 silicon). */
export const MAX_FLOPS_PER_WATT: Partial<Record<RateClass, number>> = {
  bf16: 5e12,
  fp16: 5e12,
  fp8: 1e13,
  int8: 1e13,
  fp6: 2e13,
  fp4: 2e13,
  int4: 2e13,
};

/**
 * Highest per-chip, per-direction scale-up bandwidth shipping in a given year (B/s). Vendors quote
 * bidirectional totals, so a value above this is usually a bidirectional figure: NVLink3 300 GB/s
 * (2020), NVLink4 450 (2022), TPU v5p ICI 600 (2023), NVLink5 900 (2024-25), NVLink6 1800 (2026).
 */
export function maxLinkBandwidthPerDirection(year: number): number {
  if (year <= 2020) return 3.5e11;
  if (year === 2021) return 4e11;
  if (year === 2022) return 5e11;
  if (year === 2023) return 6.5e11;
  if (year <= 2025) return 1e12;
  if (year === 2026) return 2e12;
  return 4e12;
}

const GIB = 2 ** 30;
const MIB = 2 ** 20;

function fmt(value: number): string {
  return value.toPrecision(4).replace(/\.?0+e/, 'e');
}

function checkRates(p: HardwareProfile, out: LintFinding[]): void {
  const rates = p.compute.denseFlopsPerSecond;
  const sixteen = Math.max(rates.bf16 ?? 0, rates.fp16 ?? 0);
  const rate = (c: RateClass | 'sixteenBit'): number => (c === 'sixteenBit' ? sixteen : rates[c] ?? 0);
  const label = (c: RateClass | 'sixteenBit'): string => (c === 'sixteenBit' ? '16-bit (bf16/fp16)' : c);

  for (const { lower, higher, max } of MAX_DENSE_RATIO) {
    const lo = rate(lower);
    const hi = rate(higher);
    if (lo > 0 && hi > 0 && lo / hi > max * RATIO_TOLERANCE) {
      out.push({
        code: LINT_CODES.sparse,
        path: `${RATE_PATH}.${lower}`,
        message: `${lower} is ${fmt(lo / hi)}x the ${label(higher)} rate; dense parts reach at most ${max}x. A 2:4-sparse headline figure entered as dense? Halve it if the datasheet footnotes sparsity.`,
      });
    }
  }
  // bf16 and fp16 run at the same dense rate on every part here; 2x apart means one is sparse.
  if (rates.bf16 !== undefined && rates.fp16 !== undefined) {
    const ratio = Math.max(rates.bf16, rates.fp16) / Math.min(rates.bf16, rates.fp16);
    if (ratio > 1.5) {
      const bigger = rates.bf16 > rates.fp16 ? 'bf16' : 'fp16';
      out.push({
        code: LINT_CODES.sparse,
        path: `${RATE_PATH}.${bigger}`,
        message: `bf16 and fp16 differ ${fmt(ratio)}x; they share one dense rate on matrix engines, so the larger looks 2:4-sparse.`,
      });
    }
  }
  // The 16-bit rate is 2x tf32 when both exist; 4x means the 16-bit figure is sparse.
  if (rates.tf32 !== undefined && sixteen > 0 && sixteen / rates.tf32 > 2 * RATIO_TOLERANCE) {
    out.push({
      code: LINT_CODES.sparse,
      path: `${RATE_PATH}.${(rates.bf16 ?? 0) >= (rates.fp16 ?? 0) ? 'bf16' : 'fp16'}`,
      message: `the 16-bit rate is ${fmt(sixteen / rates.tf32)}x tf32; dense parts reach 2x. A sparse 16-bit figure?`,
    });
  }

  // A wider float format faster than a narrower one is a swapped or mistyped figure.
  for (let i = 0; i < FLOAT_ORDER.length; i++) {
    const wide = FLOAT_ORDER[i]!;
    const wideRate = rates[wide];
    if (wideRate === undefined) continue;
    for (let j = i + 1; j < FLOAT_ORDER.length; j++) {
      const narrow = FLOAT_ORDER[j]!;
      if (wide === 'bf16' && narrow === 'fp16') continue;
      const narrowRate = rates[narrow];
      if (narrowRate !== undefined && wideRate > narrowRate * RATIO_TOLERANCE) {
        out.push({
          code: LINT_CODES.rateOrder,
          path: `${RATE_PATH}.${wide}`,
          message: `${wide} (${fmt(wideRate)} FLOP/s) is faster than the narrower ${narrow} (${fmt(narrowRate)} FLOP/s); a swapped or mistyped figure?`,
        });
      }
    }
  }

  // FLOP/s per watt of TDP.
  const tdp = p.power.tdpWatts;
  if (tdp > 0) {
    for (const [cls, limit] of Object.entries(MAX_FLOPS_PER_WATT) as [RateClass, number][]) {
      const r = rates[cls];
      if (r !== undefined && r / tdp > limit) {
        out.push({
          code: LINT_CODES.perWatt,
          path: `${RATE_PATH}.${cls}`,
          message: `${cls} at ${fmt(r)} FLOP/s on ${tdp} W is ${fmt(r / tdp)} FLOP/s per W; above ${fmt(limit)} is beyond current silicon. Sparse figure, system-level FLOP/s, or a per-chip TDP that is too low?`,
        });
      }
    }
  }
}

function checkLinks(p: HardwareProfile, out: LintFinding[]): void {
  const max = maxLinkBandwidthPerDirection(p.releaseYear);
  const links: [string, number][] = [
    ['scaleUp.bandwidthBytesPerSecondPerDirection', p.scaleUp.bandwidthBytesPerSecondPerDirection],
    ['scaleOut.bandwidthBytesPerSecondPerDirection', p.scaleOut.bandwidthBytesPerSecondPerDirection],
  ];
  for (const [path, bw] of links) {
    if (bw > max) {
      out.push({
        code: LINT_CODES.bidirectional,
        path,
        message: `${fmt(bw)} B/s per direction exceeds the fastest ${p.releaseYear}-era per-chip link (${fmt(max)} B/s per direction); a bidirectional total entered as per-direction? Halve it.`,
      });
    }
  }
}

function mentions(p: HardwareProfile, unit: string): boolean {
  return (p.sources.memory ?? []).some((s) => s.includes(unit));
}

function checkCapacities(p: HardwareProfile, out: LintFinding[]): void {
  const hbm = p.memory.hbmCapacityBytes;
  if (hbm > 0 && hbm % GIB === 0 && hbm % 1e9 !== 0 && !mentions(p, 'GiB')) {
    out.push({
      code: LINT_CODES.gib,
      path: 'memory.hbmCapacityBytes',
      message: `${hbm} bytes is exactly ${hbm / GIB} GiB but not a round number of GB, and sources.memory never says GiB. Datasheets quote decimal GB (1 GB = 1e9 bytes); write ${hbm / GIB}e9 unless the source really says GiB (then cite it).`,
    });
  }
  const sram = p.memory.sramCapacityBytes;
  if (sram > 0 && sram % MIB === 0 && sram % 1e6 !== 0 && !mentions(p, 'MiB') && !mentions(p, 'GiB')) {
    out.push({
      code: LINT_CODES.gib,
      path: 'memory.sramCapacityBytes',
      message: `${sram} bytes is exactly ${sram / MIB} MiB but not a round number of MB, and sources.memory never says MiB. Use decimal MB (1 MB = 1e6 bytes) unless the source says MiB.`,
    });
  }
}

function checkSources(p: HardwareProfile, out: LintFinding[]): void {
  for (const group of SOURCE_GROUPS) {
    const present = (p as unknown as Record<SourceGroup, unknown>)[group] !== undefined;
    const list = p.sources[group];
    if (present && (list === undefined || list.every((s) => s.trim() === ''))) {
      out.push({ code: LINT_CODES.missingSource, path: `sources.${group}`, message: `the ${group} group has values but no source` });
    }
  }
}

function checkEstimates(p: HardwareProfile, out: LintFinding[]): void {
  for (const path of Object.keys(p.estimates)) {
    if (path.startsWith('estimates') || path.startsWith('sources') || estimatedValue(p, path) === undefined) {
      out.push({ code: LINT_CODES.danglingEstimate, path: `estimates.${path}`, message: `marks "${path}", which is not a field of this profile` });
    }
  }
}

function checkSram(p: HardwareProfile, out: LintFinding[]): void {
  if ((p.kind === 'gpu' || p.kind === 'tpu') && p.memory.sramHoldsWeights) {
    out.push({
      code: LINT_CODES.cacheWeights,
      path: 'memory.sramHoldsWeights',
      message: `a ${p.kind}'s largest SRAM tier is a cache (L2/Infinity Cache/CMEM), not a place to keep weights; set sramHoldsWeights to false`,
    });
  }
}

/** All plausibility findings for one profile; an empty list means clean. */
export function lintProfile(p: HardwareProfile): LintFinding[] {
  const out: LintFinding[] = [];
  checkRates(p, out);
  checkLinks(p, out);
  checkCapacities(p, out);
  checkSources(p, out);
  checkEstimates(p, out);
  checkSram(p, out);
  return out;
}
