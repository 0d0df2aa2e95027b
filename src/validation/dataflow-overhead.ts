// Per-operator fixed costs of chips that hold weights in on-chip SRAM (Cerebras, Groq, d-Matrix,
// MatX): statically scheduled dataflow, no GPU kernel launches, so the GPU-measured launch cost of
// the prior does not describe them. A scale on the prior's overheads is fitted to the third-party
// single-stream speeds that calibration.csv does not hold out (tokens/s per user is where a fixed
// cost per operator shows): a chip with at least two such rows of its own gets its own scale (Groq's
// per-layer cost is several times Cerebras's), the others the scale of all the rows together. Pure.
import type { Catalog } from '../catalog/catalog';
import { isDataflowChip } from '../engine/memory';
import type { HardwareProfile } from '../engine/types';
import { evaluateRow } from './evaluate-row';
import type { ModelledRow, RowPlan } from './row-plan';
import { median } from './stats';

/** The fitted scale lies in [1/1000, 1] of the prior's overheads (never more than a GPU launch). */
const SCALE_BOUNDS = { min: 1e-3, max: 1 } as const;

/** Third-party single-stream speeds of dataflow chips; held-out rows only when asked (the fit never sees them). */
export function dataflowRows(plans: readonly RowPlan[], catalog: Catalog, withHeldOut = false): ModelledRow[] {
  return plans.filter((p): p is ModelledRow => p.kind === 'modelled' && p.group === 'third-party' && (withHeldOut || !p.row.holdout)
    && p.metric.kind === 'tokens-per-second-per-user' && catalog.hardware.get(p.hardwareId) !== undefined
    && isDataflowChip(catalog.hardware.get(p.hardwareId)!));
}

/** The catalog with every dataflow chip's fixed costs at `scale` x its current ones. */
export function withDataflowOverheads(catalog: Catalog, scale: number): Catalog {
  const hardware = new Map<string, HardwareProfile>();
  for (const [id, hw] of catalog.hardware) {
    hardware.set(id, !isDataflowChip(hw) ? hw : {
      ...hw,
      efficiency: {
        ...hw.efficiency,
        kernelOverheadSeconds: hw.efficiency.kernelOverheadSeconds * scale,
        attentionOverheadSeconds: hw.efficiency.attentionOverheadSeconds * scale,
        moeLayerOverheadSeconds: hw.efficiency.moeLayerOverheadSeconds * scale,
      },
    });
  }
  return { hardware, models: catalog.models };
}

function medianAbsLog(rows: readonly ModelledRow[], catalog: Catalog): number {
  const logs = rows.map((p) => {
    const predicted = evaluateRow(p, catalog, { skipClaims: true }).predicted;
    return predicted === null || !(predicted > 0) ? Math.log(10) : Math.abs(Math.log(predicted / p.measured));
  });
  return median(logs);
}

export interface DataflowFit {
  scale: number;
  rows: ModelledRow[];
  medianAbsLogError: number;
}

/** Rows a chip needs for a scale of its own: one row would be met exactly by construction. */
export const MIN_OWN_DATAFLOW_ROWS = 2;

export interface DataflowFits {
  /** All the rows together: the scale of a dataflow chip without enough rows of its own. */
  pooled: DataflowFit;
  /** Chips with at least MIN_OWN_DATAFLOW_ROWS rows, by hardware id. */
  byChip: Map<string, DataflowFit>;
}

/** The pooled scale and each chip's own where its rows allow (null without rows). */
export function fitDataflowOverheadsByChip(rows: readonly ModelledRow[], catalog: Catalog): DataflowFits | null {
  const pooled = fitDataflowOverheads(rows, catalog);
  if (pooled === null) return null;
  const byChip = new Map<string, DataflowFit>();
  for (const id of new Set(rows.map((r) => r.hardwareId))) {
    const own = rows.filter((r) => r.hardwareId === id);
    if (own.length >= MIN_OWN_DATAFLOW_ROWS) byChip.set(id, fitDataflowOverheads(own, catalog)!);
  }
  return { pooled, byChip };
}

/** Scale minimizing the median |log error| of the rows: a log grid, then golden section around the best. */
export function fitDataflowOverheads(rows: readonly ModelledRow[], catalog: Catalog): DataflowFit | null {
  if (rows.length === 0) return null;
  const lo = Math.log(SCALE_BOUNDS.min);
  const hi = Math.log(SCALE_BOUNDS.max);
  const at = (x: number) => medianAbsLog(rows, withDataflowOverheads(catalog, Math.exp(x)));
  const steps = 24;
  let best = { x: hi, f: at(hi) };
  for (let i = 0; i < steps; i++) {
    const x = lo + ((hi - lo) * i) / steps;
    const f = at(x);
    if (f < best.f - 1e-12) best = { x, f };
  }
  const cell = (hi - lo) / steps;
  let a = Math.max(lo, best.x - cell);
  let b = Math.min(hi, best.x + cell);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 12; it++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (at(c) <= at(d)) b = d;
    else a = c;
  }
  const mid = (a + b) / 2;
  const fMid = at(mid);
  const x = fMid < best.f ? mid : best.x;
  return { scale: Math.exp(x), rows: [...rows], medianAbsLogError: Math.min(fMid, best.f) };
}
