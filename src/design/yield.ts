// Die yield from defect density (silicon.md, "Yield models"), with spare units.

/** Murphy (1964): Y = ((1 - e^-x) / x)^2, x = D0 x A: defect density varying across the wafer. */
export function murphyYield(defects: number): number {
  if (defects <= 0) return 1;
  return ((1 - Math.exp(-defects)) / defects) ** 2;
}

/** P(N <= k) for N ~ Poisson(lambda): independent defects landing on replicated units. */
export function poissonAtMost(k: number, lambda: number): number {
  if (lambda <= 0) return 1;
  let term = Math.exp(-lambda);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= lambda / i;
    sum += term;
  }
  return Math.min(1, sum);
}

export interface YieldInput {
  areaMm2: number;
  defectsPerCm2: number;
  /** Share of the die made of replicated units (matrix cores and SRAM banks). */
  replicatedShare: number;
  /** Share of the replicated units that are spares. */
  spareFraction: number;
  /** Area of one replicated unit: a defect switches off one. */
  unitAreaMm2: number;
}

/**
 * Without spares: Murphy over the whole die. With spares (H100 ships 132 of 144 SMs): the die is
 * sellable when the non-replicated area has no defect (Murphy) and the defects on the replicated
 * area number at most the spare units (Poisson count), as silicon.md's harvest note describes.
 */
export function dieYield(y: YieldInput): number {
  const cm2 = y.areaMm2 / 100;
  if (y.spareFraction <= 0) return murphyYield(y.defectsPerCm2 * cm2);
  const replicatedMm2 = y.areaMm2 * y.replicatedShare;
  const spares = Math.floor((y.spareFraction * replicatedMm2) / y.unitAreaMm2);
  const fixed = murphyYield(y.defectsPerCm2 * cm2 * (1 - y.replicatedShare));
  return fixed * poissonAtMost(spares, (y.defectsPerCm2 * replicatedMm2) / 100);
}
