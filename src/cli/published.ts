import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../catalog/catalog';
import type { EfficiencyMode } from '../engine/types';
import { formatNumber } from '../format/units';
import { parseCalibrationCsv } from '../validation/calibration-rows';
import { planRows } from '../validation/row-to-scenario';
import { evaluateRow, rowDateCatalogs } from '../validation/validate';

export interface PublishedFigure {
  row: number;
  label: string;
  kind: string;
  unit: string;
  published: number;
  /** The engine on the row's own conditions (chips, lengths, objective), not on the user's scenario. */
  predicted: number | null;
  deployment: string;
  /** For vendor claims and per-user API speeds: what the figure implies (reported, never fitted). */
  implies: string | null;
}

const CSV = fileURLToPath(new URL('../../reference/calibration.csv', import.meta.url));

/**
 * Published measurements and claims (reference/calibration.csv) for this chip and model, each
 * re-simulated under its own stated conditions, so a prediction is read next to the claim.
 */
export function publishedFigures(catalog: Catalog, hardwareId: string, modelId: string, mode: EfficiencyMode): PublishedFigure[] {
  let text: string;
  try {
    text = readFileSync(CSV, 'utf8');
  } catch {
    return [];
  }
  const out: PublishedFigure[] = [];
  const catalogFor = rowDateCatalogs(catalog, mode);
  for (const plan of planRows(parseCalibrationCsv(text).rows)) {
    if (plan.kind !== 'modelled' || plan.hardwareId !== hardwareId || plan.modelId !== modelId) continue;
    const r = evaluateRow(plan, catalogFor(plan), { efficiencyMode: mode });
    out.push({
      row: plan.row.index,
      label: plan.label,
      kind: plan.row.sourceKind,
      unit: plan.metric.unit,
      published: plan.measured,
      predicted: r.predicted,
      deployment: r.deployment,
      implies: r.claim?.text ?? null,
    });
  }
  return out;
}

export function formatPublished(figures: PublishedFigure[]): string {
  if (figures.length === 0) return '';
  const lines = ['', 'Published figures for this chip and model (each simulated under its own conditions, as validate scores it: achieved mode runs the software of its date):'];
  for (const f of figures) {
    const predicted = f.predicted === null ? 'no feasible deployment' : `${formatNumber(f.predicted)} ${f.unit}`;
    lines.push(`  #${f.row} ${f.label} [${f.kind}]`);
    lines.push(`      published ${formatNumber(f.published)} ${f.unit}; this engine ${predicted}${f.deployment ? ` (${f.deployment})` : ''}`);
    if (f.implies) lines.push(`      implies: ${f.implies}`);
  }
  return `${lines.join('\n')}\n`;
}
