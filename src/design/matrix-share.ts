// "How much of the die to give to matrix math": the design with another matrix share (the area
// taken from SRAM and vector/control in proportion, I/O unchanged), the shares a sweep covers and
// how its optimum is read (issue 15, chip lab and CLI). Running the sweep needs the engine:
// matrix-share-sweep.ts (kept apart so the page's main bundle does not load the engine).

import type { ChipDesign } from '../records/chip-design';
import { SILICON } from './constants';

/** Fewest and most sweep points (bounded work for links and the CLI). */
export const SWEEP_MIN_POINTS = 3;
export const SWEEP_MAX_POINTS = 61;
export const SWEEP_DEFAULT_POINTS = 21;
/** The smallest matrix share a sweep starts from. */
export const SWEEP_MIN_SHARE = 0.05;

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The design with matrix share `share`; SRAM and vector/control keep their ratio, I/O its share. */
export function withMatrixShare(design: ChipDesign, share: number): ChipDesign {
  const { sram, vectorAndControl, io } = design.areaShares;
  const rest = Math.max(0, 1 - share - io);
  const both = sram + vectorAndControl;
  const newSram = both > 0 ? round(rest * (sram / both)) : 0;
  return { ...design, areaShares: { matrix: round(share), sram: newSram, vectorAndControl: round(rest - newSram), io } };
}

/** The matrix shares a sweep may cover: up to where vector/control reaches its least share. */
export function matrixShareBounds(design: ChipDesign): { min: number; max: number } {
  const { sram, vectorAndControl, io } = design.areaShares;
  const floor = SILICON.die.minVectorAndControlShare.value;
  const max = vectorAndControl > 0 ? 1 - io - (floor * (sram + vectorAndControl)) / vectorAndControl : design.areaShares.matrix;
  return { min: Math.min(SWEEP_MIN_SHARE, design.areaShares.matrix), max: Math.max(design.areaShares.matrix, Math.floor(max * 1000) / 1000) };
}

/** Evenly spaced shares over the bounds, plus the design's own share. */
export function sweepShares(design: ChipDesign, points: number = SWEEP_DEFAULT_POINTS): number[] {
  const n = Math.round(Math.min(SWEEP_MAX_POINTS, Math.max(SWEEP_MIN_POINTS, points)));
  const { min, max } = matrixShareBounds(design);
  const shares = Array.from({ length: n }, (_, i) => round(min + ((max - min) * i) / (n - 1)));
  return [...new Set([...shares, round(design.areaShares.matrix)])].sort((a, b) => a - b);
}

export interface MatrixSharePoint {
  matrixShare: number;
  feasible: boolean;
  /** Why the point has no result: the design cannot be built, or the workload does not fit. */
  reason: string | null;
  usdPerMillionOutputTokens: number | null;
  tokensPerSecondPerUser: number | null;
  /** Dense rate of `flopsFormat` the profile carries (sustained within tdpWatts). */
  flopsPerSecond: number;
  /** bf16, else the design's first matrix format (design/matrix-share-sweep.ts sweepFlopsFormat). */
  flopsFormat: string;
  priceUsd: number;
  powerWatts: number;
}

/**
 * The run of swept shares around the lowest $/M whose $/M stays within `tolerance` of it: where the
 * curve is flat (inside it, the matrix share barely matters for this workload). null when no point
 * is feasible; from === to when the neighbours already cost more.
 */
export function nearLowestRange(points: readonly MatrixSharePoint[], tolerance = 0.01): { from: MatrixSharePoint; to: MatrixSharePoint } | null {
  const best = optimumOf(points);
  if (best === null) return null;
  const limit = (best.usdPerMillionOutputTokens ?? 0) * (1 + tolerance);
  const near = (p: MatrixSharePoint | undefined) => p !== undefined && p.usdPerMillionOutputTokens !== null && p.usdPerMillionOutputTokens <= limit;
  let lo = points.indexOf(best);
  let hi = lo;
  while (near(points[lo - 1])) lo -= 1;
  while (near(points[hi + 1])) hi += 1;
  return { from: points[lo]!, to: points[hi]! };
}

/** The feasible point with the lowest $/M output tokens; null when none is feasible. */
export function optimumOf(points: readonly MatrixSharePoint[]): MatrixSharePoint | null {
  let best: MatrixSharePoint | null = null;
  for (const p of points) {
    if (p.usdPerMillionOutputTokens === null) continue;
    if (best === null || p.usdPerMillionOutputTokens < (best.usdPerMillionOutputTokens ?? Infinity)) best = p;
  }
  return best;
}

/**
 * Whether the lowest $/M sits at an end of the swept range: there the sweep found no turning point
 * and the bound set it (the largest share the die allows keeps vector units and control at their
 * least share; the smallest is where the sweep starts), so it is no optimum in the calculus sense.
 */
export function optimumEdge(points: readonly MatrixSharePoint[], optimum: MatrixSharePoint | null): 'largest' | 'smallest' | null {
  if (optimum === null || points.length < 2) return null;
  if (optimum === points[points.length - 1]) return 'largest';
  if (optimum === points[0]) return 'smallest';
  return null;
}
