// Die geometry: sides, gross dies per wafer and the die edge that can face memory.

/** Sides of a die of `areaMm2` drawn at the reticle's aspect ratio (26 x 33 mm field). */
export function dieSidesMm(areaMm2: number, aspect: number): { longMm: number; shortMm: number } {
  const longMm = Math.sqrt(areaMm2 * aspect);
  return { longMm, shortMm: areaMm2 / longMm };
}

/**
 * Gross dies per wafer, the classic estimate used by LLMCompass (cost_model dies_per_wafer):
 * DPW = pi (d/2)^2 / A - pi d / sqrt(2 A), with Chiplet Actuary's edge exclusion (d = wafer - 2 x
 * edge) and scribe lane (A = (long + scribe) x (short + scribe)) (silicon.md step 1).
 */
export function grossDiesPerWafer(areaMm2: number, aspect: number, waferDiameterMm: number, edgeExclusionMm: number, scribeLaneMm: number): number {
  const { longMm, shortMm } = dieSidesMm(areaMm2, aspect);
  const a = (longMm + scribeLaneMm) * (shortMm + scribeLaneMm);
  const d = waferDiameterMm - 2 * edgeExclusionMm;
  return Math.max(0, Math.floor((Math.PI * (d / 2) ** 2) / a - (Math.PI * d) / Math.sqrt(2 * a)));
}

/** Die edge facing memory: perimeter x the share of it given to memory PHYs, times the dies. */
export function memoryEdgeMm(areaMm2: number, dies: number, aspect: number, memoryEdgeFraction: number): number {
  const { longMm, shortMm } = dieSidesMm(areaMm2, aspect);
  return 2 * (longMm + shortMm) * memoryEdgeFraction * dies;
}
