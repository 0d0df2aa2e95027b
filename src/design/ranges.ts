// The uncertainty the constants carry into each derived number: the derivation is rerun with one
// constant at a time at its low and at its high end (everything else at its value), and the
// deviations are combined per side as a root sum of squares (independent inputs). Nothing here is
// fitted: the ranges are the ones the sources span (reference/silicon-constants.json).

import type { ChipDesign } from '../records/chip-design';
import { computeDesign, type DesignNumbers } from './compute';
import { nominalValues, type DesignConstant } from './inputs';

export interface Range {
  low: number;
  high: number;
}

export function metricRanges(
  design: ChipDesign,
  constants: readonly DesignConstant[],
  metricsOf: (n: DesignNumbers) => Record<string, number>,
): Map<string, Range> {
  const base = nominalValues(constants);
  const nominal = metricsOf(computeDesign(design, base));
  const down = new Map<string, number>();
  const up = new Map<string, number>();
  for (const c of constants) {
    for (const bound of [c.low, c.high]) {
      if (bound === c.value) continue;
      const moved = metricsOf(computeDesign(design, { ...base, [c.key]: bound }));
      for (const [key, value] of Object.entries(moved)) {
        const d = value - (nominal[key] ?? Number.NaN);
        if (!Number.isFinite(d) || d === 0) continue;
        const side = d < 0 ? down : up;
        side.set(key, (side.get(key) ?? 0) + d * d);
      }
    }
  }
  const out = new Map<string, Range>();
  for (const [key, value] of Object.entries(nominal)) {
    // Every derived number is non-negative; a root sum of squares can overshoot below zero.
    out.set(key, { low: Math.max(0, value - Math.sqrt(down.get(key) ?? 0)), high: value + Math.sqrt(up.get(key) ?? 0) });
  }
  return out;
}
